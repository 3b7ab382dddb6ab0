//! Throughput of each pipeline stage, and of corpus mode, on the project's
//! own Arabic articles (`examples/articles/*.ar.txt` and `tests/dev/*.ar.txt`).
//!
//! `cargo bench` runs them; each reports bytes of original text per second,
//! so stages compare directly with each other and with `bench/run.sh`'s
//! end-to-end figures. Stages after the first take the previous stage's
//! output, computed once outside the timed loop.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use sanad::corpus::{self, Options, Outcome, Record, Render};
use sanad::export::rdf;
use sanad::class_index::ClassStarts;
use sanad::matcher::{match_rules, SentenceView};
use sanad::mention::find_mentions;
use sanad::normalize::NormalizedText;
use sanad::sentence::split;
use sanad::token::tokenize;
use sanad::{Document, Extractor, KnowledgeGraph, Ontology};

fn articles() -> Vec<Document> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in ["examples/articles", "tests/dev"] {
        if let Ok(entries) = std::fs::read_dir(root.join(dir)) {
            paths.extend(entries.flatten().map(|e| e.path()).filter(|p| p.to_string_lossy().ends_with(".ar.txt")));
        }
    }
    paths.sort();
    paths.iter().map(|p| Document::read(p).expect("readable article")).collect()
}

fn stages(c: &mut Criterion) {
    let extractor = Extractor::new(Ontology::bundled().expect("bundled ontology"));
    let docs = articles();
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let abbreviations: Vec<String> = Vec::new();
    let lexicon = &extractor.ontology.lexicon;
    let gazetteer = extractor.gazetteer();

    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(20);

    group.bench_function("normalize", |b| {
        b.iter(|| docs.iter().map(|d| NormalizedText::new(black_box(&d.text)).chars.len()).sum::<usize>())
    });
    let normalized: Vec<NormalizedText> = docs.iter().map(|d| NormalizedText::new(&d.text)).collect();
    group.bench_function("sentences", |b| {
        b.iter(|| normalized.iter().map(|n| split(black_box(n), &abbreviations).len()).sum::<usize>())
    });
    let sentences: Vec<_> = normalized.iter().map(|n| (n, split(n, &abbreviations))).collect();
    group.bench_function("tokens", |b| {
        b.iter(|| {
            let mut count = 0;
            for (n, ss) in &sentences {
                for s in ss {
                    count += tokenize(black_box(&n.chars), s.start, s.end, lexicon).len();
                }
            }
            count
        })
    });
    let tokens: Vec<_> = sentences
        .iter()
        .flat_map(|(n, ss)| ss.iter().map(|s| tokenize(&n.chars, s.start, s.end, lexicon)).collect::<Vec<_>>())
        .collect();
    group.bench_function("mentions", |b| {
        b.iter(|| tokens.iter().map(|t| find_mentions(black_box(t), gazetteer, lexicon).len()).sum::<usize>())
    });
    let analyses: Vec<_> = docs.iter().flat_map(|d| extractor.analyse(d)).collect();
    group.bench_function("rules", |b| {
        b.iter(|| {
            analyses
                .iter()
                .map(|a| match_rules(&extractor.ontology.rules, &SentenceView::new(black_box(&a.tokens), &a.mentions, &ClassStarts::new(extractor.ontology.rules.first_words(), &a.tokens)), gazetteer).len())
                .sum::<usize>()
        })
    });
    group.bench_function("analyse", |b| b.iter(|| docs.iter().map(|d| extractor.analyse(black_box(d)).len()).sum::<usize>()));
    group.bench_function("extract", |b| b.iter(|| docs.iter().map(|d| extractor.extract(black_box(d)).triples.len()).sum::<usize>()));
    let extractions: Vec<_> = docs.iter().map(|d| extractor.extract(d)).collect();
    group.bench_function("nquads", |b| {
        b.iter(|| {
            extractions
                .iter()
                .map(|x| {
                    let graph = KnowledgeGraph::build(std::slice::from_ref(x), gazetteer);
                    rdf::write_nquads(Vec::new(), &[graph]).expect("in memory").len()
                })
                .sum::<usize>()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(bytes * 4));
    group.sample_size(10);
    let records: Vec<Record> = docs
        .iter()
        .cycle()
        .take(docs.len() * 4)
        .enumerate()
        .map(|(i, d)| Record { origin: format!("bench:{i}"), document: d.clone(), metadata: Default::default(), bytes: d.text.len() as u64 })
        .collect();
    for threads in [1, 2] {
        let options = Options { threads, ..Options::default() };
        group.bench_function(format!("nquads/{threads}-threads"), |b| {
            b.iter(|| {
                let mut out = 0;
                corpus::run(&extractor, records.iter().cloned().map(Ok), Render::NQuads(Default::default()), &options, |o| {
                    if let Outcome::Done { output, .. } = o {
                        out += output.len();
                    }
                    Ok(())
                })
                .expect("in memory");
                out
            })
        });
    }
    group.finish();
}

fn ontology(c: &mut Criterion) {
    let mut group = c.benchmark_group("ontology");
    group.sample_size(10);
    group.bench_function("compile", |b| b.iter(|| Ontology::bundled().expect("bundled ontology")));
    group.finish();
}

criterion_group!(benches, stages, ontology);
criterion_main!(benches);

//! Running the extractor over a corpus: in parallel, in input order, in
//! bounded memory.
//!
//! Records are taken from the reader in batches (at most
//! [`Options::batch_documents`] documents or about [`Options::batch_bytes`]
//! input bytes); a reader thread fills the next batch while a rayon pool of
//! [`Options::threads`] workers extracts the current one. Each document is
//! extracted on its own, with nothing carried from one document to the next,
//! and for the streaming outputs it is rendered to bytes on the worker. The
//! results are handed to the caller in input order, so the output is
//! byte-identical whatever the number of threads, and at most three batches
//! are alive at once, so memory depends on the batch size, not on the corpus.
//!
//! A record that could not be read, or whose extraction failed, is handed
//! back as [`Outcome::Failed`] in its place; the others go on.
//!
//! This module neither reads input (see [`crate::corpus::input`]) nor merges
//! documents into one graph (the caller does, from [`Outcome::Done`]'s
//! extraction, for the formats that need the whole graph).

use std::fmt;
use std::io;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::sync_channel;
use std::sync::Mutex;

use rayon::prelude::*;

use crate::corpus::input::{CorpusError, Record};
use crate::export::{json, rdf};
use crate::extract::{Extraction, Extractor, Memo};
use crate::graph::KnowledgeGraph;

/// What each document is turned into on the worker.
#[derive(Debug, Clone, Copy)]
pub enum Render {
    /// N-Quads, the document's statements in a named graph of its own,
    /// written by this serializer (RDF 1.1 reification or RDF 1.2 triple terms).
    NQuads(rdf::RdfSerializer),
    /// One line of JSON (the JSON contract's document object).
    JsonLines,
    /// Nothing: the caller keeps the extraction (to merge documents).
    Extraction,
}

/// How to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Most documents in one batch.
    pub batch_documents: usize,
    /// A batch is closed once its documents reach this many input bytes.
    pub batch_bytes: u64,
}

impl Default for Options {
    /// Batches of 1 MB of input: N-Quads output is about twelve times the
    /// input, and up to three batches are alive, so this bounds the output
    /// held in memory to some 40 MB while keeping a few hundred documents
    /// per batch for the workers to share.
    fn default() -> Options {
        Options { threads: 0, batch_documents: 4096, batch_bytes: 1 << 20 }
    }
}

/// What happened to one record, in input order.
#[derive(Debug)]
pub enum Outcome {
    Done {
        /// Where the document came from (`corpus.jsonl:12`, `a.txt`).
        origin: String,
        /// Input bytes of the record.
        bytes: u64,
        sentences: usize,
        triples: usize,
        /// The rendered document (empty for [`Render::Extraction`]).
        output: Vec<u8>,
        /// The extraction, kept only for [`Render::Extraction`].
        extraction: Option<Extraction>,
    },
    Failed(CorpusError),
}

/// Counts for the end-of-run summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents read, with or without errors.
    pub documents: u64,
    pub sentences: u64,
    pub triples: u64,
    /// Documents (or lines, or inputs) that could not be read or extracted.
    pub failed: u64,
    /// Input bytes read.
    pub bytes: u64,
}

impl Summary {
    /// Adds one outcome.
    pub fn count(&mut self, outcome: &Outcome) {
        self.documents += 1;
        match outcome {
            Outcome::Done { bytes, sentences, triples, .. } => {
                self.bytes += bytes;
                self.sentences += *sentences as u64;
                self.triples += *triples as u64;
            }
            Outcome::Failed(e) => {
                self.bytes += e.bytes();
                self.failed += 1;
            }
        }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: u64, word: &str| if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") };
        write!(
            f,
            "{}, {}, {}, {} with errors",
            plural(self.documents, "document"),
            plural(self.sentences, "sentence"),
            plural(self.triples, "triple"),
            self.failed
        )
    }
}

/// Extracts every record and hands the outcomes to `sink` in input order.
/// Stops at the first error `sink` returns (a closed output) and returns it.
pub fn run<I, S>(extractor: &Extractor, records: I, render: Render, options: &Options, mut sink: S) -> io::Result<Summary>
where
    I: Iterator<Item = Result<Record, CorpusError>> + Send,
    S: FnMut(Outcome) -> io::Result<()>,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .thread_name(|i| format!("sanad-worker-{i}"))
        .build()
        .map_err(io::Error::other)?;
    let mut summary = Summary::default();
    let weight = |r: &Result<Record, CorpusError>| match r {
        Ok(r) => r.bytes,
        Err(e) => e.bytes(),
    };
    // One memo of word analyses per worker, kept for the whole run.
    let memos: Vec<Mutex<Memo>> = (0..pool.current_num_threads()).map(|_| Mutex::new(extractor.memo())).collect();
    let map = |r| {
        let worker = rayon::current_thread_index().and_then(|i| memos.get(i));
        match worker.map(|m| m.lock()) {
            Some(Ok(mut memo)) => process(extractor, &mut memo, r, render),
            // A poisoned lock (a panic outside `process`): a fresh memo gives
            // the same output.
            _ => process(extractor, &mut extractor.memo(), r, render),
        }
    };
    ordered_map(&pool, records, weight, options, map, |outcome| {
        summary.count(&outcome);
        sink(outcome)
    })?;
    Ok(summary)
}

/// Extracts and renders one record.
fn process<'x>(extractor: &'x Extractor, memo: &mut Memo<'x>, record: Result<Record, CorpusError>, render: Render) -> Outcome {
    let record = match record {
        Ok(r) => r,
        Err(e) => return Outcome::Failed(e),
    };
    let result = catch_unwind(AssertUnwindSafe(|| {
        let x = extractor.extract_with(&record.document, memo);
        let gazetteer = extractor.gazetteer();
        // Rendered straight into the document's bytes, not through `io::Write`.
        let mut output = Vec::new();
        match render {
            Render::NQuads(serializer) => {
                serializer.push_nquads(&mut output, &[KnowledgeGraph::build(std::slice::from_ref(&x), gazetteer)])
            }
            Render::JsonLines => json::push_line(&mut output, &x, gazetteer),
            Render::Extraction => {}
        }
        (x, output)
    }));
    match result {
        Ok((x, output)) => Outcome::Done {
            origin: record.origin,
            bytes: record.bytes,
            sentences: x.sentences,
            triples: x.triples.len(),
            output,
            extraction: matches!(render, Render::Extraction).then_some(x),
        },
        Err(panic) => {
            // The panic was caught here, inside the lock, so the mutex is not
            // poisoned: empty the memo, which the panic may have left half
            // written, so that later documents cannot read from it.
            *memo = extractor.memo();
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Outcome::Failed(CorpusError::Extraction { origin: record.origin, message, bytes: record.bytes })
        }
    }
}

/// Maps `items` with `map` on `pool`, in batches bounded by `options`, and
/// feeds the results to `sink` in the order of the items. A reader thread
/// fills the next batch while the pool works on the current one.
pub fn ordered_map<T, U, I, W, M, S>(pool: &rayon::ThreadPool, items: I, weight: W, options: &Options, map: M, mut sink: S) -> io::Result<()>
where
    T: Send,
    U: Send,
    I: Iterator<Item = T> + Send,
    W: Fn(&T) -> u64 + Send,
    M: Fn(T) -> U + Sync + Send,
    S: FnMut(U) -> io::Result<()>,
{
    let max_documents = options.batch_documents.max(1);
    let max_bytes = options.batch_bytes.max(1);
    std::thread::scope(|scope| {
        // One batch waits in the channel while the next is being read.
        let (tx, rx) = sync_channel::<Vec<T>>(1);
        scope.spawn(move || {
            for batch in (Batches { items, weight, max_documents, max_bytes }) {
                if tx.send(batch).is_err() {
                    return; // the consumer stopped
                }
            }
        });
        for batch in rx {
            let results: Vec<U> = pool.install(|| batch.into_par_iter().map(&map).collect());
            for r in results {
                sink(r)?;
            }
        }
        Ok(())
    })
}

/// Groups items into batches of at most `max_documents` items, closing a
/// batch as soon as its weight reaches `max_bytes`.
struct Batches<I, W> {
    items: I,
    weight: W,
    max_documents: usize,
    max_bytes: u64,
}

impl<T, I: Iterator<Item = T>, W: Fn(&T) -> u64> Iterator for Batches<I, W> {
    type Item = Vec<T>;

    fn next(&mut self) -> Option<Vec<T>> {
        let mut batch = Vec::new();
        let mut bytes = 0;
        for item in self.items.by_ref() {
            bytes += (self.weight)(&item);
            batch.push(item);
            if batch.len() >= self.max_documents || bytes >= self.max_bytes {
                break;
            }
        }
        (!batch.is_empty()).then_some(batch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(n: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new().num_threads(n).build().unwrap()
    }

    #[test]
    fn results_come_back_in_input_order_across_batches() {
        let options = Options { threads: 2, batch_documents: 7, batch_bytes: u64::MAX };
        let mut seen = Vec::new();
        ordered_map(&pool(2), 0..100u64, |_| 1, &options, |i| i * 10, |r| {
            seen.push(r);
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, (0..100).map(|i| i * 10).collect::<Vec<_>>());
    }

    #[test]
    fn batches_close_at_their_document_or_byte_limit() {
        let sizes = |items: Vec<u64>, max_documents, max_bytes| -> Vec<Vec<u64>> {
            Batches { items: items.into_iter(), weight: |w: &u64| *w, max_documents, max_bytes }.collect()
        };
        assert_eq!(sizes(vec![10, 10, 10, 10, 10], 100, 25), vec![vec![10, 10, 10], vec![10, 10]]);
        assert_eq!(sizes(vec![1, 1, 1, 1, 1], 2, 1000), vec![vec![1, 1], vec![1, 1], vec![1]]);
        // One heavy item makes a batch of its own.
        assert_eq!(sizes(vec![1, 500, 1], 100, 100), vec![vec![1, 500], vec![1]]);
        assert!(sizes(vec![], 10, 10).is_empty());
    }

    #[test]
    fn a_sink_error_stops_the_run() {
        let options = Options { threads: 1, batch_documents: 4, batch_bytes: u64::MAX };
        let mut taken = 0;
        let err = ordered_map(&pool(1), 0..1_000_000u64, |_| 1, &options, |i| i, |_| {
            taken += 1;
            if taken == 5 {
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
            } else {
                Ok(())
            }
        })
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
        assert_eq!(taken, 5);
    }
}

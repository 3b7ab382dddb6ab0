//! The library on dirty text: noisy Arabic gives the facts of the clean text
//! with evidence pointing into the text as written; any input string is
//! extracted without panicking, with valid spans, and the RDF written from it
//! re-parses; document ids and literals of any content give valid IRIs and
//! escaped literals.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use oxrdf::{Quad, Term};
use proptest::prelude::*;
use sanad::export::{dot, json, rdf};
use sanad::normalize::{normalize_str, NormalizedText};
use sanad::ontology::SourceFile;
use sanad::sentence::split;
use sanad::{Assertion, Document, Extraction, Extractor, KnowledgeGraph, Ontology};
use unicode_normalization::UnicodeNormalization;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new(Ontology::bundled().expect("bundled ontology compiles")));

/// An article written for this test: visits, meetings, an agreement,
/// sanctions, titles with names, a hedged visit.
const CLEAN: &str = "زار رئيس الوزراء الهندي ناريندرا مودي موسكو الأسبوع الماضي.
والتقى الرئيس الأمريكي جو بايدن نظيره الصيني شي جين بينغ على هامش القمة.
ووقعت مصر والإمارات اتفاقية للتعاون في مجال الطاقة.
وفرضت الولايات المتحدة عقوبات جديدة على إيران بسبب برنامجها النووي.
وأعلنت فرنسا دعمها الكامل لأوكرانيا.
ولم يزر الرئيس التركي رجب طيب أردوغان اليونان هذا العام.
وقد تزور رئيسة الوزراء الإيطالية جورجيا ميلوني تونس الشهر المقبل.
";

type Fact = (String, String, String, Assertion);

fn facts(x: &Extraction) -> BTreeSet<Fact> {
    x.triples.iter().map(|t| (t.subject.clone(), t.relation.name().to_string(), t.object.clone(), t.assertion)).collect()
}

/// Asserts every evidence of `x` is a code-point range of `text` whose
/// `text` field is exactly that slice.
#[track_caller]
fn assert_evidence_points_into(x: &Extraction, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    for t in &x.triples {
        for e in &t.evidence {
            assert!(e.start < e.end && e.end <= chars.len(), "span {}..{} outside a text of {} code points", e.start, e.end, chars.len());
            let slice: String = chars[e.start..e.end].iter().collect();
            assert_eq!(e.text, slice, "evidence text of {} {} {} is not the original slice", t.subject, t.relation, t.object);
        }
    }
}

/// A small deterministic generator, so the noise is the same on every run.
struct Noise(u64);

impl Noise {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }

    fn one_in(&mut self, n: u64) -> bool {
        self.next(n) == 0
    }

    fn pick(&mut self, options: &[char]) -> char {
        options[self.next(options.len() as u64) as usize]
    }
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

/// Rewrites every Arabic letter (with `letter`) and inserts what `between`
/// returns after it when the next character is an Arabic letter too.
fn rewrite(text: &str, seed: u64, mut letter: impl FnMut(char, &mut Noise) -> String, mut between: impl FnMut(&mut Noise) -> String) -> String {
    let mut noise = Noise(seed);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !is_arabic_letter(c) {
            out.push(c);
            continue;
        }
        out.push_str(&letter(c, &mut noise));
        if chars.get(i + 1).is_some_and(|&n| is_arabic_letter(n)) {
            out.push_str(&between(&mut noise));
        }
    }
    out
}

const HARAKAT: &[char] = &['\u{064B}', '\u{064C}', '\u{064D}', '\u{064E}', '\u{064F}', '\u{0650}', '\u{0651}', '\u{0652}', '\u{0670}'];

fn diacritics(text: &str) -> String {
    rewrite(
        text,
        1,
        |c, n| {
            let mut s = c.to_string();
            if n.one_in(2) {
                s.push(n.pick(HARAKAT));
                if n.one_in(4) {
                    s.push(n.pick(HARAKAT));
                }
            }
            s
        },
        |_| String::new(),
    )
}

fn tatweel(text: &str) -> String {
    rewrite(text, 2, |c, _| c.to_string(), |n| if n.one_in(3) { "ـ".repeat(1 + n.next(3) as usize) } else { String::new() })
}

fn zero_width(text: &str) -> String {
    rewrite(text, 3, |c, _| c.to_string(), |n| if n.one_in(3) { n.pick(&['\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}']).to_string() } else { String::new() })
}

/// Embeddings, overrides and isolates around lines and words, marks after
/// words and before punctuation.
fn bidi(text: &str) -> String {
    let mut noise = Noise(4);
    let mut out = String::new();
    for line in text.lines() {
        let (open, close) = [('\u{202B}', '\u{202C}'), ('\u{202E}', '\u{202C}'), ('\u{2067}', '\u{2069}'), ('\u{202A}', '\u{202C}')][noise.next(4) as usize];
        out.push(open);
        let words: Vec<String> = line
            .split(' ')
            .map(|w| match noise.next(5) {
                0 => format!("\u{2068}{w}\u{2069}"),
                1 => format!("{w}\u{200F}"),
                2 => format!("\u{200E}{w}"),
                3 => format!("\u{202D}{w}\u{202C}"),
                _ => w.replace('.', "\u{200F}.\u{200E}"),
            })
            .collect();
        out.push_str(&words.join(" "));
        out.push(close);
        out.push_str("\u{061C}\n");
    }
    out
}

/// Each letter drawn in one of its presentation forms (U+FE70–U+FEFF),
/// `لا` as a ligature, and some harakat in their spacing presentation forms.
fn presentation_forms(text: &str) -> String {
    let mut forms: Vec<(char, Vec<char>)> = Vec::new();
    for c in ('\u{FE80}'..='\u{FEFC}').chain('\u{FB50}'..='\u{FBFF}') {
        let decomposed: Vec<char> = c.to_string().nfkc().collect();
        if let [base] = decomposed[..] {
            match forms.iter_mut().find(|(b, _)| *b == base) {
                Some((_, list)) => list.push(c),
                None => forms.push((base, vec![c])),
            }
        }
    }
    let text = text.replace("لا", "\u{FEFB}").replace("لأ", "\u{FEF7}").replace("لإ", "\u{FEF9}");
    rewrite(
        &text,
        5,
        |c, n| {
            let mut s = match forms.iter().find(|(b, _)| *b == c) {
                Some((_, list)) => n.pick(list).to_string(),
                None => c.to_string(),
            };
            if n.one_in(6) {
                // Spacing fatha, damma, kasra, shadda or sukun.
                s.push(n.pick(&['\u{FE76}', '\u{FE78}', '\u{FE7A}', '\u{FE7C}', '\u{FE7E}', '\u{FE77}']));
            }
            s
        },
        |_| String::new(),
    )
}

/// Persian letters for yeh and kaf, as Persian keyboards type them.
fn persian_letters(text: &str) -> String {
    text.chars().map(|c| match c {
        'ي' | 'ى' => 'ی',
        'ك' => 'ک',
        c => c,
    }).collect()
}

/// Canonically decomposed (NFD): hamza and madda as combining marks.
fn decomposed(text: &str) -> String {
    text.nfd().collect()
}

fn all_at_once(text: &str) -> String {
    bidi(&zero_width(&tatweel(&diacritics(&persian_letters(&decomposed(text))))))
}

#[test]
fn noisy_arabic_gives_the_facts_of_the_clean_text_with_evidence_in_the_noisy_text() {
    let clean = EXTRACTOR.extract(&Document::new("clean", CLEAN));
    let expected = facts(&clean);
    assert!(expected.len() >= 8, "the clean article gives its facts: {expected:?}");
    assert!(expected.iter().any(|f| f.3 == Assertion::Hypothetical), "and a hedged one: {expected:?}");
    assert_evidence_points_into(&clean, CLEAN);
    type Variant = (&'static str, fn(&str) -> String);
    let variants: [Variant; 8] = [
        ("diacritics", diacritics),
        ("tatweel", tatweel),
        ("zero-width joiners", zero_width),
        ("bidi controls", bidi),
        ("presentation forms", presentation_forms),
        ("Persian letters", persian_letters),
        ("decomposed", decomposed),
        ("all at once", all_at_once),
    ];
    for (name, make) in variants {
        let noisy = make(CLEAN);
        assert_ne!(noisy, CLEAN, "{name} changes the text");
        let x = EXTRACTOR.extract(&Document::new(name, noisy.as_str()));
        let got = facts(&x);
        assert_eq!(got, expected, "{name}: different facts\n  missing: {:?}\n  extra: {:?}", expected.difference(&got).collect::<Vec<_>>(), got.difference(&expected).collect::<Vec<_>>());
        assert_evidence_points_into(&x, &noisy);
        // Each evidence is the noisy spelling of the clean evidence sentence.
        for (c, n) in clean.triples.iter().zip(&x.triples) {
            let clean_spans: Vec<String> = c.evidence.iter().map(|e| normalize_str(&e.text)).collect();
            let noisy_spans: Vec<String> = n.evidence.iter().map(|e| normalize_str(&e.text)).collect();
            assert_eq!(noisy_spans, clean_spans, "{name}: evidence of {} {} {}", n.subject, n.relation, n.object);
        }
    }
}

#[test]
fn an_evidence_sentence_keeps_its_noise_exactly_as_written() {
    // A visit written with diacritics, tatweel, a zero-width non-joiner and
    // right-to-left marks: the evidence is that sentence, character for
    // character, and its offsets count every one of those characters.
    let text = "مقدمة.\u{200F} زارَ الرئيـــسُ الفرنسيُّ إيمانويل\u{200C} ماكرون الصينَ.\u{200F}";
    let x = EXTRACTOR.extract(&Document::new("d", text));
    let visit = x.triples.iter().find(|t| t.relation == sanad::Relation::Visited).expect("the visit is found");
    let e = &visit.evidence[0];
    assert_eq!((e.start, e.end), (8, 58));
    assert_eq!(e.text, "زارَ الرئيـــسُ الفرنسيُّ إيمانويل\u{200C} ماكرون الصينَ.");
}

// ── IRIs and literals ───────────────────────────────────────────────────────

/// Every RDF format sanad writes, parsed back with oxttl into quads (the
/// default graph for Turtle and N-Triples). Panics on a syntax error.
fn rdf_round_trip(graphs: &[KnowledgeGraph]) -> Vec<(&'static str, Vec<Quad>)> {
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("RDF output is UTF-8");
    let parse_error = |format: &str, source: &str, e: &dyn std::fmt::Display| -> ! { panic!("{format} does not re-parse: {e}\n{source}") };
    let mut out = Vec::new();
    for g in graphs {
        let ttl = text(rdf::write_turtle(Vec::new(), g).unwrap());
        let quads = oxttl::TurtleParser::new()
            .for_slice(&ttl)
            .map(|t| t.unwrap_or_else(|e| parse_error("Turtle", &ttl, &e)).in_graph(oxrdf::GraphName::DefaultGraph))
            .collect();
        out.push(("Turtle", quads));
        let nt = text(rdf::write_ntriples(Vec::new(), g).unwrap());
        let quads = oxttl::NTriplesParser::new()
            .for_slice(&nt)
            .map(|t| t.unwrap_or_else(|e| parse_error("N-Triples", &nt, &e)).in_graph(oxrdf::GraphName::DefaultGraph))
            .collect();
        out.push(("N-Triples", quads));
    }
    let trig = text(rdf::write_trig(Vec::new(), graphs).unwrap());
    out.push(("TriG", oxttl::TriGParser::new().for_slice(&trig).map(|q| q.unwrap_or_else(|e| parse_error("TriG", &trig, &e))).collect()));
    let nq = text(rdf::write_nquads(Vec::new(), graphs).unwrap());
    out.push(("N-Quads", oxttl::NQuadsParser::new().for_slice(&nq).map(|q| q.unwrap_or_else(|e| parse_error("N-Quads", &nq, &e))).collect()));
    out
}

fn literal_values(quads: &[Quad], predicate: &str) -> BTreeSet<String> {
    quads
        .iter()
        .filter(|q| q.predicate.as_str() == predicate)
        .filter_map(|q| match &q.object {
            Term::Literal(l) => Some(l.value().to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn document_ids_of_any_content_give_valid_iris() {
    let id = "news 2024 #1/مقال \"x\" <y>.txt";
    let x = EXTRACTOR.extract(&Document::new(id, "زار الرئيس الفرنسي إيمانويل ماكرون الصين."));
    let graph = KnowledgeGraph::build(std::slice::from_ref(&x), EXTRACTOR.gazetteer());
    let expected = "https://w3id.org/sanad/document/news%202024%20%231%2F%D9%85%D9%82%D8%A7%D9%84%20%22x%22%20%3Cy%3E.txt";
    assert_eq!(rdf::document_iri(id).as_str(), expected);
    for (format, quads) in rdf_round_trip(&[graph]) {
        let documents: BTreeSet<&str> = quads
            .iter()
            .filter(|q| q.predicate.as_str() == "http://www.w3.org/ns/prov#wasDerivedFrom")
            .map(|q| match &q.object {
                Term::NamedNode(n) => n.as_str(),
                other => panic!("{format}: a document is {other}"),
            })
            .collect();
        assert_eq!(documents, BTreeSet::from([expected]), "{format}");
        if matches!(format, "TriG" | "N-Quads") {
            assert!(quads.iter().all(|q| q.graph_name.to_string() == format!("<{expected}>")), "{format}: named graph");
        }
    }
}

#[test]
fn literals_keep_quotes_backslashes_newlines_and_control_characters() {
    // An ontology whose labels hold every character Turtle and N-Triples
    // must escape, and a sentence holding them too.
    let gazetteer = r#"
[[entity]]
id = "zaidan"
type = "Person"
en = "Zaidan \"the \\ elder\"\nsecond line\t\u0001\u007f\r"
ar = "زيدان"

[[entity]]
id = "carthage"
type = "City"
en = "Carthage <'old'> {city}"
ar = "قرطاج"
"#;
    let rules = "class @v = زار\nrule t.visit\n  pattern @v {a:Person} {b:Place/city}\n  yields visited(a, b)\n  example زار زيدان قرطاج\n  expect nothing\n";
    let ontology = Ontology::from_sources(vec![
        SourceFile { name: "g.toml".into(), text: gazetteer.into() },
        SourceFile { name: "t.rules".into(), text: rules.into() },
    ])
    .unwrap();
    let extractor = Extractor::new(ontology);
    let sentence = "زار زيدان قرطاج \"أمس\" \\ '\t\u{1}\u{7f}\u{FFFE}\u{1F600}.";
    let x = extractor.extract(&Document::new("d", format!("{sentence}\nسطر آخر")));
    assert_eq!(x.triples.len(), 1, "{:?}", x.triples);
    let graph = KnowledgeGraph::build(std::slice::from_ref(&x), extractor.gazetteer());
    for (format, quads) in rdf_round_trip(&[graph]) {
        let labels = literal_values(&quads, "http://www.w3.org/2000/01/rdf-schema#label");
        assert!(labels.contains("Zaidan \"the \\ elder\"\nsecond line\t\u{1}\u{7f}\r"), "{format}: {labels:?}");
        assert!(labels.contains("Carthage <'old'> {city}"), "{format}: {labels:?}");
        let anchors = literal_values(&quads, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf");
        assert_eq!(anchors, BTreeSet::from([sentence.to_string()]), "{format}");
    }
    // DOT and JSON carry the labels too.
    let graph = KnowledgeGraph::build(std::slice::from_ref(&x), extractor.gazetteer());
    let dot = String::from_utf8(dot::write(Vec::new(), &graph, dot::LabelLanguage::English).unwrap()).unwrap();
    assert!(dot.contains(r#"label="Zaidan \"the \\ elder\" second line"#), "{dot}");
    let json: serde_json::Value = serde_json::from_slice(&json::write(Vec::new(), &[x], extractor.gazetteer()).unwrap()).unwrap();
    assert_eq!(json["triples"][0]["evidence"][0]["text"], sentence);
}

// ── Properties over any input ───────────────────────────────────────────────

/// Pieces of text that reach the pipeline's real paths: gazetteer names,
/// rule words, clitics, punctuation, marks, controls, and any character.
fn piece() -> impl Strategy<Value = String> {
    static NAMES: LazyLock<Vec<String>> = LazyLock::new(|| EXTRACTOR.gazetteer().entities.iter().map(|e| e.label_ar.clone()).collect());
    static WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
        let mut words: Vec<String> = EXTRACTOR
            .ontology
            .rules
            .classes
            .iter()
            .flat_map(|c| c.entries.iter().map(|e| e.iter().map(|l| l.stem.clone()).collect::<Vec<_>>().join(" ")))
            .collect();
        words.sort();
        words.dedup();
        words
    });
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    prop_oneof![
        // A rule word between names: the shape most rules look for.
        4 => (prop::sample::select(NAMES.clone()), prop::sample::select(WORDS.clone()), prop::sample::select(NAMES.clone()), prop::sample::select(NAMES.clone()))
            .prop_map(|(a, w, b, c)| format!("{a} {w} {b} {c}")),
        5 => prop::sample::select(NAMES.clone()),
        5 => prop::sample::select(WORDS.clone()),
        2 => prop::sample::select(strings(&["و", "ف", "ب", "ل", "ك", "س", "ال", "لل", "وال", "بال"])),
        2 => prop::sample::select(strings(&["ه", "ها", "هم", "هما", "كم", "نا", "ي", "البلدين", "الأخيرة", "بلاده"])),
        3 => prop::sample::select(strings(&[".", "،", "؛", "؟", "!", ":", "(", ")", "\"", "«", "»", "-", "\n", "\r\n", "...", "3.5", "2024", "٢٠٢٤", "U.S."])),
        2 => prop::sample::select(strings(&["\u{064E}", "\u{0651}", "\u{0640}", "\u{200C}", "\u{200D}", "\u{200F}", "\u{202B}", "\u{202C}", "\u{2067}", "\u{2069}", "\u{FEFF}", "\u{FE76}", "\u{FEFB}", "\u{0654}", "ی", "ک"])),
        1 => prop::sample::select(strings(&["\u{0}", "\u{1}", "\u{1b}", "\u{7f}", "\u{85}", "\u{2028}", "\u{FFFE}", "\u{FFFF}", "\\", "<", ">", "#"])),
        2 => any::<char>().prop_map(String::from),
    ]
}

/// A text of up to 60 pieces, glued together or separated by blanks.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), prop::sample::select(vec!["", " ", " ", " ", "\n"])), 0..60)
        .prop_map(|pieces| pieces.into_iter().flat_map(|(p, sep)| [p, sep.to_string()]).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_extracted_with_valid_spans_and_rdf_that_re_parses(text in text()) {
        let x = EXTRACTOR.extract(&Document::new("prop doc #1", text.as_str()));
        assert_evidence_points_into(&x, &text);
        let graph = KnowledgeGraph::build(std::slice::from_ref(&x), EXTRACTOR.gazetteer());
        rdf_round_trip(&[graph]);
        let mut explained = Vec::new();
        sanad::explain::write(&mut explained, &EXTRACTOR, &Document::new("prop", text.as_str())).unwrap();
    }

    #[test]
    fn any_text_is_split_into_sentences_that_keep_every_non_blank_character(text in text()) {
        let n = NormalizedText::new(&text);
        let sentences = split(&n, &[]);
        let mut covered = vec![false; n.chars.len()];
        for s in &sentences {
            prop_assert!(s.start < s.end && s.end <= n.chars.len());
            for c in &mut covered[s.start..s.end] {
                prop_assert!(!*c, "sentences overlap");
                *c = true;
            }
        }
        for (i, c) in n.chars.iter().enumerate() {
            prop_assert!(covered[i] || c.is_whitespace(), "character {i} {c:?} is in no sentence");
        }
    }
}

//! The library on dirty text: noisy Arabic gives the facts of the clean text
//! with evidence pointing into the text as written; any input string is
//! extracted without panicking, with valid spans, and the RDF written from it
//! re-parses; document ids and literals of any content give valid IRIs and
//! escaped literals.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use sanad::export::rdf;
use sanad::normalize::normalize_str;
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
    let variants: [(&str, fn(&str) -> String); 8] = [
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

#[allow(dead_code)]
fn graph_of(x: &Extraction) -> KnowledgeGraph {
    KnowledgeGraph::build(std::slice::from_ref(x), EXTRACTOR.gazetteer())
}

#[allow(dead_code)]
fn turtle(x: &Extraction) -> String {
    String::from_utf8(rdf::write_turtle(Vec::new(), &graph_of(x)).unwrap()).unwrap()
}

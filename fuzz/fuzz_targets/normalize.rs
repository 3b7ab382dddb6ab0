//! Normaliser, sentence splitter and tokenizer on any text: no panic, every
//! position maps back into the original text, sentences and tokens stay in
//! order and inside their parent.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use sanad::normalize::NormalizedText;
use sanad::sentence::split;
use sanad::token::tokenize;
use sanad::Ontology;

static ONTOLOGY: LazyLock<Ontology> = LazyLock::new(|| Ontology::bundled().expect("bundled ontology"));

fuzz_target!(|text: &str| {
    let n = NormalizedText::new(text);
    let len = text.chars().count();
    assert_eq!(n.origin.len(), n.chars.len() + 1);
    assert_eq!(n.origin[n.chars.len()], len);
    assert!(n.origin.windows(2).all(|w| w[0] <= w[1]), "origin not monotone");
    let mut last = 0;
    for s in split(&n, &["etc".to_string()]) {
        assert!(last <= s.start && s.start < s.end && s.end <= n.chars.len(), "{s:?}");
        last = s.end;
        let (a, b) = n.original_range(s.start, s.end);
        assert!(a < b && b <= len, "sentence {s:?} maps to {a}..{b} of {len}");
        let mut at = s.start;
        for t in tokenize(&n.chars, s.start, s.end, &ONTOLOGY.lexicon) {
            assert!(at <= t.start && t.start < t.end && t.end <= s.end, "token {t:?} in {s:?}");
            at = t.end;
            let (a, b) = n.original_range(t.start, t.end);
            assert!(a < b && b <= len);
        }
    }
});

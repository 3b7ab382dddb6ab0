//! How `extract` scales with the size of dirty input.
//!
//! For each kind of input sanad must survive (one huge line without
//! punctuation, one sentence listing thousands of names, one word without
//! blanks, ordinary news text), extracts inputs of 1, 4 and 16 MB and prints
//! the time and the ratio to the 1 MB time. Linear scaling shows as ratios
//! near 4 and 16; quadratic as 16 and 256.
//!
//! ```text
//! cargo bench --bench scaling
//! ```
//!
//! Under `cargo test --all-targets` (no `--bench` argument) it runs each kind
//! once at 16 KB, as a smoke test.

use std::time::Instant;

use sanad::{Document, Extractor, Ontology};

/// A small deterministic generator.
struct Lcg(u64);

impl Lcg {
    fn pick<'a>(&mut self, items: &'a [String]) -> &'a str {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        &items[(self.0 >> 33) as usize % items.len()]
    }
}

fn generate(kind: &str, bytes: usize, names: &[String], words: &[String]) -> String {
    let mut rng = Lcg(7);
    let mut text = String::with_capacity(bytes + 64);
    while text.len() < bytes {
        match kind {
            // Rule words and names, never a terminator or a line break.
            "one line, no punctuation" => {
                text.push_str(rng.pick(words));
                text.push(' ');
                text.push_str(rng.pick(names));
                text.push(' ');
            }
            // X و Y و Z ...: one coordinated list after a visit verb.
            "one sentence of names" => {
                if text.is_empty() {
                    text.push_str("زار الرئيس الفرنسي إيمانويل ماكرون ");
                }
                text.push_str(rng.pick(names));
                text.push_str(" و");
            }
            "one word" => text.push_str("بوتينروسيا"),
            _ => {
                text.push_str(rng.pick(words));
                text.push(' ');
                text.push_str(rng.pick(names));
                text.push_str(" زار ");
                text.push_str(rng.pick(names));
                text.push_str(".\n");
            }
        }
    }
    text
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if bench { &[1 << 20, 4 << 20, 16 << 20] } else { &[16 << 10] };
    let extractor = Extractor::new(Ontology::bundled().expect("bundled ontology"));
    let names: Vec<String> = extractor.gazetteer().entities.iter().map(|e| e.label_ar.clone()).collect();
    let mut words: Vec<String> = extractor
        .ontology
        .rules
        .classes
        .iter()
        .flat_map(|c| c.entries.iter().map(|e| e.iter().map(|l| l.stem.clone()).collect::<Vec<_>>().join(" ")))
        .filter(|w| !w.is_empty())
        .collect();
    words.sort();
    words.dedup();
    println!("{:<26} {:>8} {:>9} {:>8} {:>8}", "input", "MB", "seconds", "ratio", "triples");
    for kind in ["one line, no punctuation", "one sentence of names", "one word", "news sentences"] {
        let mut first = None;
        for &size in sizes {
            let text = generate(kind, size, &names, &words);
            let start = Instant::now();
            let x = extractor.extract(&Document::new("bench", text));
            let seconds = start.elapsed().as_secs_f64();
            let base = *first.get_or_insert(seconds);
            println!("{kind:<26} {:>8.1} {seconds:>9.2} {:>8.1} {:>8}", size as f64 / (1 << 20) as f64, seconds / base, x.triples.len());
        }
    }
}

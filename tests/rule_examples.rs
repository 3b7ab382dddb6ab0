//! Every rule carries examples; this runs them all.
//!
//! For each example sentence, the triples the rule produces (by evidence rule
//! id) must be exactly the ones its `expect` lines list, asserted or not as
//! stated. A failure names the rule, the file and line of the example, the
//! sentence, and the difference.

use std::collections::BTreeSet;

use sanad::{Document, Extractor, Ontology};

fn label_triples(extractor: &Extractor, sentence: &str, rule: &str) -> BTreeSet<String> {
    let x = extractor.extract(&Document::new("example", sentence));
    let g = extractor.gazetteer();
    let label = |id: &str| g.entities[g.get(id).unwrap()].label_en.clone();
    x.triples
        .iter()
        .filter(|t| t.evidence.iter().any(|e| e.rule == rule))
        .map(|t| {
            let prefix = match t.assertion {
                sanad::Assertion::Asserted => "",
                sanad::Assertion::Negated => "negated ",
                sanad::Assertion::Hypothetical => "hypothetical ",
            };
            format!("{prefix}{} | {} | {}", label(&t.subject), t.relation, label(&t.object))
        })
        .collect()
}

#[test]
fn every_rule_example_gives_exactly_its_expected_triples() {
    let extractor = Extractor::new(Ontology::bundled().expect("bundled ontology compiles"));
    let g = extractor.gazetteer();
    let mut failures = Vec::new();
    let mut count = 0;
    for rule in &extractor.ontology.rules.rules {
        for example in &rule.examples {
            count += 1;
            let produced = label_triples(&extractor, &example.sentence, &rule.id);
            let expected: BTreeSet<String> = example
                .expected
                .iter()
                .map(|e| {
                    let prefix = match e.assertion {
                        sanad::Assertion::Asserted => "",
                        sanad::Assertion::Negated => "negated ",
                        sanad::Assertion::Hypothetical => "hypothetical ",
                    };
                    // Symmetric relations are stored with the smaller id first.
                    let (mut s, mut o) = (e.subject.clone(), e.object.clone());
                    if e.relation.is_symmetric() {
                        let id = |l: &str| g.entities.iter().find(|x| x.label_en == l).map(|x| x.id.clone()).unwrap_or_default();
                        if id(&o) < id(&s) {
                            std::mem::swap(&mut s, &mut o);
                        }
                    }
                    format!("{prefix}{s} | {} | {o}", e.relation)
                })
                .collect();
            if produced != expected {
                let missing: Vec<_> = expected.difference(&produced).collect();
                let extra: Vec<_> = produced.difference(&expected).collect();
                failures.push(format!(
                    "rule {} ({}:{}):\n  sentence: {}\n  missing:  {:?}\n  extra:    {:?}",
                    rule.id, rule.file, example.line, example.sentence, missing, extra
                ));
            }
        }
    }
    assert!(count > 0, "no rule examples found");
    assert!(failures.is_empty(), "{} of {count} rule examples failed:\n{}", failures.len(), failures.join("\n"));
}

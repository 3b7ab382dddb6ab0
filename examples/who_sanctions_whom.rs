//! Who sanctions whom in an article: every `sanctions` statement, with the
//! sentence that says so and whether the text asserts it.
//!
//! ```sh
//! cargo run --example who_sanctions_whom [ARTICLE]
//! ```
//!
//! Without an argument it reads the bundled `examples/articles/briefing.ar.txt`.

use std::error::Error;

use sanad::{Document, Extractor, KnowledgeGraph, Ontology, Relation};

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles/briefing.ar.txt").to_owned());
    let extractor = Extractor::new(Ontology::bundled()?);
    let document = Document::read(std::path::Path::new(&path))?;
    let graph = KnowledgeGraph::build(&[extractor.extract(&document)], extractor.gazetteer());

    let sanctions: Vec<_> = graph.statements().filter(|(_, edge, _)| edge.relation == Relation::Sanctions).collect();
    println!("Who sanctions whom in {path}:");
    if sanctions.is_empty() {
        println!("  nobody: the article names no sanctions.");
    }
    // Asserted statements first, then what the text only denies or hedges.
    for asserted in [true, false] {
        for (agent, edge, target) in sanctions.iter().filter(|(_, e, _)| e.assertion.is_asserted() == asserted) {
            let status = if asserted { String::new() } else { format!(" [{}, not asserted]", edge.assertion.name()) };
            println!("  {} ({}) → {} ({}){status}", agent.label_en, agent.label_ar, target.label_en, target.label_ar);
            for evidence in &edge.evidence {
                let time = evidence.evidence.time.as_deref().map(|t| format!(" [time: {t}]")).unwrap_or_default();
                println!("      «{}»{time}", evidence.evidence.text);
            }
        }
    }
    Ok(())
}

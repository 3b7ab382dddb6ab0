//! The ego network of an entity: everyone an article relates it to, grouped
//! by relation, with the direction of directed relations kept.
//!
//! ```sh
//! cargo run --example ego_network [ARTICLE] [ENTITY]
//! ```
//!
//! ENTITY is an entity id (`russia`) or its English or Arabic label
//! (`Russia`, `روسيا`); it defaults to Russia. Without an article it reads
//! the bundled `examples/articles/briefing.ar.txt`.

use std::error::Error;

use sanad::vocabulary::Vocabulary;
use sanad::{Document, Extractor, KnowledgeGraph, Ontology};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles/briefing.ar.txt").to_owned());
    let wanted = args.next().unwrap_or_else(|| "russia".to_owned());

    let extractor = Extractor::new(Ontology::bundled()?);
    let document = Document::read(std::path::Path::new(&path))?;
    let graph = KnowledgeGraph::build(&[extractor.extract(&document)], extractor.gazetteer());

    let Some((_, centre)) =
        graph.entities().find(|(_, e)| e.id == wanted || e.label_en == wanted || e.label_ar == wanted)
    else {
        let known: Vec<&str> = graph.entities().map(|(_, e)| e.id.as_str()).collect();
        return Err(format!("{wanted:?} is not in the graph of {path}; it names: {}", known.join(", ")).into());
    };

    let vocabulary = Vocabulary::bundled();
    let neighbours = graph.neighbours(&centre.id);
    let count: usize = neighbours.values().map(Vec::len).sum();
    println!("Ego network of {} ({}) in {path}: {count} asserted links", centre.label_en, centre.label_ar);
    for ((relation, outgoing), others) in &neighbours {
        let label = &vocabulary.relation(*relation).label.en;
        let names: Vec<String> = others.iter().map(|e| format!("{} ({})", e.label_en, e.label_ar)).collect();
        // "Russia at war with: Ukraine" / "sanctions Russia: European Union".
        let heading = if *outgoing { format!("{} {label}", centre.label_en) } else { format!("{label} {}", centre.label_en) };
        println!("  {heading}: {}", names.join(", "));
    }
    Ok(())
}

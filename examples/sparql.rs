//! A SPARQL query over the graph of an article, in memory with Oxigraph.
//!
//! ```sh
//! cargo run --example sparql [ARTICLE] [READY-QUERY]
//! ```
//!
//! Without a ready query name (`who-sanctions-whom`, `allies-of`,
//! `about-person`, `not-asserted`) it runs the query below, which finds
//! every hostile statement through the vocabulary: the relations that are
//! `rdfs:subPropertyOf sanad:hostileRelation` in `ontology/sanad.ttl`, which
//! the store holds next to the article's graph. Without an article it reads
//! the bundled `examples/articles/briefing.ar.txt`.

use std::error::Error;
use std::io::Write;

use sanad::query::{GraphStore, ResultsFormat};
use sanad::{Document, Extractor, Ontology};

const HOSTILE: &str = r#"
PREFIX rdfs:  <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sanad: <https://w3id.org/sanad/ontology#>

SELECT ?actor ?relation ?target
WHERE {
  ?relationIri rdfs:subPropertyOf sanad:hostileRelation .
  ?a ?relationIri ?b .
  ?a rdfs:label ?actor . FILTER (LANG(?actor) = "en")
  ?b rdfs:label ?target . FILTER (LANG(?target) = "en")
  ?relationIri rdfs:label ?relation . FILTER (LANG(?relation) = "en")
}
ORDER BY ?actor ?relation ?target
"#;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles/briefing.ar.txt").to_owned());
    let ready = args.next();

    let extractor = Extractor::new(Ontology::bundled()?);
    let document = Document::read(std::path::Path::new(&path))?;
    let store = GraphStore::from_extractions(&[extractor.extract(&document)], extractor.gazetteer())?;

    let answer = match &ready {
        Some(name) => {
            let query = sanad::query::ready_query(name)?;
            println!("{} ({path}):", query.description());
            store.query(query.sparql)?
        }
        None => {
            println!("Hostile statements, found through the vocabulary ({path}):");
            store.query(HOSTILE)?
        }
    };
    let stdout = std::io::stdout();
    answer.write(stdout.lock(), ResultsFormat::Table)?.flush()?;
    Ok(())
}

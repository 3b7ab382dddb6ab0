//! The shortest chain of asserted statements linking two actors in an
//! article, found with petgraph's A* over the graph taken as undirected.
//!
//! ```sh
//! cargo run --example shortest_path [ARTICLE] [FROM] [TO]
//! ```
//!
//! FROM and TO are entity ids or English/Arabic labels; they default to
//! Egypt and Iran. Without an article it reads the bundled
//! `examples/articles/briefing.ar.txt`.

use std::error::Error;

use petgraph::algo::astar;
use petgraph::graph::NodeIndex;
use petgraph::visit::UndirectedAdaptor;
use sanad::vocabulary::Vocabulary;
use sanad::{Document, Extractor, KnowledgeGraph, Ontology};

fn find(graph: &KnowledgeGraph, wanted: &str) -> Result<NodeIndex, String> {
    graph
        .entities()
        .find(|(_, e)| e.id == wanted || e.label_en == wanted || e.label_ar == wanted)
        .map(|(n, _)| n)
        .ok_or_else(|| format!("{wanted:?} is not in the graph"))
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles/briefing.ar.txt").to_owned());
    let from = args.next().unwrap_or_else(|| "egypt".to_owned());
    let to = args.next().unwrap_or_else(|| "iran".to_owned());

    let extractor = Extractor::new(Ontology::bundled()?);
    let document = Document::read(std::path::Path::new(&path))?;
    let graph = KnowledgeGraph::build(&[extractor.extract(&document)], extractor.gazetteer());
    let (start, goal) = (find(&graph, &from)?, find(&graph, &to)?);

    // Only what the text asserts links two actors; keeping every node keeps
    // the node indices of the original graph.
    let asserted = graph.graph.filter_map(|_, n| Some(n), |_, e| e.assertion.is_asserted().then_some(e));
    let found = astar(UndirectedAdaptor(&asserted), start, |n| n == goal, |_| 1usize, |_| 0);
    let (name_from, name_to) = (&graph.graph[start].label_en, &graph.graph[goal].label_en);
    let Some((steps, path_nodes)) = found else {
        println!("No chain of asserted statements links {name_from} and {name_to} in {path}.");
        return Ok(());
    };

    let vocabulary = Vocabulary::bundled();
    println!("{name_from} → {name_to}: {steps} step{} in {path}", if steps == 1 { "" } else { "s" });
    for pair in path_nodes.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        // The statement as the text puts it, whichever way it points.
        let edge = graph
            .graph
            .edges_connecting(a, b)
            .map(|e| (a, b, e.weight()))
            .chain(graph.graph.edges_connecting(b, a).map(|e| (b, a, e.weight())))
            .find(|(_, _, e)| e.assertion.is_asserted())
            .expect("A* only walks asserted edges");
        let (s, o, statement) = edge;
        let label = &vocabulary.relation(statement.relation).label.en;
        println!("  {} {label} {}", graph.graph[s].label_en, graph.graph[o].label_en);
        if let Some(evidence) = statement.evidence.first() {
            println!("      «{}»", evidence.evidence.text);
        }
    }
    Ok(())
}

//! The whole pipeline on any text: no panic, evidence offsets are code-point
//! ranges whose text is that slice of the input, and every output format is
//! written (Turtle re-parsed).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use sanad::export::{dot, json, rdf};
use sanad::{Document, Extractor, KnowledgeGraph, Ontology};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new(Ontology::bundled().expect("bundled ontology")));

fuzz_target!(|text: &str| {
    let doc = Document::new("fuzz doc #1", text);
    let chars: Vec<char> = text.chars().collect();
    let x = EXTRACTOR.extract(&doc);
    for t in &x.triples {
        for e in &t.evidence {
            assert!(e.start < e.end && e.end <= chars.len(), "{e:?}");
            assert_eq!(e.text, chars[e.start..e.end].iter().collect::<String>());
        }
    }
    let g = EXTRACTOR.gazetteer();
    let graph = KnowledgeGraph::build(std::slice::from_ref(&x), g);
    let ttl = rdf::write_turtle(Vec::new(), &graph).unwrap();
    for t in oxttl::TurtleParser::new().for_slice(&ttl) {
        t.unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(&ttl)));
    }
    json::write(Vec::new(), std::slice::from_ref(&x), g).unwrap();
    dot::write(Vec::new(), &graph, dot::LabelLanguage::Arabic).unwrap();
    sanad::explain::write(&mut Vec::new(), &EXTRACTOR, &doc).unwrap();
});

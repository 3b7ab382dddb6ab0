//! RDF: Turtle and N-Triples, through oxrdf and oxttl.
//!
//! Entities are IRIs in the project's entity namespace with `rdf:type` and
//! `rdfs:label` in English and Arabic (and `owl:sameAs` their Wikidata IRI
//! where known). Asserted statements are plain triples with the relation in
//! the project's vocabulary namespace. Every statement, asserted or not, also
//! gets a statement node (`rdf:Statement` reification, which every store
//! reads) carrying its provenance: source document, evidence span, rule,
//! assertion kind and time. Statements that are not asserted exist only as
//! statement nodes, never as plain triples.

use std::io;

use oxrdf::vocab::{rdf, rdfs, xsd};
use oxrdf::{GraphName, Literal, NamedNode, Quad, Triple};
use oxttl::{NQuadsSerializer, NTriplesSerializer, TriGSerializer, TurtleSerializer};

use crate::graph::KnowledgeGraph;
use crate::triple::Assertion;

/// The project's vocabulary (classes and relations).
pub const SANAD: &str = "https://w3id.org/sanad/ontology#";
/// Entity IRIs.
pub const ENTITY: &str = "https://w3id.org/sanad/entity/";
/// Document IRIs.
pub const DOCUMENT: &str = "https://w3id.org/sanad/document/";
/// Statement node IRIs.
pub const STATEMENT: &str = "https://w3id.org/sanad/statement/";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
pub const WIKIDATA: &str = "http://www.wikidata.org/entity/";

/// The prefixes written at the top of Turtle output.
pub const PREFIXES: &[(&str, &str)] = &[
    ("sanad", SANAD),
    ("ent", ENTITY),
    ("doc", DOCUMENT),
    ("stmt", STATEMENT),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", OWL),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("prov", PROV),
    ("nif", NIF),
    ("wd", WIKIDATA),
];

/// Percent-encodes everything but unreserved characters, so any document id
/// (spaces, Arabic, `#`) gives a valid IRI segment.
pub fn iri_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn node(base: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{base}{}", iri_segment(local)))
}

fn vocab(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SANAD}{local}"))
}

/// The IRI of an entity id.
pub fn entity_iri(id: &str) -> NamedNode {
    node(ENTITY, id)
}

/// The IRI of a document id.
pub fn document_iri(id: &str) -> NamedNode {
    node(DOCUMENT, id)
}

/// Every RDF triple of the graph, in a stable order.
pub fn triples(graph: &KnowledgeGraph) -> Vec<Triple> {
    let mut out = Vec::new();
    for (_, e) in graph.entities() {
        let s = entity_iri(&e.id);
        out.push(Triple::new(s.clone(), rdf::TYPE, vocab(e.kind.as_str())));
        out.push(Triple::new(s.clone(), rdfs::LABEL, Literal::new_language_tagged_literal_unchecked(&e.label_en, "en")));
        out.push(Triple::new(s.clone(), rdfs::LABEL, Literal::new_language_tagged_literal_unchecked(&e.label_ar, "ar")));
        if let Some(q) = &e.wikidata {
            out.push(Triple::new(s, NamedNode::new_unchecked(format!("{OWL}sameAs")), NamedNode::new_unchecked(format!("{WIKIDATA}{q}"))));
        }
    }
    for (s, edge, o) in graph.statements() {
        let (subject, predicate, object) = (entity_iri(&s.id), vocab(edge.relation.name()), entity_iri(&o.id));
        if edge.assertion == Assertion::Asserted {
            out.push(Triple::new(subject.clone(), predicate.clone(), object.clone()));
        }
        let key = format!("{}-{}-{}-{}", s.id, edge.relation.name(), o.id, edge.assertion.name());
        let st = node(STATEMENT, &key);
        out.push(Triple::new(st.clone(), rdf::TYPE, rdf::STATEMENT));
        out.push(Triple::new(st.clone(), rdf::SUBJECT, subject));
        out.push(Triple::new(st.clone(), rdf::PREDICATE, predicate));
        out.push(Triple::new(st.clone(), rdf::OBJECT, object));
        out.push(Triple::new(st.clone(), vocab("asserted"), Literal::from(edge.assertion == Assertion::Asserted)));
        out.push(Triple::new(st.clone(), vocab("assertion"), Literal::new_simple_literal(edge.assertion.name())));
        for (n, ev) in edge.evidence.iter().enumerate() {
            let doc = document_iri(&ev.document);
            out.push(Triple::new(st.clone(), NamedNode::new_unchecked(format!("{PROV}wasDerivedFrom")), doc.clone()));
            let span = node(STATEMENT, &format!("{key}/evidence/{n}"));
            out.push(Triple::new(st.clone(), vocab("evidence"), span.clone()));
            out.push(Triple::new(span.clone(), NamedNode::new_unchecked(format!("{NIF}referenceContext")), doc));
            out.push(Triple::new(span.clone(), NamedNode::new_unchecked(format!("{NIF}beginIndex")), Literal::new_typed_literal(ev.evidence.start.to_string(), xsd::NON_NEGATIVE_INTEGER)));
            out.push(Triple::new(span.clone(), NamedNode::new_unchecked(format!("{NIF}endIndex")), Literal::new_typed_literal(ev.evidence.end.to_string(), xsd::NON_NEGATIVE_INTEGER)));
            out.push(Triple::new(span.clone(), NamedNode::new_unchecked(format!("{NIF}anchorOf")), Literal::new_simple_literal(&ev.evidence.text)));
            out.push(Triple::new(span.clone(), vocab("rule"), Literal::new_simple_literal(&ev.evidence.rule)));
            if let Some(time) = &ev.evidence.time {
                out.push(Triple::new(span, vocab("time"), Literal::new_simple_literal(time)));
            }
        }
    }
    out
}

/// Writes the graph as Turtle.
pub fn write_turtle<W: io::Write>(w: W, graph: &KnowledgeGraph) -> io::Result<W> {
    let mut serializer = TurtleSerializer::new();
    for (prefix, iri) in PREFIXES {
        serializer = serializer.with_prefix(*prefix, *iri).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    }
    let mut writer = serializer.for_writer(w);
    for t in triples(graph) {
        writer.serialize_triple(&t)?;
    }
    writer.finish()
}

/// Writes the graph as N-Triples.
pub fn write_ntriples<W: io::Write>(w: W, graph: &KnowledgeGraph) -> io::Result<W> {
    let mut writer = NTriplesSerializer::new().for_writer(w);
    for t in triples(graph) {
        writer.serialize_triple(&t)?;
    }
    Ok(writer.finish())
}

/// The named graph a graph's triples go into: the document's IRI when the
/// graph holds exactly one document, else the default graph.
pub fn graph_name(graph: &KnowledgeGraph) -> GraphName {
    match graph.documents.as_slice() {
        [one] => GraphName::NamedNode(document_iri(one)),
        _ => GraphName::DefaultGraph,
    }
}

/// Writes per-document graphs as N-Quads, one named graph per document, in
/// the order given. Each line is independent, so outputs concatenate.
pub fn write_nquads<W: io::Write>(w: W, graphs: &[KnowledgeGraph]) -> io::Result<W> {
    let mut writer = NQuadsSerializer::new().for_writer(w);
    for g in graphs {
        let name = graph_name(g);
        for t in triples(g) {
            writer.serialize_quad(&Quad::new(t.subject, t.predicate, t.object, name.clone()))?;
        }
    }
    Ok(writer.finish())
}

/// Writes per-document graphs as TriG, one named graph per document.
pub fn write_trig<W: io::Write>(w: W, graphs: &[KnowledgeGraph]) -> io::Result<W> {
    let mut serializer = TriGSerializer::new();
    for (prefix, iri) in PREFIXES {
        serializer = serializer.with_prefix(*prefix, *iri).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    }
    let mut writer = serializer.for_writer(w);
    for g in graphs {
        let name = graph_name(g);
        for t in triples(g) {
            writer.serialize_quad(&Quad::new(t.subject, t.predicate, t.object, name.clone()))?;
        }
    }
    writer.finish()
}

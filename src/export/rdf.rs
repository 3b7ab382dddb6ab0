//! RDF: Turtle, N-Triples, TriG and N-Quads, through oxrdf and oxttl.
//!
//! What the graph looks like in RDF (the vocabulary is `ontology/sanad.ttl`):
//!
//! - Entities are IRIs in the entity namespace (`ent:russia`) with
//!   `rdf:type` (`sanad:Country`), `rdfs:label` in English and Arabic, and
//!   `owl:sameAs` their Wikidata IRI where the gazetteer knows it.
//! - Asserted statements are plain triples (`ent:russia sanad:sanctions
//!   ent:ukraine`), so a naive SPARQL query sees only what the text asserts.
//! - Every statement, asserted or not, has a statement node
//!   (`stmt:russia-sanctions-ukraine-asserted`, a `sanad:Statement`) that
//!   names its triple and carries its provenance: `sanad:asserted`
//!   true/false, `sanad:assertion` (asserted, negated, hypothetical), the
//!   rules that produced it (`sanad:rule`), any time the text attaches to it
//!   (`sanad:time`), the documents it comes from (`prov:wasDerivedFrom`) and
//!   its evidence sentences (`sanad:evidence`).
//! - By default the statement node names its triple by RDF reification
//!   (`rdf:Statement`, `rdf:subject`, `rdf:predicate`, `rdf:object`), which
//!   every RDF 1.1 store and tool reads. [`RdfSerializer::with_triple_terms`]
//!   names it with an RDF 1.2 triple term instead (`rdf:reifies <<( s p o )>>`),
//!   for RDF 1.2 stores.
//! - Evidence sentences are NIF strings whose IRI is the document's IRI with
//!   an RFC 5147 fragment (`…/document/x#char=214,290`), with
//!   `nif:beginIndex`, `nif:endIndex` (code points, end exclusive),
//!   `nif:anchorOf` (the sentence) and `nif:referenceContext` (the document).
//!   A sentence that supports several statements is one node.
//!
//! Output is deterministic: triples are written in a fixed order derived from
//! the graph's sorted nodes and edges, so the same input gives the same bytes.
//! This module writes RDF; loading it into a SPARQL store is
//! [`crate::query`]'s job.

use std::collections::BTreeSet;
use std::io;

use oxrdf::vocab::{rdf, rdfs, xsd};
use oxrdf::{GraphName, Literal, NamedNode, Quad, Triple};
use oxttl::{NQuadsSerializer, NTriplesSerializer, TriGSerializer, TurtleSerializer};

use crate::graph::{KnowledgeGraph, StatementEdge};
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

/// The prefixes written at the top of Turtle and TriG output (and used by
/// `sanad query` to shorten IRIs in tables).
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
/// (spaces, Arabic, `#`, `/`) gives a valid IRI segment.
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

fn iri(base: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{base}{local}"))
}

fn vocab(local: &str) -> NamedNode {
    iri(SANAD, local)
}

/// The IRI of an entity id.
pub fn entity_iri(id: &str) -> NamedNode {
    node(ENTITY, id)
}

/// The IRI of a document id.
pub fn document_iri(id: &str) -> NamedNode {
    node(DOCUMENT, id)
}

/// The IRI of a relation (`sanad:sanctions`).
pub fn relation_iri(relation: crate::Relation) -> NamedNode {
    vocab(relation.name())
}

/// The IRI of a statement node: the statement's subject, relation, object
/// and assertion, so the same statement gets the same IRI in every output
/// and every document's named graph.
pub fn statement_iri(subject: &str, edge: &StatementEdge, object: &str) -> NamedNode {
    node(STATEMENT, &format!("{subject}-{}-{object}-{}", edge.relation.name(), edge.assertion.name()))
}

/// The NIF IRI of a span of a document (RFC 5147 `#char=begin,end`).
pub fn span_iri(document: &str, begin: usize, end: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}#char={begin},{end}", document_iri(document).as_str()))
}

/// How statement nodes name the triple they are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatementStyle {
    /// RDF 1.1 reification: `rdf:Statement`, `rdf:subject`, `rdf:predicate`,
    /// `rdf:object`. Every store reads it.
    #[default]
    Reification,
    /// RDF 1.2: `rdf:reifies <<( s p o )>>`. Needs an RDF 1.2 parser.
    TripleTerm,
}

/// Writes a [`KnowledgeGraph`] as RDF. A configuration value: build it, then
/// call one of the `write_*` methods with any `io::Write`.
///
/// ```
/// use sanad::export::rdf::RdfSerializer;
/// use sanad::{Document, Extractor, KnowledgeGraph, Ontology};
///
/// let extractor = Extractor::new(Ontology::bundled().unwrap());
/// let doc = Document::new("note", "زار الرئيس الفرنسي إيمانويل ماكرون الصين.");
/// let graph = KnowledgeGraph::build(&[extractor.extract(&doc)], extractor.gazetteer());
/// let turtle = RdfSerializer::new().write_turtle(Vec::new(), &graph).unwrap();
/// let turtle = String::from_utf8(turtle).unwrap();
/// assert!(turtle.contains("ent:emmanuel_macron sanad:visited ent:china"));
/// assert!(turtle.contains("rdf:subject ent:emmanuel_macron ;"));
///
/// let rdf12 = RdfSerializer::new().with_triple_terms().write_turtle(Vec::new(), &graph).unwrap();
/// let rdf12 = String::from_utf8(rdf12).unwrap();
/// assert!(rdf12.contains("rdf:reifies <<( ent:emmanuel_macron sanad:visited ent:china )>>"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
#[must_use]
pub struct RdfSerializer {
    style: StatementStyle,
}

impl RdfSerializer {
    /// RDF 1.1 output with reified statement nodes.
    pub fn new() -> RdfSerializer {
        RdfSerializer::default()
    }

    /// RDF 1.2 output: statement nodes reify RDF 1.2 triple terms.
    pub fn with_triple_terms(mut self) -> RdfSerializer {
        self.style = StatementStyle::TripleTerm;
        self
    }

    /// Chooses the statement style.
    pub fn with_style(mut self, style: StatementStyle) -> RdfSerializer {
        self.style = style;
        self
    }

    pub fn style(&self) -> StatementStyle {
        self.style
    }

    /// Every RDF triple of the graph, in a stable order: documents, entities,
    /// asserted triples, statement nodes, evidence sentences.
    pub fn triples(&self, graph: &KnowledgeGraph) -> Vec<Triple> {
        let mut out = Vec::new();
        let derived_from = iri(PROV, "wasDerivedFrom");
        let documents: BTreeSet<&str> = graph
            .statements()
            .flat_map(|(_, e, _)| e.evidence.iter().map(|ev| ev.document.as_str()))
            .chain(graph.documents.iter().map(String::as_str))
            .collect();
        for d in documents {
            let doc = document_iri(d);
            out.push(Triple::new(doc.clone(), rdf::TYPE, vocab("Document")));
            out.push(Triple::new(doc, rdfs::LABEL, Literal::new_simple_literal(d)));
        }
        for (_, e) in graph.entities() {
            let s = entity_iri(&e.id);
            out.push(Triple::new(s.clone(), rdf::TYPE, vocab(e.kind.as_str())));
            out.push(Triple::new(s.clone(), rdfs::LABEL, Literal::new_language_tagged_literal_unchecked(&e.label_en, "en")));
            out.push(Triple::new(s.clone(), rdfs::LABEL, Literal::new_language_tagged_literal_unchecked(&e.label_ar, "ar")));
            if let Some(q) = &e.wikidata {
                out.push(Triple::new(s, iri(OWL, "sameAs"), iri(WIKIDATA, q)));
            }
        }
        for (s, edge, o) in graph.statements() {
            if edge.assertion == Assertion::Asserted {
                out.push(Triple::new(entity_iri(&s.id), relation_iri(edge.relation), entity_iri(&o.id)));
            }
        }
        let mut spans = BTreeSet::new();
        for (s, edge, o) in graph.statements() {
            let about = Triple::new(entity_iri(&s.id), relation_iri(edge.relation), entity_iri(&o.id));
            let st = statement_iri(&s.id, edge, &o.id);
            match self.style {
                StatementStyle::Reification => {
                    out.push(Triple::new(st.clone(), rdf::TYPE, rdf::STATEMENT));
                    out.push(Triple::new(st.clone(), rdf::TYPE, vocab("Statement")));
                    out.push(Triple::new(st.clone(), rdf::SUBJECT, about.subject));
                    out.push(Triple::new(st.clone(), rdf::PREDICATE, about.predicate));
                    out.push(Triple::new(st.clone(), rdf::OBJECT, about.object));
                }
                StatementStyle::TripleTerm => {
                    out.push(Triple::new(st.clone(), rdf::TYPE, vocab("Statement")));
                    out.push(Triple::new(st.clone(), rdf::REIFIES, about));
                }
            }
            out.push(Triple::new(st.clone(), vocab("asserted"), Literal::from(edge.assertion == Assertion::Asserted)));
            out.push(Triple::new(st.clone(), vocab("assertion"), Literal::new_simple_literal(edge.assertion.name())));
            let rules: BTreeSet<&str> = edge.evidence.iter().map(|e| e.evidence.rule.as_str()).collect();
            for rule in rules {
                out.push(Triple::new(st.clone(), vocab("rule"), Literal::new_simple_literal(rule)));
            }
            let times: BTreeSet<&str> = edge.evidence.iter().filter_map(|e| e.evidence.time.as_deref()).collect();
            for time in times {
                out.push(Triple::new(st.clone(), vocab("time"), Literal::new_simple_literal(time)));
            }
            let documents: BTreeSet<&str> = edge.evidence.iter().map(|e| e.document.as_str()).collect();
            for d in documents {
                out.push(Triple::new(st.clone(), derived_from.clone(), document_iri(d)));
            }
            let mine: BTreeSet<(&str, usize, usize)> =
                edge.evidence.iter().map(|e| (e.document.as_str(), e.evidence.start, e.evidence.end)).collect();
            for &(d, b, e) in &mine {
                out.push(Triple::new(st.clone(), vocab("evidence"), span_iri(d, b, e)));
            }
            spans.extend(
                edge.evidence
                    .iter()
                    .map(|e| (e.document.as_str(), e.evidence.start, e.evidence.end, e.evidence.text.as_str())),
            );
        }
        let mut previous = None;
        for (d, b, e, text) in spans {
            // One node per span, even if two evidence records disagreed on its text.
            if previous == Some((d, b, e)) {
                continue;
            }
            previous = Some((d, b, e));
            let span = span_iri(d, b, e);
            out.push(Triple::new(span.clone(), rdf::TYPE, iri(NIF, "OffsetBasedString")));
            out.push(Triple::new(span.clone(), rdf::TYPE, iri(NIF, "Sentence")));
            out.push(Triple::new(span.clone(), iri(NIF, "referenceContext"), document_iri(d)));
            out.push(Triple::new(span.clone(), iri(NIF, "beginIndex"), nonneg(b)));
            out.push(Triple::new(span.clone(), iri(NIF, "endIndex"), nonneg(e)));
            out.push(Triple::new(span, iri(NIF, "anchorOf"), Literal::new_simple_literal(text)));
        }
        out
    }

    /// Writes the graph as Turtle, with readable prefixes.
    pub fn write_turtle<W: io::Write>(&self, w: W, graph: &KnowledgeGraph) -> io::Result<W> {
        let mut serializer = TurtleSerializer::new();
        for (prefix, iri) in PREFIXES {
            serializer = serializer.with_prefix(*prefix, *iri).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
        }
        let mut writer = serializer.for_writer(w);
        for t in self.triples(graph) {
            writer.serialize_triple(&t)?;
        }
        writer.finish()
    }

    /// Writes the graph as N-Triples, one triple a line.
    pub fn write_ntriples<W: io::Write>(&self, w: W, graph: &KnowledgeGraph) -> io::Result<W> {
        let mut writer = NTriplesSerializer::new().for_writer(w);
        for t in self.triples(graph) {
            writer.serialize_triple(&t)?;
        }
        Ok(writer.finish())
    }

    /// Writes per-document graphs as N-Quads, one named graph per document,
    /// in the order given. Each line is independent, so outputs concatenate.
    pub fn write_nquads<W: io::Write>(&self, w: W, graphs: &[KnowledgeGraph]) -> io::Result<W> {
        let mut writer = NQuadsSerializer::new().for_writer(w);
        for q in self.quads(graphs) {
            writer.serialize_quad(&q)?;
        }
        Ok(writer.finish())
    }

    /// Writes per-document graphs as TriG, one named graph per document.
    pub fn write_trig<W: io::Write>(&self, w: W, graphs: &[KnowledgeGraph]) -> io::Result<W> {
        let mut serializer = TriGSerializer::new();
        for (prefix, iri) in PREFIXES {
            serializer = serializer.with_prefix(*prefix, *iri).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
        }
        let mut writer = serializer.for_writer(w);
        for q in self.quads(graphs) {
            writer.serialize_quad(&q)?;
        }
        writer.finish()
    }

    /// The quads of per-document graphs, each in its [`graph_name`].
    pub fn quads(&self, graphs: &[KnowledgeGraph]) -> Vec<Quad> {
        let mut out = Vec::new();
        for g in graphs {
            let name = graph_name(g);
            out.extend(self.triples(g).into_iter().map(|t| Quad::new(t.subject, t.predicate, t.object, name.clone())));
        }
        out
    }
}

fn nonneg(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::NON_NEGATIVE_INTEGER)
}

/// The named graph a graph's triples go into: the document's IRI when the
/// graph holds exactly one document, else the default graph.
pub fn graph_name(graph: &KnowledgeGraph) -> GraphName {
    match graph.documents.as_slice() {
        [one] => GraphName::NamedNode(document_iri(one)),
        _ => GraphName::DefaultGraph,
    }
}

/// Every RDF triple of the graph, RDF 1.1 style ([`RdfSerializer::triples`]).
pub fn triples(graph: &KnowledgeGraph) -> Vec<Triple> {
    RdfSerializer::new().triples(graph)
}

/// Writes the graph as Turtle, RDF 1.1 style.
pub fn write_turtle<W: io::Write>(w: W, graph: &KnowledgeGraph) -> io::Result<W> {
    RdfSerializer::new().write_turtle(w, graph)
}

/// Writes the graph as N-Triples, RDF 1.1 style.
pub fn write_ntriples<W: io::Write>(w: W, graph: &KnowledgeGraph) -> io::Result<W> {
    RdfSerializer::new().write_ntriples(w, graph)
}

/// Writes per-document graphs as N-Quads, RDF 1.1 style.
pub fn write_nquads<W: io::Write>(w: W, graphs: &[KnowledgeGraph]) -> io::Result<W> {
    RdfSerializer::new().write_nquads(w, graphs)
}

/// Writes per-document graphs as TriG, RDF 1.1 style.
pub fn write_trig<W: io::Write>(w: W, graphs: &[KnowledgeGraph]) -> io::Result<W> {
    RdfSerializer::new().write_trig(w, graphs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iri_segments_escape_everything_but_unreserved_characters() {
        assert_eq!(iri_segment("a b/ج#.txt"), "a%20b%2F%D8%AC%23.txt");
        assert_eq!(span_iri("x/y", 3, 9).as_str(), "https://w3id.org/sanad/document/x%2Fy#char=3,9");
    }
}

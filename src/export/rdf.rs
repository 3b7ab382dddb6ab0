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
use oxrdf::{GraphName, GraphNameRef, LiteralRef, NamedNode, Quad, TermRef, Triple, TripleRef};
use oxttl::{NTriplesSerializer, TriGSerializer, TurtleSerializer};

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
        self.each_triple(graph, |t| out.push(t.into_owned()));
        out
    }

    /// Calls `emit` with every RDF triple of the graph, in the order of
    /// [`RdfSerializer::triples`], as borrowed terms: writing N-Quads needs
    /// no owned `Triple` per line.
    fn each_triple(&self, graph: &KnowledgeGraph, mut emit: impl FnMut(TripleRef<'_>)) {
        let derived_from = iri(PROV, "wasDerivedFrom");
        let documents: BTreeSet<&str> = graph
            .statements()
            .flat_map(|(_, e, _)| e.evidence.iter().map(|ev| ev.document.as_str()))
            .chain(graph.documents.iter().map(String::as_str))
            .collect();
        let document_class = vocab("Document");
        for d in documents {
            let doc = document_iri(d);
            emit(TripleRef::new(&doc, rdf::TYPE, &document_class));
            emit(TripleRef::new(&doc, rdfs::LABEL, LiteralRef::new_simple_literal(d)));
        }
        let same_as = iri(OWL, "sameAs");
        for (_, e) in graph.entities() {
            let s = entity_iri(&e.id);
            emit(TripleRef::new(&s, rdf::TYPE, &vocab(e.kind.as_str())));
            emit(TripleRef::new(&s, rdfs::LABEL, LiteralRef::new_language_tagged_literal_unchecked(&e.label_en, "en")));
            emit(TripleRef::new(&s, rdfs::LABEL, LiteralRef::new_language_tagged_literal_unchecked(&e.label_ar, "ar")));
            if let Some(q) = &e.wikidata {
                emit(TripleRef::new(&s, &same_as, &iri(WIKIDATA, q)));
            }
        }
        for (s, edge, o) in graph.statements() {
            if edge.assertion == Assertion::Asserted {
                emit(TripleRef::new(&entity_iri(&s.id), &relation_iri(edge.relation), &entity_iri(&o.id)));
            }
        }
        let statement_class = vocab("Statement");
        let (asserted, assertion, rule_property, time_property, evidence_property) =
            (vocab("asserted"), vocab("assertion"), vocab("rule"), vocab("time"), vocab("evidence"));
        let mut spans = BTreeSet::new();
        for (s, edge, o) in graph.statements() {
            let about = Triple::new(entity_iri(&s.id), relation_iri(edge.relation), entity_iri(&o.id));
            let st = statement_iri(&s.id, edge, &o.id);
            match self.style {
                StatementStyle::Reification => {
                    emit(TripleRef::new(&st, rdf::TYPE, rdf::STATEMENT));
                    emit(TripleRef::new(&st, rdf::TYPE, &statement_class));
                    emit(TripleRef::new(&st, rdf::SUBJECT, &about.subject));
                    emit(TripleRef::new(&st, rdf::PREDICATE, &about.predicate));
                    emit(TripleRef::new(&st, rdf::OBJECT, &about.object));
                }
                StatementStyle::TripleTerm => {
                    emit(TripleRef::new(&st, rdf::TYPE, &statement_class));
                    emit(TripleRef::new(&st, rdf::REIFIES, &about));
                }
            }
            let is_asserted = edge.assertion == Assertion::Asserted;
            emit(TripleRef::new(&st, &asserted, LiteralRef::new_typed_literal(if is_asserted { "true" } else { "false" }, xsd::BOOLEAN)));
            emit(TripleRef::new(&st, &assertion, LiteralRef::new_simple_literal(edge.assertion.name())));
            let rules: BTreeSet<&str> = edge.evidence.iter().map(|e| e.evidence.rule.as_str()).collect();
            for rule in rules {
                emit(TripleRef::new(&st, &rule_property, LiteralRef::new_simple_literal(rule)));
            }
            let times: BTreeSet<&str> = edge.evidence.iter().filter_map(|e| e.evidence.time.as_deref()).collect();
            for time in times {
                emit(TripleRef::new(&st, &time_property, LiteralRef::new_simple_literal(time)));
            }
            let documents: BTreeSet<&str> = edge.evidence.iter().map(|e| e.document.as_str()).collect();
            for d in documents {
                emit(TripleRef::new(&st, &derived_from, &document_iri(d)));
            }
            let mine: BTreeSet<(&str, usize, usize)> =
                edge.evidence.iter().map(|e| (e.document.as_str(), e.evidence.start, e.evidence.end)).collect();
            for &(d, b, e) in &mine {
                emit(TripleRef::new(&st, &evidence_property, &span_iri(d, b, e)));
            }
            spans.extend(
                edge.evidence
                    .iter()
                    .map(|e| (e.document.as_str(), e.evidence.start, e.evidence.end, e.evidence.text.as_str())),
            );
        }
        let (offset_based_string, sentence, reference_context, begin_index, end_index, anchor_of) = (
            iri(NIF, "OffsetBasedString"),
            iri(NIF, "Sentence"),
            iri(NIF, "referenceContext"),
            iri(NIF, "beginIndex"),
            iri(NIF, "endIndex"),
            iri(NIF, "anchorOf"),
        );
        let mut previous = None;
        for (d, b, e, text) in spans {
            // One node per span, even if two evidence records disagreed on its text.
            if previous == Some((d, b, e)) {
                continue;
            }
            previous = Some((d, b, e));
            let span = span_iri(d, b, e);
            emit(TripleRef::new(&span, rdf::TYPE, &offset_based_string));
            emit(TripleRef::new(&span, rdf::TYPE, &sentence));
            emit(TripleRef::new(&span, &reference_context, &document_iri(d)));
            let (b, e) = (b.to_string(), e.to_string());
            emit(TripleRef::new(&span, &begin_index, LiteralRef::new_typed_literal(&b, xsd::NON_NEGATIVE_INTEGER)));
            emit(TripleRef::new(&span, &end_index, LiteralRef::new_typed_literal(&e, xsd::NON_NEGATIVE_INTEGER)));
            emit(TripleRef::new(&span, &anchor_of, LiteralRef::new_simple_literal(text)));
        }
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
    ///
    /// Each line is written straight to `w` from a reused buffer, with the bytes
    /// oxttl's `NQuadsSerializer` writes (see [`push_term`]): this is the
    /// corpus mode's output, and building an owned quad per line cost more
    /// than extracting it.
    pub fn write_nquads<W: io::Write>(&self, mut w: W, graphs: &[KnowledgeGraph]) -> io::Result<W> {
        let mut line = Vec::with_capacity(512);
        for g in graphs {
            let name = graph_name(g);
            let mut written = Ok(());
            self.each_triple(g, |t| {
                if written.is_ok() {
                    line.clear();
                    push_nquad(&mut line, t, name.as_ref());
                    written = w.write_all(&line);
                }
            });
            written?;
        }
        Ok(w)
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

/// Appends one N-Quads line: `s p o g .` (no `g` for the default graph).
fn push_nquad(out: &mut Vec<u8>, t: TripleRef<'_>, graph: GraphNameRef<'_>) {
    push_triple(out, t);
    match graph {
        GraphNameRef::NamedNode(n) => {
            out.push(b' ');
            push_term(out, n.into());
        }
        GraphNameRef::BlankNode(b) => {
            out.push(b' ');
            push_term(out, b.into());
        }
        GraphNameRef::DefaultGraph => {}
    }
    out.extend_from_slice(b" .\n");
}

fn push_triple(out: &mut Vec<u8>, t: TripleRef<'_>) {
    push_term(out, t.subject.into());
    out.push(b' ');
    push_term(out, t.predicate.into());
    out.push(b' ');
    push_term(out, t.object);
}

/// Appends a term as oxrdf's `Display` writes it in N-Triples and N-Quads:
/// `<iri>`, `_:id`, a quoted literal with its escapes and its `@lang`,
/// `@lang--dir` or `^^<datatype>`, `<<( s p o )>>`.
fn push_term(out: &mut Vec<u8>, term: TermRef<'_>) {
    match term {
        TermRef::NamedNode(n) => {
            out.push(b'<');
            out.extend_from_slice(n.as_str().as_bytes());
            out.push(b'>');
        }
        TermRef::BlankNode(b) => {
            out.extend_from_slice(b"_:");
            out.extend_from_slice(b.as_str().as_bytes());
        }
        TermRef::Literal(l) => {
            push_quoted(out, l.value());
            if let Some(language) = l.language() {
                out.push(b'@');
                out.extend_from_slice(language.as_bytes());
                if let Some(direction) = l.direction() {
                    out.extend_from_slice(format!("--{direction}").as_bytes());
                }
            } else if l.datatype() != xsd::STRING {
                out.extend_from_slice(b"^^");
                push_term(out, l.datatype().into());
            }
        }
        TermRef::Triple(t) => {
            out.extend_from_slice(b"<<( ");
            push_triple(out, t.as_ref());
            out.extend_from_slice(b" )>>");
        }
    }
}

/// Appends a string in double quotes with N-Triples escapes, as oxrdf's
/// `print_quoted_str` does. Runs of characters that need no escape (nearly
/// all of a sentence) are copied as they are.
fn push_quoted(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        // The characters to escape: ASCII controls, `"`, `\`, and the
        // noncharacters U+FFFE and U+FFFF (`EF BF BE`, `EF BF BF`).
        let len = match bytes[i] {
            0..=0x1F | 0x7F | b'"' | b'\\' => 1,
            0xEF if matches!(bytes.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF])) => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[copied..i]);
        let c = s[i..].chars().next().expect("a character starts here");
        match c {
            '\u{8}' => out.extend_from_slice(b"\\b"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\u{C}' => out.extend_from_slice(b"\\f"),
            '\r' => out.extend_from_slice(b"\\r"),
            '"' => out.extend_from_slice(b"\\\""),
            '\\' => out.extend_from_slice(b"\\\\"),
            _ => out.extend_from_slice(format!("\\u{:04X}", u32::from(c)).as_bytes()),
        }
        i += len;
        copied = i;
    }
    out.extend_from_slice(&bytes[copied..]);
    out.push(b'"');
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

    #[test]
    fn nquads_lines_are_the_bytes_oxttl_writes() {
        use oxrdf::{BaseDirection, BlankNode, Literal, Term};
        use oxttl::NQuadsSerializer;
        let (s, p) = (NamedNode::new_unchecked("https://x/s"), NamedNode::new_unchecked("https://x/p"));
        let objects: Vec<Term> = vec![
            Literal::new_simple_literal("a \"q\" \\ \n\t\r\u{8}\u{C}\u{1}\u{7F}\u{FFFE}\u{FFFF} ج").into(),
            Literal::new_language_tagged_literal_unchecked("x", "ar").into(),
            Literal::new_directional_language_tagged_literal_unchecked("x", "ar", BaseDirection::Rtl).into(),
            Literal::from(true).into(),
            Literal::new_typed_literal("3", xsd::NON_NEGATIVE_INTEGER).into(),
            Triple::new(s.clone(), p.clone(), Literal::new_simple_literal("t")).into(),
            BlankNode::new_unchecked("b1").into(),
            NamedNode::new_unchecked("https://x/o").into(),
        ];
        for o in &objects {
            for graph in [GraphName::NamedNode(NamedNode::new_unchecked("https://x/g")), GraphName::DefaultGraph] {
                let mut expected = NQuadsSerializer::new().for_writer(Vec::new());
                expected.serialize_quad(&Quad::new(s.clone(), p.clone(), o.clone(), graph.clone())).unwrap();
                let mut line = Vec::new();
                push_nquad(&mut line, TripleRef::new(&s, &p, o), graph.as_ref());
                assert_eq!(String::from_utf8(line).unwrap(), String::from_utf8(expected.finish()).unwrap());
            }
        }
    }
}

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

use std::io;

use oxrdf::vocab::{rdf, rdfs, xsd};
use oxrdf::{GraphName, GraphNameRef, LiteralRef, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Quad, TermRef, Triple, TripleRef};
use petgraph::visit::EdgeRef;
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
    push_iri_segment(&mut out, s);
    out
}

/// Appends [`iri_segment`]`(s)` to `out`: runs of unreserved characters are
/// copied as they are, other bytes written as `%XX`.
fn push_iri_segment(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut copied = 0;
    for (i, b) in s.bytes().enumerate() {
        if !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')) {
            // Every byte of a non-ASCII character is escaped, so a run of
            // copied bytes is ASCII and starts on a character boundary.
            if copied < i {
                out.push_str(&s[copied..i]);
            }
            out.extend(['%', HEX[usize::from(b >> 4)] as char, HEX[usize::from(b & 15)] as char]);
            copied = i + 1;
        }
    }
    if copied < s.len() {
        out.push_str(&s[copied..]);
    }
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

/// Terms of the vocabularies, written out so that they cost no allocation
/// (a test checks them against [`vocab`] and [`iri`]).
const DOCUMENT_CLASS: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("https://w3id.org/sanad/ontology#Document");
const STATEMENT_CLASS: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("https://w3id.org/sanad/ontology#Statement");
const ASSERTED: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("https://w3id.org/sanad/ontology#asserted");
const ASSERTION: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("https://w3id.org/sanad/ontology#assertion");
const RULE: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("https://w3id.org/sanad/ontology#rule");
const TIME: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("https://w3id.org/sanad/ontology#time");
const EVIDENCE: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("https://w3id.org/sanad/ontology#evidence");
const SAME_AS: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://www.w3.org/2002/07/owl#sameAs");
const DERIVED_FROM: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://www.w3.org/ns/prov#wasDerivedFrom");
const NIF_OFFSET_BASED_STRING: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#OffsetBasedString");
const NIF_SENTENCE: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Sentence");
const NIF_REFERENCE_CONTEXT: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext");
const NIF_BEGIN_INDEX: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex");
const NIF_END_INDEX: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex");
const NIF_ANCHOR_OF: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf");

/// The IRI of a term of the project's vocabulary ([`vocab`]), written into
/// `buffer`.
fn vocab_term<'a>(buffer: &'a mut String, local: &str) -> NamedNodeRef<'a> {
    buffer.clear();
    buffer.push_str(SANAD);
    buffer.push_str(local);
    NamedNodeRef::new_unchecked(buffer)
}

/// [`span_iri`] of a document whose IRI is `document`, written into `buffer`.
fn span_term<'a>(buffer: &'a mut String, document: &NamedNode, begin: usize, end: usize) -> NamedNodeRef<'a> {
    buffer.clear();
    buffer.push_str(document.as_str());
    buffer.push_str("#char=");
    push_decimal(buffer, begin);
    buffer.push(',');
    push_decimal(buffer, end);
    NamedNodeRef::new_unchecked(buffer)
}

/// Appends `n` in decimal.
fn push_decimal(out: &mut String, n: usize) {
    out.extend(super::decimal(n, &mut [0; 20]).iter().map(|&d| char::from(d)));
}

/// Replaces `set` with the distinct `items` in order: what iterating a
/// `BTreeSet` of them gives, in a vector reused from call to call.
fn sorted_distinct<T: Ord>(set: &mut Vec<T>, items: impl Iterator<Item = T>) {
    set.clear();
    set.extend(items);
    set.sort_unstable();
    set.dedup();
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
    ///
    /// Every IRI is built once into a buffer of its own (entities and
    /// documents once per graph, a statement's IRI once per statement) and
    /// lent to `emit`, and the sets of a statement's rules, times and
    /// documents are sorted vectors reused from one statement to the next:
    /// this runs for every document of a corpus, and allocating each term
    /// anew cost more than writing it.
    fn each_triple(&self, graph: &KnowledgeGraph, mut emit: impl FnMut(TripleRef<'_>)) {
        let edges = || graph.graph.edge_references();
        // Sorted and distinct, as a `BTreeSet` would iterate them.
        let mut documents: Vec<&str> = edges()
            .flat_map(|e| e.weight().evidence.iter().map(|ev| ev.document.as_str()))
            .chain(graph.documents.iter().map(String::as_str))
            .collect();
        documents.sort_unstable();
        documents.dedup();
        let document_iris: Vec<NamedNode> = documents.iter().map(|d| document_iri(d)).collect();
        let document_iri_of = |d: &str| &document_iris[documents.binary_search(&d).expect("every document is listed")];
        for (d, doc) in documents.iter().zip(&document_iris) {
            emit(TripleRef::new(doc, rdf::TYPE, DOCUMENT_CLASS));
            emit(TripleRef::new(doc, rdfs::LABEL, LiteralRef::new_simple_literal(d)));
        }
        let entity_iris: Vec<NamedNode> = graph.entities().map(|(_, e)| entity_iri(&e.id)).collect();
        let mut term = String::new();
        for ((_, e), s) in graph.entities().zip(&entity_iris) {
            emit(TripleRef::new(s, rdf::TYPE, vocab_term(&mut term, e.kind.as_str())));
            emit(TripleRef::new(s, rdfs::LABEL, LiteralRef::new_language_tagged_literal_unchecked(&e.label_en, "en")));
            emit(TripleRef::new(s, rdfs::LABEL, LiteralRef::new_language_tagged_literal_unchecked(&e.label_ar, "ar")));
            if let Some(q) = &e.wikidata {
                term.clear();
                term.push_str(WIKIDATA);
                term.push_str(q);
                emit(TripleRef::new(s, SAME_AS, NamedNodeRef::new_unchecked(&term)));
            }
        }
        let ends = |e: &petgraph::graph::EdgeReference<'_, StatementEdge>| {
            (&entity_iris[e.source().index()], &entity_iris[e.target().index()])
        };
        for e in edges() {
            if e.weight().assertion == Assertion::Asserted {
                let (s, o) = ends(&e);
                emit(TripleRef::new(s, vocab_term(&mut term, e.weight().relation.name()), o));
            }
        }
        let mut statement = String::new();
        let mut rules: Vec<&str> = Vec::new();
        let mut times: Vec<&str> = Vec::new();
        let mut sources: Vec<&str> = Vec::new();
        let mut mine: Vec<(&str, usize, usize)> = Vec::new();
        let mut spans: Vec<(&str, usize, usize, &str)> = Vec::new();
        let mut span_buffer = String::new();
        for e in edges() {
            let edge = e.weight();
            let (s, o) = ends(&e);
            let (s_id, o_id) = (&graph.graph[e.source()].id, &graph.graph[e.target()].id);
            // `statement_iri`, written into a reused buffer.
            statement.clear();
            statement.push_str(STATEMENT);
            for (i, part) in [s_id.as_str(), edge.relation.name(), o_id, edge.assertion.name()].into_iter().enumerate() {
                if i > 0 {
                    statement.push('-');
                }
                push_iri_segment(&mut statement, part);
            }
            let st = NamedNodeRef::new_unchecked(&statement);
            let predicate = vocab_term(&mut term, edge.relation.name());
            match self.style {
                StatementStyle::Reification => {
                    emit(TripleRef::new(st, rdf::TYPE, rdf::STATEMENT));
                    emit(TripleRef::new(st, rdf::TYPE, STATEMENT_CLASS));
                    emit(TripleRef::new(st, rdf::SUBJECT, s));
                    emit(TripleRef::new(st, rdf::PREDICATE, predicate));
                    emit(TripleRef::new(st, rdf::OBJECT, o));
                }
                StatementStyle::TripleTerm => {
                    let about = Triple::new(s.clone(), predicate.into_owned(), o.clone());
                    emit(TripleRef::new(st, rdf::TYPE, STATEMENT_CLASS));
                    emit(TripleRef::new(st, rdf::REIFIES, &about));
                }
            }
            let is_asserted = edge.assertion == Assertion::Asserted;
            emit(TripleRef::new(st, ASSERTED, LiteralRef::new_typed_literal(if is_asserted { "true" } else { "false" }, xsd::BOOLEAN)));
            emit(TripleRef::new(st, ASSERTION, LiteralRef::new_simple_literal(edge.assertion.name())));
            sorted_distinct(&mut rules, edge.evidence.iter().map(|e| e.evidence.rule.as_str()));
            for rule in &rules {
                emit(TripleRef::new(st, RULE, LiteralRef::new_simple_literal(rule)));
            }
            sorted_distinct(&mut times, edge.evidence.iter().filter_map(|e| e.evidence.time.as_deref()));
            for time in &times {
                emit(TripleRef::new(st, TIME, LiteralRef::new_simple_literal(time)));
            }
            sorted_distinct(&mut sources, edge.evidence.iter().map(|e| e.document.as_str()));
            for d in &sources {
                emit(TripleRef::new(st, DERIVED_FROM, document_iri_of(d)));
            }
            sorted_distinct(&mut mine, edge.evidence.iter().map(|e| (e.document.as_str(), e.evidence.start, e.evidence.end)));
            for &(d, b, e) in &mine {
                emit(TripleRef::new(st, EVIDENCE, span_term(&mut span_buffer, document_iri_of(d), b, e)));
            }
            spans.extend(
                edge.evidence
                    .iter()
                    .map(|e| (e.document.as_str(), e.evidence.start, e.evidence.end, e.evidence.text.as_str())),
            );
        }
        spans.sort_unstable();
        spans.dedup();
        let mut previous = None;
        let (mut begin, mut end) = (String::new(), String::new());
        for (d, b, e, text) in spans {
            // One node per span, even if two evidence records disagreed on its text.
            if previous == Some((d, b, e)) {
                continue;
            }
            previous = Some((d, b, e));
            let doc = document_iri_of(d);
            let span = span_term(&mut span_buffer, doc, b, e);
            emit(TripleRef::new(span, rdf::TYPE, NIF_OFFSET_BASED_STRING));
            emit(TripleRef::new(span, rdf::TYPE, NIF_SENTENCE));
            emit(TripleRef::new(span, NIF_REFERENCE_CONTEXT, doc));
            begin.clear();
            end.clear();
            push_decimal(&mut begin, b);
            push_decimal(&mut end, e);
            emit(TripleRef::new(span, NIF_BEGIN_INDEX, LiteralRef::new_typed_literal(&begin, xsd::NON_NEGATIVE_INTEGER)));
            emit(TripleRef::new(span, NIF_END_INDEX, LiteralRef::new_typed_literal(&end, xsd::NON_NEGATIVE_INTEGER)));
            emit(TripleRef::new(span, NIF_ANCHOR_OF, LiteralRef::new_simple_literal(text)));
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
    /// Lines are rendered by [`RdfSerializer::push_nquads`] into a buffer
    /// that goes to `w` every 64 KB and at the end.
    pub fn write_nquads<W: io::Write>(&self, mut w: W, graphs: &[KnowledgeGraph]) -> io::Result<W> {
        const FLUSH_AT: usize = 1 << 16;
        let mut buffer = Vec::with_capacity(FLUSH_AT + 4096);
        for g in graphs {
            let mut written = Ok(());
            self.each_nquad(g, &mut buffer, |buffer| {
                if buffer.len() >= FLUSH_AT && written.is_ok() {
                    written = w.write_all(buffer);
                    buffer.clear();
                }
            });
            written?;
        }
        w.write_all(&buffer)?;
        Ok(w)
    }

    /// Appends per-document graphs to `out` as N-Quads, as
    /// [`RdfSerializer::write_nquads`] writes them: the corpus mode renders
    /// each document into bytes of its own, and going through `io::Write`
    /// and a buffer copied every byte once more.
    pub fn push_nquads(&self, out: &mut Vec<u8>, graphs: &[KnowledgeGraph]) {
        for g in graphs {
            self.each_nquad(g, out, |_| {});
        }
    }

    /// Appends each N-Quads line of a graph to `out` and then calls
    /// `written` with `out`. Lines have the bytes oxttl's `NQuadsSerializer`
    /// writes (see [`push_term`]), without an owned quad per line (which cost
    /// more than extracting it); the end of every line (` <graph> .`) is
    /// rendered once per graph.
    fn each_nquad(&self, graph: &KnowledgeGraph, out: &mut Vec<u8>, mut written: impl FnMut(&mut Vec<u8>)) {
        let line_end = nquad_line_end(graph_name(graph).as_ref());
        out.reserve(estimated_nquads_size(graph, line_end.len()));
        self.each_triple(graph, |t| {
            push_triple(out, t);
            out.extend_from_slice(&line_end);
            written(out);
        });
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

/// About the size of a graph in N-Quads (a little less as a rule), so that
/// the output grows once instead of doubling a dozen times: two lines per
/// document, four per entity, nine per statement, four per piece of
/// evidence and its sentence, some 150 bytes a line plus the graph name.
fn estimated_nquads_size(graph: &KnowledgeGraph, line_end: usize) -> usize {
    let mut lines = 2 * graph.documents.len() + 4 * graph.graph.node_count();
    let mut text = 0;
    for edge in graph.graph.edge_weights() {
        lines += 9 + 4 * edge.evidence.len();
        text += edge.evidence.iter().map(|e| e.evidence.text.len()).sum::<usize>();
    }
    lines * (150 + line_end) + text
}

/// The end of an N-Quads line after its triple: ` g .` and the line
/// break (` .` for the default graph).
fn nquad_line_end(graph: GraphNameRef<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    match graph {
        GraphNameRef::NamedNode(n) => {
            out.push(b' ');
            push_term(&mut out, n.into());
        }
        GraphNameRef::BlankNode(b) => {
            out.push(b' ');
            push_term(&mut out, b.into());
        }
        GraphNameRef::DefaultGraph => {}
    }
    out.extend_from_slice(b" .\n");
    out
}

/// Appends `s p o` (IRIs, the usual case, without going through [`push_term`]).
fn push_triple(out: &mut Vec<u8>, t: TripleRef<'_>) {
    match t.subject {
        NamedOrBlankNodeRef::NamedNode(n) => push_iri(out, n.as_str()),
        subject => push_term(out, subject.into()),
    }
    out.push(b' ');
    push_iri(out, t.predicate.as_str());
    out.push(b' ');
    match t.object {
        TermRef::NamedNode(n) => push_iri(out, n.as_str()),
        object => push_term(out, object),
    }
}

/// Appends `<iri>`.
#[inline]
fn push_iri(out: &mut Vec<u8>, iri: &str) {
    out.reserve(iri.len() + 2);
    out.push(b'<');
    out.extend_from_slice(iri.as_bytes());
    out.push(b'>');
}

/// Appends a term as oxrdf's `Display` writes it in N-Triples and N-Quads:
/// `<iri>`, `_:id`, a quoted literal with its escapes and its `@lang`,
/// `@lang--dir` or `^^<datatype>`, `<<( s p o )>>`.
fn push_term(out: &mut Vec<u8>, term: TermRef<'_>) {
    match term {
        TermRef::NamedNode(n) => push_iri(out, n.as_str()),
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
        // Eight bytes at a time past text that needs no escape (0xEF is
        // the first byte of U+FFFE and U+FFFF).
        i = crate::bytes::skip_plain(bytes, i, 0x20, b"\"\\\x7F\xEF");
        let Some(&byte) = bytes.get(i) else { break };
        // The characters to escape: ASCII controls, `"`, `\`, and the
        // noncharacters U+FFFE and U+FFFF (`EF BF BE`, `EF BF BF`).
        let len = match byte {
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
    fn vocabulary_constants_are_the_terms_they_name() {
        let constants = [
            (DOCUMENT_CLASS, vocab("Document")),
            (STATEMENT_CLASS, vocab("Statement")),
            (ASSERTED, vocab("asserted")),
            (ASSERTION, vocab("assertion")),
            (RULE, vocab("rule")),
            (TIME, vocab("time")),
            (EVIDENCE, vocab("evidence")),
            (SAME_AS, iri(OWL, "sameAs")),
            (DERIVED_FROM, iri(PROV, "wasDerivedFrom")),
            (NIF_OFFSET_BASED_STRING, iri(NIF, "OffsetBasedString")),
            (NIF_SENTENCE, iri(NIF, "Sentence")),
            (NIF_REFERENCE_CONTEXT, iri(NIF, "referenceContext")),
            (NIF_BEGIN_INDEX, iri(NIF, "beginIndex")),
            (NIF_END_INDEX, iri(NIF, "endIndex")),
            (NIF_ANCHOR_OF, iri(NIF, "anchorOf")),
        ];
        for (constant, term) in constants {
            assert_eq!(constant, term.as_ref());
        }
        let mut buffer = String::new();
        assert_eq!(vocab_term(&mut buffer, "met"), vocab("met").as_ref());
        assert_eq!(span_term(&mut buffer, &document_iri("d 1"), 3, 9), span_iri("d 1", 3, 9).as_ref());
        assert_eq!(iri_segment("a b/ج-x"), "a%20b%2F%D8%AC-x");
        assert_eq!(iri_segment("جح"), "%D8%AC%D8%AD");
        assert_eq!(iri_segment(""), "");
        for n in [0, 7, 10, 99, 1234567, usize::MAX] {
            let mut decimal = String::from("x");
            push_decimal(&mut decimal, n);
            assert_eq!(decimal, format!("x{n}"));
        }
    }

    /// Escapes at every offset of a long literal, around the eight-byte
    /// steps of `push_quoted`.
    #[test]
    fn literals_are_escaped_as_oxttl_escapes_them_at_every_offset() {
        use oxrdf::Literal;
        use oxttl::NTriplesSerializer;
        let (s, p) = (NamedNode::new_unchecked("https://x/s"), NamedNode::new_unchecked("https://x/p"));
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{F000}", " ", "~"] {
            for at in 0..20 {
                let text = format!("{}{special}{}", "جa".repeat(at).chars().take(at).collect::<String>(), "ب".repeat(9));
                let mut expected = NTriplesSerializer::new().for_writer(Vec::new());
                expected.serialize_triple(TripleRef::new(&s, &p, &Literal::new_simple_literal(&text))).unwrap();
                let mut line = Vec::new();
                push_triple(&mut line, TripleRef::new(&s, &p, &Literal::new_simple_literal(&text)));
                line.extend_from_slice(b" .\n");
                assert_eq!(String::from_utf8(line).unwrap(), String::from_utf8(expected.finish()).unwrap(), "{text:?}");
            }
        }
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
                push_triple(&mut line, TripleRef::new(&s, &p, o));
                line.extend(nquad_line_end(graph.as_ref()));
                assert_eq!(String::from_utf8(line).unwrap(), String::from_utf8(expected.finish()).unwrap());
            }
        }
    }
}

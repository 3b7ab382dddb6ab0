//! Exporters: the knowledge graph written out for other tools.
//!
//! Each exporter writes to any `io::Write` and reads only the
//! [`KnowledgeGraph`](crate::graph::KnowledgeGraph) (and, for JSON, the
//! per-document extractions), never the pipeline's internals:
//! - [`json`]: the JSON contract of `shared/spec/output-json.md`;
//! - [`rdf`]: Turtle, N-Triples, TriG and N-Quads through oxrdf and oxttl, in
//!   the vocabulary of `ontology/sanad.ttl`, with provenance on statement nodes
//!   (RDF 1.1 reification, or RDF 1.2 triple terms);
//! - [`dot`]: a GraphViz diagram styled by entity type and relation kind.

pub mod dot;
pub mod json;
pub mod rdf;

/// The output formats `sanad extract` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Json,
    Turtle,
    NTriples,
    Dot,
}

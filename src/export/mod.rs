//! Exporters: the knowledge graph written out for other tools.
//!
//! Each exporter writes to any `io::Write` and reads only the
//! [`KnowledgeGraph`](crate::graph::KnowledgeGraph) (and, for JSON, the
//! per-document extractions), never the pipeline's internals:
//! - [`json`]: the JSON contract of `shared/spec/output-json.md`;
//! - [`rdf`]: Turtle and N-Triples through oxrdf and oxttl;
//! - [`dot`]: a GraphViz diagram.

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

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

/// `n` in decimal, as `Display` writes it, in `buffer` (without the
/// formatting machinery, which costs more than a short N-Quads or JSON line's
/// other work).
fn decimal(mut n: usize, buffer: &mut [u8; 20]) -> &[u8] {
    let mut start = buffer.len();
    loop {
        start -= 1;
        buffer[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buffer[start..];
        }
    }
}

/// The output formats `sanad extract` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Json,
    Turtle,
    NTriples,
    Dot,
}

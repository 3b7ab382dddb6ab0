//! sanad: evidence-backed knowledge graphs from Arabic news.
//!
//! sanad reads news articles and extracts actor–relation–target triples
//! (`Russia signedAgreement North Korea`), each with the sentences it came
//! from. The pipeline runs in stages, one module each, in this order:
//!
//! text ([`text`]) → normalised text ([`normalize`]) → sentences
//! ([`sentence`]) → tokens with clitics split ([`token`]) → mentions
//! ([`mention`], with [`gazetteer`]) → resolved references ([`reference`]) →
//! rule matches ([`matcher`], with [`rules`]) → triples ([`triple`],
//! [`extract`]) → graph ([`graph`]) → exporters ([`export`]), or SPARQL over
//! the graph in memory ([`query`]).
//!
//! The gazetteer and the rules are data in `ontology/`, compiled once by
//! [`ontology`]. The OWL vocabulary of the RDF output is `ontology/sanad.ttl`,
//! which [`vocabulary`] reads for relation labels and kinds. [`corpus`] runs
//! the pipeline over many documents at once: streamed, in parallel, in input
//! order.
//!
//! ```
//! use sanad::{Document, Extractor, KnowledgeGraph, Ontology};
//!
//! let extractor = Extractor::new(Ontology::bundled().unwrap());
//! let doc = Document::new("example", "زار الرئيس الفرنسي إيمانويل ماكرون الصين.");
//! let extraction = extractor.extract(&doc);
//! let graph = KnowledgeGraph::build(&[extraction], extractor.gazetteer());
//! let visits: Vec<_> = graph
//!     .asserted(sanad::Relation::Visited)
//!     .iter()
//!     .map(|(s, o)| format!("{} visited {}", s.label_en, o.label_en))
//!     .collect();
//! assert_eq!(visits, ["Emmanuel Macron visited China"]);
//! ```

mod bytes;
pub mod class_index;
pub mod corpus;
pub mod explain;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod graph;
pub mod matcher;
pub mod mention;
pub mod normalize;
pub mod ontology;
pub mod query;
pub mod reference;
pub mod rules;
pub mod sentence;
pub mod text;
pub mod token;
pub mod triple;
pub mod vocabulary;

pub use extract::{Extraction, Extractor};
pub use graph::KnowledgeGraph;
pub use ontology::{Ontology, OntologyError};
pub use text::{Document, InputError};
pub use triple::{Assertion, Evidence, Relation, Triple};

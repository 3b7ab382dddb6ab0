//! Corpus mode: many documents, streamed, in parallel.
//!
//! [`input`] reads documents one at a time from JSON Lines, directories of
//! `.txt` files, plain files or standard input; [`run`] extracts them on a
//! thread pool and hands the results back in input order, in bounded memory.
//! Every document is independent of the others, which is what lets sanad run
//! as the mapper of a distributed job (see `docs/distributed.md`).
//!
//! ```
//! use sanad::corpus::{self, Outcome, Render};
//! use sanad::{Extractor, Ontology};
//!
//! let extractor = Extractor::new(Ontology::bundled().unwrap());
//! let lines = concat!(
//!     r#"{"id": "a", "text": "زار الرئيس الفرنسي إيمانويل ماكرون الصين."}"#, "\n",
//!     "not json\n",
//! );
//! let records = lines.lines().enumerate().filter_map(|(i, line)| {
//!     corpus::parse_line("corpus.jsonl", i as u64 + 1, line.as_bytes()).transpose()
//! });
//! let mut out = Vec::new();
//! let mut errors = Vec::new();
//! let summary = corpus::run(&extractor, records, Render::NQuads(Default::default()), &Default::default(), |outcome| {
//!     match outcome {
//!         Outcome::Done { output, .. } => out.extend(output),
//!         Outcome::Failed(e) => errors.push(e.to_string()),
//!     }
//!     Ok(())
//! })
//! .unwrap();
//! assert_eq!((summary.documents, summary.failed), (2, 1));
//! assert!(errors[0].starts_with("corpus.jsonl:2: expected a JSON object"));
//! let nquads = String::from_utf8(out).unwrap();
//! assert!(nquads.lines().all(|l| l.ends_with("<https://w3id.org/sanad/document/a> .")));
//! ```

pub mod input;
pub mod run;

pub use input::{parse_line, Corpus, CorpusError, InputFormat, Metadata, Record};
pub use run::{run, Options, Outcome, Render, Summary};

//! The ontology: gazetteer, rules and word classes, loaded from `ontology/`.
//!
//! Everything sanad knows about the world and about Arabic news phrasing is
//! data in the `ontology/` directory, not code: `gazetteer/*.toml` lists the
//! entities, `rules/*.rules` the word classes and extraction rules. This module
//! finds those files (on disk, or the copy bundled into the binary at build
//! time), compiles them once into the matchers the pipeline uses, and reports
//! any defect as `file:line:column: what was expected` before any text is read.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::gazetteer::Gazetteer;
use crate::rules::RuleSet;
use crate::token::Lexicon;

/// A defect in an ontology file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OntologyError {
    pub file: String,
    /// 1-based line, 0 when the defect is not tied to a line.
    pub line: usize,
    /// 1-based column in characters, 0 when unknown.
    pub column: usize,
    pub message: String,
}

impl OntologyError {
    pub fn new(file: impl Into<String>, line: usize, column: usize, message: impl Into<String>) -> OntologyError {
        OntologyError { file: file.into(), line, column, message: message.into() }
    }
}

impl fmt::Display for OntologyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, _) => write!(f, "{}: {}", self.file, self.message),
            (line, 0) => write!(f, "{}:{}: {}", self.file, line, self.message),
            (line, column) => write!(f, "{}:{}:{}: {}", self.file, line, column, self.message),
        }
    }
}

impl std::error::Error for OntologyError {}

/// One ontology file's name (relative to the ontology directory) and text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_ontology.rs"));
}

/// The compiled ontology.
#[derive(Debug)]
pub struct Ontology {
    pub gazetteer: Gazetteer,
    pub rules: RuleSet,
    /// Every stem that licenses clitic splitting (names and rule words).
    pub lexicon: Lexicon,
}

impl Ontology {
    /// The ontology bundled into the binary when it was built.
    pub fn bundled() -> Result<Ontology, OntologyError> {
        let files = bundled::FILES
            .iter()
            .map(|(name, text)| SourceFile { name: format!("ontology/{name}"), text: text.to_string() })
            .collect();
        Ontology::from_sources(files)
    }

    /// Loads an ontology directory (with `gazetteer/` and `rules/` inside).
    pub fn load_dir(dir: &Path) -> Result<Ontology, OntologyError> {
        let mut files = Vec::new();
        for sub in ["gazetteer", "rules"] {
            let path = dir.join(sub);
            let entries = std::fs::read_dir(&path).map_err(|e| {
                OntologyError::new(path.display().to_string(), 0, 0, format!("cannot read directory: {e}"))
            })?;
            let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for p in paths {
                let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
                if !matches!(ext, "toml" | "rules") {
                    continue;
                }
                let bytes = std::fs::read(&p)
                    .map_err(|e| OntologyError::new(p.display().to_string(), 0, 0, format!("cannot read: {e}")))?;
                let text = String::from_utf8(bytes).map_err(|e| {
                    let offset = e.utf8_error().valid_up_to();
                    let valid = std::str::from_utf8(&e.as_bytes()[..offset]).expect("valid up to here");
                    let (line, column) = line_column(valid, offset);
                    OntologyError::new(
                        p.display().to_string(),
                        line,
                        column,
                        format!("invalid UTF-8 at byte offset {offset}: expected UTF-8 encoded text"),
                    )
                })?;
                files.push(SourceFile { name: p.display().to_string(), text });
            }
        }
        Ontology::from_sources(files)
    }

    /// Compiles ontology files given as text. Files ending in `.toml` are
    /// gazetteer files, files ending in `.rules` rule files.
    pub fn from_sources(files: Vec<SourceFile>) -> Result<Ontology, OntologyError> {
        let (gazetteer_files, rule_files): (Vec<_>, Vec<_>) = files.into_iter().partition(|f| f.name.ends_with(".toml"));
        let rules = RuleSet::parse(&rule_files)?;
        let mut lexicon = Lexicon::default();
        rules.extend_lexicon(&mut lexicon);
        let gazetteer = Gazetteer::compile(&gazetteer_files, &mut lexicon)?;
        rules.check_against(&gazetteer)?;
        Ok(Ontology { gazetteer, rules, lexicon })
    }
}

/// Line and column (1-based, columns in characters) of a byte offset.
pub fn line_column(text: &str, byte_offset: usize) -> (usize, usize) {
    let before = &text[..byte_offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

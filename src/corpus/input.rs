//! Reading a corpus: documents one at a time, from JSON Lines, directories of
//! `.txt` files, plain files or standard input.
//!
//! [`Corpus::open`] checks that every named input exists (a missing or
//! unreadable path is an error naming it, before any document is read) and
//! returns an iterator of [`Record`]s. Nothing is read ahead beyond one line or
//! one file, so memory stays flat whatever the corpus size.
//!
//! - A JSON Lines input holds one document per line: an object with `id`
//!   (string or integer) and `text`, and optionally `lang`, `url`, `date` and
//!   `title`; other keys are ignored. Blank lines are skipped. A line that is
//!   not valid UTF-8, not JSON, or lacks `id` or `text` is a
//!   [`CorpusError`] naming the input and line number, and reading goes on
//!   with the next line.
//! - A directory is walked recursively in sorted path order; its `.txt` files
//!   are text documents and its `.jsonl` files JSON Lines.
//! - A plain file is JSON Lines when its name ends in `.jsonl` or `.ndjson`,
//!   else one text document whose id is the path as given.
//! - `-` is standard input: JSON Lines when its first non-blank byte is `{`
//!   (or when it is blank: no documents), else one text document with id
//!   `stdin`.
//!
//! [`InputFormat`] overrides the guess for plain files and standard input.
//! A document's id never depends on where its line sits in the input, so the
//! output for a line is the same in any split of the corpus.
//!
//! This module reads and decodes; it does not extract (see
//! [`crate::corpus::run`]).

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::text::{Document, InputError};

/// How to read plain files and standard input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// JSON Lines for `.jsonl`/`.ndjson` files and for standard input that
    /// starts with `{`; one text document otherwise.
    #[default]
    Auto,
    /// Always one text document per file (or for standard input).
    Text,
    /// Always JSON Lines.
    Jsonl,
}

/// Optional fields of a JSON Lines document, kept as given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub lang: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
}

/// One document read from the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Where it came from, for messages: `corpus.jsonl:12` or `texts/a.txt`.
    pub origin: String,
    pub document: Document,
    pub metadata: Metadata,
    /// Input bytes this record took (the line with its newline, or the file).
    pub bytes: u64,
}

/// Why an input or one document could not be read.
#[derive(Debug)]
pub enum CorpusError {
    /// A named input does not exist or cannot be opened; nothing was read.
    Open { path: String, error: io::Error },
    /// A text document could not be read or decoded (invalid UTF-8 with its
    /// byte offset, binary data, an I/O error).
    Document { error: InputError, bytes: u64 },
    /// A JSON Lines line is not valid UTF-8.
    LineUtf8 { source_name: String, line: u64, byte_offset: usize, bytes: u64 },
    /// A JSON Lines line is not a JSON object with `id` and `text`.
    LineJson { source_name: String, line: u64, message: String, bytes: u64 },
    /// Reading an input failed part-way; the rest of that input is skipped.
    Read { source_name: String, line: u64, error: io::Error },
    /// The document was read but extracting or rendering it failed (a bug).
    Extraction { origin: String, message: String, bytes: u64 },
}

impl CorpusError {
    /// Input bytes the failed record took, for progress accounting.
    pub fn bytes(&self) -> u64 {
        match self {
            CorpusError::Document { bytes, .. }
            | CorpusError::LineUtf8 { bytes, .. }
            | CorpusError::LineJson { bytes, .. }
            | CorpusError::Extraction { bytes, .. } => *bytes,
            CorpusError::Open { .. } | CorpusError::Read { .. } => 0,
        }
    }
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::Open { path, error } => write!(f, "{path}: cannot read: {error}"),
            CorpusError::Document { error, .. } => write!(f, "{error}"),
            CorpusError::LineUtf8 { source_name, line, byte_offset, .. } => write!(
                f,
                "{source_name}:{line}: invalid UTF-8 at byte offset {byte_offset} of the line: expected a UTF-8 JSON object; line skipped"
            ),
            CorpusError::LineJson { source_name, line, message, .. } => {
                write!(f, "{source_name}:{line}: expected a JSON object with \"id\" and \"text\": {message}; line skipped")
            }
            CorpusError::Read { source_name, line, error } => {
                write!(f, "{source_name}: read error after line {line}: {error}; rest of this input skipped")
            }
            CorpusError::Extraction { origin, message, .. } => {
                write!(f, "{origin}: internal error while extracting (please report it): {message}; document skipped")
            }
        }
    }
}

/// The message already names the cause, so no source is chained (it would
/// be printed twice).
impl std::error::Error for CorpusError {}

/// One JSON Lines document as written.
#[derive(Deserialize)]
struct Line {
    id: Id,
    text: String,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Integer(i64),
}

/// Parses one JSON Lines line (without its line break) into a document.
/// `Ok(None)` for a blank line.
pub fn parse_line(source_name: &str, line_number: u64, line: &[u8]) -> Result<Option<Record>, CorpusError> {
    let bytes = line.len() as u64 + 1;
    // simdutf8: the same check as std's, many times faster on Arabic text
    // (std's fast path is for ASCII only).
    let text = simdutf8::compat::from_utf8(line).map_err(|e| CorpusError::LineUtf8 {
        source_name: source_name.to_string(),
        line: line_number,
        byte_offset: e.valid_up_to(),
        bytes,
    })?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    let parsed: Line = serde_json::from_str(text).map_err(|e| CorpusError::LineJson {
        source_name: source_name.to_string(),
        line: line_number,
        message: json_message(&e),
        bytes,
    })?;
    let id = match parsed.id {
        Id::Text(s) => s,
        Id::Integer(n) => n.to_string(),
    };
    Ok(Some(Record {
        origin: format!("{source_name}:{line_number}"),
        document: Document::new(id, parsed.text),
        metadata: Metadata { lang: parsed.lang, url: parsed.url, date: parsed.date, title: parsed.title },
        bytes,
    }))
}

/// serde_json's message without its trailing "at line 1 column N" for a
/// one-line input, with the column kept as a byte column.
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => format!("{} (byte column {})", &full[..i], e.column()),
        None => full,
    }
}

/// An input as named on the command line.
#[derive(Debug, Clone)]
enum Source {
    Stdin,
    File { path: PathBuf, jsonl: bool },
    Dir(PathBuf),
}

/// The documents of a corpus, read in order.
pub struct Corpus {
    sources: std::vec::IntoIter<Source>,
    format: InputFormat,
    /// What is being read now: a directory walk, with a JSON Lines file it
    /// holds on top while that file is read.
    reading: Vec<Current>,
    /// Known total size in bytes of the inputs (None when standard input is read).
    total: Option<u64>,
}

enum Current {
    Lines { name: String, reader: Box<dyn BufRead + Send>, line: u64, buf: Vec<u8> },
    Walk { stack: Vec<std::vec::IntoIter<PathBuf>> },
}

impl Corpus {
    /// Checks the named inputs (`-` for standard input, at most once) and
    /// prepares to read them in order.
    pub fn open<S: AsRef<str>>(inputs: &[S], format: InputFormat) -> Result<Corpus, CorpusError> {
        let mut sources = Vec::new();
        let mut total = Some(0u64);
        let mut stdin_seen = false;
        for input in inputs {
            let name = input.as_ref();
            if name == "-" {
                if stdin_seen {
                    return Err(CorpusError::Open {
                        path: "-".into(),
                        error: io::Error::new(io::ErrorKind::InvalidInput, "standard input can be read only once"),
                    });
                }
                stdin_seen = true;
                total = None;
                sources.push(Source::Stdin);
                continue;
            }
            let path = PathBuf::from(name);
            let open_error = |error| CorpusError::Open { path: name.to_string(), error };
            let meta = std::fs::metadata(&path).map_err(open_error)?;
            if meta.is_dir() {
                std::fs::read_dir(&path).map_err(open_error)?;
                total = total.map(|t| t + dir_size(&path));
                sources.push(Source::Dir(path));
            } else {
                File::open(&path).map_err(open_error)?;
                total = total.map(|t| t + meta.len());
                let jsonl = match format {
                    InputFormat::Jsonl => true,
                    InputFormat::Text => false,
                    InputFormat::Auto => is_jsonl_name(&path),
                };
                sources.push(Source::File { path, jsonl });
            }
        }
        Ok(Corpus { sources: sources.into_iter(), format, reading: Vec::new(), total })
    }

    /// The total size of the inputs in bytes, when known (not for standard input).
    pub fn total_bytes(&self) -> Option<u64> {
        self.total
    }

    /// Starts reading a source: returns its only record for a text
    /// document, or pushes a reader for a stream of records.
    fn start(&mut self, source: Source) -> Option<Result<Record, CorpusError>> {
        match source {
            Source::Stdin => {
                let mut reader = BufReader::with_capacity(1 << 20, io::stdin());
                let jsonl = match self.format {
                    InputFormat::Jsonl => true,
                    InputFormat::Text => false,
                    InputFormat::Auto => match looks_like_jsonl(&mut reader) {
                        Ok(b) => b,
                        Err(error) => return Some(Err(CorpusError::Read { source_name: "stdin".into(), line: 0, error })),
                    },
                };
                if jsonl {
                    self.reading.push(Current::Lines { name: "stdin".into(), reader: Box::new(reader), line: 0, buf: Vec::new() });
                    None
                } else {
                    let mut bytes = Vec::new();
                    if let Err(error) = reader.read_to_end(&mut bytes) {
                        return Some(Err(CorpusError::Read { source_name: "stdin".into(), line: 0, error }));
                    }
                    Some(text_record("stdin", bytes))
                }
            }
            Source::File { path, jsonl: true } => {
                let name = path.display().to_string();
                match File::open(&path) {
                    Ok(f) => {
                        let reader = Box::new(BufReader::with_capacity(1 << 20, f));
                        self.reading.push(Current::Lines { name, reader, line: 0, buf: Vec::new() });
                        None
                    }
                    Err(error) => Some(Err(CorpusError::Document { error: InputError::Io { source_name: name, error }, bytes: 0 })),
                }
            }
            Source::File { path, jsonl: false } => Some(read_text_file(&path)),
            Source::Dir(d) => match sorted_entries(&d) {
                Ok(entries) => {
                    self.reading.push(Current::Walk { stack: vec![entries.into_iter()] });
                    None
                }
                Err(error) => {
                    let source_name = d.display().to_string();
                    Some(Err(CorpusError::Document { error: InputError::Io { source_name, error }, bytes: 0 }))
                }
            },
        }
    }
}

impl Iterator for Corpus {
    type Item = Result<Record, CorpusError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let Some(current) = self.reading.last_mut() else {
                let source = self.sources.next()?;
                if let Some(item) = self.start(source) {
                    return Some(item);
                }
                continue;
            };
            match current {
                Current::Lines { name, reader, line, buf } => {
                    buf.clear();
                    match reader.read_until(b'\n', buf) {
                        Ok(0) => {
                            self.reading.pop();
                        }
                        Ok(taken) => {
                            *line += 1;
                            let mut end = buf.len();
                            if buf[..end].ends_with(b"\n") {
                                end -= 1;
                            }
                            if buf[..end].ends_with(b"\r") {
                                end -= 1;
                            }
                            match parse_line(name, *line, &buf[..end]) {
                                Ok(None) => continue,
                                Ok(Some(mut r)) => {
                                    r.bytes = taken as u64;
                                    return Some(Ok(r));
                                }
                                Err(mut e) => {
                                    if let CorpusError::LineJson { bytes, .. } | CorpusError::LineUtf8 { bytes, .. } = &mut e {
                                        *bytes = taken as u64;
                                    }
                                    return Some(Err(e));
                                }
                            }
                        }
                        Err(error) => {
                            let e = CorpusError::Read { source_name: name.clone(), line: *line, error };
                            self.reading.pop();
                            return Some(Err(e));
                        }
                    }
                }
                Current::Walk { stack } => {
                    let Some(top) = stack.last_mut() else {
                        self.reading.pop();
                        continue;
                    };
                    let Some(path) = top.next() else {
                        stack.pop();
                        continue;
                    };
                    // Symbolic links to directories are not followed (no cycles).
                    let is_dir = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
                    if is_dir {
                        match sorted_entries(&path) {
                            Ok(entries) => stack.push(entries.into_iter()),
                            Err(error) => {
                                let source_name = path.display().to_string();
                                return Some(Err(CorpusError::Document { error: InputError::Io { source_name, error }, bytes: 0 }));
                            }
                        }
                    } else if has_extension(&path, &["txt"]) {
                        return Some(read_text_file(&path));
                    } else if is_jsonl_name(&path) {
                        if let Some(item) = self.start(Source::File { path, jsonl: true }) {
                            return Some(item);
                        }
                    }
                }
            }
        }
    }
}

fn text_record(name: &str, bytes: Vec<u8>) -> Result<Record, CorpusError> {
    let size = bytes.len() as u64;
    match Document::from_bytes(name, bytes) {
        Ok(document) => Ok(Record { origin: name.to_string(), document, metadata: Metadata::default(), bytes: size }),
        Err(error) => Err(CorpusError::Document { error, bytes: size }),
    }
}

fn read_text_file(path: &Path) -> Result<Record, CorpusError> {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => text_record(&name, bytes),
        Err(error) => Err(CorpusError::Document { error: InputError::Io { source_name: name, error }, bytes: 0 }),
    }
}

/// True when the first non-blank byte of what is buffered is `{`, or when
/// there is none: blank input is an empty stream of documents (an empty
/// partition in a distributed job), not one empty document. Peeked, not
/// consumed.
fn looks_like_jsonl(reader: &mut impl BufRead) -> io::Result<bool> {
    let buf = reader.fill_buf()?;
    Ok(matches!(buf.iter().find(|b| !b.is_ascii_whitespace()), None | Some(b'{')))
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

fn is_jsonl_name(path: &Path) -> bool {
    has_extension(path, &["jsonl", "ndjson"])
}

fn sorted_entries(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut entries = std::fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<io::Result<Vec<_>>>()?;
    entries.sort();
    Ok(entries)
}

/// Bytes of the `.txt` and JSON Lines files under a directory, walked as
/// [`Corpus`] walks it.
fn dir_size(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for p in entries.flatten().map(|e| e.path()) {
            if std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_dir()) {
                stack.push(p);
            } else if has_extension(&p, &["txt"]) || is_jsonl_name(&p) {
                total += std::fs::metadata(&p).map_or(0, |m| m.len());
            }
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_gives_a_document_with_its_metadata() {
        let line = r#"{"id": 42, "text": "زار ماكرون الصين.", "url": "https://example.org/a", "extra": true}"#;
        let r = parse_line("c.jsonl", 3, line.as_bytes()).unwrap().unwrap();
        assert_eq!((r.origin.as_str(), r.document.id.as_str(), r.document.text.as_str()), ("c.jsonl:3", "42", "زار ماكرون الصين."));
        assert_eq!(r.metadata.url.as_deref(), Some("https://example.org/a"));
        assert!(parse_line("c.jsonl", 4, b"  \t").unwrap().is_none(), "blank lines are skipped");
    }

    #[test]
    fn bad_lines_name_the_input_and_line() {
        let err = parse_line("c.jsonl", 7, b"{\"id\": \"a\", \"text\": \"\xd8\"}").unwrap_err();
        assert_eq!(err.to_string(), "c.jsonl:7: invalid UTF-8 at byte offset 21 of the line: expected a UTF-8 JSON object; line skipped");
        let err = parse_line("c.jsonl", 8, br#"{"text": "x"}"#).unwrap_err();
        assert!(err.to_string().starts_with("c.jsonl:8: expected a JSON object with \"id\" and \"text\": missing field `id`"), "{err}");
        let err = parse_line("c.jsonl", 9, br#"{"id": "a", "text": 5}"#).unwrap_err();
        assert!(err.to_string().starts_with("c.jsonl:9: expected a JSON object"), "{err}");
    }

    #[test]
    fn a_file_is_read_line_by_line_with_crlf_and_a_last_line_without_newline() {
        let dir = std::env::temp_dir().join(format!("sanad-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("c.jsonl");
        std::fs::write(&path, "{\"id\":\"a\",\"text\":\"x\"}\r\n\r\nnot json\n{\"id\":\"b\",\"text\":\"y\"}").unwrap();
        let corpus = Corpus::open(&[path.to_str().unwrap()], InputFormat::Auto).unwrap();
        assert_eq!(corpus.total_bytes(), Some(55));
        let items: Vec<_> = corpus.collect();
        let name = path.display();
        let seen: Vec<String> = items
            .iter()
            .map(|i| match i {
                Ok(r) => format!("{} {} {}", r.origin, r.document.id, r.bytes),
                Err(e) => format!("error {} {}", e.bytes(), e.to_string().split(": ").next().unwrap()),
            })
            .collect();
        assert_eq!(seen, vec![format!("{name}:1 a 23"), format!("error 9 {name}:3"), format!("{name}:4 b 21")]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn blank_standard_input_is_no_documents_and_text_is_one() {
        assert!(looks_like_jsonl(&mut &b" \n\n"[..]).unwrap());
        assert!(looks_like_jsonl(&mut &b"\n {\"id\": 1}"[..]).unwrap());
        assert!(!looks_like_jsonl(&mut "زار ماكرون الصين.".as_bytes()).unwrap());
    }
}

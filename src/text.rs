//! Input documents: the original text, exactly as read.
//!
//! A [`Document`] owns the text that every evidence offset points into. Offsets
//! in sanad's output are Unicode code points into this text, end exclusive (the
//! NIF convention), never bytes. This module reads bytes into documents and
//! reports undecodable input with the file and byte offset; it does not
//! normalise, split or interpret the text.

use std::fmt;
use std::path::Path;

/// One input document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// A stable identifier: the file path as given, `stdin`, or a corpus id.
    pub id: String,
    /// The original text.
    pub text: String,
}

/// Why an input could not be read as a document.
#[derive(Debug)]
pub enum InputError {
    /// The file could not be opened or read.
    Io { source_name: String, error: std::io::Error },
    /// The bytes are not valid UTF-8.
    InvalidUtf8 { source_name: String, byte_offset: usize },
    /// The bytes look like binary data (NUL bytes), not text.
    Binary { source_name: String, byte_offset: usize },
    /// The bytes start with a UTF-16 byte order mark.
    Utf16 { source_name: String },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io { source_name, error } => write!(f, "{source_name}: cannot read: {error}"),
            InputError::InvalidUtf8 { source_name, byte_offset } => write!(
                f,
                "{source_name}: invalid UTF-8 at byte offset {byte_offset}: expected UTF-8 encoded text"
            ),
            InputError::Binary { source_name, byte_offset } => write!(
                f,
                "{source_name}: binary data (NUL byte) at byte offset {byte_offset}: expected text"
            ),
            InputError::Utf16 { source_name } => {
                write!(f, "{source_name}: UTF-16 text (byte order mark at byte offset 0): expected UTF-8 encoded text")
            }
        }
    }
}

// The I/O error is part of the message above, so it is not also returned as
// `source()`: printing the chain would repeat it.
impl std::error::Error for InputError {}

impl Document {
    /// Builds a document from text already in memory.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document { id: id.into(), text: text.into() }
    }

    /// Decodes bytes as UTF-8 text. `source_name` names the input in errors.
    pub fn from_bytes(source_name: &str, bytes: Vec<u8>) -> Result<Document, InputError> {
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Err(InputError::Utf16 { source_name: source_name.to_string() });
        }
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(InputError::Binary { source_name: source_name.to_string(), byte_offset: offset });
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Document { id: source_name.to_string(), text }),
            Err(e) => Err(InputError::InvalidUtf8 {
                source_name: source_name.to_string(),
                byte_offset: e.utf8_error().valid_up_to(),
            }),
        }
    }

    /// Reads a document from a file.
    pub fn read(path: &Path) -> Result<Document, InputError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|error| InputError::Io { source_name: name.clone(), error })?;
        Document::from_bytes(&name, bytes)
    }

    /// The text between two code-point offsets.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.text.chars().skip(start).take(end.saturating_sub(start)).collect()
    }
}

/// Byte offsets of code-point offsets into a text, for offsets asked in
/// increasing order (a smaller one starts again from the beginning): each is
/// found by stepping on from the previous one, so the sentences of a
/// document cost one pass over its text, without decoding it into a
/// `Vec<char>` first.
#[derive(Debug, Clone)]
pub struct CharOffsets<'a> {
    text: &'a str,
    /// Code points before `bytes`.
    chars: usize,
    bytes: usize,
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> CharOffsets<'a> {
        CharOffsets { text, chars: 0, bytes: 0 }
    }

    /// The byte offset of code point `offset` (the text's length for an
    /// offset at or past its end).
    pub fn byte_offset(&mut self, offset: usize) -> usize {
        if offset < self.chars {
            (self.chars, self.bytes) = (0, 0);
        }
        let bytes = self.text.as_bytes();
        while self.chars < offset && self.bytes < bytes.len() {
            // The code points still to pass take at least as many bytes:
            // count the code points among that many at once (std counts a
            // word at a time), which never overshoots. The range is widened
            // to the end of the code point it cuts, which adds no code point.
            let mut end = (self.bytes + (offset - self.chars)).min(bytes.len());
            while !self.text.is_char_boundary(end) {
                end += 1;
            }
            self.chars += self.text[self.bytes..end].chars().count();
            self.bytes = end;
        }
        self.bytes
    }

    /// The text between two code-point offsets, as [`Document::slice`] gives it.
    pub fn slice(&mut self, start: usize, end: usize) -> &'a str {
        let from = self.byte_offset(start);
        let to = self.byte_offset(end.max(start));
        &self.text[from..to]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_slice_as_documents_do() {
        let doc = Document::new("d", "زار ماكرون 🇫🇷 Paris، ثم عاد.\né");
        let n = doc.text.chars().count();
        let mut offsets = CharOffsets::new(&doc.text);
        for (start, end) in [(0, 3), (4, 10), (4, 12), (11, 13), (2, 2), (20, n), (n, n + 5), (0, n + 1), (5, 3), (1, 2)] {
            assert_eq!(offsets.slice(start, end), doc.slice(start, end), "{start}..{end}");
        }
    }

    #[test]
    fn invalid_utf8_names_the_source_and_byte_offset() {
        let err = Document::from_bytes("a.txt", vec![b'a', b'b', 0xff, b'c']).unwrap_err();
        assert_eq!(err.to_string(), "a.txt: invalid UTF-8 at byte offset 2: expected UTF-8 encoded text");
    }

    #[test]
    fn nul_bytes_are_reported_as_binary() {
        let err = Document::from_bytes("b.bin", vec![b'x', 0, 1]).unwrap_err();
        assert_eq!(err.to_string(), "b.bin: binary data (NUL byte) at byte offset 1: expected text");
    }

    #[test]
    fn utf16_is_named_as_such() {
        let err = Document::from_bytes("w.txt", vec![0xFF, 0xFE, 0x27, 0x06]).unwrap_err();
        assert_eq!(err.to_string(), "w.txt: UTF-16 text (byte order mark at byte offset 0): expected UTF-8 encoded text");
    }

    #[test]
    fn a_utf8_byte_order_mark_is_kept_as_text() {
        let doc = Document::from_bytes("b.txt", "\u{FEFF}زار".as_bytes().to_vec()).unwrap();
        assert_eq!(doc.text.chars().count(), 4);
    }
}

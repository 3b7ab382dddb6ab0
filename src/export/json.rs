//! JSON: the contract of `shared/spec/output-json.md`.
//!
//! One object per document with `entities` (id, label, labels, type,
//! wikidata) and `triples` (subject, predicate, object, asserted, evidence
//! with code-point offsets). sanad adds `document`, and for statements that
//! are not asserted, `assertion` (`negated` or `hypothetical`); readers of
//! the contract may ignore both.

use std::collections::BTreeMap;
use std::io;

use serde::Serialize;

use crate::extract::Extraction;
use crate::gazetteer::Gazetteer;
use crate::triple::Evidence;

#[derive(Serialize)]
pub struct JsonDocument<'a> {
    pub document: &'a str,
    pub entities: Vec<JsonEntity<'a>>,
    pub triples: Vec<JsonTriple<'a>>,
}

#[derive(Serialize)]
pub struct JsonEntity<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub labels: BTreeMap<&'static str, &'a str>,
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<&'a str>,
}

#[derive(Serialize)]
pub struct JsonTriple<'a> {
    pub subject: &'a str,
    pub predicate: &'static str,
    pub object: &'a str,
    pub asserted: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assertion: Option<&'static str>,
    pub evidence: &'a [Evidence],
}

/// The JSON value of one document's extraction.
pub fn document<'a>(x: &'a Extraction, gazetteer: &'a Gazetteer) -> JsonDocument<'a> {
    JsonDocument {
        document: &x.document,
        entities: x
            .entities
            .iter()
            .map(|&e| {
                let e = &gazetteer.entities[e];
                JsonEntity {
                    id: &e.id,
                    label: &e.label_en,
                    labels: BTreeMap::from([("ar", e.label_ar.as_str()), ("en", e.label_en.as_str())]),
                    kind: e.kind.as_str(),
                    wikidata: e.wikidata.as_deref(),
                }
            })
            .collect(),
        triples: x
            .triples
            .iter()
            .map(|t| JsonTriple {
                subject: &t.subject,
                predicate: t.relation.name(),
                object: &t.object,
                asserted: t.assertion.is_asserted(),
                assertion: (!t.assertion.is_asserted()).then(|| t.assertion.name()),
                evidence: &t.evidence,
            })
            .collect(),
    }
}

/// Writes one document as pretty JSON, or several as a JSON array.
pub fn write<W: io::Write>(mut w: W, extractions: &[Extraction], gazetteer: &Gazetteer) -> io::Result<W> {
    let docs: Vec<JsonDocument> = extractions.iter().map(|x| document(x, gazetteer)).collect();
    if docs.len() == 1 {
        serde_json::to_writer_pretty(&mut w, &docs[0])?;
    } else {
        serde_json::to_writer_pretty(&mut w, &docs)?;
    }
    w.write_all(b"\n")?;
    Ok(w)
}

/// Writes one document as a single line of JSON (for JSON Lines streams).
pub fn write_line<W: io::Write>(mut w: W, x: &Extraction, gazetteer: &Gazetteer) -> io::Result<W> {
    let mut line = Vec::new();
    push_line(&mut line, x, gazetteer);
    w.write_all(&line)?;
    Ok(w)
}

/// Appends one document as a line of JSON: the bytes `serde_json::to_writer`
/// writes for [`document`], and a line break (a test checks them on every
/// example article).
///
/// This is the corpus mode's JSON Lines output, written by hand because
/// serde_json's string escaping goes byte by byte through the sentences,
/// which made up most of it; [`push_string`] passes over eight bytes at a time.
pub fn push_line(out: &mut Vec<u8>, x: &Extraction, gazetteer: &Gazetteer) {
    out.extend_from_slice(b"{\"document\":");
    push_string(out, &x.document);
    out.extend_from_slice(b",\"entities\":[");
    for (i, &e) in x.entities.iter().enumerate() {
        let e = &gazetteer.entities[e];
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"id\":");
        push_string(out, &e.id);
        out.extend_from_slice(b",\"label\":");
        push_string(out, &e.label_en);
        out.extend_from_slice(b",\"labels\":{\"ar\":");
        push_string(out, &e.label_ar);
        out.extend_from_slice(b",\"en\":");
        push_string(out, &e.label_en);
        out.extend_from_slice(b"},\"type\":");
        push_string(out, e.kind.as_str());
        if let Some(q) = &e.wikidata {
            out.extend_from_slice(b",\"wikidata\":");
            push_string(out, q);
        }
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"triples\":[");
    for (i, t) in x.triples.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"subject\":");
        push_string(out, &t.subject);
        out.extend_from_slice(b",\"predicate\":");
        push_string(out, t.relation.name());
        out.extend_from_slice(b",\"object\":");
        push_string(out, &t.object);
        out.extend_from_slice(if t.assertion.is_asserted() { b",\"asserted\":true" } else { b",\"asserted\":false" });
        if !t.assertion.is_asserted() {
            out.extend_from_slice(b",\"assertion\":");
            push_string(out, t.assertion.name());
        }
        out.extend_from_slice(b",\"evidence\":[");
        for (j, e) in t.evidence.iter().enumerate() {
            if j > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"start\":");
            out.extend_from_slice(super::decimal(e.start, &mut [0; 20]));
            out.extend_from_slice(b",\"end\":");
            out.extend_from_slice(super::decimal(e.end, &mut [0; 20]));
            out.extend_from_slice(b",\"text\":");
            push_string(out, &e.text);
            out.extend_from_slice(b",\"rule\":");
            push_string(out, &e.rule);
            if let Some(time) = &e.time {
                out.extend_from_slice(b",\"time\":");
                push_string(out, time);
            }
            out.push(b'}');
        }
        out.extend_from_slice(b"]}");
    }
    out.extend_from_slice(b"]}\n");
}

/// Appends a JSON string as serde_json writes it: `"` and `\\` escaped,
/// control characters as `\b \t \n \f \r` or `\u00xx`, everything else
/// (DEL and non-ASCII included) as it is.
fn push_string(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time past text that needs no escape.
        i = crate::bytes::skip_plain(bytes, i, 0x20, b"\"\\");
        let Some(&b) = bytes.get(i) else { break };
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            0x0C => b"\\f",
            b'\r' => b"\\r",
            0..=0x1F => &[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]],
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[copied..i]);
        out.extend_from_slice(escape);
        i += 1;
        copied = i;
    }
    out.extend_from_slice(&bytes[copied..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Extractor, Ontology};

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for special in ["\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "\u{2028}", "/", "ج", "'"] {
            for at in 0..20 {
                let text = format!("{}{special}{}", "جa".repeat(at).chars().take(at).collect::<String>(), "ب".repeat(9));
                let mut line = Vec::new();
                push_string(&mut line, &text);
                assert_eq!(String::from_utf8(line).unwrap(), serde_json::to_string(&text).unwrap(), "{text:?}");
            }
        }
    }

    /// Every example article and development text, and one with escapes.
    #[test]
    fn lines_are_the_bytes_serde_json_writes() {
        let extractor = Extractor::new(Ontology::bundled().unwrap());
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/");
        let mut documents = vec![Document::new("a \"quoted\"\tid\\", "زار الرئيس الفرنسي إيمانويل ماكرون الصين.\n\"قال\"\tإنه التقى شي جين بينغ في العام 2019.")];
        for dir in ["examples/articles", "tests/dev"] {
            for entry in std::fs::read_dir(format!("{root}{dir}")).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    documents.push(Document::read(&path).unwrap());
                }
            }
        }
        let mut triples = 0;
        for doc in &documents {
            let x = extractor.extract(doc);
            triples += x.triples.len();
            let mut expected = serde_json::to_vec(&document(&x, extractor.gazetteer())).unwrap();
            expected.push(b'\n');
            let mut line = Vec::new();
            push_line(&mut line, &x, extractor.gazetteer());
            assert_eq!(String::from_utf8(line).unwrap(), String::from_utf8(expected).unwrap(), "{}", doc.id);
        }
        assert!(documents.len() > 10 && triples > 50);
    }
}

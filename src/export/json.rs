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
    serde_json::to_writer(&mut w, &document(x, gazetteer))?;
    w.write_all(b"\n")?;
    Ok(w)
}

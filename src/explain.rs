//! `sanad explain`: how a document was read, sentence by sentence.
//!
//! For rule authors: shows the tokens with clitics split, the mentions and
//! what they resolved to, each rule that fired with its slots, the statements
//! produced, and every candidate that was dropped or marked not asserted, with
//! the reason. It only formats what [`crate::extract`] kept; it decides nothing.

use std::io::{self, Write};

use crate::extract::{Extractor, APPOSITION_RULE};
use crate::text::Document;
use crate::token::TokenKind;
use crate::triple::Assertion;

/// Writes the explanation of `document` as plain text.
pub fn write<W: Write>(w: &mut W, extractor: &Extractor, document: &Document) -> io::Result<()> {
    let gazetteer = extractor.gazetteer();
    let label = |e: usize| gazetteer.entities[e].label_en.as_str();
    let original: Vec<char> = document.text.chars().collect();
    for a in extractor.analyse(document) {
        let text: String = original[a.start..a.end].iter().collect();
        writeln!(w, "── sentence {} [{}..{}]", a.sentence.index + 1, a.start, a.end)?;
        writeln!(w, "   {text}")?;
        let tokens: Vec<String> = a
            .tokens
            .iter()
            .map(|t| match t.kind {
                TokenKind::Proclitic => format!("{}+", t.form),
                TokenKind::Enclitic => format!("+{}", t.form),
                _ => t.form.to_string(),
            })
            .collect();
        writeln!(w, "   tokens:   {}", tokens.join(" · "))?;
        for m in &a.mentions {
            let words: Vec<&str> = a.tokens[m.start..m.end].iter().map(|t| &*t.form).collect();
            let who: Vec<&str> = m.entities.iter().map(|&e| label(e)).collect();
            let of = m.modifier.map(|e| format!(" (of {})", label(e))).unwrap_or_default();
            writeln!(w, "   mention:  {} → {} [{}]{of}", words.join(" "), who.join(", "), m.kind.name())?;
        }
        for m in &a.matches {
            let rule = &extractor.ontology.rules.rules[m.rule];
            let slots: Vec<String> = rule
                .slots
                .iter()
                .zip(&m.slots)
                .map(|(name, ms)| {
                    let who: Vec<&str> = ms.iter().flat_map(|&i| a.mentions[i].entities.iter().map(|&e| label(e))).collect();
                    format!("{name}={}", who.join("+"))
                })
                .collect();
            writeln!(w, "   rule:     {} ({})", rule.id, slots.join(", "))?;
        }
        for ap in &a.appositions {
            writeln!(w, "   rule:     {APPOSITION_RULE} (person={}, led={})", label(ap.person), label(ap.led))?;
        }
        for c in &a.candidates {
            let time = c.time.as_ref().map(|t| format!(" [time: {t}]")).unwrap_or_default();
            match c.assertion {
                Assertion::Asserted => {
                    writeln!(w, "   triple:   {} {} {}  ← {}{time}", label(c.subject), c.relation, label(c.object), c.rule)?
                }
                other => writeln!(
                    w,
                    "   NOT ASSERTED ({}, cue “{}”): {} {} {}  ← {}{time}",
                    other.name(),
                    c.cue.as_deref().unwrap_or(""),
                    label(c.subject),
                    c.relation,
                    label(c.object),
                    c.rule
                )?,
            }
        }
        for d in &a.dropped {
            writeln!(w, "   dropped:  {}  ← {}", d.reason, d.rule)?;
        }
    }
    Ok(())
}

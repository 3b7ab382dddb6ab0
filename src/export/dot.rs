//! GraphViz DOT: a diagram of the graph.
//!
//! Nodes are entities labelled in English (or Arabic), edges statements
//! labelled with the relation; statements the text does not assert are drawn
//! dashed. The output is plain DOT text that `dot -Tsvg` renders.

use std::io;

use crate::graph::KnowledgeGraph;
use crate::triple::Assertion;

/// Which label to draw on nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LabelLanguage {
    #[default]
    English,
    Arabic,
}

/// Escapes a string for a double-quoted DOT identifier.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes the graph as DOT.
pub fn write<W: io::Write>(mut w: W, graph: &KnowledgeGraph, language: LabelLanguage) -> io::Result<W> {
    writeln!(w, "digraph sanad {{")?;
    writeln!(w, "  graph [rankdir=LR, fontname=\"Noto Sans\"];")?;
    writeln!(w, "  node [shape=box, style=rounded, fontname=\"Noto Sans\"];")?;
    writeln!(w, "  edge [fontname=\"Noto Sans\", fontsize=10];")?;
    for (_, e) in graph.entities() {
        let label = match language {
            LabelLanguage::English => &e.label_en,
            LabelLanguage::Arabic => &e.label_ar,
        };
        writeln!(w, "  {} [label={}];", quote(&e.id), quote(label))?;
    }
    for (s, edge, o) in graph.statements() {
        let mut attrs = format!("label={}", quote(edge.relation.name()));
        if edge.relation.is_symmetric() {
            attrs.push_str(", dir=both");
        }
        if edge.assertion != Assertion::Asserted {
            attrs.push_str(&format!(", style=dashed, tooltip={}", quote(edge.assertion.name())));
        }
        writeln!(w, "  {} -> {} [{attrs}];", quote(&s.id), quote(&o.id))?;
    }
    writeln!(w, "}}")?;
    Ok(w)
}

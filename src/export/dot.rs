//! GraphViz DOT: a diagram of the graph for a briefing.
//!
//! Nodes are entities, shaped and coloured by type (person, country, city,
//! organisation, region) and labelled in English or Arabic; edges are
//! statements, coloured by the kind of relation (hostile, cooperative,
//! movement, role — the kinds `ontology/sanad.ttl` gives each relation) and
//! labelled with the relation's label in the same language. Symmetric
//! relations have no arrowhead; statements the text does not assert
//! (negated or hypothetical) are dashed and say so in their label. A legend
//! explains every shape, colour and line style the diagram uses. In SVG,
//! hovering an edge shows its evidence sentence and an entity with a
//! Wikidata id links to it.
//!
//! Arabic diagrams flow right to left and use Noto Sans Arabic, which
//! Debian ships in `fonts-noto-core`; GraphViz's cairo/pango renderer shapes
//! the Arabic. The output is plain DOT text; this module does not run
//! GraphViz.

use std::collections::BTreeSet;
use std::io;

use crate::gazetteer::EntityType;
use crate::graph::KnowledgeGraph;
use crate::triple::Assertion;
use crate::vocabulary::{RelationKind, Vocabulary};

/// Which language to label the diagram in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LabelLanguage {
    #[default]
    English,
    Arabic,
}

impl LabelLanguage {
    fn pick<'a>(self, en: &'a str, ar: &'a str) -> &'a str {
        match self {
            LabelLanguage::English => en,
            LabelLanguage::Arabic => ar,
        }
    }
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

/// Shape, border colour and fill colour of an entity type.
pub fn node_style(kind: EntityType) -> (&'static str, &'static str, &'static str) {
    match kind {
        EntityType::Person => ("ellipse", "#9a7d0a", "#fff4cc"),
        EntityType::Country => ("box", "#1f4e79", "#dae8fc"),
        EntityType::City => ("house", "#38761d", "#e2f0d9"),
        EntityType::Organization => ("hexagon", "#b45f06", "#fde9d9"),
        EntityType::Region => ("octagon", "#595959", "#eeeeee"),
    }
}

/// The colour of edges of a kind of relation.
pub fn edge_colour(kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::Hostile => "#c0392b",
        RelationKind::Cooperative => "#1e8449",
        RelationKind::Movement => "#2471a3",
        RelationKind::Role => "#7d3c98",
    }
}

fn kind_label(kind: RelationKind, language: LabelLanguage) -> &'static str {
    match kind {
        RelationKind::Hostile => language.pick("hostile", "عدائية"),
        RelationKind::Cooperative => language.pick("cooperative", "تعاون"),
        RelationKind::Movement => language.pick("movement", "تنقل"),
        RelationKind::Role => language.pick("role", "دور"),
    }
}

fn assertion_label(assertion: Assertion, language: LabelLanguage) -> &'static str {
    match assertion {
        Assertion::Asserted => "",
        Assertion::Negated => language.pick("negated", "منفي"),
        Assertion::Hypothetical => language.pick("hypothetical", "محتمل"),
    }
}

/// Writes the graph as DOT, labelled in `language`.
pub fn write<W: io::Write>(mut w: W, graph: &KnowledgeGraph, language: LabelLanguage) -> io::Result<W> {
    let vocabulary = Vocabulary::bundled();
    let (font, rankdir) = match language {
        LabelLanguage::English => ("Noto Sans", "LR"),
        LabelLanguage::Arabic => ("Noto Sans Arabic", "RL"),
    };
    writeln!(w, "digraph sanad {{")?;
    writeln!(w, "  graph [rankdir={rankdir}, fontname={}, fontsize=11, nodesep=0.35, ranksep=0.9, pad=0.3, bgcolor=white];", quote(font))?;
    writeln!(w, "  node [fontname={}, fontsize=12, style=filled, penwidth=1.3, margin=\"0.15,0.06\"];", quote(font))?;
    writeln!(w, "  edge [fontname={}, fontsize=10, penwidth=1.4, arrowsize=0.8];", quote(font))?;

    let mut kinds_used = BTreeSet::new();
    let mut types_used = BTreeSet::new();
    let mut symmetric_used = false;
    let mut unasserted_used = false;

    for (_, e) in graph.entities() {
        types_used.insert(e.kind);
        let (shape, colour, fill) = node_style(e.kind);
        let style = if e.kind == EntityType::Country { "\"rounded,filled\"" } else { "filled" };
        let class = vocabulary.class(e.kind);
        let mut attrs = format!(
            "label={}, shape={shape}, style={style}, color={}, fillcolor={}, tooltip={}",
            quote(language.pick(&e.label_en, &e.label_ar)),
            quote(colour),
            quote(fill),
            quote(&format!("{} ({})", language.pick(&e.label_ar, &e.label_en), language.pick(&class.en, &class.ar))),
        );
        if let Some(q) = &e.wikidata {
            attrs.push_str(&format!(", URL={}", quote(&format!("https://www.wikidata.org/wiki/{q}"))));
        }
        writeln!(w, "  {} [{attrs}];", quote(&e.id))?;
    }

    for (s, edge, o) in graph.statements() {
        let info = vocabulary.relation(edge.relation);
        kinds_used.insert(info.kind);
        let colour = edge_colour(info.kind);
        let mut label = language.pick(&info.label.en, &info.label.ar).to_owned();
        let mut attrs = String::new();
        if edge.assertion != Assertion::Asserted {
            unasserted_used = true;
            label = format!("{label} ({})", assertion_label(edge.assertion, language));
            attrs.push_str(", style=dashed");
        }
        if edge.relation.is_symmetric() {
            symmetric_used = true;
            attrs.push_str(", dir=none");
        }
        if let Some(first) = edge.evidence.first() {
            let more = edge.evidence.len() - 1;
            let tooltip = match more {
                0 => first.evidence.text.clone(),
                n => format!("{} (+{n})", first.evidence.text),
            };
            attrs.push_str(&format!(", tooltip={}", quote(&tooltip)));
        }
        writeln!(
            w,
            "  {} -> {} [label={}, color={c}, fontcolor={c}{attrs}];",
            quote(&s.id),
            quote(&o.id),
            quote(&label),
            c = quote(colour)
        )?;
    }

    if !types_used.is_empty() {
        write_legend(&mut w, vocabulary, language, &types_used, &kinds_used, symmetric_used, unasserted_used)?;
    }
    writeln!(w, "}}")?;
    Ok(w)
}

/// Escapes text for a GraphViz HTML-like label.
fn html(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A legend cluster: one sample node per entity type used, and a table of
/// the line colours and styles used (one row per kind of relation, listing
/// its relations). The table is one HTML-like node, so the legend stays
/// compact whatever the layout of the graph.
fn write_legend<W: io::Write>(
    w: &mut W,
    vocabulary: &Vocabulary,
    language: LabelLanguage,
    types: &BTreeSet<EntityType>,
    kinds: &BTreeSet<RelationKind>,
    symmetric: bool,
    unasserted: bool,
) -> io::Result<()> {
    writeln!(w, "  subgraph cluster_legend {{")?;
    writeln!(
        w,
        "    label={}; style=\"rounded,dashed\"; color=\"#999999\"; fontcolor=\"#555555\"; margin=10;",
        quote(language.pick("Legend", "دليل الرموز"))
    )?;
    for &kind in types {
        let (shape, colour, fill) = node_style(kind);
        let style = if kind == EntityType::Country { "\"rounded,filled\"" } else { "filled" };
        let class = vocabulary.class(kind);
        writeln!(
            w,
            "    {} [label={}, shape={shape}, style={style}, color={}, fillcolor={}, fontsize=10, height=0.3];",
            quote(&format!("legend:{}", kind.as_str())),
            quote(language.pick(&class.en, &class.ar)),
            quote(colour),
            quote(fill)
        )?;
    }
    // (line sample, its colour, description)
    let (arrow, plain, dashed) = match language {
        LabelLanguage::English => ("━━━━▶", "━━━━━", "╺╺╺╺▶"),
        LabelLanguage::Arabic => ("◀━━━━", "━━━━━", "◀╸╸╸╸"),
    };
    let mut rows: Vec<(&str, &str, String)> = Vec::new();
    for &kind in kinds {
        let relations: Vec<&str> = vocabulary
            .relations()
            .filter(|r| r.kind == kind)
            .map(|r| language.pick(&r.label.en, &r.label.ar))
            .collect();
        let label = format!("{}: {}", kind_label(kind, language), relations.join(language.pick(", ", "، ")));
        rows.push((arrow, edge_colour(kind), label));
    }
    if symmetric {
        rows.push((plain, "#555555", language.pick("no arrow: holds both ways", "بلا سهم: في الاتجاهين").to_owned()));
    }
    if unasserted {
        rows.push((dashed, "#555555", language.pick("dashed: negated or hypothetical", "متقطع: منفي أو محتمل").to_owned()));
    }
    if !rows.is_empty() {
        let mut table = String::from("<table border=\"0\" cellborder=\"0\" cellspacing=\"1\" cellpadding=\"2\">");
        for (sample, colour, label) in &rows {
            let sample = format!("<td><font color=\"{colour}\">{sample}</font></td>");
            let label = format!("<td align=\"{}\"><font color=\"{colour}\">{}</font></td>", language.pick("left", "right"), html(label));
            match language {
                LabelLanguage::English => table.push_str(&format!("<tr>{sample}{label}</tr>")),
                LabelLanguage::Arabic => table.push_str(&format!("<tr>{label}{sample}</tr>")),
            }
        }
        table.push_str("</table>");
        writeln!(w, "    \"legend:lines\" [shape=plaintext, style=\"\", fontsize=10, label=<{table}>];")?;
    }
    writeln!(w, "  }}")?;
    Ok(())
}

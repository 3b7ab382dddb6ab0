//! DOT diagrams: styled by entity type and relation kind, dashed where the
//! text does not assert, with a legend, in English or Arabic; GraphViz
//! renders them to SVG and PNG with the font they name.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use sanad::export::dot::{self, LabelLanguage};

use common::*;

fn diagram(language: LabelLanguage) -> String {
    let (_, graph) = article_graph();
    String::from_utf8(dot::write(Vec::new(), &graph, language).unwrap()).unwrap()
}

/// The line of the diagram that starts with `start`.
fn line<'a>(dot: &'a str, start: &str) -> &'a str {
    dot.lines().map(str::trim).find(|l| l.starts_with(start)).unwrap_or_else(|| panic!("no line {start:?} in:\n{dot}"))
}

#[test]
fn nodes_are_styled_by_type_and_edges_by_kind_of_relation() {
    let d = diagram(LabelLanguage::English);
    let canada = line(&d, "\"canada\" [");
    assert!(canada.contains("label=\"Canada\", shape=box, style=\"rounded,filled\""), "{canada}");
    assert!(canada.contains("URL=\"https://www.wikidata.org/wiki/Q16\""), "{canada}");
    assert!(line(&d, "\"recep_tayyip_erdogan\" [").contains("shape=ellipse"));
    assert!(line(&d, "\"doha\" [").contains("shape=house"));

    let hostile = line(&d, "\"canada\" -> \"venezuela\"");
    assert!(hostile.contains("label=\"sanctions\", color=\"#c0392b\""), "{hostile}");
    assert!(!hostile.contains("dashed"), "asserted edges are solid: {hostile}");
    let hedged = line(&d, "\"canada\" -> \"iran\"");
    assert!(hedged.contains("label=\"sanctions (hypothetical)\"") && hedged.contains("style=dashed"), "{hedged}");
    let negated = line(&d, "\"recep_tayyip_erdogan\" -> \"cairo\"");
    assert!(negated.contains("label=\"visited (negated)\", color=\"#2471a3\"") && negated.contains("style=dashed"));
    let ally = line(&d, "\"armenia\" -> \"russia\"");
    assert!(ally.contains("color=\"#1e8449\"") && ally.contains("dir=none"), "symmetric, cooperative: {ally}");
    let role = line(&d, "\"recep_tayyip_erdogan\" -> \"turkey\"");
    assert!(role.contains("label=\"leader of\", color=\"#7d3c98\""), "{role}");
    assert!(negated.contains(&format!("tooltip=\"{}\"", ARTICLE.lines().nth(6).unwrap())), "evidence as tooltip");
}

#[test]
fn the_legend_explains_exactly_what_the_diagram_uses() {
    let d = diagram(LabelLanguage::English);
    assert!(d.contains("subgraph cluster_legend {"));
    for used in ["legend:Person", "legend:Country", "legend:City"] {
        assert!(d.contains(used), "{used}");
    }
    // The article names no organisation or region.
    assert!(!d.contains("legend:Organization") && !d.contains("legend:Region"));
    let table = line(&d, "\"legend:lines\"");
    for row in [
        "hostile: sanctions, at war with, opposes",
        "cooperative: met, signed an agreement with, supports, needs, partner of, ally of",
        "movement: visited",
        "role: leader of",
        "no arrow: holds both ways",
        "dashed: negated or hypothetical",
    ] {
        assert!(table.contains(row), "legend lacks {row:?}: {table}");
    }
}

#[test]
fn arabic_diagrams_flow_right_to_left_with_arabic_labels() {
    let d = diagram(LabelLanguage::Arabic);
    assert!(d.contains("rankdir=RL") && d.contains("fontname=\"Noto Sans Arabic\""));
    assert!(line(&d, "\"venezuela\" [").contains("label=\"فنزويلا\""));
    assert!(line(&d, "\"canada\" -> \"iran\"").contains("label=\"يفرض عقوبات على (محتمل)\""));
    assert!(line(&d, "\"legend:lines\"").contains("عدائية: يفرض عقوبات على، في حرب مع، يعارض"));
}

#[test]
fn diagrams_are_deterministic() {
    assert_eq!(diagram(LabelLanguage::Arabic), diagram(LabelLanguage::Arabic));
    assert_eq!(diagram(LabelLanguage::English), diagram(LabelLanguage::English));
}

fn render(dot_text: &str, format: &str) -> Vec<u8> {
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(dot_text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.trim().is_empty(), "dot -T{format} failed or warned:\n{stderr}");
    out.stdout
}

#[test]
fn graphviz_renders_svg_and_png_in_both_languages() {
    if !have_dot() {
        return;
    }
    for (language, label) in [(LabelLanguage::English, "Venezuela"), (LabelLanguage::Arabic, "فنزويلا")] {
        let d = diagram(language);
        let svg = String::from_utf8(render(&d, "svg")).unwrap();
        assert!(svg.contains("<svg") && svg.contains(&format!(">{label}</text>")), "{language:?}: label not drawn");
        let png = render(&d, "png");
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000, "{language:?}: no PNG");
    }
}

#[test]
fn the_font_the_diagrams_name_is_installed() {
    if !tool("fc-match", &["--version"], "apt-get install -y fontconfig") {
        return;
    }
    for (family, file) in [("Noto Sans Arabic", "NotoSansArabic"), ("Noto Sans", "NotoSans-")] {
        let out = run_ok(Command::new("fc-match").args([family, "file"]));
        let matched = String::from_utf8_lossy(&out.stdout);
        if !matched.contains(file) {
            assert!(
                std::env::var_os("CI").is_none(),
                "{family} is not installed (fc-match gives {matched}); apt-get install -y fonts-noto-core"
            );
            eprintln!("SKIPPED: {family} is not installed (apt-get install -y fonts-noto-core); GraphViz falls back to {matched}");
        }
    }
}

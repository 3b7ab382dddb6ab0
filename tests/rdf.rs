//! The RDF outputs and the vocabulary: they re-parse (oxttl), rapper and
//! rdflib accept them, they say what the extraction found (plain triples for
//! asserted statements only, provenance on statement nodes, NIF offsets into
//! the original text), RDF 1.2 output reifies triple terms, output is
//! deterministic, and `ontology/sanad.ttl` declares the eleven relations and
//! fits every triple the extractor produces.

mod common;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::process::Command;

use oxrdf::vocab::{rdf, rdfs};
use oxrdf::{GraphName, NamedNode, Quad, Term, Triple};
use oxttl::{NQuadsParser, NTriplesParser, TriGParser, TurtleParser};
use sanad::export::rdf::{RdfSerializer, NIF, OWL, SANAD};
use sanad::{KnowledgeGraph, Relation};

use common::*;

fn sanad(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SANAD}{local}"))
}

fn ent(id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("https://w3id.org/sanad/entity/{id}"))
}

fn nif(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{NIF}{local}"))
}

fn turtle(bytes: &[u8]) -> Vec<Triple> {
    TurtleParser::new().for_slice(bytes).collect::<Result<_, _>>().unwrap_or_else(|e| panic!("Turtle does not parse: {e}"))
}

/// The objects of (subject, predicate).
fn objects<'a>(triples: &'a [Triple], s: &NamedNode, p: &NamedNode) -> Vec<&'a Term> {
    triples
        .iter()
        .filter(|t| t.subject == s.clone().into() && t.predicate == *p)
        .map(|t| &t.object)
        .collect()
}

fn literal_values(triples: &[Triple], s: &NamedNode, p: &NamedNode) -> Vec<String> {
    objects(triples, s, p)
        .into_iter()
        .map(|o| match o {
            Term::Literal(l) => l.value().to_owned(),
            other => panic!("{s} {p}: expected a literal, found {other}"),
        })
        .collect()
}

/// The four outputs of both articles, each document in its own graph for
/// TriG and N-Quads and merged for Turtle and N-Triples.
struct Outputs {
    turtle: Vec<u8>,
    ntriples: Vec<u8>,
    trig: Vec<u8>,
    nquads: Vec<u8>,
}

fn outputs(serializer: RdfSerializer) -> Outputs {
    let x = extractor();
    let docs = [extract(&x, "article", ARTICLE), extract(&x, "second", SECOND)];
    let merged = KnowledgeGraph::build(&docs, x.gazetteer());
    let per_doc: Vec<KnowledgeGraph> =
        docs.iter().map(|d| KnowledgeGraph::build(std::slice::from_ref(d), x.gazetteer())).collect();
    Outputs {
        turtle: serializer.write_turtle(Vec::new(), &merged).unwrap(),
        ntriples: serializer.write_ntriples(Vec::new(), &merged).unwrap(),
        trig: serializer.write_trig(Vec::new(), &per_doc).unwrap(),
        nquads: serializer.write_nquads(Vec::new(), &per_doc).unwrap(),
    }
}

fn parse_all(o: &Outputs) -> (HashSet<Triple>, HashSet<Triple>, HashSet<Quad>, HashSet<Quad>) {
    let t: HashSet<Triple> = turtle(&o.turtle).into_iter().collect();
    let n: HashSet<Triple> =
        NTriplesParser::new().for_slice(&o.ntriples).collect::<Result<_, _>>().expect("N-Triples parse");
    let g: HashSet<Quad> = TriGParser::new().for_slice(&o.trig).collect::<Result<_, _>>().expect("TriG parses");
    let q: HashSet<Quad> = NQuadsParser::new().for_slice(&o.nquads).collect::<Result<_, _>>().expect("N-Quads parse");
    (t, n, g, q)
}

#[test]
fn every_format_reparses_with_oxttl_and_says_the_same_in_both_statement_styles() {
    for serializer in [RdfSerializer::new(), RdfSerializer::new().with_triple_terms()] {
        let (t, n, g, q) = parse_all(&outputs(serializer));
        assert!(t.len() > 100, "{:?}: only {} triples", serializer.style(), t.len());
        assert_eq!(t, n, "Turtle and N-Triples differ");
        assert_eq!(g, q, "TriG and N-Quads differ");
        let names: HashSet<&GraphName> = g.iter().map(|q| &q.graph_name).collect();
        let expected: Vec<GraphName> = ["article", "second"]
            .iter()
            .map(|d| GraphName::NamedNode(NamedNode::new_unchecked(format!("https://w3id.org/sanad/document/{d}"))))
            .collect();
        assert_eq!(names, expected.iter().collect(), "one named graph per document");
        // The two articles share an entity (Russia) but no statement, so the
        // union of the named graphs is exactly the merged graph.
        let from_graphs: HashSet<Triple> =
            g.iter().map(|q| Triple::new(q.subject.clone(), q.predicate.clone(), q.object.clone())).collect();
        assert_eq!(from_graphs, t, "the union of the named graphs is the merged graph");
    }
}

#[test]
fn asserted_statements_are_plain_triples_and_every_statement_has_provenance() {
    let (_, graph) = article_graph();
    let triples = turtle(&RdfSerializer::new().write_turtle(Vec::new(), &graph).unwrap());
    let has = |s: &str, p: &str, o: &str| triples.contains(&Triple::new(ent(s), sanad(p), ent(o)));

    assert!(has("canada", "sanctions", "venezuela"));
    assert!(has("australia", "sanctions", "venezuela"));
    assert!(has("armenia", "allyOf", "russia"));
    assert!(has("recep_tayyip_erdogan", "leaderOf", "turkey"));
    assert!(!has("canada", "sanctions", "iran"), "a hypothetical statement must not be a plain triple");
    assert!(!has("recep_tayyip_erdogan", "visited", "cairo"), "a negated statement must not be a plain triple");

    let statement = |key: &str| NamedNode::new_unchecked(format!("https://w3id.org/sanad/statement/{key}"));
    let article = NamedNode::new_unchecked("https://w3id.org/sanad/document/article");
    for (key, s, p, o, asserted, kind) in [
        ("canada-sanctions-venezuela-asserted", "canada", "sanctions", "venezuela", "true", "asserted"),
        ("canada-sanctions-iran-hypothetical", "canada", "sanctions", "iran", "false", "hypothetical"),
        ("recep_tayyip_erdogan-visited-cairo-negated", "recep_tayyip_erdogan", "visited", "cairo", "false", "negated"),
    ] {
        let st = statement(key);
        assert_eq!(objects(&triples, &st, &rdf::TYPE.into_owned()), [&Term::from(rdf::STATEMENT.into_owned()), &sanad("Statement").into()], "{key}");
        assert_eq!(objects(&triples, &st, &rdf::SUBJECT.into_owned()), [&Term::from(ent(s))], "{key}");
        assert_eq!(objects(&triples, &st, &rdf::PREDICATE.into_owned()), [&Term::from(sanad(p))], "{key}");
        assert_eq!(objects(&triples, &st, &rdf::OBJECT.into_owned()), [&Term::from(ent(o))], "{key}");
        assert_eq!(literal_values(&triples, &st, &sanad("asserted")), [asserted], "{key}");
        assert_eq!(literal_values(&triples, &st, &sanad("assertion")), [kind], "{key}");
        assert_eq!(literal_values(&triples, &st, &sanad("rule")).len(), 1, "{key} names its rule");
        let derived = NamedNode::new_unchecked("http://www.w3.org/ns/prov#wasDerivedFrom");
        assert_eq!(objects(&triples, &st, &derived), [&Term::from(article.clone())], "{key}");
        assert_eq!(objects(&triples, &st, &sanad("evidence")).len(), 1, "{key} has its sentence");
    }
    let visit = statement("recep_tayyip_erdogan-visited-doha-asserted");
    assert_eq!(literal_values(&triples, &visit, &sanad("time")), ["الأسبوع الماضي"]);
    assert_eq!(literal_values(&triples, &visit, &sanad("rule")), ["visited.verb.vso"]);

    // Entities: type, labels in both languages, Wikidata where known.
    let russia = ent("russia");
    assert_eq!(objects(&triples, &russia, &rdf::TYPE.into_owned()), [&Term::from(sanad("Country"))]);
    let labels: BTreeSet<String> = objects(&triples, &russia, &rdfs::LABEL.into_owned())
        .into_iter()
        .map(|t| t.to_string())
        .collect();
    assert_eq!(labels, BTreeSet::from(["\"Russia\"@en".to_owned(), "\"روسيا\"@ar".to_owned()]));
    let same_as = NamedNode::new_unchecked(format!("{OWL}sameAs"));
    assert_eq!(
        objects(&triples, &russia, &same_as),
        [&Term::from(NamedNode::new_unchecked("http://www.wikidata.org/entity/Q159"))]
    );
    assert!(objects(&triples, &ent("doha"), &same_as).is_empty(), "no Wikidata id invented for Doha");
}

#[test]
fn nif_evidence_offsets_are_code_points_into_the_original_diacritised_text() {
    let (_, graph) = article_graph();
    let triples = turtle(&RdfSerializer::new().write_turtle(Vec::new(), &graph).unwrap());
    let chars: Vec<char> = ARTICLE.chars().collect();
    let spans: HashSet<NamedNode> = triples
        .iter()
        .filter(|t| t.predicate == sanad("evidence"))
        .map(|t| match &t.object {
            Term::NamedNode(n) => n.clone(),
            other => panic!("evidence must be an IRI, found {other}"),
        })
        .collect();
    assert_eq!(spans.len(), 8, "one span per sentence that supports a statement");
    let mut checked_diacritised = false;
    for span in &spans {
        let begin: usize = literal_values(&triples, span, &nif("beginIndex"))[0].parse().unwrap();
        let end: usize = literal_values(&triples, span, &nif("endIndex"))[0].parse().unwrap();
        let anchor = &literal_values(&triples, span, &nif("anchorOf"))[0];
        assert_eq!(&chars[begin..end].iter().collect::<String>(), anchor, "{span}");
        assert!(span.as_str().ends_with(&format!("/article#char={begin},{end}")), "{span}: RFC 5147 fragment");
        assert_eq!(
            objects(&triples, span, &nif("referenceContext")),
            [&Term::from(NamedNode::new_unchecked("https://w3id.org/sanad/document/article"))]
        );
        checked_diacritised |= anchor.contains("فَرَضَتْ");
    }
    assert!(checked_diacritised, "the diacritised sentence is evidence");
}

#[test]
fn rdf12_output_reifies_triple_terms_and_names_the_same_statements() {
    let (_, graph) = article_graph();
    let classic = turtle(&RdfSerializer::new().write_turtle(Vec::new(), &graph).unwrap());
    let rdf12 = turtle(&RdfSerializer::new().with_triple_terms().write_turtle(Vec::new(), &graph).unwrap());
    assert!(!rdf12.iter().any(|t| t.predicate == rdf::SUBJECT), "no RDF 1.1 reification in RDF 1.2 output");

    let reified: HashMap<Term, Term> = rdf12
        .iter()
        .filter(|t| t.predicate == rdf::REIFIES)
        .map(|t| {
            assert!(matches!(t.object, Term::Triple(_)), "rdf:reifies must point to a triple term");
            (Term::from(t.subject.clone()), t.object.clone())
        })
        .collect();
    let mut classic_statements = HashMap::new();
    for t in classic.iter().filter(|t| t.predicate == rdf::SUBJECT) {
        let st = match &t.subject {
            oxrdf::NamedOrBlankNode::NamedNode(n) => n.clone(),
            other => panic!("statement nodes are IRIs, found {other}"),
        };
        let s = objects(&classic, &st, &rdf::SUBJECT.into_owned())[0].clone();
        let p = objects(&classic, &st, &rdf::PREDICATE.into_owned())[0].clone();
        let o = objects(&classic, &st, &rdf::OBJECT.into_owned())[0].clone();
        let (Term::NamedNode(s), Term::NamedNode(p)) = (s, p) else { panic!("IRIs expected") };
        classic_statements.insert(Term::from(st), Term::from(Triple::new(s, p, o)));
    }
    assert_eq!(reified, classic_statements);

    // The rest of the provenance is the same.
    let strip = |ts: &[Triple]| -> HashSet<Triple> {
        ts.iter()
            .filter(|t| ![rdf::SUBJECT, rdf::PREDICATE, rdf::OBJECT, rdf::REIFIES].contains(&t.predicate.as_ref()))
            .filter(|t| t.object != Term::from(rdf::STATEMENT.into_owned()))
            .cloned()
            .collect()
    };
    assert_eq!(strip(&classic), strip(&rdf12));

    // An RDF 1.2 store answers SPARQL 1.2 over it.
    let store = oxigraph::store::Store::new().unwrap();
    store
        .load_from_slice(
            oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle),
            &RdfSerializer::new().with_triple_terms().write_turtle(Vec::new(), &graph).unwrap(),
        )
        .unwrap();
    let q = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
             PREFIX sanad: <https://w3id.org/sanad/ontology#>
             SELECT ?s ?o ?asserted WHERE { ?st rdf:reifies <<( ?s sanad:sanctions ?o )>> ; sanad:asserted ?asserted }
             ORDER BY ?s ?o";
    let results = oxigraph::sparql::SparqlEvaluator::new().parse_query(q).unwrap().on_store(&store).execute().unwrap();
    let oxigraph::sparql::QueryResults::Solutions(solutions) = results else { panic!("SELECT gives solutions") };
    let rows: Vec<String> = solutions
        .map(|s| {
            let s = s.unwrap();
            format!("{} {} {}", s.get("s").unwrap(), s.get("o").unwrap(), s.get("asserted").unwrap())
        })
        .collect();
    let e = |id: &str| format!("<https://w3id.org/sanad/entity/{id}>");
    let b = |v: &str| format!("\"{v}\"^^<http://www.w3.org/2001/XMLSchema#boolean>");
    assert_eq!(
        rows,
        [
            format!("{} {} {}", e("australia"), e("venezuela"), b("true")),
            format!("{} {} {}", e("canada"), e("iran"), b("false")),
            format!("{} {} {}", e("canada"), e("venezuela"), b("true")),
        ]
    );
}

#[test]
fn output_is_byte_identical_across_runs() {
    for serializer in [RdfSerializer::new(), RdfSerializer::new().with_triple_terms()] {
        let (a, b) = (outputs(serializer), outputs(serializer));
        assert!(a.turtle == b.turtle && a.ntriples == b.ntriples && a.trig == b.trig && a.nquads == b.nquads);
    }
}

/// (rapper's parser name, rdflib's format name, bytes, how many triples or quads)
fn rdf11_files() -> Vec<(&'static str, &'static str, std::path::PathBuf, usize)> {
    let o = outputs(RdfSerializer::new());
    let (t, n, g, q) = parse_all(&o);
    vec![
        ("turtle", "turtle", temp_file("out.ttl", &o.turtle), t.len()),
        ("ntriples", "nt", temp_file("out.nt", &o.ntriples), n.len()),
        ("trig", "trig", temp_file("out.trig", &o.trig), g.len()),
        ("nquads", "nquads", temp_file("out.nq", &o.nquads), q.len()),
    ]
}

#[test]
fn rapper_accepts_every_rdf_format() {
    if !have_rapper() {
        return;
    }
    for (format, _, path, count) in rdf11_files() {
        let out = run_ok(Command::new("rapper").args(["-i", format, "-c"]).arg(&path));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("returned {count} triples")),
            "{format}: rapper did not count {count} statements:\n{stderr}"
        );
    }
}

#[test]
fn rdflib_accepts_every_rdf_format() {
    if !have_rdflib() {
        return;
    }
    const SCRIPT: &str = r#"
import sys, rdflib
path, fmt = sys.argv[1], sys.argv[2]
NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
if fmt in ("trig", "nquads"):
    ds = rdflib.Dataset()
    ds.parse(path, format=fmt)
    quads = list(ds.quads((None, None, None, None)))
    # Every quad sits in a document's named graph.
    assert all(str(q[3]).startswith("https://w3id.org/sanad/document/") for q in quads), "quad outside a document graph"
    print(len(quads))
    anchors = {str(q[2]) for q in quads if q[1] == NIF.anchorOf}
else:
    g = rdflib.Graph()
    g.parse(path, format=fmt)
    print(len(g))
    anchors = {str(o) for o in g.objects(None, NIF.anchorOf)}
# The Arabic evidence text survives, diacritics and all.
print(any("فَرَضَتْ" in a for a in anchors))
"#;
    for (_, format, path, count) in rdf11_files() {
        let out = run_ok(Command::new("python3").args(["-c", SCRIPT]).arg(&path).arg(format));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(stdout, format!("{count}\nTrue\n"), "{format}: rdflib read a different graph");
    }
}

// ---------------------------------------------------------------------------
// The vocabulary, ontology/sanad.ttl
// ---------------------------------------------------------------------------

const ONTOLOGY: &str = include_str!("../ontology/sanad.ttl");

#[test]
fn the_ontology_declares_all_eleven_relations_with_labels_in_both_languages() {
    let triples = turtle(ONTOLOGY.as_bytes());
    let owl = |l: &str| Term::from(NamedNode::new_unchecked(format!("{OWL}{l}")));
    for r in Relation::ALL {
        let p = sanad(r.name());
        let types = objects(&triples, &p, &rdf::TYPE.into_owned());
        assert!(types.contains(&&owl("ObjectProperty")), "{r} is not an owl:ObjectProperty");
        assert_eq!(types.contains(&&owl("SymmetricProperty")), r.is_symmetric(), "{r}: owl:SymmetricProperty");
        let languages: BTreeSet<String> = objects(&triples, &p, &rdfs::LABEL.into_owned())
            .into_iter()
            .filter_map(|t| match t {
                Term::Literal(l) => l.language().map(str::to_owned),
                _ => None,
            })
            .collect();
        assert_eq!(languages, BTreeSet::from(["ar".to_owned(), "en".to_owned()]), "{r}: labels");
        assert_eq!(objects(&triples, &p, &rdfs::COMMENT.into_owned()).len(), 1, "{r}: rdfs:comment");
        assert_eq!(objects(&triples, &p, &rdfs::DOMAIN.into_owned()).len(), 1, "{r}: rdfs:domain");
        assert_eq!(objects(&triples, &p, &rdfs::RANGE.into_owned()).len(), 1, "{r}: rdfs:range");
        let cameo = literal_values(&triples, &p, &sanad("cameoCode"));
        let plover = literal_values(&triples, &p, &sanad("ploverCategory"));
        // relations.md gives every relation but leaderOf a CAMEO code.
        assert_eq!(cameo.is_empty(), r == Relation::LeaderOf, "{r}: CAMEO {cameo:?}");
        assert_eq!(plover.is_empty(), r == Relation::LeaderOf, "{r}: PLOVER {plover:?}");
    }
    let annotation = owl("AnnotationProperty");
    for a in ["cameoCode", "ploverCategory"] {
        assert!(objects(&triples, &sanad(a), &rdf::TYPE.into_owned()).contains(&&annotation), "{a}");
    }
    for class in ["Person", "Country", "City", "Organization", "Region", "Statement", "Document"] {
        assert!(objects(&triples, &sanad(class), &rdf::TYPE.into_owned()).contains(&&owl("Class")), "{class}");
    }
    // Every property the exporter writes in the sanad namespace is declared.
    let (_, graph) = article_graph();
    let out = turtle(&RdfSerializer::new().write_turtle(Vec::new(), &graph).unwrap());
    let declared: HashSet<Term> =
        triples.iter().filter(|t| t.predicate == rdf::TYPE).map(|t| Term::from(t.subject.clone())).collect();
    for t in &out {
        for iri in [Term::from(t.predicate.clone()), t.object.clone()] {
            if matches!(&iri, Term::NamedNode(n) if n.as_str().starts_with(SANAD)) {
                assert!(declared.contains(&iri), "{iri} is used in the output but not declared in ontology/sanad.ttl");
            }
        }
    }
}

#[test]
fn rapper_and_rdflib_accept_the_ontology() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology/sanad.ttl");
    let count = turtle(ONTOLOGY.as_bytes()).len();
    if have_rapper() {
        let out = run_ok(Command::new("rapper").args(["-i", "turtle", "-c"]).arg(&path));
        assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("returned {count} triples")));
    }
    if have_rdflib() {
        let out = run_ok(
            Command::new("python3")
                .args(["-c", "import sys, rdflib; g = rdflib.Graph(); g.parse(sys.argv[1], format='turtle'); print(len(g))"])
                .arg(&path),
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), count.to_string());
    }
}

/// The classes an entity type belongs to, by the ontology's rdfs:subClassOf.
fn superclasses(triples: &[Triple], class: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::from([class.to_owned()]);
    for o in objects(triples, &sanad(class), &rdfs::SUB_CLASS_OF.into_owned()) {
        if let Term::NamedNode(n) = o {
            if let Some(local) = n.as_str().strip_prefix(SANAD) {
                out.extend(superclasses(triples, local));
            }
        }
    }
    out
}

#[test]
fn every_triple_extracted_from_the_dev_articles_fits_the_domain_and_range_of_its_relation() {
    let triples = turtle(ONTOLOGY.as_bytes());
    let x = extractor();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dev");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".ar.txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no dev articles in {}", dir.display());
    let mut checked = 0;
    for path in paths {
        let doc = sanad::Document::read(&path).unwrap();
        let graph = KnowledgeGraph::build(&[x.extract(&doc)], x.gazetteer());
        for (s, edge, o) in graph.statements() {
            let p = sanad(edge.relation.name());
            let local = |t: &Term| t.to_string().trim_start_matches(&format!("<{SANAD}")).trim_end_matches('>').to_owned();
            let domain = local(objects(&triples, &p, &rdfs::DOMAIN.into_owned())[0]);
            let range = local(objects(&triples, &p, &rdfs::RANGE.into_owned())[0]);
            assert!(
                superclasses(&triples, s.kind.as_str()).contains(&domain),
                "{}: {} {} {}: a {} is not a sanad:{domain}",
                path.display(),
                s.id,
                edge.relation,
                o.id,
                s.kind.as_str()
            );
            assert!(
                superclasses(&triples, o.kind.as_str()).contains(&range),
                "{}: {} {} {}: a {} is not a sanad:{range}",
                path.display(),
                s.id,
                edge.relation,
                o.id,
                o.kind.as_str()
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} statements checked");
}

#[test]
fn the_rdf12_flag_of_sanad_extract_switches_the_statement_style_of_rdf_formats_only() {
    let article = temp_file("flag.ar.txt", ARTICLE.as_bytes());
    let extract = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_sanad")).arg("extract").arg(&article).args(args).output().unwrap()
    };
    for format in ["turtle", "ntriples", "trig", "nquads"] {
        let plain = run_ok(Command::new(env!("CARGO_BIN_EXE_sanad")).arg("extract").arg(&article).args(["--format", format]));
        let out = extract(&["--format", format, "--rdf12"]);
        assert!(out.status.success(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("<<( "), "{format}: no triple term");
        assert!(!String::from_utf8(plain.stdout.clone()).unwrap().contains("<<( "), "{format}: triple term without the flag");
        let again = run_ok(Command::new(env!("CARGO_BIN_EXE_sanad")).arg("extract").arg(&article).args(["--format", format]));
        assert!(plain.stdout == again.stdout, "{format}: two runs of sanad differ");
    }
    let out = extract(&["--format", "json", "--rdf12"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--rdf12 applies to the RDF formats"));
}

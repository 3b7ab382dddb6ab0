//! SPARQL over extracted graphs: the ready queries answer what the test
//! article says, the same answers come from sanad's Turtle loaded into a
//! plain Oxigraph store with the ontology file, and `sanad query` prints
//! them as a table or in the SPARQL results formats.

mod common;

use std::process::Command;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::store::Store;
use sanad::export::rdf::RdfSerializer;
use sanad::query::{display_term, Binding, GraphStore, QueryAnswer, ResultsFormat, READY_QUERIES};

use common::*;

fn store() -> GraphStore {
    let x = extractor();
    GraphStore::from_extractions(&[extract(&x, "article", ARTICLE)], x.gazetteer()).unwrap()
}

fn bind(s: &str) -> Binding {
    s.parse().unwrap()
}

const ERDOGAN_DOHA: &str = "زار الرئيس التركي رجب طيب أردوغان الدوحة الأسبوع الماضي.";
const ERDOGAN_TAMIM: &str = "والتقى أردوغان أمير قطر تميم بن حمد آل ثاني في قصر لوسيل.";
const ERDOGAN_CAIRO: &str = "ولم يصل أردوغان إلى القاهرة بعد.";
const ARMENIA: &str = "وما زالت أرمينيا حليفة روسيا رغم الخلافات.";
const KAZAKHSTAN: &str = "وتعد كازاخستان أيضا حليفة روسيا في آسيا الوسطى.";
const CANADA_IRAN: &str = "وقد تفرض كندا عقوبات على إيران قريبا.";

#[test]
fn who_sanctions_whom_lists_the_asserted_sanctions_only() {
    let answer = store().run_ready("who-sanctions-whom", &[]).unwrap();
    assert_eq!(
        answer.text_rows(),
        [["Australia", "Venezuela", "أستراليا", "فنزويلا", "1"], ["Canada", "Venezuela", "كندا", "فنزويلا", "1"]],
        "Canada's hypothetical sanctions on Iran must not be listed"
    );
}

#[test]
fn allies_of_a_country_looks_both_ways_and_takes_an_id_or_an_arabic_label() {
    let store = store();
    let expected = [
        ["ent:russia", "ent:armenia", "Armenia", "أرمينيا", ARMENIA],
        ["ent:russia", "ent:kazakhstan", "Kazakhstan", "كازاخستان", KAZAKHSTAN],
    ];
    assert_eq!(store.run_ready("allies-of", &[bind("country=russia")]).unwrap().text_rows(), expected);
    assert_eq!(store.run_ready("allies-of", &[bind("country=روسيا")]).unwrap().text_rows(), expected);
    assert_eq!(store.run_ready("allies-of", &[bind("country=ent:russia")]).unwrap().text_rows(), expected);
    // Armenia's only ally is Russia, although Russia is written second.
    assert_eq!(
        store.run_ready("allies-of", &[bind("country=armenia")]).unwrap().text_rows(),
        [["ent:armenia", "ent:russia", "Russia", "روسيا", ARMENIA]]
    );
}

#[test]
fn about_person_gives_every_statement_with_its_sentence_in_text_order() {
    let answer = store().run_ready("about-person", &[bind("person=Recep Tayyip Erdoğan")]).unwrap();
    let e = "ent:recep_tayyip_erdogan";
    assert_eq!(
        answer.text_rows(),
        [
            [e, "Recep Tayyip Erdoğan leader of Turkey", "asserted", ERDOGAN_DOHA],
            [e, "Recep Tayyip Erdoğan visited Doha", "asserted", ERDOGAN_DOHA],
            [e, "Recep Tayyip Erdoğan met Tamim bin Hamad Al Thani", "asserted", ERDOGAN_TAMIM],
            [e, "Recep Tayyip Erdoğan visited Cairo", "negated", ERDOGAN_CAIRO],
        ]
    );
}

#[test]
fn not_asserted_lists_negated_and_hypothetical_statements() {
    assert_eq!(
        store().run_ready("not-asserted", &[]).unwrap().text_rows(),
        [
            ["Recep Tayyip Erdoğan visited Cairo", "negated", ERDOGAN_CAIRO],
            ["Canada sanctions Iran", "hypothetical", CANADA_IRAN],
        ]
    );
}

#[test]
fn bindings_that_name_nothing_are_errors_not_empty_answers() {
    let err = store().run_ready("allies-of", &[bind("country=Atlantis")]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "bad binding \"country=Atlantis\": no entity with id or label \"Atlantis\" in the extracted graph"
    );
    let err = store().run_ready("no-such-query", &[]).unwrap_err();
    assert!(err.to_string().starts_with("unknown query \"no-such-query\": the ready queries are who-sanctions-whom,"), "{err}");
}

#[test]
fn sanads_turtle_in_a_plain_oxigraph_store_gives_the_same_answers_to_the_query_files() {
    let (_, graph) = article_graph();
    let turtle = RdfSerializer::new().write_turtle(Vec::new(), &graph).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let plain = Store::new().unwrap();
    plain.load_from_slice(RdfParser::from_format(RdfFormat::Turtle), &turtle).unwrap();
    plain
        .load_from_slice(RdfParser::from_format(RdfFormat::Turtle), &std::fs::read(root.join("ontology/sanad.ttl")).unwrap())
        .unwrap();
    let ours = store();
    for ready in READY_QUERIES {
        let text = std::fs::read_to_string(root.join(format!("ontology/queries/{}.rq", ready.name))).unwrap();
        let results = oxigraph::sparql::SparqlEvaluator::new().parse_query(&text).unwrap().on_store(&plain).execute().unwrap();
        let oxigraph::sparql::QueryResults::Solutions(solutions) = results else { panic!("{} is a SELECT", ready.name) };
        let variables = solutions.variables().to_vec();
        let rows: Vec<Vec<String>> = solutions
            .map(|s| {
                let s = s.unwrap();
                variables.iter().map(|v| s.get(v).map(display_term).unwrap_or_default()).collect()
            })
            .collect();
        let expected = ours.run_ready(ready.name, &[]).unwrap().text_rows();
        assert!(!rows.is_empty(), "{}: no answer", ready.name);
        assert_eq!(rows, expected, "{}", ready.name);
    }
}

#[test]
fn each_document_is_also_a_named_graph() {
    let x = extractor();
    let store =
        GraphStore::from_extractions(&[extract(&x, "article", ARTICLE), extract(&x, "second", SECOND)], x.gazetteer())
            .unwrap();
    let answer = store
        .query(
            "PREFIX sanad: <https://w3id.org/sanad/ontology#>
             SELECT ?g ?s ?o WHERE { GRAPH ?g { ?s sanad:sanctions ?o } } ORDER BY ?g ?s",
        )
        .unwrap();
    assert_eq!(
        answer.text_rows(),
        [
            ["doc:article", "ent:australia", "ent:venezuela"],
            ["doc:article", "ent:canada", "ent:venezuela"],
            ["doc:second", "ent:japan", "ent:russia"],
        ]
    );
    // The default graph is the union, with the vocabulary.
    let answer = store
        .query("PREFIX sanad: <https://w3id.org/sanad/ontology#> ASK { ?s sanad:sanctions ?o . sanad:sanctions sanad:cameoCode \"163\" }")
        .unwrap();
    assert_eq!(answer, QueryAnswer::Boolean(true));
}

#[test]
fn construct_answers_are_written_as_turtle_and_refused_as_csv() {
    let answer = store()
        .query(
            "PREFIX sanad: <https://w3id.org/sanad/ontology#>
             CONSTRUCT { ?s sanad:sanctions ?o } WHERE { ?s sanad:sanctions ?o . FILTER (?s = <https://w3id.org/sanad/entity/canada>) }",
        )
        .unwrap();
    let turtle = answer.to_string(ResultsFormat::Table).unwrap();
    assert!(turtle.ends_with("ent:canada sanad:sanctions ent:venezuela .\n"), "{turtle}");
    assert!(answer.to_string(ResultsFormat::Csv).is_err());
}

// ---------------------------------------------------------------------------
// The `sanad query` command
// ---------------------------------------------------------------------------

fn sanad_query(args: &[&str]) -> std::process::Output {
    let article = temp_file("article.ar.txt", ARTICLE.as_bytes());
    Command::new(env!("CARGO_BIN_EXE_sanad")).arg("query").arg(&article).args(args).output().unwrap()
}

fn stdout_of(args: &[&str]) -> String {
    let out = sanad_query(args);
    assert!(out.status.success(), "sanad query {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn sanad_query_prints_an_aligned_table() {
    assert_eq!(
        stdout_of(&["--query", "who-sanctions-whom"]),
        "\
sanctioner  target     sanctioner_ar  target_ar  sentences
----------  ---------  -------------  ---------  ---------
Australia   Venezuela  أستراليا       فنزويلا    1
Canada      Venezuela  كندا           فنزويلا    1
(2 rows)
"
    );
}

#[test]
fn sanad_query_writes_the_sparql_results_formats() {
    assert_eq!(
        stdout_of(&["--query", "who-sanctions-whom", "--results", "csv"]),
        "sanctioner,target,sanctioner_ar,target_ar,sentences\r\nAustralia,Venezuela,أستراليا,فنزويلا,1\r\nCanada,Venezuela,كندا,فنزويلا,1\r\n"
    );
    let tsv = stdout_of(&["--query", "allies-of", "--bind", "country=russia", "--results", "tsv"]);
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines[0], "?country\t?ally\t?ally_en\t?ally_ar\t?sentence");
    assert!(lines[1].starts_with("<https://w3id.org/sanad/entity/russia>\t<https://w3id.org/sanad/entity/armenia>\t\"Armenia\"@en\t\"أرمينيا\"@ar\t"));
    assert_eq!(lines.len(), 3);

    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["--query", "not-asserted", "--results", "json"])).unwrap();
    assert_eq!(json["head"]["vars"], serde_json::json!(["statement", "status", "sentence"]));
    let bindings = json["results"]["bindings"].as_array().unwrap();
    assert_eq!(bindings.len(), 2);
    assert_eq!(bindings[1]["status"]["value"], "hypothetical");
    assert_eq!(bindings[1]["sentence"]["value"], CANADA_IRAN);

    let xml = stdout_of(&["--query", "not-asserted", "--results", "xml"]);
    assert!(xml.starts_with("<?xml") && xml.contains("<variable name=\"status\"/>"), "{xml}");
}

#[test]
fn sanad_query_reads_sparql_from_the_command_line_or_a_file() {
    let q = "PREFIX sanad: <https://w3id.org/sanad/ontology#> SELECT ?who WHERE { ?who sanad:visited ?where } ";
    assert_eq!(stdout_of(&["--sparql", q]), "who\n------------------------\nent:recep_tayyip_erdogan\n(1 row)\n");
    let file = temp_file("visits.rq", q.as_bytes());
    assert_eq!(stdout_of(&["--sparql-file", file.to_str().unwrap()]), stdout_of(&["--sparql", q]));
    assert_eq!(stdout_of(&["--sparql", "ASK { ?s ?p ?o }", "--results", "json"]), "{\"head\":{},\"boolean\":true}\n");
}

#[test]
fn sanad_query_reports_bad_queries_with_exit_code_2() {
    for (args, message) in [
        (vec!["--sparql", "SELECT WHERE"], "sanad: SPARQL syntax error"),
        (vec!["--query", "nope"], "sanad: unknown query \"nope\""),
        (vec!["--query", "allies-of", "--bind", "country"], "sanad: bad binding \"country\": expected VARIABLE=VALUE"),
        (vec![], "sanad: give the query with --sparql, --sparql-file or --query NAME"),
    ] {
        let out = sanad_query(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with(message), "{args:?}: {stderr}");
    }
    let out = sanad_query(&["--query", "allies-of", "--sparql", "ASK {}"]);
    assert_eq!(out.status.code(), Some(2), "two queries at once are refused");
}

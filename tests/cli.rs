//! The `sanad` command as a user runs it on bad input: what it prints, what
//! it exits with, and that it never leaves half-written output behind.
//!
//! Every test runs the built binary in a fresh temporary directory, with
//! paths relative to it, so the messages asserted here are exactly the ones a
//! user sees.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use sanad::Ontology;

/// What one run of `sanad` printed and returned.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn stdout(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout is UTF-8")
    }
}

/// A temporary directory to run `sanad` in.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox { dir: tempfile::tempdir().expect("temporary directory") }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> &Sandbox {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, bytes).unwrap();
        self
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, None)
    }

    fn run_with_stdin(&self, args: &[&str], stdin: Option<&[u8]>) -> Run {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sanad"))
            .args(args)
            .current_dir(self.dir.path())
            .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("sanad runs");
        if let Some(bytes) = stdin {
            child.stdin.take().unwrap().write_all(bytes).unwrap();
        }
        let out = child.wait_with_output().unwrap();
        Run {
            code: out.status.code().expect("sanad exited normally, not by a signal"),
            stdout: out.stdout,
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Copies the ontology bundled with the source tree into `name/`.
    fn copy_ontology(&self, name: &str) -> &Sandbox {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology");
        for sub in ["gazetteer", "rules"] {
            for entry in std::fs::read_dir(source.join(sub)).unwrap() {
                let path = entry.unwrap().path();
                let file = format!("{name}/{sub}/{}", path.file_name().unwrap().to_string_lossy());
                self.write(&file, std::fs::read(&path).unwrap());
            }
        }
        self
    }
}

/// Asserts two texts are equal, printing the lines that differ.
#[track_caller]
fn assert_text(actual: &str, expected: &str) {
    if actual == expected {
        return;
    }
    let mut diff = String::new();
    let (a, e): (Vec<&str>, Vec<&str>) = (actual.lines().collect(), expected.lines().collect());
    for i in 0..a.len().max(e.len()) {
        match (e.get(i), a.get(i)) {
            (Some(x), Some(y)) if x == y => diff.push_str(&format!("   {x}\n")),
            (x, y) => {
                if let Some(x) = x {
                    diff.push_str(&format!(" - {x}\n"));
                }
                if let Some(y) = y {
                    diff.push_str(&format!(" + {y}\n"));
                }
            }
        }
    }
    panic!("output differs (- expected, + actual):\n{diff}");
}

/// Asserts a run stopped before extracting (exit status 2), printed nothing
/// on stdout and exactly `message` on stderr.
#[track_caller]
fn assert_fails(run: &Run, message: &str) {
    assert_text(&run.stderr, message);
    assert_eq!(run.code, 2, "exit status");
    assert!(run.stdout.is_empty(), "nothing on stdout, got {:?}", String::from_utf8_lossy(&run.stdout));
}

/// Asserts a run (with `--quiet`) reported its only document as unreadable:
/// exit status 1, exactly `message` on stderr, and an empty graph (no
/// Turtle at all) on stdout.
#[track_caller]
fn assert_document_fails(run: &Run, message: &str) {
    assert_text(&run.stderr, message);
    assert_eq!(run.code, 1, "exit status");
    assert!(run.stdout.is_empty(), "an empty graph on stdout, got {:?}", String::from_utf8_lossy(&run.stdout));
}

const SENTENCE: &str = "زار الرئيس الفرنسي إيمانويل ماكرون الصين.";

// ── Input files ─────────────────────────────────────────────────────────────

#[test]
fn invalid_utf8_names_the_file_and_the_byte_offset() {
    let sandbox = Sandbox::new();
    // "زار" is six bytes; the seventh is not UTF-8.
    sandbox.write("bad.txt", ["زار".as_bytes(), b"\xff rest"].concat());
    let run = sandbox.run(&["extract", "--quiet", "bad.txt"]);
    assert_document_fails(&run, "sanad: bad.txt: invalid UTF-8 at byte offset 6: expected UTF-8 encoded text\n");
    // Without --quiet, the summary that follows counts the failure.
    let run = sandbox.run(&["extract", "bad.txt"]);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stderr);
    assert_eq!(lines[0], "sanad: bad.txt: invalid UTF-8 at byte offset 6: expected UTF-8 encoded text");
    assert!(lines[1].starts_with("sanad: 1 document, 0 sentences, 0 triples, 1 with errors; "), "{}", lines[1]);
    assert_eq!(run.code, 1);
}

#[test]
fn a_truncated_utf8_sequence_at_the_end_is_reported_where_it_starts() {
    let sandbox = Sandbox::new();
    // The first byte of a two-byte Arabic letter, then the end of the file.
    sandbox.write("cut.txt", ["زار".as_bytes(), &"ب".as_bytes()[..1]].concat());
    let run = sandbox.run(&["extract", "-q", "cut.txt"]);
    assert_document_fails(&run, "sanad: cut.txt: invalid UTF-8 at byte offset 6: expected UTF-8 encoded text\n");
}

#[test]
fn invalid_utf8_on_standard_input_is_reported_as_stdin() {
    let run = Sandbox::new().run_with_stdin(&["extract", "-q", "-"], Some(b"ok \xc3\x28"));
    assert_document_fails(&run, "sanad: stdin: invalid UTF-8 at byte offset 3: expected UTF-8 encoded text\n");
}

#[test]
fn a_missing_input_names_its_path() {
    let run = Sandbox::new().run(&["extract", "no/such/article.txt"]);
    assert_fails(&run, "sanad: no/such/article.txt: cannot read: No such file or directory (os error 2)\n");
}

#[test]
fn explain_names_a_missing_input_too() {
    let run = Sandbox::new().run(&["explain", "gone.txt"]);
    assert_fails(&run, "sanad: gone.txt: cannot read: No such file or directory (os error 2)\n");
}

#[test]
fn binary_data_is_a_clear_error() {
    let sandbox = Sandbox::new();
    // The first bytes of a PNG image.
    sandbox.write("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let run = sandbox.run(&["extract", "-q", "picture.png"]);
    assert_document_fails(&run, "sanad: picture.png: binary data (NUL byte) at byte offset 8: expected text\n");
}

#[test]
fn utf16_text_is_named_as_such() {
    let sandbox = Sandbox::new();
    let utf16: Vec<u8> = [0xFEFFu16].into_iter().chain("زار".encode_utf16()).flat_map(u16::to_le_bytes).collect();
    sandbox.write("windows.txt", utf16);
    let run = sandbox.run(&["extract", "-q", "windows.txt"]);
    assert_document_fails(&run, "sanad: windows.txt: UTF-16 text (byte order mark at byte offset 0): expected UTF-8 encoded text\n");
}

#[test]
fn an_empty_file_gives_valid_empty_output_in_every_format() {
    let sandbox = Sandbox::new();
    sandbox.write("empty.txt", "").write("blank.txt", " \n\t\u{200F}\n");
    for file in ["empty.txt", "blank.txt"] {
        let run_as = |format: &str| {
            let run = sandbox.run(&["extract", "--quiet", "--format", format, file]);
            assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{file} as {format}");
            run.stdout()
        };
        assert_text(&run_as("json"), &format!("{{\n  \"document\": \"{file}\",\n  \"entities\": [],\n  \"triples\": []\n}}\n"));
        // The RDF formats parse, and say nothing but what the document is.
        let document = format!("https://w3id.org/sanad/document/{file}");
        for format in ["turtle", "ntriples", "trig", "nquads"] {
            let text = run_as(format);
            let subjects: Vec<String> = match format {
                "turtle" => oxttl::TurtleParser::new().for_slice(&text).map(|t| t.unwrap().subject.to_string()).collect(),
                "ntriples" => oxttl::NTriplesParser::new().for_slice(&text).map(|t| t.unwrap().subject.to_string()).collect(),
                "trig" => oxttl::TriGParser::new().for_slice(&text).map(|q| q.unwrap().subject.to_string()).collect(),
                _ => oxttl::NQuadsParser::new().for_slice(&text).map(|q| q.unwrap().subject.to_string()).collect(),
            };
            assert!(subjects.iter().all(|s| *s == format!("<{document}>")), "{file} as {format}:\n{text}");
        }
        // The diagram has no node and no edge.
        let dot = run_as("dot");
        assert!(dot.starts_with("digraph sanad {\n") && dot.ends_with("}\n"), "{dot}");
        assert!(dot.lines().all(|l| !l.contains("->") && !l.contains("label=")), "{dot}");
    }
}

#[test]
fn an_output_file_that_cannot_be_created_names_its_path() {
    let sandbox = Sandbox::new();
    sandbox.write("good.txt", SENTENCE);
    let run = sandbox.run(&["extract", "--output", "missing-dir/out.ttl", "good.txt"]);
    assert_fails(&run, "sanad: cannot create missing-dir/out.ttl: no directory missing-dir\n");
}

#[test]
fn a_run_that_fails_leaves_the_output_file_as_it_was() {
    let sandbox = Sandbox::new();
    sandbox.write("good.txt", SENTENCE).write("out.ttl", "earlier output\n");
    let run = sandbox.run(&["extract", "--output", "out.ttl", "good.txt", "missing.txt"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(sandbox.path("out.ttl")).unwrap(), "earlier output\n");
    // No temporary file is left beside it.
    let names: Vec<String> =
        std::fs::read_dir(sandbox.dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn an_input_named_as_the_output_is_read_before_it_is_replaced() {
    let sandbox = Sandbox::new();
    let line = format!("{{\"id\": \"d1\", \"text\": \"{SENTENCE}\"}}\n");
    sandbox.write("corpus.jsonl", &line);
    let expected = sandbox.run(&["extract", "--quiet", "--format", "nquads", "corpus.jsonl"]);
    assert!(expected.stdout().contains("visited"), "{}", expected.stdout());
    let run = sandbox.run(&["extract", "--quiet", "--format", "nquads", "--output", "corpus.jsonl", "corpus.jsonl"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_text(&std::fs::read_to_string(sandbox.path("corpus.jsonl")).unwrap(), &expected.stdout());
}

// ── Huge input ──────────────────────────────────────────────────────────────

#[test]
fn a_long_line_without_punctuation_is_read_in_pieces_that_lose_no_text() {
    // 400 copies of a sentence without its full stop, on one line: 16,399
    // characters, read in pieces of at most 1,000 cut at blanks. Each piece
    // holds whole copies, so each is evidence for the visit, and together
    // the pieces cover the line but for the blanks they were cut at.
    let sandbox = Sandbox::new();
    let line = vec![SENTENCE.trim_end_matches('.'); 400].join(" ");
    sandbox.write("line.txt", &line);
    let run = sandbox.run(&["extract", "--quiet", "--format", "json", "line.txt"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let visit = json["triples"].as_array().unwrap().iter().find(|t| t["predicate"] == "visited").expect("the visit is found");
    assert_eq!((&visit["subject"], &visit["object"]), (&"emmanuel_macron".into(), &"china".into()));
    let spans: Vec<(usize, usize)> = visit["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize))
        .collect();
    assert_eq!(spans.len(), 17, "{spans:?}");
    assert_eq!((spans[0].0, spans[16].1), (0, line.chars().count()));
    for pair in spans.windows(2) {
        assert_eq!(pair[1].0, pair[0].1 + 1, "pieces are separated by exactly one blank: {spans:?}");
    }
    assert!(spans.iter().all(|(s, e)| e - s <= 1_000), "{spans:?}");
}

// ── Ontology files ──────────────────────────────────────────────────────────

/// Runs `sanad --ontology ont rules check` with the bundled ontology plus (or
/// with a file replaced by) `file` holding `text`.
fn check_with(file: &str, text: &str) -> Run {
    let sandbox = Sandbox::new();
    sandbox.copy_ontology("ont").write(&format!("ont/{file}"), text);
    sandbox.run(&["--ontology", "ont", "rules", "check"])
}

const GOOD_RULE: &str = "rule zz.visit
  pattern زار {a:Person} {b:Place/city}
  yields visited(a, b)
  example زار ماكرون الصين
  expect Emmanuel Macron | visited | China
";

#[test]
fn rules_check_accepts_the_bundled_ontology_and_counts_it() {
    let o = Ontology::bundled().unwrap();
    let expected =
        format!("ok: {} entities, {} rules, {} word classes\n", o.gazetteer.entities.len(), o.rules.rules.len(), o.rules.classes.len());
    let run = Sandbox::new().run(&["rules", "check"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_text(&run.stdout(), &expected);
    // A copy on disk, given with --ontology, is the same ontology plus one rule.
    let run = check_with("rules/zz-extra.rules", GOOD_RULE);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_text(
        &run.stdout(),
        &format!("ok: {} entities, {} rules, {} word classes\n", o.gazetteer.entities.len(), o.rules.rules.len() + 1, o.rules.classes.len()),
    );
}

#[test]
fn broken_toml_is_reported_at_its_line_and_column() {
    let run = check_with("gazetteer/zz.toml", "[[entity]]\nid = \"atlantis\"\ntype = \"Country\nen = \"Atlantis\"\n");
    assert_fails(&run, "sanad: ont/gazetteer/zz.toml:3:16: invalid basic string, expected `\"`\n");
}

#[test]
fn an_unknown_gazetteer_key_is_reported_with_the_keys_expected() {
    let run = check_with("gazetteer/zz.toml", "[[entity]]\nid = \"atlantis\"\ntype = \"Country\"\nen = \"Atlantis\"\nar = \"أتلانتس\"\npopulation = 3\n");
    assert_fails(
        &run,
        "sanad: ont/gazetteer/zz.toml:6:1: unknown field `population`, expected one of `id`, `type`, `en`, `ar`, `names_ar`, `names_en`, `nisba_ar`, `nisba_en`, `nisba_ar_in_context`, `nicknames_ar`, `capital`, `capital_of`, `leader_of`, `serves`, `titles_ar`, `gender`, `iso`, `wikidata`, `since`, `until`, `shared_names`\n",
    );
}

#[test]
fn an_unknown_entity_type_is_reported_with_the_types_expected() {
    let run = check_with("gazetteer/zz.toml", "[[entity]]\nid = \"atlantis\"\ntype = \"Island\"\nen = \"Atlantis\"\nar = \"أتلانتس\"\n");
    assert_fails(
        &run,
        "sanad: ont/gazetteer/zz.toml:3:8: unknown variant `Island`, expected one of `Person`, `Country`, `City`, `Organization`, `Region`\n",
    );
}

#[test]
fn a_dangling_capital_is_reported_at_its_value() {
    let run = check_with("gazetteer/zz.toml", "[[entity]]\nid = \"atlantis\"\ntype = \"Country\"\nen = \"Atlantis\"\nar = \"أتلانتس\"\ncapital = \"poseidonia\"\n");
    assert_fails(
        &run,
        "sanad: ont/gazetteer/zz.toml:6:11: entity atlantis: `capital` names unknown entity \"poseidonia\": expected the id of an entity in the gazetteer\n",
    );
}

#[test]
fn a_dangling_leader_is_reported_at_its_value() {
    let run = check_with("gazetteer/zz.toml", "[[entity]]\nid = \"king_atlas\"\ntype = \"Person\"\nen = \"Atlas\"\nar = \"أطلس\"\nleader_of = \"atlantis\"\n");
    assert_fails(
        &run,
        "sanad: ont/gazetteer/zz.toml:6:13: entity king_atlas: `leader_of` names unknown entity \"atlantis\": expected the id of an entity in the gazetteer\n",
    );
}

#[test]
fn a_duplicate_entity_id_is_reported_at_the_second_definition() {
    let run = check_with("gazetteer/zz.toml", "[[entity]]\nid = \"france\"\ntype = \"Country\"\nen = \"France again\"\nar = \"فرنسا\"\n");
    assert_fails(&run, "sanad: ont/gazetteer/zz.toml:2:6: entity id \"france\" is defined twice\n");
}

#[test]
fn an_unknown_relation_in_a_rule_is_reported_with_the_relations_expected() {
    let run = check_with("rules/zz.rules", &GOOD_RULE.replace("yields visited(a, b)", "yields toured(a, b)"));
    assert_fails(
        &run,
        "sanad: ont/rules/zz.rules:3:10: unknown relation \"toured\": expected one of visited, met, signedAgreement, sanctions, supports, needs, partnerOf, allyOf, atWarWith, opposes, leaderOf\n",
    );
}

#[test]
fn an_unknown_word_class_is_reported_at_its_name() {
    let run = check_with("rules/zz.rules", &GOOD_RULE.replace("pattern زار", "pattern @voyage.verb"));
    assert_fails(&run, "sanad: ont/rules/zz.rules:2:11: unknown word class @voyage.verb: expected a class declared with `class @voyage.verb = ...`\n");
}

#[test]
fn an_unknown_entity_type_in_a_slot_is_reported_at_the_slot() {
    let run = check_with("rules/zz.rules", &GOOD_RULE.replace("{a:Person}", "{a:Human}"));
    assert_fails(
        &run,
        "sanad: ont/rules/zz.rules:2:15: unknown entity type \"Human\": expected Person, Country, City, Organization, Region, Place or Actor\n",
    );
}

#[test]
fn an_unclosed_bracket_is_reported_with_where_it_opened() {
    let run = check_with("rules/zz.rules", &GOOD_RULE.replace("{b:Place/city}", "[إلى {b:Place/city}"));
    assert_fails(&run, "sanad: ont/rules/zz.rules:2:45: expected `]` to close the bracket at column 26, found the end of the pattern\n");
    let run = check_with("rules/zz.rules", &GOOD_RULE.replace("{b:Place/city}", "(إلى | ل {b:Place/city}"));
    assert_fails(&run, "sanad: ont/rules/zz.rules:2:49: expected `)` to close the bracket at column 26, found the end of the pattern\n");
}

#[test]
fn an_unclosed_slot_is_reported_at_its_brace() {
    let run = check_with("rules/zz.rules", &GOOD_RULE.replace("{a:Person}", "{a:Person"));
    assert_fails(&run, "sanad: ont/rules/zz.rules:2:15: expected `}` to close the slot `{name:Type}`\n");
}

#[test]
fn alternatives_outside_brackets_are_rejected() {
    let run = check_with("rules/zz.rules", &GOOD_RULE.replace("pattern زار", "pattern زار | التقى"));
    assert_fails(&run, "sanad: ont/rules/zz.rules:2:15: expected `( a | b )` around alternatives, found `|` outside brackets\n");
}

#[test]
fn a_rule_without_an_example_is_reported_at_the_rule() {
    let without: String = GOOD_RULE.lines().filter(|l| !l.contains("example") && !l.contains("expect")).map(|l| format!("{l}\n")).collect();
    let run = check_with("rules/zz.rules", &without);
    assert_fails(&run, "sanad: ont/rules/zz.rules:1:1: rule zz.visit: expected at least one `example` line with its `expect` lines\n");
}

#[test]
fn an_expected_triple_naming_no_entity_is_reported_at_the_label() {
    let run = check_with("rules/zz.rules", &GOOD_RULE.replace("| China", "| Cathay"));
    assert_fails(
        &run,
        "sanad: ont/rules/zz.rules:5:38: rule zz.visit: unknown entity \"Cathay\": expected the English label of an entity in the gazetteer\n",
    );
}

#[test]
fn an_ontology_error_is_reported_before_any_input_is_read() {
    let sandbox = Sandbox::new();
    sandbox.copy_ontology("ont").write("ont/rules/zz.rules", GOOD_RULE.replace("{a:Person}", "{a:Human}"));
    // The input does not exist either: the ontology is what is reported.
    let run = sandbox.run(&["--ontology", "ont", "extract", "missing.txt"]);
    assert_fails(
        &run,
        "sanad: ont/rules/zz.rules:2:15: unknown entity type \"Human\": expected Person, Country, City, Organization, Region, Place or Actor\n",
    );
}

#[test]
fn a_missing_ontology_directory_names_its_path() {
    let run = Sandbox::new().run(&["--ontology", "nowhere", "rules", "check"]);
    assert_fails(&run, "sanad: nowhere/gazetteer: cannot read directory: No such file or directory (os error 2)\n");
}

#[test]
fn an_ontology_file_that_is_not_utf8_is_reported_at_its_line_and_column() {
    let sandbox = Sandbox::new();
    sandbox.copy_ontology("ont").write("ont/rules/zz.rules", b"# ok\nclass @x = \xff\n");
    let run = sandbox.run(&["--ontology", "ont", "rules", "check"]);
    assert_fails(&run, "sanad: ont/rules/zz.rules:2:12: invalid UTF-8 at byte offset 16: expected UTF-8 encoded text\n");
}

// ── Deterministic output ────────────────────────────────────────────────────

#[test]
fn every_format_is_byte_identical_across_runs() {
    let sandbox = Sandbox::new();
    let article = "زار الرئيس الروسي فلاديمير بوتين بيونغ يانغ والتقى الزعيم الكوري الشمالي كيم جونغ أون.\n\
                   ووقع البلدان اتفاقية شراكة استراتيجية شاملة.\n\
                   وقال الرئيس الصيني شي جين بينغ إن بلاده تدعم روسيا.\n";
    sandbox.write("a.txt", article).write("b.txt", SENTENCE);
    for format in ["json", "turtle", "ntriples", "trig", "nquads", "dot"] {
        let runs: Vec<Run> = (0..3).map(|_| sandbox.run(&["extract", "--quiet", "--format", format, "a.txt", "b.txt"])).collect();
        assert_eq!((runs[0].code, runs[0].stderr.as_str()), (0, ""), "{format}");
        assert!(runs[0].stdout.len() > 200, "{format} output is not trivially empty");
        for r in &runs[1..] {
            assert!(r.stdout == runs[0].stdout, "{format} output differs between runs");
        }
    }
}

#[test]
fn a_wikidata_id_that_would_make_an_invalid_iri_is_rejected() {
    let run = check_with("gazetteer/zz.toml", "[[entity]]\nid = \"atlantis\"\ntype = \"Country\"\nen = \"Atlantis\"\nar = \"أتلانتس\"\nwikidata = \"Q 42>\"\n");
    assert_fails(&run, "sanad: ont/gazetteer/zz.toml:6:12: entity atlantis: wikidata \"Q 42>\": expected an item id like \"Q42\"\n");
}

#[test]
fn an_entity_id_that_is_not_lowercase_ascii_is_rejected_at_the_id() {
    let run = check_with("gazetteer/zz.toml", "[[entity]]\nid = \"Atlantis Island\"\ntype = \"Country\"\nen = \"Atlantis\"\nar = \"أتلانتس\"\n");
    assert_fails(&run, "sanad: ont/gazetteer/zz.toml:2:6: entity id \"Atlantis Island\": expected [a-z0-9_]+\n");
}

//! End to end: the `sanad extract` command on Arabic articles, as a user runs it.
//!
//! - the seed article scored by `shared/eval/score.py` reaches the quality bar;
//! - the JSON has the contract's fields (`shared/spec/output-json.md`);
//! - Turtle re-parses with oxttl and `rapper -c` accepts it;
//! - the DOT renders with `dot -Tsvg`.
//!
//! The seed lives in `../shared` beside the clone (CI has it there).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn sanad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sanad"))
}

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles/summit-visit.ar.txt")
}

fn extract(path: &Path, format: &str) -> Vec<u8> {
    let out = sanad().arg("extract").arg(path).args(["--format", format]).output().unwrap();
    assert!(out.status.success(), "sanad extract failed: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// Runs the scorer and returns (precision, recall) from its summary line.
fn score(text: &Path, gold: &Path, json: &[u8]) -> (f64, f64, String) {
    let dir = tempdir();
    let pred = dir.join("pred.json");
    std::fs::write(&pred, json).unwrap();
    let out = Command::new("python3")
        .arg(shared().join("eval/score.py"))
        .arg(text)
        .arg(gold)
        .arg(&pred)
        .output()
        .expect("python3 runs the scorer");
    let report = String::from_utf8_lossy(&out.stdout).to_string();
    let last = report.lines().last().unwrap_or_default().to_string();
    let field = |name: &str| -> f64 {
        last.split_whitespace()
            .find_map(|w| w.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no {name} in scorer output: {report}"))
    };
    (field("precision"), field("recall"), report)
}

fn tempdir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sanad-test-{}-{:?}", std::process::id(), std::thread::current().id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn seed_article_reaches_the_quality_bar() {
    let text = shared().join("data/seed-ar-putin-dprk.txt");
    let gold = shared().join("data/seed-ar-putin-dprk.gold.tsv");
    assert!(text.exists(), "the seed article is expected at {}", text.display());
    let (p, r, report) = score(&text, &gold, &extract(&text, "json"));
    // The bar of the reading issue (#3); the pipeline issue asked 0.85 / 0.60.
    assert!(p >= 0.95 && r >= 0.90, "seed: precision {p} (bar 0.95), recall {r} (bar 0.90)\n{report}");
}

/// Precision, recall and the counts behind them for the development
/// articles (`tests/dev/NN-*.ar.txt`) whose number `keep` accepts.
fn development_score(keep: impl Fn(u32) -> bool) -> (f64, f64, String) {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dev");
    let mut articles: Vec<PathBuf> = std::fs::read_dir(&dev)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".ar.txt"))
        .filter(|p| keep(p.file_name().unwrap().to_string_lossy()[..2].parse().expect("articles are numbered NN-")))
        .collect();
    articles.sort();
    let (mut right, mut wrong, mut found, mut core) = (0usize, 0usize, 0usize, 0usize);
    for text in &articles {
        let gold = PathBuf::from(text.to_string_lossy().replace(".ar.txt", ".gold.tsv"));
        let (_, _, report) = score(text, &gold, &extract(text, "json"));
        let last = report.lines().last().unwrap().to_string();
        let numbers: Vec<usize> = last
            .split(|c: char| !c.is_ascii_digit())
            .filter(|w| !w.is_empty())
            .map(|w| w.parse().unwrap())
            .collect();
        // "... (core F/C, predicted N right R wrong W)": the last four numbers
        // after the three decimals are F, C, R, W.
        let n = numbers.len();
        let (f, c, r, w) = (numbers[n - 4], numbers[n - 3], numbers[n - 2], numbers[n - 1]);
        found += f;
        core += c;
        right += r;
        wrong += w;
    }
    let precision = right as f64 / (right + wrong).max(1) as f64;
    let recall = found as f64 / core.max(1) as f64;
    (precision, recall, format!("{} articles: precision {precision:.3}, recall {recall:.3} ({found}/{core} core, {wrong} wrong)", articles.len()))
}

/// The development set's first thirteen articles (`tests/dev/`, written for
/// the project) summed: a floor that catches regressions in generality, not
/// a target (the target for unseen articles is precision 0.85, recall 0.65;
/// the held-out articles in `tests/heldout/` measure that).
#[test]
fn development_set_does_not_regress() {
    let (precision, recall, report) = development_score(|n| n <= 13);
    assert!(report.starts_with("13 articles"), "the development set has its articles: {report}");
    assert!(precision >= 0.95 && recall >= 0.80, "development set: {report}");
}

/// Articles 14 to 18 were written blind (by writers who had not read the
/// rules) and scored 0.82 / 0.40 before rules were fitted to them; the floor
/// keeps what the fitting gained.
#[test]
fn blind_written_development_articles_do_not_regress() {
    let (precision, recall, report) = development_score(|n| n >= 14);
    assert!(report.starts_with("5 articles"), "the blind-written articles are there: {report}");
    assert!(precision >= 0.95 && recall >= 0.78, "articles 14-18: {report}");
}

#[test]
fn json_has_the_contract_fields() {
    let json: serde_json::Value = serde_json::from_slice(&extract(&example(), "json")).unwrap();
    let entities = json["entities"].as_array().expect("entities is an array");
    let triples = json["triples"].as_array().expect("triples is an array");
    assert!(!entities.is_empty() && !triples.is_empty(), "the example article yields entities and triples");
    let ids: Vec<&str> = entities.iter().map(|e| e["id"].as_str().unwrap()).collect();
    for e in entities {
        assert!(e["label"].is_string() && e["labels"]["en"].is_string() && e["labels"]["ar"].is_string(), "{e}");
        assert!(["Person", "Country", "City", "Organization", "Region"].contains(&e["type"].as_str().unwrap()), "{e}");
    }
    let text: Vec<char> = std::fs::read_to_string(example()).unwrap().chars().collect();
    for t in triples {
        assert!(ids.contains(&t["subject"].as_str().unwrap()) && ids.contains(&t["object"].as_str().unwrap()), "{t}");
        assert!(t["predicate"].as_str().unwrap().parse::<sanad::Relation>().is_ok(), "{t}");
        assert!(t["asserted"].is_boolean(), "{t}");
        for ev in t["evidence"].as_array().unwrap() {
            let (s, e) = (ev["start"].as_u64().unwrap() as usize, ev["end"].as_u64().unwrap() as usize);
            let slice: String = text[s..e].iter().collect();
            assert_eq!(slice, ev["text"].as_str().unwrap(), "evidence text is the code-point slice [start, end)");
            assert!(ev["rule"].is_string());
        }
    }
}

#[test]
fn turtle_reparses_and_rapper_accepts_it() {
    let ttl = extract(&example(), "turtle");
    let triples: Vec<_> = oxttl::TurtleParser::new().for_slice(&ttl).collect::<Result<_, _>>().expect("Turtle re-parses");
    assert!(triples.len() > 10);
    let dir = tempdir();
    let file = dir.join("out.ttl");
    std::fs::write(&file, &ttl).unwrap();
    let out = Command::new("rapper").args(["-c", "-i", "turtle"]).arg(&file).output().expect("rapper (raptor2-utils) is installed");
    assert!(out.status.success(), "rapper rejects the Turtle: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn dot_renders_with_graphviz() {
    let dot = extract(&example(), "dot");
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dot (graphviz) is installed");
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&dot).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "dot fails: {}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
}

#[test]
fn same_input_gives_byte_identical_output() {
    for format in ["json", "turtle", "ntriples", "dot", "nquads", "trig"] {
        assert_eq!(extract(&example(), format), extract(&example(), format), "{format} output differs between runs");
    }
}

//! Corpus mode and the mapper contract, through the `sanad` binary.
//!
//! sanad can be the mapper of a distributed job (Spark `RDD.pipe`, Hadoop
//! Streaming): JSON Lines in, N-Quads out, with no state carried across
//! documents. These tests pin that contract: the output for a line depends
//! only on that line, the outputs of any split of the input concatenate to
//! the output of the whole, the thread count never changes a byte, and bad
//! lines are reported by line number and skipped while the others go on.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Paragraphs of the development articles as JSON Lines documents.
fn corpus_lines(files: usize) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dev");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".ar.txt"))
        .collect();
    paths.sort();
    let mut lines = Vec::new();
    for p in paths.iter().take(files) {
        let stem = p.file_name().unwrap().to_string_lossy().trim_end_matches(".ar.txt").to_string();
        let text = std::fs::read_to_string(p).unwrap();
        for (n, paragraph) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
            let doc = serde_json::json!({ "id": format!("{stem}#p{}", n + 1), "text": paragraph });
            lines.push(doc.to_string());
        }
    }
    assert!(lines.len() >= 10, "the development set has paragraphs");
    lines
}

fn sanad(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sanad"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sanad runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// Runs the mapper on stdin JSON Lines; returns stdout, asserting success.
fn map(lines: &[String], args: &[&str]) -> String {
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let mut all = vec!["extract", "-", "--quiet"];
    all.extend_from_slice(args);
    let out = sanad(&all, input.as_bytes());
    assert!(out.status.success(), "sanad failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Asserts equality, printing the first differing line.
#[track_caller]
fn assert_same(what: &str, got: &str, expected: &str) {
    if got != expected {
        let line = got.lines().zip(expected.lines()).position(|(a, b)| a != b).unwrap_or(got.lines().count().min(expected.lines().count()));
        panic!(
            "{what}: outputs differ at line {}\n   got: {:?}\nexpect: {:?}\n(got {} lines, expected {})",
            line + 1,
            got.lines().nth(line),
            expected.lines().nth(line),
            got.lines().count(),
            expected.lines().count()
        );
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sanad-corpus-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn output_of_each_line_depends_only_on_that_line() {
    let lines = corpus_lines(2);
    let whole = map(&lines, &["--format", "nquads"]);
    assert!(whole.lines().count() > 50, "the corpus gives statements");
    let one_by_one: String = lines.iter().map(|l| map(std::slice::from_ref(l), &["--format", "nquads"])).collect();
    assert_same("line by line vs whole", &one_by_one, &whole);
    // Every quad sits in the named graph of its own document.
    for quad in whole.lines() {
        assert!(quad.ends_with("> .") && quad.contains("<https://w3id.org/sanad/document/"), "{quad}");
    }
}

#[test]
fn outputs_of_split_inputs_concatenate_to_the_output_of_the_whole() {
    let lines = corpus_lines(3);
    for format in ["nquads", "jsonl"] {
        let whole = map(&lines, &["--format", format]);
        for split in [1, lines.len() / 3, lines.len() - 1] {
            let (a, b) = lines.split_at(split);
            let joined = map(a, &["--format", format]) + &map(b, &["--format", format]);
            assert_same(&format!("{format}, split at {split}"), &joined, &whole);
        }
    }
}

#[test]
fn thread_count_never_changes_a_byte() {
    let lines = corpus_lines(4);
    for format in ["nquads", "jsonl", "turtle", "json"] {
        let one = map(&lines, &["--format", format, "--threads", "1"]);
        let two = map(&lines, &["--format", format, "--threads", "2"]);
        assert_same(&format!("{format}: --threads 1 vs 2"), &two, &one);
    }
}

#[test]
fn jsonl_output_has_one_object_per_document_in_input_order() {
    let lines = corpus_lines(1);
    let out = map(&lines, &["--format", "jsonl"]);
    let ids: Vec<String> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("each line is JSON")["document"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> =
        lines.iter().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, expected);
}

#[test]
fn bad_lines_are_reported_by_line_number_and_skipped() {
    let good = corpus_lines(1);
    let mut input: Vec<u8> = Vec::new();
    let mut expected_lines = Vec::new();
    for (n, line) in good.iter().enumerate() {
        match n {
            1 => input.extend_from_slice(b"{\"id\": \"broken\", \"text\": \"\xff\xfe\"}\n"),
            3 => input.extend_from_slice(b"{\"id\": \"no-text\"}\n"),
            5 => input.extend_from_slice(b"this is not json\n"),
            7 => input.extend_from_slice(b"\n"),
            _ => {}
        }
        input.extend_from_slice(line.as_bytes());
        input.push(b'\n');
        expected_lines.push(line.clone());
    }
    let out = sanad(&["extract", "-", "--format", "nquads"], &input);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "some documents failed: {stderr}");
    assert!(stderr.contains("stdin:2: invalid UTF-8 at byte offset 26 of the line"), "{stderr}");
    assert!(stderr.contains("stdin:5: expected a JSON object with \"id\" and \"text\": missing field `text`"), "{stderr}");
    assert!(stderr.contains("stdin:8: expected a JSON object"), "{stderr}");
    assert!(stderr.contains(&format!("{} documents", good.len() + 3)), "the summary counts every document: {stderr}");
    assert!(stderr.contains("3 with errors"), "{stderr}");
    // The good documents give exactly what they give without the bad lines.
    let clean = map(&expected_lines, &["--format", "nquads"]);
    assert_same("good lines around bad ones", &String::from_utf8(out.stdout).unwrap(), &clean);
}

#[test]
fn an_invalid_text_file_is_reported_and_the_other_files_processed() {
    let dir = temp_dir("files");
    let good = dir.join("good.txt");
    std::fs::write(&good, "زار الرئيس الفرنسي إيمانويل ماكرون الصين.").unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"\xd8\xb2\xff").unwrap();
    let (good, bad) = (good.to_str().unwrap(), bad.to_str().unwrap());
    let out = sanad(&["extract", bad, good, "--format", "nquads", "--quiet"], b"");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.trim(), format!("sanad: {bad}: invalid UTF-8 at byte offset 2: expected UTF-8 encoded text"));
    let quads = String::from_utf8(out.stdout).unwrap();
    assert!(quads.contains("<https://w3id.org/sanad/ontology#visited>"), "{quads}");
}

#[test]
fn a_missing_input_is_named_and_nothing_is_read() {
    let dir = temp_dir("missing");
    let good = dir.join("good.txt");
    std::fs::write(&good, "زار ماكرون الصين.").unwrap();
    let missing = dir.join("no-such-file.jsonl");
    let out = sanad(&["extract", good.to_str().unwrap(), missing.to_str().unwrap(), "--format", "nquads"], b"");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.starts_with(&format!("sanad: {}: cannot read:", missing.display())), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_directory_is_read_recursively_in_sorted_order() {
    let dir = temp_dir("tree");
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::write(dir.join("b/2.txt"), "التقى بوتين وشي جين بينغ في موسكو.").unwrap();
    std::fs::write(dir.join("a.txt"), "زار ماكرون الصين.").unwrap();
    std::fs::write(dir.join("c.jsonl"), "{\"id\": 7, \"text\": \"زار مودي موسكو.\"}\n").unwrap();
    std::fs::write(dir.join("notes.md"), "ignored").unwrap();
    let out = sanad(&["extract", dir.to_str().unwrap(), "--format", "jsonl"], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let ids: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["document"].as_str().unwrap().to_string())
        .collect();
    let d = dir.display();
    assert_eq!(ids, vec![format!("{d}/a.txt"), format!("{d}/b/2.txt"), "7".to_string()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("sanad: 3 documents, "), "summary on stderr: {stderr}");
}

#[test]
fn standard_input_is_one_text_document_unless_it_looks_like_json_lines() {
    let text = "زار الرئيس الفرنسي إيمانويل ماكرون الصين.";
    let out = sanad(&["extract", "-", "--format", "jsonl", "--quiet"], text.as_bytes());
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    assert!(stdout.starts_with("{\"document\":\"stdin\""), "{stdout}");
    assert!(out.stderr.is_empty(), "--quiet prints nothing: {}", String::from_utf8_lossy(&out.stderr));
    // Forced: a JSON-looking text read as text.
    let json_text = "{\"id\": \"x\", \"text\": \"زار ماكرون الصين.\"}";
    let out = sanad(&["extract", "-", "--format", "jsonl", "--quiet", "--input-format", "text"], json_text.as_bytes());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("{\"document\":\"stdin\""), "{stdout}");
    let out = sanad(&["extract", "-", "--format", "jsonl", "--quiet"], json_text.as_bytes());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("{\"document\":\"x\""), "{stdout}");
}

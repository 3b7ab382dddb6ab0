//! Shared fixtures of the RDF, query, DOT and example tests: a short Arabic
//! article written for these tests, the extraction of it, and checks for
//! the external tools (rapper, rdflib, GraphViz) that the tests drive.
#![allow(dead_code)] // Each test binary uses part of this module.

use std::path::PathBuf;
use std::process::Command;

use sanad::{Document, Extraction, Extractor, KnowledgeGraph, Ontology};

/// A short article, written for these tests. The third sentence carries
/// tashkeel so that evidence offsets are tested on diacritised text.
///
/// Expected statements: Erdoğan leads Turkey, visited Doha (last week) and
/// met Tamim, who leads Qatar; Canada and Australia sanction Venezuela;
/// Armenia and Kazakhstan are allies of Russia; Erdoğan visiting Cairo is
/// negated; Canada sanctioning Iran is hypothetical.
pub const ARTICLE: &str = "\
زار الرئيس التركي رجب طيب أردوغان الدوحة الأسبوع الماضي.
والتقى أردوغان أمير قطر تميم بن حمد آل ثاني في قصر لوسيل.
فَرَضَتْ كَنَدا حُزْمَةً مِنَ العُقوباتِ على فنزويلا.
كما فرضت أستراليا عقوبات إضافية على فنزويلا.
وما زالت أرمينيا حليفة روسيا رغم الخلافات.
وتعد كازاخستان أيضا حليفة روسيا في آسيا الوسطى.
ولم يصل أردوغان إلى القاهرة بعد.
وقد تفرض كندا عقوبات على إيران قريبا.
";

/// A second article, for tests of several documents.
pub const SECOND: &str = "فرضت اليابان عقوبات جديدة على روسيا.\nوتبقى بيلاروسيا حليفة روسيا.\n";

pub fn extractor() -> Extractor {
    Extractor::new(Ontology::bundled().expect("bundled ontology"))
}

pub fn extract(extractor: &Extractor, id: &str, text: &str) -> Extraction {
    extractor.extract(&Document::new(id, text))
}

/// The graph of [`ARTICLE`] alone, as document `article`.
pub fn article_graph() -> (Extractor, KnowledgeGraph) {
    let x = extractor();
    let graph = KnowledgeGraph::build(&[extract(&x, "article", ARTICLE)], x.gazetteer());
    (x, graph)
}

/// Writes `bytes` to a file named `name` in a directory of this test run.
/// Tests run in parallel and may write the same file: each writes a file of
/// its own and renames it into place, so no reader sees a half-written file.
pub fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("sanad-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let partial = dir.join(format!(".{name}.{n}"));
    std::fs::write(&partial, bytes).unwrap();
    std::fs::rename(&partial, &path).unwrap();
    path
}

/// Whether an external tool runs. Outside CI a missing tool skips the test
/// with a message saying what to install; in CI (`CI` set) it fails the
/// test, because `.ci/run` installs every tool these tests use.
pub fn tool(program: &str, args: &[&str], install: &str) -> bool {
    let ok = Command::new(program).args(args).output().is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "{program} is required in CI but does not run; install it with: {install}"
        );
        eprintln!("SKIPPED: {program} is not installed ({install}); this check did not run");
    }
    ok
}

pub fn have_rapper() -> bool {
    tool("rapper", &["--version"], "apt-get install -y raptor2-utils")
}

pub fn have_rdflib() -> bool {
    tool("python3", &["-c", "import rdflib"], "pip install rdflib")
}

pub fn have_dot() -> bool {
    tool("dot", &["-V"], "apt-get install -y graphviz fonts-noto-core")
}

/// Reports a failed command with its output.
pub fn run_ok(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n--- stdout\n{}\n--- stderr\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

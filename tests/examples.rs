//! The programs in `examples/` run as a user runs them (`cargo run
//! --example NAME`) on the bundled article and print the answers it holds.

use std::process::Command;

fn run_example(name: &str, args: &[&str]) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).args(["run", "--quiet", "--example", name]);
    if !cfg!(debug_assertions) {
        cmd.arg("--release");
    }
    let out = cmd.arg("--").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "example {name} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn who_sanctions_whom() {
    let out = run_example("who_sanctions_whom", &[]);
    let lines: Vec<&str> = out.lines().filter(|l| l.starts_with("  ") && !l.starts_with("      ")).collect();
    assert_eq!(
        lines,
        [
            "  European Union (الاتحاد الأوروبي) → Russia (روسيا)",
            "  United States (الولايات المتحدة) → Iran (إيران)",
            "  Japan (اليابان) → North Korea (كوريا الشمالية) [hypothetical, not asserted]",
        ],
        "{out}"
    );
    assert!(out.contains("[time: الشهر الماضي]"), "{out}");
}

#[test]
fn ego_network() {
    let out = run_example("ego_network", &[]);
    for expected in [
        ": 6 asserted links",
        "  Russia ally of: Belarus (بيلاروس)",
        "  sanctions Russia: European Union (الاتحاد الأوروبي)",
        "  Russia at war with: Ukraine (أوكرانيا)",
        "  opposes Russia: Emmanuel Macron (إيمانويل ماكرون)",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
    // Another centre, named by its Arabic label.
    let article = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles/briefing.ar.txt");
    let out = run_example("ego_network", &[article, "المملكة المتحدة"]);
    assert!(out.contains("  United Kingdom supports: Ukraine (أوكرانيا)"), "{out}");
    assert!(out.contains("  United Kingdom partner of: United States (الولايات المتحدة)"), "{out}");
}

#[test]
fn shortest_path() {
    let out = run_example("shortest_path", &[]);
    let steps: Vec<&str> = out.lines().filter(|l| l.starts_with("  ") && !l.starts_with("      ")).collect();
    assert!(out.starts_with("Egypt → Iran: 7 steps"), "{out}");
    assert_eq!(steps.len(), 7, "{out}");
    assert_eq!(steps[6], "  United States sanctions Iran");
    // Only asserted statements link actors: India's negated agreement with Russia is no shortcut.
    let article = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles/briefing.ar.txt");
    let out = run_example("shortest_path", &[article, "india", "russia"]);
    assert_eq!(out.lines().nth(1), Some("  India met Russia"), "{out}");
    let out = run_example("shortest_path", &[article, "japan", "iran"]);
    assert!(out.starts_with("No chain of asserted statements links Japan and Iran"), "{out}");
}

#[test]
fn sparql() {
    let out = run_example("sparql", &[]);
    assert!(out.contains("Emmanuel Macron  opposes      Russia"), "{out}");
    assert!(out.contains("United States    sanctions    Iran"), "{out}");
    assert!(out.ends_with("(4 rows)\n"), "{out}");
    let article = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles/briefing.ar.txt");
    let out = run_example("sparql", &[article, "not-asserted"]);
    assert!(out.contains("India signed an agreement with Russia  negated"), "{out}");
}

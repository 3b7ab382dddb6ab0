//! Bundles the `ontology/` directory into the binary, so that `sanad` runs
//! from anywhere (a Spark executor, a container) without its source tree.

use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("ontology");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    for sub in ["gazetteer", "rules"] {
        let dir = root.join(sub);
        println!("cargo:rerun-if-changed={}", dir.display());
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                let p = e.path();
                if matches!(p.extension().and_then(|x| x.to_str()), Some("toml" | "rules")) {
                    println!("cargo:rerun-if-changed={}", p.display());
                    files.push(p);
                }
            }
        }
    }
    files.sort();
    let mut out = String::from("pub static FILES: &[(&str, &str)] = &[\n");
    for p in &files {
        let rel = p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        out.push_str(&format!("    ({:?}, include_str!({:?})),\n", rel, p.display().to_string()));
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("bundled_ontology.rs");
    std::fs::write(dest, out).unwrap();
}

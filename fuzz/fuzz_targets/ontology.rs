//! The ontology compiler on any gazetteer and rule text: no panic, and every
//! error names a line and column inside the file it blames.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanad::ontology::SourceFile;
use sanad::rules::RuleSet;
use sanad::Ontology;

fuzz_target!(|input: &str| {
    // The input is a rules file, or a gazetteer file and a rules file
    // separated by a line `----`.
    let (toml, rules) = input.split_once("\n----\n").unwrap_or(("", input));
    let rules_file = SourceFile { name: "f.rules".into(), text: rules.into() };
    if let Err(e) = RuleSet::parse(std::slice::from_ref(&rules_file)) {
        check(&e, rules);
    }
    let files = vec![SourceFile { name: "g.toml".into(), text: toml.into() }, rules_file];
    if let Err(e) = Ontology::from_sources(files) {
        check(&e, if e.file == "g.toml" { toml } else { rules });
    }
});

fn check(e: &sanad::OntologyError, text: &str) {
    let message = e.to_string();
    assert!(message.starts_with(&format!("{}:", e.file)), "{message}");
    if e.line > 0 {
        let lines = text.split('\n').count();
        assert!(e.line <= lines, "{message}: line {} of {lines}", e.line);
        if e.column > 0 {
            let width = text.split('\n').nth(e.line - 1).map_or(0, |l| l.chars().count());
            assert!(e.column <= width + 1, "{message}: column {} of {width}", e.column);
        }
    }
}

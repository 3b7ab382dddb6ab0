//! The gazetteer as users meet it: every entry loads, names are not claimed
//! twice unless the ambiguity is declared, and states are found whether the
//! text names them, their capital, their adjective or their leader.

use std::process::Command;

use sanad::mention::MentionKind;
use sanad::{Document, Extractor, Ontology};

fn extractor() -> &'static Extractor {
    use std::sync::OnceLock;
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new(Ontology::bundled().expect("bundled ontology compiles")))
}

#[test]
fn every_entry_loads_and_every_un_member_is_there() {
    let g = extractor().gazetteer();
    let countries = g.entities.iter().filter(|e| e.kind == sanad::gazetteer::EntityType::Country).count();
    assert!(countries >= 193, "{countries} countries: the 193 UN members and more are expected");
    for id in ["russia", "north_korea", "united_states", "g7", "nato", "vladimir_putin", "western_world", "gaza_strip", "houthis"] {
        assert!(g.get(id).is_some(), "the gazetteer has {id}");
    }
    // Every capital stands for a state that names it as its capital.
    for (i, e) in g.entities.iter().enumerate() {
        if let Some(state) = e.capital_of {
            assert_eq!(g.entities[state].capital, Some(i), "{} is the capital of {}", e.label_en, g.entities[state].label_en);
        }
    }
}

#[test]
fn no_normalised_name_is_claimed_twice_without_a_declaration() {
    // The checker normalises names as the loader does and reports clashes
    // that no entry declares in `shared_names`.
    let out = Command::new("python3")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tools/gazetteer/check.py"))
        .output()
        .expect("python3 runs tools/gazetteer/check.py");
    let report = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "gazetteer check fails:\n{report}");
}

/// The entities the mentions of a sentence resolve to, by English label.
fn resolved(text: &str) -> Vec<(String, MentionKind)> {
    let x = extractor();
    let g = x.gazetteer();
    x.analyse(&Document::new("t", text))
        .into_iter()
        .flat_map(|a| a.mentions.into_iter())
        .flat_map(|m| m.entities.into_iter().map(move |e| (g.entities[g.state_of(e)].label_en.clone(), m.kind)))
        .collect()
}

#[test]
fn states_are_found_by_name_capital_adjective_and_leader() {
    let cases: &[(&str, &str)] = &[
        ("وصل الوفد إلى البرازيل أمس.", "Brazil"),
        ("أعلنت برازيليا موقفها.", "Brazil"),
        ("قال المتحدث البرازيلي إن الاجتماع انتهى.", "Brazil"),
        ("رحبت أوتاوا بالقرار.", "Canada"),
        ("انتقدت الحكومة الكندية القرار.", "Canada"),
        ("أعلنت نيجيريا حالة الطوارئ.", "Nigeria"),
        ("وصل الوزير النيجيري إلى أبوجا.", "Nigeria"),
        ("قالت المملكة المتحدة إنها ستدرس الطلب.", "United Kingdom"),
        ("أعلنت لندن دعمها.", "United Kingdom"),
        ("التقى المسؤولون البريطانيون نظراءهم.", "United Kingdom"),
        ("قال الرئيس الفرنسي إيمانويل ماكرون إن بلاده مستعدة.", "Emmanuel Macron"),
        ("زار رئيس الوزراء الياباني طوكيو.", "Japan"),
        ("أعلنت كوريا الجنوبية تعزيز دفاعاتها.", "South Korea"),
        ("ردت سيول على التجربة الصاروخية.", "South Korea"),
        ("قالت الخارجية السعودية إن الرياض ترحب.", "Saudi Arabia"),
        ("قال الرئيس الإيراني مسعود بزشكيان إن طهران لا تسعى للحرب.", "Iran"),
    ];
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let got = resolved(text);
        if !got.iter().any(|(label, _)| label == expected) {
            failures.push(format!("{text}: expected {expected}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn role_nouns_resolve_to_the_leader_the_gazetteer_knows() {
    let got = resolved("قال الرئيس الصيني إن بلاده تدعم الحوار.");
    assert!(got.iter().any(|(label, kind)| label == "Xi Jinping" && *kind == MentionKind::Role), "{got:?}");
    let got = resolved("وصل المستشار الألماني إلى باريس.");
    assert!(got.iter().any(|(label, kind)| label == "Olaf Scholz" && *kind == MentionKind::Role), "{got:?}");
}

#[test]
fn every_un_member_has_a_nisba_plain_or_in_context() {
    // Mali, Comoros and the Solomon Islands have adjectives that are ordinary
    // words (مالي "financial", قمري "lunar") or a name (سليماني): they are
    // declared as `nisba_ar_in_context` instead of `nisba_ar`.
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/ontology/gazetteer/countries.toml")).unwrap();
    let mut missing = Vec::new();
    for block in text.split("[[entity]]").skip(1) {
        let member = block.contains("\niso = ") && block.contains("type = \"Country\"");
        if member && !block.contains("\nnisba_ar = ") && !block.contains("\nnisba_ar_in_context = ") {
            missing.push(block.lines().find(|l| l.starts_with("en = ")).unwrap_or("?").to_string());
        }
    }
    assert!(missing.is_empty(), "states without an Arabic nisba: {missing:?}");
}

#[test]
fn a_nisba_that_is_an_ordinary_word_names_its_state_only_after_a_head_noun() {
    let mali = |text: &str| resolved(text).iter().any(|(label, _)| label == "Mali");
    let comoros = |text: &str| resolved(text).iter().any(|(label, _)| label == "Comoros");
    let solomons = |text: &str| resolved(text).iter().any(|(label, _)| label == "Solomon Islands");
    assert!(mali("قال الرئيس المالي إن بلاده لن تتراجع."));
    assert!(mali("أعلنت الحكومة المالية طرد السفير الفرنسي."));
    assert!(mali("انسحب الجيش المالي من البلدة."));
    // The counterpart of a president is the Comoros's president: the nisba
    // is read as the Comoros, and the office names its holder.
    let comoros_leader = |text: &str| {
        let g = extractor().gazetteer();
        let leads_comoros = |e: usize| g.entities[e].leader_of.is_some_and(|s| g.entities[s].label_en == "Comoros");
        extractor().analyse(&Document::new("t", text)).into_iter().flat_map(|a| a.mentions).any(|m| m.entities.iter().any(|&e| leads_comoros(e)))
    };
    assert!(comoros_leader("التقى الرئيس الروسي نظيره القمري في موسكو."));
    assert!(mali("زار الرئيس الفرنسي مالي."), "the country's name stays a name");
    // The ordinary words: "financial support", "fiscal year", "lunar
    // calendar", "lunar month", and the name Soleimani.
    assert!(!mali("قدمت اليابان الدعم المالي لأوكرانيا."));
    let maldives = |text: &str| resolved(text).iter().any(|(label, _)| label == "Malé" || label == "Maldives");
    assert!(!maldives("قدمت اليابان مساعدات مالية لأوكرانيا."), "مالية is not Malé (ماليه)");
    assert!(!maldives("عين وزير المالية الجديد."));
    assert!(!mali("بدأ العام المالي الجديد في أبريل."));
    assert!(!mali("يواجه القطاع المالي أزمة حادة."));
    assert!(!comoros("يعتمد التقويم القمري على دورة القمر."));
    assert!(!comoros("بدأ الشهر القمري أمس."));
    assert!(!solomons("اغتيل قاسم سليماني في بغداد عام 2020."));
}

#[test]
fn officials_resolve_to_whoever_holds_the_office_or_to_their_state() {
    let has = |text: &str, label: &str, kind: MentionKind| {
        let got = resolved(text);
        assert!(got.iter().any(|(l, k)| l == label && *k == kind), "{text}: expected {label} as {kind:?}, got {got:?}");
    };
    // A foreign minister the gazetteer knows, by name and by office; his
    // country is the one he serves.
    has("قال وزير الخارجية التركي هاكان فيدان إن بلاده تدعم الحوار.", "Hakan Fidan", MentionKind::Titled);
    has("قال وزير الخارجية التركي هاكان فيدان إن بلاده تدعم الحوار.", "Turkey", MentionKind::Anaphor);
    has("قال وزير الخارجية الروسي إن بلاده مستعدة للحوار.", "Sergey Lavrov", MentionKind::Role);
    // A head of an intelligence service, named with his office.
    has("التقى رئيس جهاز الموساد ديفيد برنياع مسؤولين قطريين.", "David Barnea", MentionKind::Titled);
    // No Argentine foreign minister in the gazetteer: the office stands
    // for the state.
    has("قال وزير الخارجية الأرجنتيني إن بلاده ترفض العقوبات.", "Argentina", MentionKind::Role);
    has("قال وزير الخارجية الأرجنتيني إن بلاده ترفض العقوبات.", "Argentina", MentionKind::Anaphor);
}

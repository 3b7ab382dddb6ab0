//! The gazetteer: the entities sanad can name, and every way Arabic writes them.
//!
//! Entities are data (`ontology/gazetteer/*.toml`, read by strict serde
//! structs); this module compiles them into an index from normalised token
//! sequences to entities. A name is indexed as the stems the tokenizer would
//! produce for it, so `الولايات المتحدة` matches `للولايات المتحدة` and
//! `والولايات المتحدة` alike. Transliterated names also get their ج/غ
//! spelling variants (`بيونغ يانغ` / `بيونج يانج`), and names of six letters or
//! more can be found with one typo (see [`Gazetteer::fuzzy_candidates`]).
//!
//! Finding names in a sentence is [`crate::mention`]'s job, not this module's.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::normalize::normalize_str;
use crate::ontology::{line_column, OntologyError, SourceFile};
use crate::token::{strip_article, tokenize, Lexicon, Token, TokenKind};

/// Index of an entity in [`Gazetteer::entities`].
pub type EntityId = usize;

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    Person,
    Country,
    City,
    Organization,
    Region,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Country => "Country",
            EntityType::City => "City",
            EntityType::Organization => "Organization",
            EntityType::Region => "Region",
        }
    }
}

/// Arabic grammatical gender, used to resolve pronouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gender {
    #[serde(rename = "m")]
    Masculine,
    #[serde(rename = "f")]
    Feminine,
}

/// One `[[entity]]` table as written in a gazetteer file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityRecord {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub en: String,
    pub ar: String,
    #[serde(default)]
    pub names_ar: Vec<String>,
    #[serde(default)]
    pub names_en: Vec<String>,
    #[serde(default)]
    pub nisba_ar: Vec<String>,
    #[serde(default)]
    pub nisba_en: Vec<String>,
    #[serde(default)]
    pub nicknames_ar: Vec<String>,
    pub capital: Option<String>,
    pub capital_of: Option<String>,
    pub leader_of: Option<String>,
    #[serde(default)]
    pub titles_ar: Vec<String>,
    pub gender: Option<Gender>,
    pub iso: Option<String>,
    pub wikidata: Option<String>,
    pub since: Option<i32>,
    pub until: Option<i32>,
    #[serde(default)]
    pub shared_names: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GazetteerFile {
    #[serde(default)]
    entity: Vec<EntityRecord>,
}

/// Where the fields that later checks can reject are written, read in a
/// second pass over a file that already parsed, so that those errors point at
/// the value (`file:line:column`).
#[derive(Debug, Deserialize)]
struct SpanFile {
    #[serde(default)]
    entity: Vec<SpanRecord>,
}

#[derive(Debug, Deserialize)]
struct SpanRecord {
    id: toml::Spanned<String>,
    en: toml::Spanned<String>,
    ar: toml::Spanned<String>,
    capital: Option<toml::Spanned<String>>,
    capital_of: Option<toml::Spanned<String>>,
    leader_of: Option<toml::Spanned<String>>,
    wikidata: Option<toml::Spanned<String>>,
}

/// Where each checked field of one entity is written: byte offsets into the
/// file's text, turned into a line and column only for an error (doing it
/// for every entity would cost the square of the file's size).
#[derive(Debug, Clone, Copy)]
struct Positions<'a> {
    text: &'a str,
    id: usize,
    labels: usize,
    capital: usize,
    capital_of: usize,
    leader_of: usize,
    wikidata: usize,
}

impl<'a> Positions<'a> {
    fn of(text: &'a str, r: &SpanRecord) -> Positions<'a> {
        let at = |s: &toml::Spanned<String>| s.span().start;
        let opt = |s: &Option<toml::Spanned<String>>| s.as_ref().map_or(0, at);
        let labels = if r.en.get_ref().trim().is_empty() { at(&r.en) } else { at(&r.ar) };
        Positions {
            text,
            id: at(&r.id),
            labels,
            capital: opt(&r.capital),
            capital_of: opt(&r.capital_of),
            leader_of: opt(&r.leader_of),
            wikidata: opt(&r.wikidata),
        }
    }

    /// An error at one of the offsets above.
    fn error(&self, file: &str, offset: usize, message: String) -> OntologyError {
        let (line, column) = line_column(self.text, offset);
        OntologyError::new(file, line, column, message)
    }
}

/// A compiled entity.
#[derive(Debug, Clone)]
pub struct Entity {
    pub id: String,
    pub kind: EntityType,
    pub label_en: String,
    pub label_ar: String,
    pub wikidata: Option<String>,
    pub gender: Gender,
    /// For a capital city: the state it stands for.
    pub capital_of: Option<EntityId>,
    /// For a state: its capital city.
    pub capital: Option<EntityId>,
    /// For a person: the state or organisation they lead.
    pub leader_of: Option<EntityId>,
    /// For a person: normalised stems of the titles used with them.
    pub titles: Vec<String>,
    /// The leadership ended (the person is no longer the default holder of the role).
    pub former: bool,
}

/// How a name refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum NameForm {
    /// A proper name: `روسيا`, `فلاديمير بوتين`.
    Name,
    /// A nisba adjective: `الروسي`, `الكوري الشمالي`.
    Nisba,
    /// A nickname: `الدب الروسي`.
    Nickname,
}

/// One indexed name: the stems of its tokens.
#[derive(Debug, Clone)]
pub struct NameEntry {
    pub stems: Vec<String>,
    pub entity: EntityId,
    pub form: NameForm,
    /// Letters in the name (spaces excluded), for the typo rule.
    pub letters: usize,
}

/// The compiled gazetteer.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub entities: Vec<Entity>,
    by_id: HashMap<String, EntityId>,
    /// Names by the stem of their first token.
    names: HashMap<String, Vec<NameEntry>>,
    /// One-deletion variants of long names (joined with spaces) for typo matching.
    deletions: HashMap<String, Vec<usize>>,
    fuzzy_names: Vec<(String, NameEntry)>,
    /// Characters in the longest of `fuzzy_names`.
    longest_fuzzy_name: usize,
    /// Longest name, in tokens.
    pub max_name_tokens: usize,
}

impl Gazetteer {
    /// Compiles gazetteer files, adding every name word to `lexicon` so the
    /// tokenizer can split clitics off names.
    pub fn compile(files: &[SourceFile], lexicon: &mut Lexicon) -> Result<Gazetteer, OntologyError> {
        // Pass 1: parse every file.
        let mut records: Vec<(String, Positions, EntityRecord)> = Vec::new();
        for file in files {
            let parsed: GazetteerFile = toml::from_str(&file.text).map_err(|e| {
                let (line, column) = e.span().map_or((0, 0), |s| line_column(&file.text, s.start));
                OntologyError::new(&file.name, line, column, e.message().trim_end().to_string())
            })?;
            let spans: SpanFile = toml::from_str(&file.text).map_err(|e| OntologyError::new(&file.name, 0, 0, e.message().trim_end().to_string()))?;
            for (record, span) in parsed.entity.into_iter().zip(&spans.entity) {
                records.push((file.name.clone(), Positions::of(&file.text, span), record));
            }
        }
        let mut gazetteer = Gazetteer::default();
        for (file, at, r) in &records {
            if r.id.is_empty() || !r.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
                return Err(at.error(file, at.id, format!("entity id {:?}: expected [a-z0-9_]+", r.id)));
            }
            if r.en.trim().is_empty() || r.ar.trim().is_empty() {
                return Err(at.error(file, at.labels, format!("entity {}: expected non-empty `en` and `ar` labels", r.id)));
            }
            // The Wikidata id becomes an IRI: only `Q` and digits keep it valid.
            if let Some(q) = r.wikidata.as_ref().filter(|q| !is_wikidata_id(q)) {
                return Err(at.error(file, at.wikidata, format!("entity {}: wikidata {q:?}: expected an item id like \"Q42\"", r.id)));
            }
            if gazetteer.by_id.insert(r.id.clone(), gazetteer.entities.len()).is_some() {
                return Err(at.error(file, at.id, format!("entity id {:?} is defined twice", r.id)));
            }
            let gender = r.gender.unwrap_or_else(|| default_gender(r));
            gazetteer.entities.push(Entity {
                id: r.id.clone(),
                kind: r.kind,
                label_en: r.en.clone(),
                label_ar: r.ar.clone(),
                wikidata: r.wikidata.clone(),
                gender,
                capital_of: None,
                capital: None,
                leader_of: None,
                titles: Vec::new(),
                former: r.until.is_some(),
            });
        }
        // Pass 2: references between entities.
        for (index, (file, at, r)) in records.iter().enumerate() {
            let resolve = |field: &str, id: &Option<String>, offset: usize| -> Result<Option<EntityId>, OntologyError> {
                match id {
                    None => Ok(None),
                    Some(id) => gazetteer.by_id.get(id).copied().map(Some).ok_or_else(|| {
                        at.error(file, offset, format!("entity {}: `{field}` names unknown entity {id:?}: expected the id of an entity in the gazetteer", r.id))
                    }),
                }
            };
            let capital_of = resolve("capital_of", &r.capital_of, at.capital_of)?;
            let leader_of = resolve("leader_of", &r.leader_of, at.leader_of)?;
            let capital = resolve("capital", &r.capital, at.capital)?;
            gazetteer.entities[index].capital_of = capital_of;
            gazetteer.entities[index].capital = capital;
            gazetteer.entities[index].leader_of = leader_of;
        }
        // Pass 3: names. Words first go into the lexicon, so that names are
        // tokenised exactly as running text will be.
        let mut all_names: Vec<(EntityId, NameForm, String)> = Vec::new();
        for (index, (_, _, r)) in records.iter().enumerate() {
            let mut push = |form, text: &String| all_names.push((index, form, normalize_str(text)));
            push(NameForm::Name, &r.ar);
            r.names_ar.iter().for_each(|n| push(NameForm::Name, n));
            r.names_en.iter().for_each(|n| push(NameForm::Name, n));
            push(NameForm::Name, &r.en);
            r.nisba_ar.iter().for_each(|n| push(NameForm::Nisba, n));
            r.nisba_en.iter().for_each(|n| push(NameForm::Nisba, n));
            r.nicknames_ar.iter().for_each(|n| push(NameForm::Nickname, n));
        }
        let mut variants = Vec::new();
        for (entity, form, name) in &all_names {
            for v in spelling_variants(name) {
                variants.push((*entity, *form, v));
            }
        }
        all_names.extend(variants);
        for (_, _, name) in &all_names {
            for word in name.split_whitespace() {
                lexicon.insert(word);
            }
        }
        for (index, (_, _, r)) in records.iter().enumerate() {
            gazetteer.entities[index].titles = r
                .titles_ar
                .iter()
                .map(|t| name_stems(&normalize_str(t), lexicon).join(" "))
                .collect();
            for t in &r.titles_ar {
                for w in normalize_str(t).split_whitespace() {
                    lexicon.insert(w);
                }
            }
        }
        let mut seen: BTreeMap<(Vec<String>, NameForm), EntityId> = BTreeMap::new();
        for (entity, form, name) in all_names {
            let stems = name_stems(&name, lexicon);
            if stems.is_empty() {
                continue;
            }
            if seen.insert((stems.clone(), form), entity).is_some_and(|other| other != entity) {
                // Declared ambiguity keeps the first entity; the gazetteer
                // test reports undeclared ones.
                continue;
            }
            let letters = stems.iter().map(|s| s.chars().count()).sum();
            let entry = NameEntry { stems: stems.clone(), entity, form, letters };
            gazetteer.max_name_tokens = gazetteer.max_name_tokens.max(stems.len());
            if form == NameForm::Name && letters >= 6 && stems.iter().all(|s| s.chars().all(crate::normalize::is_arabic_letter)) {
                let joined = stems.join(" ");
                let slot = gazetteer.fuzzy_names.len();
                gazetteer.longest_fuzzy_name = gazetteer.longest_fuzzy_name.max(joined.chars().count());
                for d in deletion_variants(&joined) {
                    gazetteer.deletions.entry(d).or_default().push(slot);
                }
                gazetteer.deletions.entry(joined.clone()).or_default().push(slot);
                gazetteer.fuzzy_names.push((joined, entry.clone()));
            }
            gazetteer.names.entry(stems[0].clone()).or_default().push(entry);
        }
        for entries in gazetteer.names.values_mut() {
            // Longest first, so the first full match is the longest one.
            entries.sort_by(|a, b| b.stems.len().cmp(&a.stems.len()));
        }
        Ok(gazetteer)
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<EntityId> {
        self.by_id.get(id).copied()
    }

    /// Names whose first token has this stem, longest first.
    pub fn names_starting_with(&self, stem: &str) -> &[NameEntry] {
        self.names.get(stem).map_or(&[], Vec::as_slice)
    }

    /// Names within one edit (insertion, deletion, substitution or swap of
    /// neighbours) of `text`, among names of six letters or more.
    pub fn fuzzy_candidates(&self, text: &str) -> Vec<&NameEntry> {
        // One edit changes the length by one at most. Checking the length
        // first also keeps a very long word from costing the square of its
        // length in deletion variants.
        if text.chars().count() > self.longest_fuzzy_name + 1 {
            return Vec::new();
        }
        let mut slots: Vec<usize> = Vec::new();
        let mut keys = deletion_variants(text);
        keys.push(text.to_string());
        for k in keys {
            if let Some(s) = self.deletions.get(&k) {
                slots.extend(s);
            }
        }
        slots.sort_unstable();
        slots.dedup();
        slots
            .into_iter()
            .filter(|&s| damerau_at_most_one(&self.fuzzy_names[s].0, text))
            .map(|s| &self.fuzzy_names[s].1)
            .collect()
    }

    /// The state a mention of this entity stands for when it acts: a capital
    /// stands for its country; anything else for itself.
    pub fn state_of(&self, entity: EntityId) -> EntityId {
        self.entities[entity].capital_of.unwrap_or(entity)
    }

    /// All names as (stems, entity, form), for checks and tools.
    pub fn all_names(&self) -> impl Iterator<Item = &NameEntry> {
        self.names.values().flatten()
    }
}

/// The stems a name tokenises to (clitic tokens included, punctuation dropped).
pub fn name_stems(name: &str, lexicon: &Lexicon) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    tokenize(&chars, 0, chars.len(), lexicon)
        .into_iter()
        .filter(|t: &Token| t.kind != TokenKind::Punct || t.form == "-")
        .filter(|t| t.form != "-")
        .map(|t| t.stem)
        .collect()
}

/// ج/غ/ك spelling variants of transliterated names.
fn spelling_variants(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    if name.contains('غ') {
        out.push(name.replace('غ', "ج"));
        out.push(name.replace('غ', "ك"));
    }
    if name.contains('ج') {
        out.push(name.replace('ج', "غ"));
    }
    out.retain(|v| v != name);
    out
}

fn deletion_variants(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .filter(|&i| chars[i] != ' ')
        .map(|i| chars[..i].iter().chain(&chars[i + 1..]).collect())
        .collect()
}

/// True when `a` and `b` are at most one edit apart (optimal string
/// alignment: insertion, deletion, substitution, adjacent swap).
pub fn damerau_at_most_one(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b {
        return true;
    }
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    if n == m {
        // substitution or swap
        ra[1..] == rb[1..] || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
    } else if n > m {
        ra[1..] == *rb
    } else {
        *ra == rb[1..]
    }
}

/// Arabic gender when the gazetteer does not say: persons masculine; states,
/// cities and regions feminine; an organisation takes the gender of the
/// first word of its name (`مجموعة السبع`, `الأمم المتحدة` are feminine,
/// `حلف الناتو` masculine).
fn default_gender(r: &EntityRecord) -> Gender {
    match r.kind {
        EntityType::Person => Gender::Masculine,
        EntityType::Organization => {
            let first = normalize_str(r.ar.split_whitespace().next().unwrap_or(""));
            if first.ends_with('ة') || first.ends_with('ه') || first == "الامم" || first == "امم" {
                Gender::Feminine
            } else {
                Gender::Masculine
            }
        }
        _ => Gender::Feminine,
    }
}

fn is_wikidata_id(q: &str) -> bool {
    q.strip_prefix('Q').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Stems of a single word: for a nisba written with the article, the article
/// is not part of the name.
pub fn word_stem(word: &str) -> &str {
    strip_article(word).1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_apart() {
        assert!(damerau_at_most_one("بيونغ يانغ", "بوينغ يانغ"));
        assert!(damerau_at_most_one("اسراءيل", "اسرايل"));
        assert!(!damerau_at_most_one("روسيا", "تونس"));
    }

    #[test]
    fn unknown_keys_and_dangling_references_are_reported_with_their_file() {
        let bad = SourceFile { name: "g.toml".into(), text: "[[entity]]\nid = \"x\"\ntype = \"Country\"\nen = \"X\"\nar = \"س\"\ncolour = 1\n".into() };
        let err = Gazetteer::compile(&[bad], &mut Lexicon::default()).unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("g.toml", 6), "{err}");
        let dangling = SourceFile { name: "h.toml".into(), text: "[[entity]]\nid = \"x\"\ntype = \"City\"\nen = \"X\"\nar = \"س\"\ncapital_of = \"nowhere\"\n".into() };
        let err = Gazetteer::compile(&[dangling], &mut Lexicon::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "h.toml:6:14: entity x: `capital_of` names unknown entity \"nowhere\": expected the id of an entity in the gazetteer"
        );
    }
}

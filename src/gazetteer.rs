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

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

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
    pub nisba_ar_in_context: Vec<String>,
    #[serde(default)]
    pub nicknames_ar: Vec<String>,
    pub capital: Option<String>,
    pub capital_of: Option<String>,
    pub leader_of: Option<String>,
    pub serves: Option<String>,
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
    serves: Option<toml::Spanned<String>>,
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
    serves: usize,
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
            serves: opt(&r.serves),
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
    /// For a person: the state or organisation they serve in an office that
    /// does not lead it (a foreign minister, an envoy, a head of
    /// intelligence). Their titles name the office: `نظيره الإيراني` after a
    /// foreign minister is the person who serves Iran as foreign minister.
    pub serves: Option<EntityId>,
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
    /// A nisba that is an ordinary word too (`المالي` "financial", `القمري`
    /// "lunar"): the state only right after a head noun of
    /// `@name.nisba-head` (`الرئيس المالي`); see `nisba_ar_in_context`.
    ContextNisba,
}

/// One indexed name: the stems of its tokens.
#[derive(Debug, Clone)]
pub struct NameEntry {
    pub stems: Vec<String>,
    pub entity: EntityId,
    pub form: NameForm,
    /// Letters in the name (spaces excluded), for the typo rule.
    pub letters: usize,
    /// A proper name written without the article (`مالي`, `روسيا`): a word
    /// with the article (`المالي`, "the financial") is not that name.
    pub bare: bool,
}

/// The compiled gazetteer.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub entities: Vec<Entity>,
    by_id: HashMap<String, EntityId>,
    /// Names by the stem of their first token.
    names: FxHashMap<String, Vec<NameEntry>>,
    /// Long names by their one-deletion variants, for typo matching.
    fuzzy: FuzzyIndex,
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
                serves: None,
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
            let serves = resolve("serves", &r.serves, at.serves)?;
            let capital = resolve("capital", &r.capital, at.capital)?;
            gazetteer.entities[index].capital_of = capital_of;
            gazetteer.entities[index].capital = capital;
            gazetteer.entities[index].leader_of = leader_of;
            gazetteer.entities[index].serves = serves;
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
            r.nisba_ar_in_context.iter().for_each(|n| push(NameForm::ContextNisba, n));
            r.nicknames_ar.iter().for_each(|n| push(NameForm::Nickname, n));
        }
        let mut variants = Vec::new();
        for (entity, form, name) in &all_names {
            for v in spelling_variants(name) {
                variants.push((*entity, *form, v));
            }
        }
        all_names.extend(variants);
        // Most words recur (`جمهورية`, nisba endings, variants): each is
        // inserted once, since inserting folds and copies it first.
        let mut inserted: FxHashSet<&str> = FxHashSet::default();
        for (_, _, name) in &all_names {
            for word in name.split_whitespace() {
                if inserted.insert(word) {
                    lexicon.insert(word);
                }
            }
        }
        drop(inserted);
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
        // Only asked "which entity had these stems first": a hash map will do.
        let mut seen: FxHashMap<(Vec<String>, NameForm), EntityId> = FxHashMap::default();
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
            let bare = form == NameForm::Name && !name.starts_with("ال");
            let entry = NameEntry { stems: stems.clone(), entity, form, letters, bare };
            gazetteer.max_name_tokens = gazetteer.max_name_tokens.max(stems.len());
            if form == NameForm::Name && letters >= 6 && stems.iter().all(|s| s.chars().all(crate::normalize::is_arabic_letter)) {
                gazetteer.fuzzy.insert(stems.join(" "), entry.clone());
            }
            gazetteer.names.entry(stems[0].clone()).or_default().push(entry);
        }
        for entries in gazetteer.names.values_mut() {
            // Longest first, so the first full match is the longest one.
            entries.sort_by_key(|e| std::cmp::Reverse(e.stems.len()));
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
        self.fuzzy.candidates(text)
    }

    /// False when no name of `words.len()` tokens can be within one edit of
    /// `words` joined with blanks, so [`Gazetteer::fuzzy_candidates`] would
    /// find none of that length; true when one might be. A cheap test on the
    /// words' lengths and first and last words (see [`FuzzyIndex::may_match`]).
    pub fn fuzzy_may_match(&self, words: &[&str]) -> bool {
        self.fuzzy.may_match(words)
    }

    /// What [`Gazetteer::fuzzy_may_match`] reads of one word, to be kept
    /// for words that come again (see [`Gazetteer::fuzzy_may_match_words`]).
    pub fn fuzzy_word(&self, word: &str) -> FuzzyWord {
        self.fuzzy.word(word)
    }

    /// [`Gazetteer::fuzzy_may_match`] on words already read by
    /// [`Gazetteer::fuzzy_word`]: the same answer.
    pub fn fuzzy_may_match_words(&self, words: &[FuzzyWord]) -> bool {
        self.fuzzy.may_match_words(words)
    }

    /// The state a mention of this entity stands for when it acts: a capital
    /// stands for its country; anything else for itself.
    pub fn state_of(&self, entity: EntityId) -> EntityId {
        self.entities[entity].capital_of.unwrap_or(entity)
    }

    /// The current holder of an office of `entity` (a state or an
    /// organisation): a person who leads or serves it, is not a former
    /// holder, and whose titles include `title` (normalised stems, as in
    /// [`Entity::titles`]).
    pub fn office_holder(&self, entity: EntityId, title: &str) -> Option<EntityId> {
        self.entities.iter().position(|e| {
            e.kind == EntityType::Person
                && !e.former
                && (e.leader_of == Some(entity) || e.serves == Some(entity))
                && e.titles.iter().any(|t| t == title)
        })
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
        .filter(|t: &Token| t.kind != TokenKind::Punct || &*t.form == "-")
        .filter(|t| &*t.form != "-")
        .map(|t| t.stem().to_string())
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

/// Long names indexed by their one-deletion variants, for typo matching.
///
/// A name is found from a text within one edit of it when the two share a
/// key: the whole string, or the string with one (non-space) character
/// deleted. Keys are 64-bit hashes of those strings, all computed for a text
/// in time linear in its length without building the strings; a bit set in
/// front of the map answers most misses from cache. Every candidate is then
/// checked with [`damerau_at_most_one`], so a hash collision costs time,
/// never a wrong answer.
///
/// Most words of running text are near no name, and the mention finder asks
/// about every unknown word alone and with the words after it. Two cheaper
/// tests answer most of those questions first ([`FuzzyIndex::may_match`]):
/// the lengths of names by their number of words, and which words start and
/// end names of two words or more.
#[derive(Debug)]
struct FuzzyIndex {
    names: Vec<(String, NameEntry)>,
    keys: FxHashMap<u64, Vec<u32>>,
    /// Bit `key >> (64 - FILTER_BITS)` is set for every key in `keys`.
    filter: Vec<u64>,
    /// `lengths[n]`: some name has `n` characters.
    lengths: Vec<bool>,
    /// `lengths_by_words[w][n]`: some name of `w` words has `n` characters
    /// (blanks included).
    lengths_by_words: Vec<Vec<bool>>,
    /// For each word that starts or ends a name of several words: bit
    /// `FIRST << w` when it is the first word of a name of `w` words, bit
    /// `LAST << w` when it is the last.
    edge_words: FxHashMap<String, u16>,
}

const FILTER_BITS: u32 = 20;

/// What the typo index's cheap test reads of one word: its length in
/// characters, and whether it (or it less its last or first character)
/// starts or ends a name of several words. See [`Gazetteer::fuzzy_word`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FuzzyWord {
    letters: usize,
    /// Bits of [`FuzzyIndex::edge_words`] for the word.
    edges: u16,
    /// `FIRST << 2` when the word less its last character starts a name of
    /// two words; `LAST << 2` when the word less its first ends one.
    trimmed: u16,
}

/// Bits of [`FuzzyIndex::edge_words`]: names of up to eight words.
const FIRST: u16 = 1;
const LAST: u16 = 1 << 8;
const MAX_EDGE_WORDS: usize = 7;

impl Default for FuzzyIndex {
    fn default() -> FuzzyIndex {
        FuzzyIndex {
            names: Vec::new(),
            keys: FxHashMap::default(),
            filter: vec![0; 1 << (FILTER_BITS - 6)],
            lengths: Vec::new(),
            lengths_by_words: Vec::new(),
            edge_words: FxHashMap::default(),
        }
    }
}

impl FuzzyIndex {
    fn insert(&mut self, joined: String, entry: NameEntry) {
        let slot = self.names.len() as u32;
        let chars: Vec<char> = joined.chars().collect();
        if self.lengths.len() <= chars.len() {
            self.lengths.resize(chars.len() + 1, false);
        }
        self.lengths[chars.len()] = true;
        let words: Vec<&str> = joined.split(' ').collect();
        if self.lengths_by_words.len() <= words.len() {
            self.lengths_by_words.resize(words.len() + 1, Vec::new());
        }
        let by_length = &mut self.lengths_by_words[words.len()];
        if by_length.len() <= chars.len() {
            by_length.resize(chars.len() + 1, false);
        }
        by_length[chars.len()] = true;
        if (2..=MAX_EDGE_WORDS).contains(&words.len()) {
            *self.edge_words.entry(words[0].to_string()).or_default() |= FIRST << words.len();
            *self.edge_words.entry(words[words.len() - 1].to_string()).or_default() |= LAST << words.len();
        }
        let (keys, filter) = (&mut self.keys, &mut self.filter);
        variant_keys(&chars, |key| {
            let slots = keys.entry(key).or_default();
            if slots.last() != Some(&slot) {
                slots.push(slot);
            }
            let bit = key >> (64 - FILTER_BITS);
            filter[(bit >> 6) as usize] |= 1 << (bit & 63);
        });
        self.names.push((joined, entry));
    }

    /// False when no name of `words.len()` words is within one edit of
    /// `words` joined with blanks (and shares a key with it); true when one
    /// might be.
    ///
    /// A key never deletes a blank, so a name found has as many words as the
    /// text, and one edit changes one word, or two neighbours when a letter
    /// swaps places with the blank between them. The other words are equal:
    /// with three words or more, the first or the last word of the text is
    /// the first or last word of a name. With two, the first or the last is,
    /// or the swap moved a letter across the blank: the first word without
    /// its last letter is a first word, or the last without its first letter
    /// a last word. A single word needs a name of a length one edit away.
    fn may_match(&self, words: &[&str]) -> bool {
        match words {
            // One word: only its length is read.
            [word] => self.may_match_words(&[FuzzyWord { letters: word.chars().count(), ..FuzzyWord::default() }]),
            _ if words.len() > MAX_EDGE_WORDS => self.lengths_by_words.get(words.len()).is_some(),
            // Two words or more: only the first and the last are read.
            _ => {
                let mut read = [FuzzyWord::default(); MAX_EDGE_WORDS];
                let w = words.len();
                read[0] = self.word(words[0]);
                read[w - 1] = self.word(words[w - 1]);
                self.may_match_words(&read[..w])
            }
        }
    }

    /// What [`FuzzyIndex::may_match_words`] reads of a word.
    fn word(&self, word: &str) -> FuzzyWord {
        let bits = |word: &str| self.edge_words.get(word).copied().unwrap_or(0);
        let without_last = word.char_indices().next_back().map_or("", |(i, _)| &word[..i]);
        let without_first = word.chars().next().map_or("", |c| &word[c.len_utf8()..]);
        FuzzyWord {
            letters: word.chars().count(),
            edges: bits(word),
            trimmed: bits(without_last) & FIRST << 2 | bits(without_first) & LAST << 2,
        }
    }

    /// [`FuzzyIndex::may_match`] on words read by [`FuzzyIndex::word`].
    fn may_match_words(&self, words: &[FuzzyWord]) -> bool {
        let w = words.len();
        let Some(by_length) = self.lengths_by_words.get(w) else { return false };
        if w == 1 {
            let n = words[0].letters;
            return (n.saturating_sub(1)..=n + 1).any(|len| by_length.get(len) == Some(&true));
        }
        if w > MAX_EDGE_WORDS {
            return true;
        }
        let (first, last) = (words[0], words[w - 1]);
        if first.edges & FIRST << w != 0 || last.edges & LAST << w != 0 {
            return true;
        }
        w == 2 && (first.trimmed & FIRST << 2 != 0 || last.trimmed & LAST << 2 != 0)
    }

    fn candidates(&self, text: &str) -> Vec<&NameEntry> {
        // The characters of a short text (all words and most runs of
        // words) on the stack: this runs for many words of a sentence.
        let mut stack = ['\0'; 64];
        let heap: Vec<char>;
        let chars: &[char] = if text.len() <= stack.len() {
            let mut n = 0;
            for c in text.chars() {
                stack[n] = c;
                n += 1;
            }
            &stack[..n]
        } else {
            heap = text.chars().collect();
            &heap
        };
        // One edit changes the length by at most one.
        let n = chars.len();
        if !(n.saturating_sub(1)..=n + 1).any(|len| self.lengths.get(len) == Some(&true)) {
            return Vec::new();
        }
        let mut slots: Vec<u32> = Vec::new();
        variant_keys(chars, |key| {
            let bit = key >> (64 - FILTER_BITS);
            if self.filter[(bit >> 6) as usize] & (1 << (bit & 63)) != 0 {
                if let Some(s) = self.keys.get(&key) {
                    slots.extend(s);
                }
            }
        });
        slots.sort_unstable();
        slots.dedup();
        slots
            .into_iter()
            .map(|s| &self.names[s as usize])
            .filter(|(name, _)| damerau_at_most_one(name, text))
            .map(|(_, entry)| entry)
            .collect()
    }
}

/// Calls `f` with the key of `chars` and of each string made by deleting
/// one of its non-space characters. A key is a polynomial hash of the
/// characters, so the key of a deletion is the prefix's hash shifted past
/// the suffix plus the suffix's hash: linear time, no allocation for names
/// of up to 64 characters.
#[inline]
fn variant_keys(chars: &[char], mut f: impl FnMut(u64)) {
    const BASE: u64 = 0x0000_0100_0000_01b3;
    let mix = |c: char| (c as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let n = chars.len();
    let mut stack = [0u64; 65];
    let mut heap = Vec::new();
    let prefix: &mut [u64] = if n < stack.len() {
        &mut stack[..=n]
    } else {
        heap.resize(n + 1, 0);
        &mut heap
    };
    for (i, &c) in chars.iter().enumerate() {
        prefix[i + 1] = prefix[i].wrapping_mul(BASE).wrapping_add(mix(c));
    }
    let finish = |h: u64| (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    f(finish(prefix[n]));
    // From the right: `suffix` is the hash of chars[i + 1..], `power` is BASE^(n - 1 - i).
    let mut suffix = 0u64;
    let mut power = 1u64;
    for i in (0..n).rev() {
        if chars[i] != ' ' {
            f(finish(prefix[i].wrapping_mul(power).wrapping_add(suffix)));
        }
        suffix = mix(chars[i]).wrapping_mul(power).wrapping_add(suffix);
        power = power.wrapping_mul(BASE);
    }
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

    /// The keys of a text's deletions equal the keys of the deleted strings,
    /// which is what lets a name and a misspelling meet in the index.
    #[test]
    fn variant_keys_of_a_text_are_the_keys_of_its_variants() {
        let keys = |s: &str| {
            let mut out = Vec::new();
            variant_keys(&s.chars().collect::<Vec<_>>(), |k| out.push(k));
            out
        };
        let text = "بيونغ يانغ";
        let chars: Vec<char> = text.chars().collect();
        let mut expected = vec![keys(text)[0]];
        for i in (0..chars.len()).rev().filter(|&i| chars[i] != ' ') {
            let variant: String = chars[..i].iter().chain(&chars[i + 1..]).collect();
            expected.push(keys(&variant)[0]);
        }
        assert_eq!(keys(text), expected);
        let long: String = "ا".repeat(100);
        assert_eq!(keys(&long).len(), 101);
        assert_eq!(keys(&long)[1], keys(&"ا".repeat(99))[0]);
    }

    #[test]
    fn fuzzy_candidates_are_within_one_edit() {
        let mut index = FuzzyIndex::default();
        let entry = |entity| NameEntry { stems: vec![], entity, form: NameForm::Name, letters: 6, bare: false };
        index.insert("اسراءيل".into(), entry(1));
        index.insert("بيونغ يانغ".into(), entry(2));
        let found = |t: &str| index.candidates(t).iter().map(|e| e.entity).collect::<Vec<_>>();
        assert_eq!(found("اسرايل"), vec![1]);
        assert_eq!(found("اسراءييل"), vec![1]);
        assert_eq!(found("اسرءايل"), vec![1]);
        assert_eq!(found("بيونج يانغ"), vec![2]);
        assert_eq!(found("بوينغ يانغ"), vec![2]);
        assert!(found("اسرايلي ك").is_empty());
        assert!(found("روسيا").is_empty());
    }

    /// Every text one edit from a name (swaps across blanks included) that
    /// the full lookup finds passes the cheap test first.
    #[test]
    fn may_match_lets_through_every_text_the_lookup_finds() {
        let mut index = FuzzyIndex::default();
        let names = ["اسراءيل", "بيونغ يانغ", "ولايات متحده امريكيه", "كيم جونغ اون"];
        for (entity, name) in names.iter().enumerate() {
            let stems = name.split(' ').map(str::to_string).collect();
            index.insert(name.to_string(), NameEntry { stems, entity, form: NameForm::Name, letters: 6, bare: false });
        }
        let mut texts: Vec<String> = Vec::new();
        for name in names {
            let chars: Vec<char> = name.chars().collect();
            for i in 0..=chars.len() {
                let (before, after) = (&chars[..i], &chars[i..]);
                texts.push(before.iter().chain(&after[1.min(after.len())..]).collect());
                for c in ['ا', 'ي', ' '] {
                    texts.push(before.iter().chain(&[c]).chain(after).collect());
                    texts.push(before.iter().chain(&[c]).chain(&after[1.min(after.len())..]).collect());
                }
                if after.len() >= 2 {
                    texts.push(before.iter().chain(&[after[1], after[0]]).chain(&after[2..]).collect());
                }
            }
        }
        let mut found = 0;
        for text in &texts {
            let words: Vec<&str> = text.split(' ').collect();
            if words.iter().any(|w| w.is_empty()) {
                continue;
            }
            let hits = index.candidates(text).iter().filter(|e| e.stems.len() == words.len()).count();
            found += usize::from(hits > 0);
            assert!(hits == 0 || index.may_match(&words), "{text}: found, but ruled out");
        }
        assert!(found > 100, "only {found} texts found");
        assert!(!index.may_match(&["روسيا"]));
        assert!(!index.may_match(&["زار", "موسكو"]));
        assert!(index.may_match(&["بيونغ", "يانج"]));
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

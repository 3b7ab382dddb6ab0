//! Mentions: where a sentence names an entity of the gazetteer.
//!
//! The finder walks the tokens of a sentence and, at each word, tries the
//! gazetteer names that start with its stem; the longest name wins and
//! mentions never overlap. A word the lexicon does not know may still start a
//! name with one typo (names of six letters or more only, see
//! [`Gazetteer::fuzzy_candidates`]).
//!
//! Mentions found here name their entity directly (a name, a nisba adjective,
//! a nickname). Pronouns, `البلدين`, role nouns and titles are
//! [`crate::reference`]'s work, which rewrites this list.

use rustc_hash::FxHashMap;

use crate::gazetteer::{EntityId, FuzzyWord, Gazetteer, NameEntry, NameForm};
use crate::token::{letters_key, Lexicon, Token, TokenKind};

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A proper name.
    Name,
    /// A nisba adjective: `الروسي`.
    Nisba,
    /// A nickname: `الدب الروسي`.
    Nickname,
    /// A name written with one typo.
    Typo,
    /// A pronoun suffix: `زعيمها`, `لقائه`.
    Pronoun,
    /// A noun phrase that refers back: `البلدين`, `الأخيرة`, `بلاده`.
    Anaphor,
    /// A role noun standing for a person: `الرئيس الروسي`.
    Role,
    /// A title with a name: `الرئيس الروسي فلاديمير بوتين`, `رئيسها تو لام`.
    Titled,
}

impl MentionKind {
    pub fn name(self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Nisba => "nisba",
            MentionKind::Nickname => "nickname",
            MentionKind::Typo => "name with a typo",
            MentionKind::Pronoun => "pronoun",
            MentionKind::Anaphor => "anaphor",
            MentionKind::Role => "role noun",
            MentionKind::Titled => "title and name",
        }
    }
}

/// A span of tokens that refers to one or more entities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// First token (index into the sentence's tokens).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    pub kind: MentionKind,
    /// What the mention refers to: usually one entity; two for `البلدين`.
    pub entities: Vec<EntityId>,
    /// For a titled person: the state or organisation the title names
    /// (`الرئيس الروسي …` gives Russia).
    pub modifier: Option<EntityId>,
    /// For a titled person: the title is one of leadership.
    pub leader_title: bool,
    /// A nisba that is an ordinary word too: it stands only after a head
    /// noun that makes it the state's (reference resolution checks).
    pub needs_head: bool,
    /// An official the gazetteer does not name (`وزير الخارجية السعودي`
    /// when it knows no Saudi foreign minister, `نظيره الإيراني` after one):
    /// the mention's entity is the state they act for, and rule slots that
    /// take a person take it too.
    pub official: bool,
}

impl Mention {
    pub fn new(start: usize, end: usize, kind: MentionKind, entities: Vec<EntityId>) -> Mention {
        Mention { start, end, kind, entities, modifier: None, leader_title: false, needs_head: false, official: false }
    }
}

/// Finds the gazetteer's names in a sentence's tokens.
pub fn find_mentions(tokens: &[Token], gazetteer: &Gazetteer, lexicon: &Lexicon) -> Vec<Mention> {
    find_mentions_with(tokens, &mut StemMemo::new(gazetteer, lexicon))
}

/// [`find_mentions`] with what it asks about each word's stem taken from
/// `memo` when the stem was seen before: the mentions are the same.
pub fn find_mentions_with(tokens: &[Token], memo: &mut StemMemo) -> Vec<Mention> {
    let gazetteer = memo.gazetteer;
    let facts: Vec<Option<StemFacts>> = tokens.iter().map(|t| (t.kind == TokenKind::Word).then(|| memo.facts(t.stem()))).collect();
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(first) = facts[i] else {
            i += 1;
            continue;
        };
        if let Some(m) = longest_name(tokens, i, first.names).or_else(|| typo_name(tokens, i, gazetteer, &facts)) {
            i = m.end;
            mentions.push(m);
        } else {
            i += 1;
        }
    }
    mentions
}

/// What the finder asks about a word's stem; it depends only on the stem.
#[derive(Debug, Clone, Copy)]
struct StemFacts<'g> {
    /// The gazetteer's names that start with the stem.
    names: &'g [NameEntry],
    /// The lexicon knows the stem.
    known: bool,
    /// Three letters or more: a typo is looked for from here.
    three_letters: bool,
    /// What the typo index's cheap test reads of the stem.
    fuzzy: FuzzyWord,
    /// For a stem the lexicon does not know, the one entity with a name of
    /// one word one edit away, if exactly one.
    typo: Option<EntityId>,
}

/// What the mention finder has asked about the stems a thread has read
/// (names starting with the stem, whether the lexicon knows it, its one-word
/// typo correction), so that each distinct stem is looked up once.
///
/// Why: the answers depend only on the stem, the gazetteer and the lexicon,
/// and news repeats its words; the typo lookup alone hashes some thirty
/// variants of every unknown word. Nothing above a word is kept: names of
/// several words and their typos are looked for in each sentence.
///
/// Bound: at most [`StemMemo::CAPACITY`] stems of at most sixteen Arabic
/// letters (keyed by their letters packed in an integer; other stems are
/// looked up every time). When full it is emptied, so its memory (a few
/// megabytes) does not grow with the corpus.
#[derive(Debug)]
pub struct StemMemo<'g> {
    gazetteer: &'g Gazetteer,
    lexicon: &'g Lexicon,
    facts: FxHashMap<u128, StemFacts<'g>>,
}

impl<'g> StemMemo<'g> {
    /// The most stems kept.
    pub const CAPACITY: usize = 1 << 15;

    /// An empty memo for finding the names of `gazetteer`, with `lexicon`
    /// saying which words are known.
    pub fn new(gazetteer: &'g Gazetteer, lexicon: &'g Lexicon) -> StemMemo<'g> {
        StemMemo { gazetteer, lexicon, facts: FxHashMap::default() }
    }

    /// The gazetteer the memo was made for.
    pub fn gazetteer(&self) -> &'g Gazetteer {
        self.gazetteer
    }

    /// How many stems are kept.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    fn facts(&mut self, stem: &str) -> StemFacts<'g> {
        let Some(key) = letters_key(stem.chars()) else { return self.read(stem) };
        if let Some(facts) = self.facts.get(&key) {
            return *facts;
        }
        let facts = self.read(stem);
        if self.facts.len() >= Self::CAPACITY {
            self.facts.clear();
        }
        self.facts.insert(key, facts);
        facts
    }

    fn read(&self, stem: &str) -> StemFacts<'g> {
        let gazetteer = self.gazetteer;
        let known = self.lexicon.contains(stem);
        let three_letters = stem.chars().nth(2).is_some();
        let fuzzy = gazetteer.fuzzy_word(stem);
        // A correction is only looked for where a word is unknown: known
        // words already matched, or are ordinary words.
        let typo = if !known && three_letters && gazetteer.fuzzy_may_match_words(&[fuzzy]) { only_entity(&gazetteer.fuzzy_candidates(stem), 1) } else { None };
        StemFacts { names: gazetteer.names_starting_with(stem), known, three_letters, fuzzy, typo }
    }
}

/// The one entity among the candidates' names of `n` words, if exactly one:
/// only an unambiguous correction is taken.
fn only_entity(candidates: &[&NameEntry], n: usize) -> Option<EntityId> {
    let mut entities: Vec<EntityId> = candidates.iter().filter(|c| c.stems.len() == n).map(|c| c.entity).collect();
    entities.sort_unstable();
    entities.dedup();
    match entities[..] {
        [entity] => Some(entity),
        _ => None,
    }
}

fn longest_name(tokens: &[Token], i: usize, names: &[NameEntry]) -> Option<Mention> {
    for entry in names {
        let n = entry.stems.len();
        if i + n > tokens.len() {
            continue;
        }
        if entry.bare && tokens[i].article {
            continue;
        }
        if entry.stems.iter().zip(&tokens[i..i + n]).all(|(s, t)| *s == t.stem() && t.kind != TokenKind::Punct) {
            let kind = match entry.form {
                NameForm::Name => MentionKind::Name,
                NameForm::Nisba | NameForm::ContextNisba => MentionKind::Nisba,
                NameForm::Nickname => MentionKind::Nickname,
            };
            let mut mention = Mention::new(i, i + n, kind, vec![entry.entity]);
            mention.needs_head = entry.form == NameForm::ContextNisba;
            return Some(mention);
        }
    }
    None
}

/// A word the lexicon does not know, alone or with the next words, that is
/// one edit from a long name. `facts[k]` is what is known of token `k`'s
/// stem (`None` for a token that is not a word).
fn typo_name(tokens: &[Token], i: usize, gazetteer: &Gazetteer, facts: &[Option<StemFacts>]) -> Option<Mention> {
    if !facts[i]?.three_letters {
        return None;
    }
    let mut words: [&str; 4] = [""; 4];
    let mut read = [FuzzyWord::default(); 4];
    let mut best: Option<Mention> = None;
    // A correction is only looked for where a word is unknown: known words
    // already matched, or are ordinary words.
    let mut unknown = false;
    for n in 1..=gazetteer.max_name_tokens.min(4) {
        let Some(f) = facts.get(i + n - 1).copied().flatten() else { break };
        unknown |= !f.known;
        if n == 1 {
            // The one-word correction depends on the word alone.
            best = f.typo.map(|entity| Mention::new(i, i + 1, MentionKind::Typo, vec![entity]));
            words[0] = tokens[i].stem();
            read[0] = f.fuzzy;
            continue;
        }
        words[n - 1] = tokens[i + n - 1].stem();
        read[n - 1] = f.fuzzy;
        // The full lookup only where a name of n words could be this near.
        if !unknown || !gazetteer.fuzzy_may_match_words(&read[..n]) {
            continue;
        }
        if let Some(entity) = only_entity(&gazetteer.fuzzy_candidates(&words[..n].join(" ")), n) {
            best = Some(Mention::new(i, i + n, MentionKind::Typo, vec![entity]));
        }
    }
    best
}

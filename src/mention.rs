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

use crate::gazetteer::{EntityId, Gazetteer, NameForm};
use crate::token::{Lexicon, Token, TokenKind};

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
    let mut mentions = Vec::new();
    // Whether each token's stem is a word of the lexicon, looked up once: the
    // typo search asks about a word from up to four starting positions.
    let mut known: Vec<Option<bool>> = vec![None; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].kind != TokenKind::Word {
            i += 1;
            continue;
        }
        if let Some(m) = longest_name(tokens, i, gazetteer).or_else(|| typo_name(tokens, i, gazetteer, lexicon, &mut known)) {
            i = m.end;
            mentions.push(m);
        } else {
            i += 1;
        }
    }
    mentions
}

fn longest_name(tokens: &[Token], i: usize, gazetteer: &Gazetteer) -> Option<Mention> {
    for entry in gazetteer.names_starting_with(tokens[i].stem()) {
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
/// one edit from a long name. `known[k]` caches whether token `k`'s stem is
/// in the lexicon.
fn typo_name(tokens: &[Token], i: usize, gazetteer: &Gazetteer, lexicon: &Lexicon, known: &mut [Option<bool>]) -> Option<Mention> {
    // Three letters or more.
    tokens[i].stem().chars().nth(2)?;
    let mut words: [&str; 4] = [""; 4];
    let mut best: Option<Mention> = None;
    // A correction is only looked for where a word is unknown: known words
    // already matched, or are ordinary words.
    let mut unknown = false;
    for n in 1..=gazetteer.max_name_tokens.min(4) {
        let Some(t) = tokens.get(i + n - 1).filter(|t| t.kind == TokenKind::Word) else { break };
        unknown |= !*known[i + n - 1].get_or_insert_with(|| lexicon.contains(t.stem()));
        words[n - 1] = t.stem();
        // The full lookup only where a name of n words could be this near.
        if !unknown || !gazetteer.fuzzy_may_match(&words[..n]) {
            continue;
        }
        let candidates = gazetteer.fuzzy_candidates(&words[..n].join(" "));
        // Only an unambiguous correction is taken.
        let mut entities: Vec<EntityId> = candidates.iter().filter(|c| c.stems.len() == n).map(|c| c.entity).collect();
        entities.sort_unstable();
        entities.dedup();
        if entities.len() == 1 {
            best = Some(Mention::new(i, i + n, MentionKind::Typo, entities));
        }
    }
    best
}

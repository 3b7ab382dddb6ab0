//! Word classes indexed by their first word, for matching at every token.
//!
//! A word class (`@title.leader`, `@preposition`, ...) is a list of entries,
//! each a sequence of literals. Reference resolution, cue detection and the
//! matcher ask, at nearly every token of every sentence, which entries of
//! some twenty classes start there. Scanning every entry for that was a fifth
//! of the extraction time, although almost every entry fails on its first
//! word. [`ClassEntries`] keeps a class's entries with an index from the
//! exact stem of their first word to the entries that start with it, so a
//! lookup costs one hash of the token's stem; only entries whose first word
//! is a prefix or suffix pattern (`word*`, `*word`) are still tried one by one.
//!
//! The index changes no result: it only skips entries whose first literal
//! cannot match the token. What a match means (plain tokens, punctuation,
//! units of the matcher) stays with the callers:
//! [`crate::reference::match_entries`] and [`crate::matcher`].

use std::ops::Deref;

use rustc_hash::FxHashMap;

use crate::rules::Literal;

/// A word class's entries with an index by the stem of their first word.
#[derive(Debug, Clone, Default)]
pub struct ClassEntries {
    entries: Vec<Vec<Literal>>,
    /// Exact first stem → indices of the entries starting with it.
    by_first_stem: FxHashMap<Box<str>, Vec<u32>>,
    /// Entries whose first literal is a prefix or suffix pattern, or that
    /// are empty: tried at every token.
    unindexed: Vec<u32>,
    /// Bit [`filter_bit`] of every key of `by_first_stem`: most stems are
    /// rejected here, without hashing them.
    filter: [u64; 4],
}

/// A stem's bit in [`ClassEntries::filter`]: its length and last byte
/// (Arabic letters share their first byte, not their last).
#[inline]
fn filter_bit(stem: &str) -> usize {
    (stem.len().wrapping_mul(31) + stem.as_bytes().last().map_or(0, |&b| b as usize)) & 255
}

impl From<Vec<Vec<Literal>>> for ClassEntries {
    fn from(entries: Vec<Vec<Literal>>) -> ClassEntries {
        let mut by_first_stem: FxHashMap<Box<str>, Vec<u32>> = FxHashMap::default();
        let mut unindexed = Vec::new();
        let mut filter = [0u64; 4];
        for (i, entry) in entries.iter().enumerate() {
            match entry.first() {
                Some(l) if !l.prefix && !l.suffix => {
                    let bit = filter_bit(&l.stem);
                    filter[bit >> 6] |= 1 << (bit & 63);
                    by_first_stem.entry(l.stem.as_str().into()).or_default().push(i as u32);
                }
                _ => unindexed.push(i as u32),
            }
        }
        ClassEntries { entries, by_first_stem, unindexed, filter }
    }
}

impl ClassEntries {
    /// The entries whose first literal may match a token with this stem
    /// (`None`: no token there, or one that cannot start an entry), in no
    /// particular order. Entries are not checked beyond their first literal,
    /// except that an empty entry is always among them.
    #[inline]
    pub fn starting_with<'a>(&'a self, stem: Option<&'a str>) -> impl Iterator<Item = &'a [Literal]> + 'a {
        let indexed: &[u32] = match stem {
            Some(s) if self.may_start(s) => self.by_first_stem.get(s).map_or(&[], Vec::as_slice),
            _ => &[],
        };
        let unindexed = self.unindexed.iter().filter(move |&&i| match (self.entries[i as usize].first(), stem) {
            (None, _) => true,
            (Some(l), Some(s)) => l.matches(s),
            (Some(_), None) => false,
        });
        indexed.iter().chain(unindexed).map(move |&i| self.entries[i as usize].as_slice())
    }

    /// False when no indexed entry starts with this stem (true may be wrong).
    #[inline]
    fn may_start(&self, stem: &str) -> bool {
        let bit = filter_bit(stem);
        self.filter[bit >> 6] & (1 << (bit & 63)) != 0
    }
}

/// A list of class entries that can name the ones that may start at a token.
/// Implemented for plain lists (every entry is a candidate) and for
/// [`ClassEntries`] (the index picks the candidates).
pub trait Entries {
    /// Calls `f` with each entry whose first literal may match a token with
    /// this stem, and with every empty entry.
    fn each_starting_with(&self, stem: Option<&str>, f: impl FnMut(&[Literal]));
}

impl Entries for [Vec<Literal>] {
    fn each_starting_with(&self, _stem: Option<&str>, mut f: impl FnMut(&[Literal])) {
        self.iter().for_each(|e| f(e));
    }
}

impl Entries for Vec<Vec<Literal>> {
    fn each_starting_with(&self, stem: Option<&str>, f: impl FnMut(&[Literal])) {
        self.as_slice().each_starting_with(stem, f)
    }
}

impl Entries for ClassEntries {
    #[inline]
    fn each_starting_with(&self, stem: Option<&str>, mut f: impl FnMut(&[Literal])) {
        // The same entries as `starting_with`, in plain loops: this runs
        // for some twenty classes at every token.
        if let Some(s) = stem.filter(|s| self.may_start(s)) {
            if let Some(list) = self.by_first_stem.get(s) {
                list.iter().for_each(|&i| f(&self.entries[i as usize]));
            }
        }
        for &i in &self.unindexed {
            let entry = &self.entries[i as usize];
            let may = match (entry.first(), stem) {
                (None, _) => true,
                (Some(l), Some(s)) => l.matches(s),
                (Some(_), None) => false,
            };
            if may {
                f(entry);
            }
        }
    }
}

/// The entries themselves, for code that reads them in order.
impl Deref for ClassEntries {
    type Target = [Vec<Literal>];

    fn deref(&self) -> &[Vec<Literal>] {
        &self.entries
    }
}

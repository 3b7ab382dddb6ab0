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
//! Even one hash per class and token adds up: [`ClassStarts`] works out,
//! with one lookup per token of a sentence, which of all the rule set's
//! classes (and the rules' anchor words, see [`FirstWords`]) may start
//! there, so most questions are answered by a bit test. The rule
//! prefilter, the matcher's start positions and reference resolution's
//! skipping of plain tokens all read it.
//!
//! The indexes change no result: they only skip entries whose first
//! literal cannot match the token. What a match means (plain tokens,
//! punctuation, units of the matcher) stays with the callers:
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
    /// The class's number in its rule set, when it is one: lets
    /// [`ClassStarts`] rule it out at a token with one bit test.
    class: Option<u32>,
    /// Every entry is one exact word: an entry starts at a token exactly
    /// when it matches there, one token long.
    one_word: bool,
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
        let one_word = unindexed.is_empty() && entries.iter().all(|e| e.len() == 1);
        ClassEntries { entries, by_first_stem, unindexed, filter, class: None, one_word }
    }
}

impl ClassEntries {
    /// The entries of class number `class` of a rule set.
    pub fn of_class(class: usize, entries: Vec<Vec<Literal>>) -> ClassEntries {
        ClassEntries { class: Some(class as u32), ..ClassEntries::from(entries) }
    }

    /// True when every entry is one exact word (see [`ClassStarts`]: then
    /// the class matches at a token, one token long, exactly where it may
    /// start).
    #[inline]
    pub fn one_word(&self) -> bool {
        self.one_word
    }

    /// The class's number in its rule set, if it was built with one.
    #[inline]
    pub fn class(&self) -> Option<usize> {
        self.class.map(|c| c as usize)
    }

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

/// For every class of a rule set, the exact words its entries start with,
/// and the rule set's anchor words (bits after the classes'): built once,
/// read at every token by [`ClassStarts::new`].
#[derive(Debug, Clone, Default)]
pub struct FirstWords {
    /// `u64` words per set of classes.
    width: usize,
    /// The distinct sets of classes a token can start; set 0 holds the
    /// classes that start anywhere (an entry whose first literal is a
    /// pattern, or an empty entry), and every other set includes them.
    sets: Vec<Box<[u64]>>,
    /// Exact first word → its set in `sets`.
    by_stem: FxHashMap<Box<str>, u32>,
    /// Bit [`filter_bit`] of every key of `by_stem`: most words are
    /// rejected here, without hashing them.
    filter: [u64; 4],
}

impl FirstWords {
    /// Indexes classes numbered by their position in `classes`, and words
    /// numbered from `classes.len()` on.
    pub fn new(classes: &[ClassEntries], words: &[String]) -> FirstWords {
        let width = (classes.len() + words.len()).div_ceil(64).max(1);
        let mut anywhere = vec![0u64; width].into_boxed_slice();
        let mut members: std::collections::BTreeMap<Box<str>, Vec<usize>> = std::collections::BTreeMap::new();
        for (c, class) in classes.iter().enumerate() {
            if !class.unindexed.is_empty() {
                anywhere[c / 64] |= 1u64 << (c % 64);
            }
            for stem in class.by_first_stem.keys() {
                members.entry(stem.clone()).or_default().push(c);
            }
        }
        for (k, stem) in words.iter().enumerate() {
            members.entry(stem.as_str().into()).or_default().push(classes.len() + k);
        }
        let mut sets = vec![anywhere.clone()];
        let mut numbered: FxHashMap<Box<[u64]>, usize> = FxHashMap::default();
        numbered.insert(anywhere.clone(), 0);
        let mut by_stem = FxHashMap::default();
        let mut filter = [0u64; 4];
        for (stem, numbers) in members {
            let mut set = anywhere.clone();
            numbers.iter().for_each(|&n| set[n / 64] |= 1u64 << (n % 64));
            let index = *numbered.entry(set.clone()).or_insert_with(|| {
                sets.push(set);
                sets.len() - 1
            });
            let bit = filter_bit(&stem);
            filter[bit >> 6] |= 1 << (bit & 63);
            by_stem.insert(stem, index as u32);
        }
        FirstWords { width, sets, by_stem, filter }
    }

    /// The distinct sets of classes a token can start, by number; set 0 is
    /// that of a token whose word begins nothing (the classes that start
    /// anywhere).
    pub fn sets(&self) -> &[Box<[u64]>] {
        &self.sets
    }

    /// The set of the classes that may start at a token with this word.
    #[inline]
    fn set_index(&self, stem: &str) -> u32 {
        let bit = filter_bit(stem);
        if self.filter[bit >> 6] & (1 << (bit & 63)) == 0 {
            return 0;
        }
        self.by_stem.get(stem).copied().unwrap_or(0)
    }

    /// The set of these classes (by number), for [`ClassStarts::any_starts`].
    pub fn set_of(&self, classes: &[usize]) -> ClassSet {
        let mut words = vec![0u64; self.width];
        classes.iter().for_each(|&c| words[c / 64] |= 1 << (c % 64));
        ClassSet { words: words.into_iter().enumerate().filter(|&(_, w)| w != 0).collect() }
    }
}

/// A set of classes (and anchor words) by number, kept as its non-zero
/// 64-bit words: most sets touch one or two of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClassSet {
    words: Vec<(usize, u64)>,
}

impl ClassSet {
    /// True when the set shares a member with the set of classes at
    /// number `set` of `first_words`.
    pub fn meets(&self, first_words: &FirstWords, set: usize) -> bool {
        self.intersects(&first_words.sets[set])
    }

    /// True when the set shares a member with `bits` (a whole set, as from
    /// [`ClassStarts::anywhere_in_sentence`]).
    #[inline]
    pub fn intersects(&self, bits: &[u64]) -> bool {
        self.words.iter().any(|&(k, w)| bits[k] & w != 0)
    }
}

/// Which classes may start at each token of one sentence, worked out with
/// one lookup per token. Reference resolution, the matcher and the cue
/// scans ask "does an entry of class C start at token i?" some seven
/// hundred times per sentence, for twenty-odd classes, and almost always
/// the answer is no: a bit test answers those, and only the classes whose
/// first word is the token's are matched entry by entry.
///
/// Like [`ClassEntries`]' own index it only rules out: a set bit means an
/// entry's first word is the token's stem (or the class has a pattern or an
/// empty entry), not that a whole entry matches.
#[derive(Debug, Clone)]
pub struct ClassStarts<'a> {
    first_words: &'a FirstWords,
    /// Per token: its set in `first_words.sets`.
    sets: Vec<u32>,
}

impl<'a> ClassStarts<'a> {
    pub fn new(first_words: &'a FirstWords, tokens: &[crate::token::Token]) -> ClassStarts<'a> {
        ClassStarts { first_words, sets: tokens.iter().map(|t| first_words.set_index(t.stem())).collect() }
    }

    /// The classes that may start at token `i` (those that start anywhere
    /// past the last token).
    #[inline]
    fn at(&self, i: usize) -> &[u64] {
        &self.first_words.sets[self.sets.get(i).map_or(0, |&s| s as usize)]
    }

    /// The classes that may start anywhere.
    #[inline]
    fn anywhere(&self) -> &[u64] {
        &self.first_words.sets[0]
    }

    /// False when no entry of class number `class` can start at token `i`.
    #[inline]
    pub fn may_start(&self, class: usize, i: usize) -> bool {
        self.at(i)[class / 64] & (1u64 << (class % 64)) != 0
    }

    /// True when one of the classes of `set` (made by [`FirstWords::set_of`])
    /// may start at token `i`.
    #[inline]
    pub fn any_starts(&self, set: &ClassSet, i: usize) -> bool {
        let at = self.at(i);
        set.words.iter().any(|&(k, w)| at[k] & w != 0)
    }

    /// The number of token `i`'s set in [`FirstWords::sets`] (0 past the
    /// last token).
    #[inline]
    pub fn set_number(&self, i: usize) -> usize {
        self.sets.get(i).map_or(0, |&s| s as usize)
    }


    /// Every bit set at some token of the sentence.
    pub fn anywhere_in_sentence(&self) -> Vec<u64> {
        let mut all = vec![0u64; self.first_words.width];
        if !self.sets.is_empty() {
            all.copy_from_slice(self.anywhere());
        }
        for &s in self.sets.iter().filter(|&&s| s != 0) {
            all.iter_mut().zip(self.first_words.sets[s as usize].iter()).for_each(|(a, b)| *a |= b);
        }
        all
    }

    /// False when no entry of class number `class` can start where there is
    /// no word: at a mention, or past the last token.
    #[inline]
    pub fn may_start_without_word(&self, class: usize) -> bool {
        self.anywhere()[class / 64] & (1u64 << (class % 64)) != 0
    }

    /// False when `entries` (a rule set's class) cannot start at token `i`;
    /// true for lists that are not a rule set's class.
    #[inline]
    pub fn may_start_entries(&self, entries: &ClassEntries, i: usize) -> bool {
        entries.class().is_none_or(|c| self.may_start(c, i))
    }
}

//! Tokens, with Arabic clitics split off.
//!
//! Arabic writes conjunctions, prepositions and the article on the front of a
//! word and object/possessive pronouns on its end: `وموسكو` is "and Moscow",
//! `بالرئيس` "with the president", `زعيمها` "her leader". The tokenizer splits
//! such words into separate tokens (`و` `موسكو`; `ب` `الرئيس`; `زعيم` `ها`) so
//! that rules can name a preposition or a pronoun, and names are found whatever
//! is glued to them.
//!
//! Splitting is driven by a [`Lexicon`] of known stems (gazetteer words, rule
//! words): a clitic is split off only when what remains is a known word and the
//! whole word is not, so `بوتين` is never read as `ب` + `وتين`. Words the
//! lexicon does not know stay whole, except for the unambiguous prefixes
//! `و`/`ف`/`ب`/`ك` with the article, and `لل`. The article is not split: a token keeps it as a
//! flag and exposes its `stem` without it.
//!
//! This module does not recognise names (see [`crate::mention`]).

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::normalize::{fold_ta_marbuta, is_arabic_letter};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word (or the remaining stem of a word after clitics were split off).
    Word,
    /// A number written with digits.
    Number,
    /// A proclitic split off the front of a word: و ف ب ل ك س.
    Proclitic,
    /// A pronoun split off the end of a word: ه ها هم هما كم نا ي ...
    Enclitic,
    /// Punctuation.
    Punct,
}

/// One token of a sentence. Positions are in the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    /// The normalised form, article included (a restored `ة` for a stem whose
    /// pronoun was split: `زيارته` gives the stem `زياره`). Shared, not
    /// copied, by the tokens of a word read again (see [`WordMemo`]).
    pub form: Arc<str>,
    /// Where the stem starts in `form` (see [`Token::stem`]).
    stem_start: usize,
    /// True when the word carried the article.
    pub article: bool,
    /// First normalised position of the characters this token was read from.
    pub start: usize,
    /// One past the last normalised position.
    pub end: usize,
}

impl Token {
    /// A token whose form is its stem (no article).
    pub fn new(kind: TokenKind, form: impl Into<Arc<str>>, start: usize, end: usize) -> Token {
        Token { kind, form: form.into(), stem_start: 0, article: false, start, end }
    }

    /// `form` without the article `ال`: what rules and names match against.
    /// It is the end of `form`, so a token keeps one string, not two.
    #[inline]
    pub fn stem(&self) -> &str {
        &self.form[self.stem_start..]
    }
}

/// The set of stems that licenses splitting clitics.
///
/// The tokenizer asks about several readings of every Arabic word, so the
/// question must be cheap and must not build strings. A stem of up to
/// sixteen Arabic letters is stored as one integer: each letter is a byte
/// (see [`letter_code`]), which is exact, not a hash, and is computed from
/// any spelling of the stem (slices of the word, a restored letter) without
/// allocating. Longer stems and stems with other characters (Latin names)
/// are kept as strings.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    /// Stems of at most [`MAX_PACKED_LETTERS`] Arabic letters, packed.
    packed: FxHashSet<u128>,
    /// Every other stem, with `ة` folded.
    other: FxHashSet<String>,
    /// Packed stems that were given ending in `ة`, and those given ending
    /// in `ه`. Packing counts `ة` as `ه`, so `رئيسة` ("chairwoman") and
    /// `رئيسه` ("his head") are one key; the text still tells them apart
    /// (normalisation keeps `ة`), and these sets let the tokenizer do so.
    final_ta_marbuta: FxHashSet<u128>,
    final_ha: FxHashSet<u128>,
}

impl Lexicon {
    /// Adds a normalised word; its article is removed first.
    pub fn insert(&mut self, word: &str) {
        let last = word.chars().last();
        let word = fold_ta_marbuta(word);
        let (_, stem) = strip_article(&word);
        if stem.is_empty() {
            return;
        }
        match packed_key(stem.chars()) {
            Some(key) => {
                match last {
                    Some('ة') => self.final_ta_marbuta.insert(key),
                    Some('ه') => self.final_ha.insert(key),
                    _ => false,
                };
                self.packed.insert(key)
            }
            None => self.other.insert(stem.to_string()),
        };
    }

    /// True when `word`, written with a final `ه`, is known only as a word
    /// written with `ة`: `رئيسه` when the lexicon has `رئيسة` but no `رئيسه`.
    /// Such a word is read as stem + pronoun where that stem is known.
    fn known_only_with_ta_marbuta(&self, word: &[char]) -> bool {
        if word.last() != Some(&'ه') || self.final_ta_marbuta.is_empty() {
            return false;
        }
        match packed_key(strip_article_letters(word).iter().copied()) {
            Some(key) => self.final_ta_marbuta.contains(&key) && !self.final_ha.contains(&key),
            None => false,
        }
    }

    /// True when the normalised word (article ignored) is known.
    pub fn contains(&self, word: &str) -> bool {
        let stem = strip_article(word).1;
        if let Some(key) = packed_key_of_utf8(stem.as_bytes()) {
            return self.packed.contains(&key);
        }
        match packed_key(stem.chars()) {
            Some(key) => self.packed.contains(&key),
            // Folding allocates: only words with ة need it.
            None if has_ta_marbuta(stem) => self.other.contains(&fold_ta_marbuta(stem)),
            None => self.other.contains(stem),
        }
    }

    /// [`Lexicon::contains`] for a spelling read off a word.
    fn knows(&self, stem: Spelling) -> bool {
        let tail_len = usize::from(stem.tail.is_some());
        let (mut head, mut body) = (stem.head, stem.body);
        // The article, as `strip_article` takes it off: while two letters
        // or more remain. A restored head is only ever the article's alef.
        if head == Some('ا') && body.first() == Some(&'ل') && body.len() - 1 + tail_len >= 2 {
            head = None;
            body = &body[1..];
        }
        if head.is_none() {
            while body.len() >= 2 && body[0] == 'ا' && body[1] == 'ل' && body.len() - 2 + tail_len >= 2 {
                body = &body[2..];
            }
        }
        if usize::from(head.is_some()) + body.len() + tail_len <= MAX_PACKED_LETTERS {
            let mut key = 0u128;
            let mut all_letters = true;
            let mut add = |c: char| {
                let code = letter_code(c);
                key = key << 8 | u128::from(code);
                all_letters &= code != 0;
            };
            head.map(&mut add);
            body.iter().for_each(|&c| add(c));
            stem.tail.map(&mut add);
            if all_letters {
                return self.packed.contains(&key);
            }
        }
        self.other.contains(&head.into_iter().chain(body.iter().copied()).chain(stem.tail).map(fold_letter).collect::<String>())
    }

    pub fn len(&self) -> usize {
        self.packed.len() + self.other.len()
    }

    pub fn is_empty(&self) -> bool {
        self.packed.is_empty() && self.other.is_empty()
    }
}

/// The longest stem stored packed: sixteen letters of a byte each.
const MAX_PACKED_LETTERS: usize = 16;

/// A stem's letters as one integer, a byte per letter (`ة` counted as `ه`),
/// or `None` for a stem too long or with a character outside the Arabic
/// letters. No code is zero, so stems of different lengths never meet.
fn packed_key(letters: impl Iterator<Item = char>) -> Option<u128> {
    let mut key = 0u128;
    for (n, c) in letters.enumerate() {
        let code = letter_code(c);
        if n == MAX_PACKED_LETTERS || code == 0 {
            return None;
        }
        key = key << 8 | u128::from(code);
    }
    Some(key)
}

/// [`packed_key`] read straight from UTF-8 for the common case, a stem of
/// Arabic letters only: each is two bytes led by `D8`–`DB` (U+0600–U+06FF).
/// `None` when the stem is anything else, which [`packed_key`] then decides.
fn packed_key_of_utf8(bytes: &[u8]) -> Option<u128> {
    if !bytes.len().is_multiple_of(2) || bytes.len() > 2 * MAX_PACKED_LETTERS {
        return None;
    }
    let mut key = 0u128;
    for pair in bytes.chunks_exact(2) {
        if !(0xD8..=0xDB).contains(&pair[0]) {
            return None;
        }
        let c = char::from_u32(0x0600 | u32::from(pair[0] & 0x03) << 6 | u32::from(pair[1] & 0x3F))?;
        let code = letter_code(c);
        if code == 0 {
            return None;
        }
        key = key << 8 | u128::from(code);
    }
    Some(key)
}

/// A byte for each letter [`is_arabic_letter`] accepts: U+0621–U+064A are
/// 1–42, U+0671–U+06D3 are 43–141; `ة` is given the code of `ه`. Zero for
/// anything else.
#[inline]
fn letter_code(c: char) -> u8 {
    match c {
        'ة' => ('ه' as u32 - 0x0620) as u8,
        '\u{0621}'..='\u{064A}' => (c as u32 - 0x0620) as u8,
        '\u{0671}'..='\u{06D3}' => (c as u32 - 0x0671 + 43) as u8,
        _ => 0,
    }
}

#[inline]
fn fold_letter(c: char) -> char {
    if c == 'ة' {
        'ه'
    } else {
        c
    }
}

/// A stem as the tokenizer reads it off a word: letters of the word, with
/// an alef restored in front (`للرئيس` is `ل` + `الرئيس`) or a final `ت`
/// written back as `ة` (`زيارته` is `زيارة` + `ه`). Nothing is copied until
/// a reading is chosen.
#[derive(Debug, Clone, Copy)]
struct Spelling<'w> {
    head: Option<char>,
    body: &'w [char],
    tail: Option<char>,
}

impl<'w> Spelling<'w> {
    fn plain(body: &'w [char]) -> Spelling<'w> {
        Spelling { head: None, body, tail: None }
    }

    fn len(&self) -> usize {
        usize::from(self.head.is_some()) + self.body.len() + usize::from(self.tail.is_some())
    }

    /// The `k`-th letter; `k < self.len()`.
    fn at(&self, k: usize) -> char {
        match (self.head, k.checked_sub(usize::from(self.head.is_some()))) {
            (Some(h), None) => h,
            (_, Some(k)) if k < self.body.len() => self.body[k],
            _ => self.tail.expect("index within the spelling"),
        }
    }

    /// Starts with the letters of the article.
    fn has_article_letters(&self) -> bool {
        self.len() >= 2 && self.at(0) == 'ا' && self.at(1) == 'ل'
    }
}

/// Proclitic sequences, longest first. Each letter becomes its own token.
const PROCLITICS: &[&[char]] = &[
    &['و', 'ب'],
    &['و', 'ل'],
    &['و', 'ك'],
    &['و', 'س'],
    &['ف', 'ب'],
    &['ف', 'ل'],
    &['ف', 'ك'],
    &['ف', 'س'],
    &['و'],
    &['ف'],
    &['ب'],
    &['ل'],
    &['ك'],
    &['س'],
];
/// Enclitic pronouns, longest first. First and second person singular (ي،
/// ك) are left out: in news they are rare, and as one letter they would
/// split far too many words (`لأي` is not `لا` + `ي`).
const ENCLITICS: &[&[char]] = &[&['ه', 'م', 'ا'], &['ه', 'م'], &['ه', 'ن'], &['ك', 'م'], &['ه', 'ا'], &['ن', 'ا'], &['ه']];

/// Splits `word` into its article flag and stem. The article is only taken
/// from words long enough to have a stem of two letters or more.
///
/// Names that begin with the letters of the article (ألمانيا is `المانيا`
/// once normalised) lose them too, so that `الألماني` and `ألماني` give one
/// stem: stripping is repeated while a stem of two letters or more remains.
pub fn strip_article(word: &str) -> (bool, &str) {
    let mut stem = word;
    while let Some(rest) = stem.strip_prefix("ال") {
        if !has_chars(rest, 2) {
            break;
        }
        stem = rest;
    }
    (stem.len() != word.len(), stem)
}

/// [`strip_article`] on letters.
fn strip_article_letters(word: &[char]) -> &[char] {
    let mut stem = word;
    while stem.len() >= 4 && stem[0] == 'ا' && stem[1] == 'ل' {
        stem = &stem[2..];
    }
    stem
}

/// Splits the normalised characters `chars[start..end]` (one sentence) into
/// tokens.
pub fn tokenize(chars: &[char], start: usize, end: usize, lexicon: &Lexicon) -> Vec<Token> {
    tokenize_words(chars, start, end, |word, at, tokens| split_arabic_word(word, at, lexicon, tokens))
}

/// [`tokenize`] with the splits of Arabic words taken from `memo` when it
/// has read the word before (see [`WordMemo`]): the tokens are the same.
pub fn tokenize_with(chars: &[char], start: usize, end: usize, memo: &mut WordMemo) -> Vec<Token> {
    tokenize_words(chars, start, end, |word, at, tokens| memo.split(word, at, tokens))
}

/// The splits of the Arabic words a thread has read, so that each distinct
/// word is analysed once.
///
/// Why: news repeats its words. Splitting a word into proclitics, stem and
/// pronoun asks the lexicon about up to some twenty readings of it, and the
/// answer depends only on the word's letters and the lexicon. Like spaCy's
/// tokenizer cache, the memo keeps the tokens of each word read (forms,
/// kinds, article flags, positions relative to the word) and replays them,
/// shifted, when the word comes again. It holds nothing above a word: no
/// sentence or document result, so what a text gives never depends on what
/// was read before it.
///
/// Bound: at most [`WordMemo::CAPACITY`] words, of at most sixteen letters
/// (keyed by their letters packed in an integer; longer words are split
/// every time). When full it is emptied and fills again with the words then
/// in use, so its memory (a few megabytes) does not grow with the corpus.
#[derive(Debug)]
pub struct WordMemo<'l> {
    lexicon: &'l Lexicon,
    splits: FxHashMap<u128, Box<[Piece]>>,
}

/// One token of a memoised word, its positions relative to the word's start.
#[derive(Debug)]
struct Piece {
    kind: TokenKind,
    form: Arc<str>,
    stem_start: u8,
    article: bool,
    start: u8,
    end: u8,
}

impl<'l> WordMemo<'l> {
    /// The most words kept.
    pub const CAPACITY: usize = 1 << 15;

    /// An empty memo for splitting with `lexicon`.
    pub fn new(lexicon: &'l Lexicon) -> WordMemo<'l> {
        WordMemo { lexicon, splits: FxHashMap::default() }
    }

    /// The lexicon the splits are made with.
    pub fn lexicon(&self) -> &'l Lexicon {
        self.lexicon
    }

    /// How many words are kept.
    pub fn len(&self) -> usize {
        self.splits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.splits.is_empty()
    }

    /// Pushes the tokens of the Arabic word `word`, which starts at `start`.
    fn split(&mut self, word: &[char], start: usize, tokens: &mut Vec<Token>) {
        let Some(key) = word_key(word) else {
            split_arabic_word(word, start, self.lexicon, tokens);
            return;
        };
        if let Some(pieces) = self.splits.get(&key) {
            tokens.extend(pieces.iter().map(|p| Token {
                kind: p.kind,
                form: p.form.clone(),
                stem_start: usize::from(p.stem_start),
                article: p.article,
                start: start + usize::from(p.start),
                end: start + usize::from(p.end),
            }));
            return;
        }
        let first = tokens.len();
        split_arabic_word(word, start, self.lexicon, tokens);
        if self.splits.len() >= Self::CAPACITY {
            self.splits.clear();
        }
        // A word of sixteen letters or fewer: every position and stem
        // offset (at most two bytes a letter and a restored alef) fits a byte.
        let pieces = tokens[first..]
            .iter()
            .map(|t| Piece {
                kind: t.kind,
                form: t.form.clone(),
                stem_start: t.stem_start as u8,
                article: t.article,
                start: (t.start - start) as u8,
                end: (t.end - start) as u8,
            })
            .collect();
        self.splits.insert(key, pieces);
    }
}

/// The letters of an Arabic word as one integer, a byte each, for
/// [`WordMemo`]; unlike [`packed_key`], `ة` and `ه` differ (a word ending
/// in `ه` may end in a pronoun). `None` beyond sixteen letters.
fn word_key(word: &[char]) -> Option<u128> {
    if word.len() > MAX_PACKED_LETTERS {
        return None;
    }
    letters_key(word.iter().copied())
}

/// [`word_key`] of any letters: `None` beyond sixteen or for a character
/// that is not an Arabic letter.
pub(crate) fn letters_key(letters: impl IntoIterator<Item = char>) -> Option<u128> {
    let mut key = 0u128;
    for (n, c) in letters.into_iter().enumerate() {
        if n == MAX_PACKED_LETTERS {
            return None;
        }
        let code = match c {
            '\u{0621}'..='\u{064A}' => c as u32 - 0x0620,
            '\u{0671}'..='\u{06D3}' => c as u32 - 0x0671 + 43,
            _ => return None,
        };
        key = key << 8 | u128::from(code);
    }
    Some(key)
}

/// The tokenizer's loop, with `split` pushing the tokens of each Arabic word.
fn tokenize_words(chars: &[char], start: usize, end: usize, mut split: impl FnMut(&[char], usize, &mut Vec<Token>)) -> Vec<Token> {
    // About one token per four characters of Arabic news.
    let mut tokens = Vec::with_capacity(end.saturating_sub(start) / 4 + 4);
    let mut i = start;
    while i < end {
        let c = chars[i];
        // Arabic letters first (most words), and the Arabic comma and
        // semicolon told from letters and digits without the Unicode tables.
        if is_arabic_letter(c) {
            let mut j = i;
            while j < end && is_arabic_letter(chars[j]) {
                j += 1;
            }
            split(&chars[i..j], i, &mut tokens);
            i = j;
        } else if c.is_whitespace() {
            i += 1;
        } else if !matches!(c, '،' | '؛') && c.is_alphanumeric() {
            let mut j = i;
            while j < end
                && (chars[j].is_alphanumeric() && !is_arabic_letter(chars[j])
                    || (matches!(chars[j], '-' | '.' | '\'' | ',')
                        && j + 1 < end
                        && chars[j + 1].is_alphanumeric()
                        && !is_arabic_letter(chars[j + 1])
                        && j > i))
            {
                j += 1;
            }
            let form: String = chars[i..j].iter().collect();
            let kind = if form.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            tokens.push(Token::new(kind, form, i, j));
            i = j;
        } else {
            tokens.push(Token::new(TokenKind::Punct, &*c.encode_utf8(&mut [0; 4]), i, i + 1));
            i += 1;
        }
    }
    tokens
}

/// One way of reading a word: proclitics, stem, enclitic.
struct Analysis<'w> {
    proclitic: &'static [char],
    stem: Spelling<'w>,
    enclitic: &'static [char],
}

fn analyse<'w>(word: &'w [char], lexicon: &Lexicon) -> Option<Analysis<'w>> {
    if lexicon.knows(Spelling::plain(word)) && !lexicon.known_only_with_ta_marbuta(word) {
        return None;
    }
    // The readings are tried in order and the first whose stem is known wins.
    let known = |stem: Spelling, enclitic: &[char]| stem.len() >= 2 && (enclitic.is_empty() || !stem.has_article_letters()) && lexicon.knows(stem);
    // Every proclitic starts with one of these letters and every enclitic
    // ends with one of those: most words are ruled out for one or the other
    // without trying each.
    let proclitics: &[&'static [char]] = if matches!(word.first(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك' | 'س')) { PROCLITICS } else { &[] };
    // Fewer clitics first: a proclitic alone, a pronoun alone, then both.
    // One proclitic letter before two: `وبدا` is و + بدا, not وب + دا.
    for &p in proclitics.iter().rev() {
        if let Some(rest) = word.strip_prefix(p) {
            if let Some(stem) = stem_after_proclitic(p, rest, |s| known(s, &[])) {
                return Some(Analysis { proclitic: p, stem, enclitic: &[] });
            }
        }
    }
    // A word written with ة ends there: ة is never a pronoun.
    let enclitics: &[&'static [char]] = if matches!(word.last(), Some('ا' | 'م' | 'ن' | 'ه')) { ENCLITICS } else { &[] };
    for &e in enclitics {
        if let Some(rest) = word.strip_suffix(e) {
            if let Some(stem) = stem_before_enclitic(rest, |s| known(s, e)) {
                return Some(Analysis { proclitic: &[], stem, enclitic: e });
            }
        }
    }
    for &p in proclitics.iter().filter(|_| !enclitics.is_empty()) {
        if let Some(rest) = word.strip_prefix(p) {
            for &e in enclitics {
                if let Some(mid) = rest.strip_suffix(e) {
                    if let Some(stem) = stem_before_enclitic(mid, |s| known(s, e)) {
                        return Some(Analysis { proclitic: p, stem, enclitic: e });
                    }
                }
            }
        }
    }
    // The accusative ending ا (حربا، تحالفا، دعما) stays on the word.
    if let Some(rest) = word.strip_suffix(&['ا']) {
        for &p in std::iter::once(&(&[] as &[char])).chain(PROCLITICS) {
            if let Some(stem) = rest.strip_prefix(p) {
                if known(Spelling::plain(stem), &[]) {
                    return Some(Analysis { proclitic: p, stem: Spelling::plain(stem), enclitic: &[] });
                }
            }
        }
    }
    None
}

/// The first stem after proclitic `proclitic` that `known` accepts: after
/// `ل`, a word's article loses its alef (`للرئيس` is `ل` + `الرئيس`), so the
/// restored spelling is tried first, then `rest`.
fn stem_after_proclitic<'w>(proclitic: &[char], rest: &'w [char], known: impl Fn(Spelling) -> bool) -> Option<Spelling<'w>> {
    if proclitic.ends_with(&['ل']) && rest.starts_with(&['ل']) {
        let restored = Spelling { head: Some('ا'), body: rest, tail: None };
        if known(restored) {
            return Some(restored);
        }
    }
    let plain = Spelling::plain(rest);
    known(plain).then_some(plain)
}

/// The first stem before a pronoun that `known` accepts: before a pronoun,
/// `ة` is written `ت` (`زيارته` is `زيارة` + `ه`), so that spelling is
/// tried first, then `rest` as written.
fn stem_before_enclitic<'w>(rest: &'w [char], known: impl Fn(Spelling) -> bool) -> Option<Spelling<'w>> {
    if let Some(base) = rest.strip_suffix(&['ت']) {
        let restored = Spelling { head: None, body: base, tail: Some('ة') };
        if known(restored) {
            return Some(restored);
        }
    }
    // A final alif maqsura is written ا before a pronoun (علاها); rare, skipped.
    let plain = Spelling::plain(rest);
    known(plain).then_some(plain)
}

fn split_arabic_word(word: &[char], start: usize, lexicon: &Lexicon, tokens: &mut Vec<Token>) {
    let analysis = analyse(word, lexicon).or_else(|| safe_article_split(word));
    let Some(a) = analysis else {
        // Two known words glued together (`كورياالشمالية`) are split where the
        // joint is unambiguous: exactly one split point leaves two known words.
        if let Some(k) = glued_joint(word, lexicon) {
            split_arabic_word(&word[..k], start, lexicon, tokens);
            split_arabic_word(&word[k..], start + k, lexicon, tokens);
            return;
        }
        push_word(tokens, Spelling::plain(word), start, start + word.len());
        return;
    };
    let mut pos = start;
    for &c in a.proclitic {
        tokens.push(Token::new(TokenKind::Proclitic, &*c.encode_utf8(&mut [0; 4]), pos, pos + 1));
        pos += 1;
    }
    let stem_end = start + word.len() - a.enclitic.len();
    push_word(tokens, a.stem, pos, stem_end);
    if !a.enclitic.is_empty() {
        let form: String = a.enclitic.iter().collect();
        tokens.push(Token::new(TokenKind::Enclitic, form, stem_end, start + word.len()));
    }
}

/// The one place where an unknown word of eight letters or more splits into
/// two known words of three letters or more, if there is exactly one.
fn glued_joint(word: &[char], lexicon: &Lexicon) -> Option<usize> {
    let n = word.len();
    if !(8..=40).contains(&n) || lexicon.knows(Spelling::plain(word)) {
        return None;
    }
    let known = |w: &[char]| lexicon.knows(Spelling::plain(w)) && strip_article_letters(w).len() >= 3;
    let mut found = None;
    for k in 3..n - 2 {
        if known(&word[..k]) && known(&word[k..]) {
            if found.is_some() {
                return None;
            }
            found = Some(k);
        }
    }
    found
}

/// `وال…`, `فال…`, `بال…`, `كال…` and `لل…` are split even for unknown words:
/// in running text these letters before the article are almost always clitics.
fn safe_article_split(word: &[char]) -> Option<Analysis<'_>> {
    if !matches!(word.first(), Some('و' | 'ف' | 'ب' | 'ك' | 'ل')) {
        return None;
    }
    const BEFORE_ARTICLE: &[&[char]] = &[&['و'], &['ف'], &['ب'], &['ك'], &['و', 'ب'], &['ف', 'ب'], &['و', 'ك']];
    for &p in BEFORE_ARTICLE {
        if let Some(rest) = word.strip_prefix(p) {
            if rest.starts_with(&['ا', 'ل']) && rest.len() >= 5 {
                return Some(Analysis { proclitic: p, stem: Spelling::plain(rest), enclitic: &[] });
            }
        }
    }
    // `لل` + rest is `ل` + `ال` + rest: the stem is the word from its second
    // ل, with the article's alef restored.
    const BEFORE_LAM: &[&[char]] = &[&['ل', 'ل'], &['و', 'ل', 'ل'], &['ف', 'ل', 'ل']];
    for &p in BEFORE_LAM {
        if let Some(rest) = word.strip_prefix(p) {
            if rest.len() >= 2 {
                let proclitic = &p[..p.len() - 1];
                return Some(Analysis { proclitic, stem: Spelling { head: Some('ا'), body: &word[proclitic.len()..], tail: None }, enclitic: &[] });
            }
        }
    }
    None
}

/// True when `s` has at least `n` characters; stops counting there.
#[inline]
fn has_chars(s: &str, n: usize) -> bool {
    s.len() >= n && s.chars().nth(n - 1).is_some()
}

/// True when `word` holds `ة` (UTF-8 `D8 A9`; no other character has
/// these two bytes in a row). A byte scan: cheaper than a char search on
/// words this short.
fn has_ta_marbuta(word: &str) -> bool {
    word.as_bytes().windows(2).any(|w| w == [0xD8, 0xA9])
}

/// The letters of a spelling, `ة` folded, as a string: written on the
/// stack for most words, so that the form is allocated once, in its `Arc`.
fn spelling_to_form(spelling: Spelling) -> Arc<str> {
    let letters = spelling.head.into_iter().chain(spelling.body.iter().copied()).chain(spelling.tail).map(fold_letter);
    // Every letter of an Arabic word is two bytes of UTF-8, others four at most.
    let mut buffer = [0u8; 64];
    if 4 * spelling.len() > buffer.len() {
        return letters.collect::<String>().into();
    }
    let mut n = 0;
    for c in letters {
        n += c.encode_utf8(&mut buffer[n..]).len();
    }
    Arc::from(std::str::from_utf8(&buffer[..n]).expect("characters encoded as UTF-8"))
}

/// Pushes a word token: its form is the spelling with `ة` folded, its stem
/// the form without the article.
fn push_word(tokens: &mut Vec<Token>, spelling: Spelling, start: usize, end: usize) {
    let form = spelling_to_form(spelling);
    let (article, stem) = strip_article(&form);
    let stem_start = form.len() - stem.len();
    tokens.push(Token { kind: TokenKind::Word, form, stem_start, article, start, end });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize_str;

    fn lexicon(words: &[&str]) -> Lexicon {
        let mut l = Lexicon::default();
        for w in words {
            l.insert(&normalize_str(w));
        }
        l
    }

    fn forms(text: &str, lex: &Lexicon) -> Vec<String> {
        let chars: Vec<char> = normalize_str(text).chars().collect();
        tokenize(&chars, 0, chars.len(), lex).into_iter().map(|t| t.form.to_string()).collect()
    }

    #[test]
    fn splits_proclitics_before_known_names() {
        let lex = lexicon(&["موسكو", "كوريا", "رئيس"]);
        assert_eq!(forms("وموسكو لكوريا بالرئيس", &lex), vec!["و", "موسكو", "ل", "كوريا", "ب", "الرءيس"]);
    }

    #[test]
    fn splits_enclitic_pronouns_and_restores_ta_marbuta() {
        let lex = lexicon(&["زعيم", "زيارة", "لقاء", "بلد"]);
        assert_eq!(forms("زعيمها زيارته ولقائه", &lex), vec!["زعيم", "ها", "زياره", "ه", "و", "لقاء", "ه"]);
    }

    #[test]
    fn a_final_ha_is_a_pronoun_where_only_the_ta_marbuta_word_is_known() {
        // The lexicon knows the chairwoman (رئيسة) and the head (رئيس):
        // «رئيسه» with a written ه is "his head", «رئيسة» stays one word.
        let lex = lexicon(&["رئيس", "رئيسة", "وجه"]);
        assert_eq!(forms("رئيسه", &lex), ["رءيس", "ه"]);
        assert_eq!(forms("رئيسة", &lex), ["رءيسه"]);
        // A word the lexicon has with ه is still never split.
        assert_eq!(forms("وجه", &lex), ["وجه"]);
    }

    #[test]
    fn known_whole_words_are_never_split() {
        let lex = lexicon(&["بوتين", "وتين", "ليبيا"]);
        assert_eq!(forms("بوتين ليبيا", &lex), vec!["بوتين", "ليبيا"]);
    }

    #[test]
    fn glued_words_split_at_the_only_joint() {
        let lex = lexicon(&["كوريا", "الشمالية", "روسيا"]);
        assert_eq!(forms("كورياالشمالية", &lex), vec!["كوريا", "الشماليه"]);
        // Unknown halves stay glued.
        assert_eq!(forms("كورياالمجهولة", &lex), vec!["كورياالمجهوله"]);
    }

    #[test]
    fn lexicon_knows_packed_long_and_latin_stems_with_or_without_article_and_ta_marbuta() {
        let long = "ب".repeat(20);
        let lex = lexicon(&["زيارة", &long, "putin", "المانيا"]);
        for known in ["زياره", "الزيارة", &long, &format!("ال{long}"), "putin", "المانيا", "الالمانيا"] {
            assert!(lex.contains(&normalize_str(known)), "{known}");
        }
        for unknown in ["زيار", &"ب".repeat(19), "puti", "ال"] {
            assert!(!lex.contains(&normalize_str(unknown)), "{unknown}");
        }
        assert_eq!(lex.len(), 4);
        for word in ["زيارة", "روسيا", "ک", "a", "بوتين"] {
            assert_eq!(packed_key_of_utf8(word.as_bytes()).or_else(|| packed_key(word.chars())), packed_key(word.chars()), "{word}");
        }
    }

    #[test]
    fn memo_gives_the_same_tokens_cold_and_hot_and_stays_within_its_cap() {
        let lex = lexicon(&["موسكو", "كوريا", "الشمالية", "زعيم", "زيارة", "ولايات"]);
        let text = normalize_str("وموسكو زعيمها زيارته كورياالشمالية للولايات بالرئيس زيارة زياره وموسكو 2024.");
        let chars: Vec<char> = text.chars().collect();
        let plain = tokenize(&chars, 0, chars.len(), &lex);
        let mut memo = WordMemo::new(&lex);
        let cold = tokenize_with(&chars, 0, chars.len(), &mut memo);
        let hot = tokenize_with(&chars, 0, chars.len(), &mut memo);
        assert_eq!(cold, plain);
        assert_eq!(hot, plain);
        // Shifted: the same words further on in a text.
        let shifted: Vec<char> = "؛ ".chars().chain(chars.iter().copied()).collect();
        let hot = tokenize_with(&shifted, 2, shifted.len(), &mut memo);
        assert_eq!(hot, tokenize(&shifted, 2, shifted.len(), &lex));
        // More distinct words than the cap: emptied when full, never larger.
        let letters: Vec<char> = ('\u{0628}'..='\u{063A}').collect();
        let mut biggest = 0;
        for n in 0..WordMemo::CAPACITY + 100 {
            let word: Vec<char> = [n, n / letters.len(), n / letters.len().pow(2), n / letters.len().pow(3)].iter().map(|k| letters[k % letters.len()]).collect();
            tokenize_with(&word, 0, word.len(), &mut memo);
            biggest = biggest.max(memo.len());
        }
        assert_eq!(biggest, WordMemo::CAPACITY);
        assert!(memo.len() < WordMemo::CAPACITY);
        assert_eq!(tokenize_with(&chars, 0, chars.len(), &mut memo), plain);
    }

    #[test]
    fn article_after_lam_is_restored() {
        let lex = lexicon(&["ولايات"]);
        assert_eq!(forms("للولايات", &lex), vec!["ل", "الولايات"]);
    }

    #[test]
    fn positions_cover_the_original_characters() {
        let lex = lexicon(&["موسكو"]);
        let chars: Vec<char> = "وموسكو".chars().collect();
        let t = tokenize(&chars, 0, chars.len(), &lex);
        assert_eq!((t[0].start, t[0].end, t[1].start, t[1].end), (0, 1, 1, 6));
    }
}

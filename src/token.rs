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

use rustc_hash::FxHashSet;

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
    /// pronoun was split: `زيارته` gives the stem `زياره`).
    pub form: String,
    /// `form` without the article `ال`: what rules and names match against.
    pub stem: String,
    /// True when the word carried the article.
    pub article: bool,
    /// First normalised position of the characters this token was read from.
    pub start: usize,
    /// One past the last normalised position.
    pub end: usize,
}

/// The set of stems that licenses splitting clitics.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    stems: FxHashSet<String>,
}

impl Lexicon {
    /// Adds a normalised word; its article is removed first.
    pub fn insert(&mut self, word: &str) {
        let word = fold_ta_marbuta(word);
        let (_, stem) = strip_article(&word);
        if !stem.is_empty() {
            self.stems.insert(stem.to_string());
        }
    }

    /// True when the normalised word (article ignored) is known.
    pub fn contains(&self, word: &str) -> bool {
        // Folding allocates: only words with ة need it.
        if has_ta_marbuta(word) {
            let word = fold_ta_marbuta(word);
            self.stems.contains(strip_article(&word).1)
        } else {
            self.stems.contains(strip_article(word).1)
        }
    }

    pub fn len(&self) -> usize {
        self.stems.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }
}

/// Proclitic sequences, longest first. Each letter becomes its own token.
const PROCLITICS: &[&str] = &["وب", "ول", "وك", "وس", "فب", "فل", "فك", "فس", "و", "ف", "ب", "ل", "ك", "س"];
/// Enclitic pronouns, longest first.
/// Enclitic pronouns, longest first. First and second person singular (ي،
/// ك) are left out: in news they are rare, and as one letter they would
/// split far too many words (`لأي` is not `لا` + `ي`).
const ENCLITICS: &[&str] = &["هما", "هم", "هن", "كم", "ها", "نا", "ه"];

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

/// Splits the normalised characters `chars[start..end]` (one sentence) into
/// tokens.
pub fn tokenize(chars: &[char], start: usize, end: usize, lexicon: &Lexicon) -> Vec<Token> {
    // About one token per four characters of Arabic news.
    let mut tokens = Vec::with_capacity(end.saturating_sub(start) / 4 + 4);
    // One buffer for the letters of each Arabic word in turn.
    let mut word = String::new();
    let mut i = start;
    while i < end {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if is_arabic_letter(c) {
            let mut j = i;
            while j < end && is_arabic_letter(chars[j]) {
                j += 1;
            }
            word.clear();
            word.extend(&chars[i..j]);
            split_arabic_word(&word, i, lexicon, &mut tokens);
            i = j;
        } else if c.is_alphanumeric() {
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
            tokens.push(Token { kind, stem: form.clone(), form, article: false, start: i, end: j });
            i = j;
        } else {
            let form = c.to_string();
            tokens.push(Token { kind: TokenKind::Punct, stem: form.clone(), form, article: false, start: i, end: i + 1 });
            i += 1;
        }
    }
    tokens
}

/// One way of reading a word: proclitics, stem (with restored `ة`), enclitic.
struct Analysis<'a> {
    proclitic: &'a str,
    stem: String,
    enclitic: &'a str,
}

fn analyse<'a>(word: &'a str, lexicon: &Lexicon) -> Option<Analysis<'a>> {
    if lexicon.contains(word) {
        return None;
    }
    // The readings are tried in order and the first whose stem is known
    // wins; a stem is only allocated for that one (`respelled` holds a stem
    // that is not a slice of the word).
    let known = |stem: &str, enclitic: &str| has_chars(stem, 2) && lexicon.contains(stem) && (enclitic.is_empty() || !stem.starts_with("ال"));
    let reading = |proclitic: &'a str, stem: &str, enclitic: &'a str| Some(Analysis { proclitic, stem: stem.to_string(), enclitic });
    let mut respelled = String::new();
    // Every proclitic starts with one of these letters and every enclitic
    // ends with one of those: most words are ruled out for one or the other
    // without trying each.
    let proclitics: &[&'static str] = if matches!(word.chars().next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك' | 'س')) { PROCLITICS } else { &[] };
    // Fewer clitics first: a proclitic alone, a pronoun alone, then both.
    // One proclitic letter before two: `وبدا` is و + بدا, not وب + دا.
    for p in proclitics.iter().rev() {
        if let Some(rest) = word.strip_prefix(p) {
            if let Some(stem) = stem_after_proclitic(p, rest, &mut respelled, |s| known(s, "")) {
                return reading(p, stem, "");
            }
        }
    }
    // A word written with ة ends there: ة is never a pronoun.
    let enclitics: &[&'static str] = if matches!(word.chars().next_back(), Some('ا' | 'م' | 'ن' | 'ه')) { ENCLITICS } else { &[] };
    for e in enclitics {
        if let Some(rest) = word.strip_suffix(e) {
            if let Some(stem) = stem_before_enclitic(rest, &mut respelled, |s| known(s, e)) {
                return reading("", stem, e);
            }
        }
    }
    for p in proclitics.iter().filter(|_| !enclitics.is_empty()) {
        if let Some(rest) = word.strip_prefix(p) {
            for e in enclitics {
                if let Some(mid) = rest.strip_suffix(e) {
                    if let Some(stem) = stem_before_enclitic(mid, &mut respelled, |s| known(s, e)) {
                        return reading(p, stem, e);
                    }
                }
            }
        }
    }
    // The accusative ending ا (حربا، تحالفا، دعما) stays on the word.
    if let Some(rest) = word.strip_suffix('ا') {
        for p in std::iter::once(&"").chain(PROCLITICS) {
            if let Some(stem) = rest.strip_prefix(p) {
                if known(stem, "") {
                    return reading(p, stem, "");
                }
            }
        }
    }
    None
}

/// The first stem after proclitic `proclitic` that `known` accepts: after
/// `ل`, a word's article loses its alef (`للرئيس` is `ل` + `الرئيس`), so the
/// restored spelling (written into `respelled`) is tried first, then `rest`.
fn stem_after_proclitic<'s>(proclitic: &str, rest: &'s str, respelled: &'s mut String, known: impl Fn(&str) -> bool) -> Option<&'s str> {
    if proclitic.ends_with('ل') && rest.starts_with('ل') {
        respelled.clear();
        respelled.push('ا');
        respelled.push_str(rest);
        if known(respelled) {
            return Some(respelled);
        }
    }
    known(rest).then_some(rest)
}

/// The first stem before a pronoun that `known` accepts: before a pronoun,
/// `ة` is written `ت` (`زيارته` is `زيارة` + `ه`), so that spelling
/// (written into `respelled`) is tried first, then `rest` as written.
fn stem_before_enclitic<'s>(rest: &'s str, respelled: &'s mut String, known: impl Fn(&str) -> bool) -> Option<&'s str> {
    if let Some(base) = rest.strip_suffix('ت') {
        respelled.clear();
        respelled.push_str(base);
        respelled.push('ة');
        if known(respelled) {
            return Some(respelled);
        }
    }
    // A final alif maqsura is written ا before a pronoun (علاها); rare, skipped.
    known(rest).then_some(rest)
}

fn split_arabic_word(word: &str, start: usize, lexicon: &Lexicon, tokens: &mut Vec<Token>) {
    let chars_of = |s: &str| s.chars().count();
    let analysis = analyse(word, lexicon).or_else(|| safe_article_split(word));
    let Some(a) = analysis else {
        // Two known words glued together (`كورياالشمالية`) are split where the
        // joint is unambiguous: exactly one split point leaves two known words.
        if let Some(k) = glued_joint(word, lexicon) {
            let first: String = word.chars().take(k).collect();
            let second: String = word.chars().skip(k).collect();
            split_arabic_word(&first, start, lexicon, tokens);
            split_arabic_word(&second, start + k, lexicon, tokens);
            return;
        }
        push_word(tokens, word.to_string(), start, start + chars_of(word));
        return;
    };
    let mut pos = start;
    for c in a.proclitic.chars() {
        tokens.push(Token {
            kind: TokenKind::Proclitic,
            form: c.to_string(),
            stem: c.to_string(),
            article: false,
            start: pos,
            end: pos + 1,
        });
        pos += 1;
    }
    let word_len = chars_of(word);
    let enclitic_len = chars_of(a.enclitic);
    let stem_end = start + word_len - enclitic_len;
    push_word(tokens, a.stem, pos, stem_end);
    if !a.enclitic.is_empty() {
        tokens.push(Token {
            kind: TokenKind::Enclitic,
            form: a.enclitic.to_string(),
            stem: a.enclitic.to_string(),
            article: false,
            start: stem_end,
            end: start + word_len,
        });
    }
}

/// The one place where an unknown word of eight letters or more splits into
/// two known words of three letters or more, if there is exactly one.
fn glued_joint(word: &str, lexicon: &Lexicon) -> Option<usize> {
    let n = word.chars().count();
    if !(8..=40).contains(&n) || lexicon.contains(word) {
        return None;
    }
    let mut found = None;
    // The halves are slices of the word, split at character k = 3..=n-3.
    for (k, (byte, _)) in word.char_indices().enumerate().take(n - 2).skip(3) {
        let (left, right) = word.split_at(byte);
        let known = |w: &str| lexicon.contains(w) && strip_article(w).1.chars().count() >= 3;
        if known(left) && known(right) {
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
fn safe_article_split(word: &str) -> Option<Analysis<'static>> {
    if !matches!(word.chars().next(), Some('و' | 'ف' | 'ب' | 'ك' | 'ل')) {
        return None;
    }
    for p in ["و", "ف", "ب", "ك", "وب", "فب", "وك"] {
        if let Some(rest) = word.strip_prefix(p) {
            if rest.starts_with("ال") && rest.chars().count() >= 5 {
                let proclitic = PROCLITICS.iter().find(|x| **x == p).expect("listed above");
                return Some(Analysis { proclitic, stem: rest.to_string(), enclitic: "" });
            }
        }
    }
    for p in ["لل", "ولل", "فلل"] {
        if let Some(rest) = word.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                let proclitic = PROCLITICS.iter().find(|x| **x == &p[..p.len() - "ل".len()]).expect("listed above");
                return Some(Analysis { proclitic, stem: format!("ال{rest}"), enclitic: "" });
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

fn push_word(tokens: &mut Vec<Token>, form: String, start: usize, end: usize) {
    let form = if has_ta_marbuta(&form) { fold_ta_marbuta(&form) } else { form };
    let (article, stem) = strip_article(&form);
    let stem = stem.to_string();
    tokens.push(Token { kind: TokenKind::Word, form, stem, article, start, end });
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
        tokenize(&chars, 0, chars.len(), lex).into_iter().map(|t| t.form).collect()
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

//! Sentence splitting.
//!
//! Rules in sanad look at one sentence at a time, so this is where the text is
//! cut. A sentence ends at `.` `?` `!` `؛` `;` (after normalisation `؟` is `?`)
//! or at a line break. A full stop does not end a sentence inside a number
//! (`3.5`), after a one-letter abbreviation (`د.`, `U.S.`), or after one of the
//! abbreviations the ontology lists. A sentence longer than
//! [`MAX_SENTENCE_CHARS`] (a 100 MB line without punctuation) is cut at the
//! last blank before the limit, or at the limit when there is none, so that
//! the cost of the later stages stays linear in the length of the text. The
//! splitter does not look at words beyond that, and never drops text: every
//! non-blank character belongs to exactly one sentence.

use crate::normalize::{is_arabic_letter, NormalizedText};

/// A sentence as a half-open range of positions in the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Index of the sentence in its document, from 0.
    pub index: usize,
    /// First normalised position.
    pub start: usize,
    /// One past the last normalised position (terminator included).
    pub end: usize,
}

/// The longest sentence, in normalised characters. News sentences run to a
/// few hundred characters; longer "sentences" are lists, tables or text
/// without punctuation, and are cut into pieces of at most this length.
pub const MAX_SENTENCE_CHARS: usize = 1_000;

/// Splits normalised text into sentences, trimming surrounding blanks.
/// `abbreviations` are normalised words (without the dot) after which a full
/// stop does not end a sentence.
pub fn split(text: &NormalizedText, abbreviations: &[String]) -> Vec<Sentence> {
    let chars = &text.chars;
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        match next_terminator(chars, i) {
            Some(next) => i = next,
            None => break,
        }
        let c = chars[i];
        let boundary = match c {
            '\n' | '\r' => Some(i),
            '?' | '!' | '؛' | ';' => Some(i + 1),
            '.' if ends_sentence(chars, i, abbreviations) => Some(i + 1),
            _ => None,
        };
        if let Some(mut end) = boundary {
            // Keep a run of terminators ("?!", "...") with the sentence.
            while end < chars.len() && matches!(chars[end], '.' | '?' | '!') {
                end += 1;
            }
            push(&mut sentences, chars, start, end);
            start = end;
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    push(&mut sentences, chars, start, chars.len());
    sentences
}

/// The position of the first character at or after `from` that can end a
/// sentence. Text runs for dozens of characters between them: it is
/// scanned eight characters at a time, without a branch per character.
fn next_terminator(chars: &[char], from: usize) -> Option<usize> {
    let can_end = |c: char| matches!(c, '\n' | '\r' | '?' | '!' | '؛' | ';' | '.');
    let mut i = from;
    for chunk in chars[from..].chunks_exact(8) {
        if chunk.iter().fold(false, |found, &c| found | can_end(c)) {
            break;
        }
        i += 8;
    }
    chars[i..].iter().position(|&c| can_end(c)).map(|p| i + p)
}

fn push(sentences: &mut Vec<Sentence>, chars: &[char], mut start: usize, mut end: usize) {
    loop {
        while start < end && chars[start].is_whitespace() {
            start += 1;
        }
        while end > start && chars[end - 1].is_whitespace() {
            end -= 1;
        }
        if start == end {
            return;
        }
        if end - start <= MAX_SENTENCE_CHARS {
            sentences.push(Sentence { index: sentences.len(), start, end });
            return;
        }
        // Too long: cut at the last blank within the limit (never at the
        // first character, so every piece makes progress).
        let limit = start + MAX_SENTENCE_CHARS;
        let cut = (start + 1..=limit).rev().find(|&i| chars[i].is_whitespace()).unwrap_or(limit);
        sentences.push(Sentence { index: sentences.len(), start, end: cut });
        start = cut;
    }
}

fn ends_sentence(chars: &[char], i: usize, abbreviations: &[String]) -> bool {
    let before = i.checked_sub(1).map(|j| chars[j]);
    let after = chars.get(i + 1).copied();
    // Inside a number: 3.5, 1.000
    if before.is_some_and(|c| c.is_ascii_digit()) && after.is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    // The word before the dot.
    let mut j = i;
    // Arabic letters are alphanumeric: tested first, without the Unicode tables.
    while j > 0 && (is_arabic_letter(chars[j - 1]) || chars[j - 1].is_alphanumeric()) {
        j -= 1;
    }
    let word = &chars[j..i];
    if word.len() == 1 && word[0].is_alphabetic() {
        return false; // د. / U.S.
    }
    let bytes: usize = word.iter().map(|c| c.len_utf8()).sum();
    if !word.is_empty() && abbreviations.iter().any(|a| a.len() == bytes && a.chars().eq(word.iter().copied())) {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let n = NormalizedText::new(text);
        split(&n, &["etc".to_string()]).iter().map(|s| n.chars[s.start..s.end].iter().collect()).collect()
    }

    #[test]
    fn splits_on_arabic_and_latin_terminators_and_lines() {
        assert_eq!(sentences("زار باريس. ثم عاد؟ نعم؛ انتهى\nسطر"), vec!["زار باريس.", "ثم عاد?", "نعم؛", "انتهي", "سطر"]);
    }

    #[test]
    fn does_not_split_numbers_or_abbreviations() {
        assert_eq!(sentences("بلغ النمو 3.5 بالمئة. قال د. أحمد ذلك"), vec!["بلغ النمو 3.5 بالمءة.", "قال د. احمد ذلك"]);
        assert_eq!(sentences("the U.S. and others etc. agreed."), vec!["the u.s. and others etc. agreed."]);
    }

    #[test]
    fn an_overlong_sentence_is_cut_at_blanks_into_pieces_that_keep_every_word() {
        // 2,100 words and no terminator anywhere. Normalised, each word is
        // four letters (the tanwin is dropped) and a blank, so a piece of at
        // most 1,000 characters holds 200 whole words.
        let text = "كلمةً ".repeat(2_100);
        let n = NormalizedText::new(&text);
        let pieces = split(&n, &[]);
        assert_eq!(pieces.len(), 11);
        for p in &pieces {
            assert!(p.end - p.start <= MAX_SENTENCE_CHARS, "{p:?}");
            assert!(!n.chars[p.start].is_whitespace() && !n.chars[p.end - 1].is_whitespace(), "{p:?} cuts a word");
        }
        let rejoined: Vec<String> = pieces.iter().map(|p| n.chars[p.start..p.end].iter().collect()).collect();
        assert!(rejoined.join(" ") == "كلمة ".repeat(2_100).trim_end(), "the pieces, joined with blanks, are not the text");
    }

    #[test]
    fn the_terminator_scan_finds_the_first_at_any_offset() {
        for len in 0..40 {
            for at in 0..=len {
                let mut chars = vec!['ب'; len];
                if at < len {
                    chars[at] = '؛';
                }
                let expected = (at < len).then_some(at);
                assert_eq!(next_terminator(&chars, 0), expected, "{len} {at}");
                assert_eq!(next_terminator(&chars, at.min(len)), expected, "{len} {at}");
            }
        }
    }

    #[test]
    fn an_overlong_word_is_cut_at_the_limit_without_losing_characters() {
        let text = "ب".repeat(2_500);
        let n = NormalizedText::new(&text);
        let pieces: Vec<(usize, usize)> = split(&n, &[]).iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(pieces, vec![(0, 1_000), (1_000, 2_000), (2_000, 2_500)]);
    }
}

//! Normalisation of Arabic (and Latin) text for matching.
//!
//! Matching must not care whether a writer typed `أ` or `ا`, added diacritics,
//! stretched a word with tatweel, or pasted text full of bidi controls. This
//! module folds all of that away, but only for *matching*: the normalised text
//! is never shown to users. Every normalised character remembers the index of
//! the original character it came from, so spans found on the normalised text
//! map back to exact code-point offsets in the original.
//!
//! What it does not do: split words or clitics (see [`crate::token`]) or decide
//! what a word means.

use unicode_normalization::UnicodeNormalization;

/// Text folded for matching, with a map back to the original characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormalizedText {
    /// The folded characters.
    pub chars: Vec<char>,
    /// `origin[i]` is the code-point index, in the original text, of the
    /// character that produced `chars[i]`. One extra entry at the end holds
    /// the length of the original text in code points, so that an exclusive
    /// end maps back too.
    pub origin: Vec<usize>,
}

impl NormalizedText {
    /// Normalises `text`.
    pub fn new(text: &str) -> NormalizedText {
        let mut chars = Vec::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len() + 1);
        let mut index = 0;
        for c in text.chars() {
            if folds_to_itself(c) {
                chars.push(c);
                origin.push(index);
            } else if c == HAMZA_ABOVE {
                compose_hamza(chars.last_mut());
            } else {
                fold_char(c, &mut |folded| {
                    chars.push(folded);
                    origin.push(index);
                });
            }
            index += 1;
        }
        origin.push(index);
        NormalizedText { chars, origin }
    }

    /// Maps a half-open range of normalised positions to the original
    /// code-point range it covers.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let begin = self.origin[start];
        let finish = if end == 0 {
            begin
        } else {
            // The end is the original index right after the last character
            // taken: the character after it in the original may have been
            // dropped (a diacritic), so use the last character's index + 1.
            self.origin[end.min(self.chars.len()) - 1] + 1
        };
        (begin, finish.max(begin))
    }
}

/// Normalises a single word or phrase (a gazetteer name, a rule literal) the
/// same way as running text, returning a plain string.
pub fn normalize_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == HAMZA_ABOVE {
            let mut last = out.pop();
            compose_hamza(last.as_mut());
            out.extend(last);
            continue;
        }
        fold_char(c, &mut |folded| out.push(folded));
    }
    out
}

/// The combining hamza of decomposed (NFD) text: `ؤ` is `و` + U+0654 and `ئ`
/// is `ي` + U+0654 there.
const HAMZA_ABOVE: char = '\u{0654}';

/// Folds a combining hamza into the letter emitted before it, as the
/// precomposed letters fold (`ؤ`, `ئ` → `ء`; `أ` → `ا` needs nothing). Marks
/// in between were not emitted, so the letter is the one the hamza sits on.
fn compose_hamza(last: Option<&mut char>) {
    if let Some(c) = last {
        if matches!(*c, 'و' | 'ي') {
            *c = 'ء';
        }
    }
}

/// Plain Arabic letters, as bits from U+0621: the hamza, `ا` to `غ`
/// (U+0627–U+063A), `ف` to `و` (U+0641–U+0648) and `ي`, but not the hamza
/// carriers, alef variants, tatweel or alef maqsura.
const PLAIN_ARABIC_LETTERS: u64 = {
    let mut bits = 1u64;
    let mut k = 0x0627 - 0x0621;
    while k <= 0x063A - 0x0621 {
        bits |= 1 << k;
        k += 1;
    }
    let mut k = 0x0641 - 0x0621;
    while k <= 0x0648 - 0x0621 {
        bits |= 1 << k;
        k += 1;
    }
    bits | 1 << (0x064A - 0x0621)
};

/// True for the characters most of running text is made of, which fold to
/// themselves: plain Arabic letters and ASCII other than capitals. One
/// comparison or a bit test each, before any of [`fold_char`]'s checks.
#[inline]
fn folds_to_itself(c: char) -> bool {
    let code = c as u32;
    if code < 0x80 {
        return !c.is_ascii_uppercase();
    }
    let k = code.wrapping_sub(0x0621);
    k < 64 && PLAIN_ARABIC_LETTERS >> k & 1 != 0
}

/// Folds one character, emitting zero, one or several characters.
#[inline]
fn fold_char(c: char, emit: &mut impl FnMut(char)) {
    if folds_to_itself(c) {
        emit(c);
        return;
    }
    // Presentation forms (Arabic ligatures and contextual shapes, full-width
    // Latin) decompose to the letters they draw.
    if is_presentation_form(c) {
        let letters: Vec<char> = c.nfkc().collect();
        // The spacing forms of harakat (U+FE70–U+FE7F, shadda ligatures)
        // decompose to a space and a mark: a mark, so nothing, not a blank
        // that would cut the word it sits in.
        if letters.iter().all(|&d| d == ' ' || is_ignorable(d)) {
            return;
        }
        for d in letters {
            fold_simple(d, emit);
        }
        return;
    }
    fold_simple(c, emit)
}

fn fold_simple(c: char, emit: &mut impl FnMut(char)) {
    if is_ignorable(c) {
        return;
    }
    let folded = match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ى' | 'ی' | 'ې' | 'ێ' => 'ي',
        'ؤ' | 'ئ' | 'ٵ' | 'ٶ' | 'ٸ' => 'ء',
        'ک' | 'ڪ' | 'گ' => 'ك',
        'ڤ' => 'ف',
        'پ' => 'ب',
        'ہ' | 'ھ' => 'ه',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        '٫' => '.',
        '؟' => '?',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        // Line and paragraph separators (text pasted from the web, JSON
        // strings written by JavaScript) end a line like `\n`.
        '\u{2028}' | '\u{2029}' | '\u{0085}' => '\n',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
        // The rest of the Arabic block has no case: skip the Unicode case tables.
        '\u{0600}'..='\u{06FF}' => c,
        c if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
        c if c.is_uppercase() => {
            for lower in c.to_lowercase() {
                emit(lower);
            }
            return;
        }
        c => c,
    };
    emit(folded)
}

/// Characters that carry no meaning for matching: Arabic diacritics
/// (tashkeel), tatweel, zero-width joiners and bidi controls.
fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{061C}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{0640}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{FE00}'..='\u{FE0F}'
    )
}

fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' | '\u{FF01}'..='\u{FF5E}')
}

/// Folds ta marbuta into ha: `زيارة` and `زياره` are one word for matching.
///
/// Running text keeps `ة` through tokenisation, because it tells the
/// tokenizer that a final letter is part of the word and not the pronoun
/// suffix `ه` (`وزارة` is "ministry", never `و` + `زار` + `ه`). Stems, names
/// and rule words are folded with this function once clitics are split.
pub fn fold_ta_marbuta(s: &str) -> String {
    s.replace('ة', "ه")
}

/// True for letters of the Arabic script (after normalisation).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        NormalizedText::new(s).chars.into_iter().collect()
    }

    #[test]
    fn folds_alef_ya_ta_marbuta_and_hamza_seats() {
        assert_eq!(norm("أإآٱ"), "اااا");
        assert_eq!(norm("مصطفى"), "مصطفي");
        assert_eq!(norm("زيارة"), "زيارة");
        assert_eq!(norm("لقائه"), "لقاءه");
    }

    #[test]
    fn drops_diacritics_tatweel_and_controls_keeping_origin() {
        let text = "بُوتـــين\u{200F}";
        let n = NormalizedText::new(text);
        assert_eq!(n.chars.iter().collect::<String>(), "بوتين");
        // The final ن is the 9th original character (index 8).
        assert_eq!(n.origin[4], 8);
        assert_eq!(n.original_range(0, 5), (0, 9));
    }

    #[test]
    fn presentation_forms_and_persian_letters_fold_to_plain_letters() {
        // ﻻ is the lam-alef ligature; ﺑ the initial form of ب; ی and ک are Persian.
        assert_eq!(norm("ﻻ"), "لا");
        assert_eq!(norm("ﺑ"), "ب");
        assert_eq!(norm("ایران"), "ايران");
        assert_eq!(norm("کیم"), "كيم");
    }

    #[test]
    fn spacing_harakat_in_presentation_forms_do_not_cut_words() {
        // U+FE76 is the isolated (spacing) form of fatha; NFKC gives " \u{064E}".
        let n = NormalizedText::new("ر\u{FE76}وسيا");
        assert_eq!(n.chars.iter().collect::<String>(), "روسيا");
        assert_eq!(n.origin, vec![0, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn decomposed_hamza_folds_like_the_precomposed_letter() {
        // NFD writes ئ as ي + U+0654 and ؤ as و + U+0654, here with a fatha in between.
        assert_eq!(norm("ر\u{064A}\u{0654}يس"), norm("رئيس"));
        assert_eq!(norm("مس\u{0648}\u{064E}\u{0654}ول"), norm("مسؤول"));
        assert_eq!(normalize_str("ر\u{064A}\u{0654}يس"), "رءيس");
        // Over an alef, the hamza was going to be folded away anyway.
        assert_eq!(norm("ا\u{0654}حمد"), "احمد");
    }

    #[test]
    fn unicode_line_and_paragraph_separators_are_line_breaks() {
        assert_eq!(norm("زار\u{2028}عاد\u{2029}سافر\u{0085}"), "زار\nعاد\nسافر\n");
    }

    #[test]
    fn the_letters_that_fold_to_themselves_are_the_plain_ones() {
        let plain = |c: char| matches!(c, '\u{0621}' | '\u{0627}'..='\u{063A}' | '\u{0641}'..='\u{0648}' | '\u{064A}') || c.is_ascii() && !c.is_ascii_uppercase();
        for c in ('\0'..='\u{0800}').chain(['\u{FEFF}', '\u{FB50}']) {
            assert_eq!(folds_to_itself(c), plain(c), "{c:?}");
        }
    }

    #[test]
    fn arabic_indic_digits_become_ascii() {
        assert_eq!(norm("٢٠٢٤ ۱۹"), "2024 19");
    }
}

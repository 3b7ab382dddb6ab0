//! Passing over text eight bytes at a time to the next byte that needs
//! attention (a quote, a backslash, a control character), for the N-Quads
//! and JSON writers: their strings are mostly runs of Arabic letters in
//! which no byte does.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The first offset from `from` on that starts an eight-byte run holding a
/// byte below `below` (at most 0x80) or equal to one of `among`, or the
/// offset of the last bytes too few to fill a run. Every byte before it is
/// neither; the caller goes on byte by byte from there.
#[inline]
pub fn skip_plain(bytes: &[u8], mut from: usize, below: u8, among: &[u8]) -> usize {
    while let Some(run) = bytes.get(from..from + 8) {
        let run = u64::from_le_bytes(run.try_into().expect("eight bytes"));
        let mut hits = bytes_below(run, below);
        for &b in among {
            hits |= bytes_below(run ^ (ONES * u64::from(b)), 1);
        }
        if hits != 0 {
            break;
        }
        from += 8;
    }
    from
}

/// Nonzero when a byte of `run` is below `n` (n ≤ 0x80). Exact as a yes or
/// no (only bits above a true hit can be wrong), which is all it is used for.
#[inline]
fn bytes_below(run: u64, n: u8) -> u64 {
    run.wrapping_sub(ONES * u64::from(n)) & !run & HIGH_BITS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_skipped_up_to_the_first_byte_that_needs_attention() {
        let text = "بيونغ يانغ عاصمة كوريا الشمالية".as_bytes();
        for at in 0..text.len() {
            for special in [b'"', b'\\', b'\n', 0x00, 0x1F, 0x7F] {
                let mut bytes = text.to_vec();
                bytes[at] = special;
                let stop = skip_plain(&bytes, 0, 0x20, b"\"\\\x7F");
                assert!(stop <= at && at < stop + 8, "{special:#x} at {at}: stopped at {stop}");
            }
        }
        assert_eq!(skip_plain(text, 0, 0x20, b"\"\\"), text.len() - text.len() % 8);
        assert_eq!(skip_plain(b"abc", 0, 0x20, b"\""), 0);
    }
}

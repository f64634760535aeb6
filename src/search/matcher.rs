//! The one place that knows which fuzzy matcher brief uses. fuzzy-matcher is
//! archived upstream; nucleo-matcher or frizbee would replace it here alone.
//!
//! Case and accents are folded before text reaches the matcher (see
//! `fold.rs`), so the matcher always compares exactly.

use fuzzy_matcher::skim::SkimMatcherV2;

pub struct Matcher {
    skim: SkimMatcherV2,
    /// For long texts: the linear match (fzf's v1) instead of the
    /// quadratic optimal one, as fzf itself does for long lines.
    linear: SkimMatcherV2,
}

/// Texts longer than this many bytes are matched linearly.
const LONG: usize = 96;

impl Default for Matcher {
    fn default() -> Self {
        // Respect case: smart case is decided per term by the query, and
        // SkimMatcherV2 only folds ASCII case.
        Matcher {
            skim: SkimMatcherV2::default().respect_case(),
            linear: SkimMatcherV2::default().respect_case().element_limit(1),
        }
    }
}

impl Matcher {
    /// The score of `needle` in `haystack`, higher is better, or `None`.
    pub fn score(&self, haystack: &str, needle: &str) -> Option<i64> {
        if !is_subsequence(haystack, needle) {
            return None;
        }
        self.pick(haystack)
            .fuzzy(haystack, needle, false)
            .map(|(score, _)| score)
    }

    /// The score and the char indices of `haystack` that matched.
    pub fn indices(&self, haystack: &str, needle: &str) -> Option<(i64, Vec<usize>)> {
        if !is_subsequence(haystack, needle) {
            return None;
        }
        self.pick(haystack).fuzzy(haystack, needle, true)
    }

    /// The same algorithm for scores and indices of one text, chosen by
    /// its length alone.
    fn pick(&self, haystack: &str) -> &SkimMatcherV2 {
        if haystack.len() > LONG {
            &self.linear
        } else {
            &self.skim
        }
    }
}

/// A set of the chars in `s`, as bits: letters and digits one bit each,
/// other chars hashed onto the rest; spaces and ASCII punctuation ignored.
/// A needle can only match a text whose mask holds all of the needle's bits,
/// which one AND tells without touching the text.
pub fn char_mask(s: &str) -> u64 {
    let mut mask = 0u64;
    for c in s.chars() {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            'A'..='Z' => c as u32 - 'A' as u32,
            '0'..='9' => 26 + c as u32 - '0' as u32,
            c if c.is_ascii() => continue,
            c => 36 + (c as u32 % 28),
        };
        mask |= 1 << bit;
    }
    mask
}

/// Whether every char of `needle` occurs in `haystack` in order: a cheap
/// test every fuzzy matcher implies, done before the expensive scoring.
/// `str::find` with a char uses memchr for ASCII, which is most text.
pub fn is_subsequence(haystack: &str, needle: &str) -> bool {
    let mut rest = haystack;
    for c in needle.chars() {
        match rest.find(c) {
            Some(i) => rest = &rest[i + c.len_utf8()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contiguous_beats_scattered() {
        let m = Matcher::default();
        let contiguous = m.score("foreign troops in ukraine", "troops").unwrap();
        let scattered = m.score("the road to our old positions", "troops").unwrap();
        assert!(contiguous > scattered, "{contiguous} vs {scattered}");
        assert_eq!(m.score("troop", "troops"), None);
    }

    #[test]
    fn indices_are_char_positions() {
        let m = Matcher::default();
        let (_, idx) = m.indices("киев kyiv", "kyiv").unwrap();
        assert_eq!(idx, vec![5, 6, 7, 8]);
    }

    #[test]
    fn masks_rule_out_without_false_negatives() {
        // Masks are taken of lower-case text.
        let hay = char_mask(&"Захарова said: troops, 2025!".to_lowercase());
        for needle in ["troops", "зах", "2025", "said troops", "S"] {
            assert_eq!(char_mask(needle) & !hay, 0, "{needle}");
        }
        assert_ne!(char_mask("kyiv") & !hay, 0);
    }

    #[test]
    fn subsequence() {
        assert!(is_subsequence("zakharova", "zkv"));
        assert!(!is_subsequence("zakharova", "vz"));
        assert!(is_subsequence("anything", ""));
    }
}

//! The one place that knows which fuzzy matcher brief uses. fuzzy-matcher is
//! archived upstream; nucleo-matcher or frizbee would replace it here alone.
//!
//! Case and accents are folded before text reaches the matcher (see
//! `fold.rs`), so the matcher always compares exactly.

use fuzzy_matcher::skim::SkimMatcherV2;

pub struct Matcher {
    skim: SkimMatcherV2,
}

impl Default for Matcher {
    fn default() -> Self {
        // Respect case: smart case is decided per term by the query, and
        // SkimMatcherV2 only folds ASCII case.
        Matcher {
            skim: SkimMatcherV2::default().respect_case(),
        }
    }
}

impl Matcher {
    /// The score of `needle` in `haystack`, higher is better, or `None`.
    pub fn score(&self, haystack: &str, needle: &str) -> Option<i64> {
        if !is_subsequence(haystack, needle) {
            return None;
        }
        self.skim
            .fuzzy(haystack, needle, false)
            .map(|(score, _)| score)
    }

    /// The score and the char indices of `haystack` that matched.
    pub fn indices(&self, haystack: &str, needle: &str) -> Option<(i64, Vec<usize>)> {
        if !is_subsequence(haystack, needle) {
            return None;
        }
        self.skim.fuzzy(haystack, needle, true)
    }
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
    fn subsequence() {
        assert!(is_subsequence("zakharova", "zkv"));
        assert!(!is_subsequence("zakharova", "vz"));
        assert!(is_subsequence("anything", ""));
    }
}

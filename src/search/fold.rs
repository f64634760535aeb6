//! Accent and case folding for matching, with a map back to the original
//! characters so that highlights land on what the reader sees.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A text as the matcher sees it: accents stripped (NFD, combining marks
/// dropped), in its own case and lower-cased, char for char.
#[derive(Debug, Clone)]
pub struct Folded {
    /// Accent-free, case kept; `None` when equal to the original.
    folded: Option<Box<str>>,
    /// Accent-free and lower-case, with exactly as many chars as `folded`.
    lower: Box<str>,
    /// For each char of `folded`, the index of the original char it came
    /// from; `None` when that is the identity.
    map: Option<Box<[u32]>>,
}

/// One char's lower case. Only the first char of a multi-char lower case is
/// kept ('İ' → 'i'), so that `lower` stays char-for-char with `folded`.
pub fn lower_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

impl Folded {
    pub fn new(original: &str) -> Self {
        if original.is_ascii() {
            let lower = original.to_ascii_lowercase();
            let folded = (lower != original).then(|| original.into());
            return Folded {
                folded,
                lower: lower.into(),
                map: None,
            };
        }
        let mut folded = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len());
        for (i, c) in original.chars().enumerate() {
            if c.is_ascii() {
                folded.push(c);
                map.push(i as u32);
                continue;
            }
            // NFD may give a base char, or none (a lone combining mark), or
            // several (Hangul syllables): map each back to `c`.
            for d in std::iter::once(c).nfd().filter(|d| !is_combining_mark(*d)) {
                folded.push(d);
                map.push(i as u32);
            }
        }
        let lower: String = folded.chars().map(lower_char).collect();
        let identity = map.len() == original.chars().count()
            && map.iter().enumerate().all(|(i, &m)| i as u32 == m);
        let same = folded == original;
        Folded {
            folded: (!same).then(|| folded.into()),
            lower: lower.into(),
            map: (!identity).then(|| map.into()),
        }
    }

    /// The text to match a needle against: lower-case unless the needle
    /// asks for case.
    pub fn haystack<'a>(&'a self, original: &'a str, case_sensitive: bool) -> &'a str {
        if case_sensitive {
            self.folded.as_deref().unwrap_or(original)
        } else {
            &self.lower
        }
    }

    /// The original char index of a folded char index.
    pub fn original_index(&self, folded: usize) -> usize {
        match &self.map {
            Some(map) => map.get(folded).map_or(folded, |&i| i as usize),
            None => folded,
        }
    }

    /// Maps folded char indices to original ones, sorted, without repeats.
    pub fn original_indices(&self, folded: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = folded.iter().map(|&i| self.original_index(i)).collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Folds a query term: accent-free, and lower-case unless it has an
/// upper-case letter (smart case). Returns the needle and whether case counts.
pub fn fold_term(term: &str) -> (String, bool) {
    let stripped: String = term.nfd().filter(|c| !is_combining_mark(*c)).collect();
    let case_sensitive = stripped.chars().any(char::is_uppercase);
    if case_sensitive {
        (stripped, true)
    } else {
        (stripped.chars().map(lower_char).collect(), false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_accents_and_maps_back() {
        let s = "Zürich Kraków";
        let f = Folded::new(s);
        assert_eq!(f.haystack(s, false), "zurich krakow");
        assert_eq!(f.haystack(s, true), "Zurich Krakow");
        // Precomposed input keeps its char count, so the map is the identity.
        assert_eq!(f.original_index(1), 1);
    }

    #[test]
    fn decomposed_input_maps_onto_the_base_char() {
        // "Zu\u{308}rich": the combining diaeresis is a char of its own.
        let s = "Zu\u{308}rich";
        let f = Folded::new(s);
        assert_eq!(f.haystack(s, false), "zurich");
        assert_eq!(f.original_indices(&[2, 3]), vec![3, 4]);
    }

    #[test]
    fn smart_case_terms() {
        assert_eq!(fold_term("zürich"), ("zurich".to_string(), false));
        assert_eq!(fold_term("Zürich"), ("Zurich".to_string(), true));
        assert_eq!(fold_term("КИЕВ"), ("КИЕВ".to_string(), true));
        assert_eq!(fold_term("киев"), ("киев".to_string(), false));
    }

    #[test]
    fn lower_keeps_char_count() {
        let s = "İstanbul ΣΟΦΙΑ Straße";
        let f = Folded::new(s);
        assert_eq!(
            f.haystack(s, false).chars().count(),
            f.haystack(s, true).chars().count()
        );
    }
}

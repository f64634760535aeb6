//! Find in an article: every literal occurrence of what was typed, accents
//! ignored and case too unless a capital was typed, as byte ranges of the
//! original text.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use super::fold::{Folded, fold_term};

/// Every occurrence of `needle` in `text`, without overlaps, in order. Any
/// white space in either matches any single white space char.
pub fn find_all(text: &str, needle: &str) -> Vec<Range<usize>> {
    let (needle, case_sensitive) = fold_term(needle.trim());
    if needle.is_empty() {
        return Vec::new();
    }
    let folded = Folded::new(text);
    let space = |c: char| if c.is_whitespace() { ' ' } else { c };
    let hay: Vec<char> = folded
        .haystack(text, case_sensitive)
        .chars()
        .map(space)
        .collect();
    let needle: Vec<char> = needle.chars().map(space).collect();
    // Byte offset of each original char, and of the end.
    let offsets: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()] == needle[..] {
            let first = folded.original_index(i);
            let mut end = folded.original_index(i + needle.len() - 1) + 1;
            // Take the accents of the last letter too, so no grapheme is cut.
            while text[offsets[end]..]
                .chars()
                .next()
                .is_some_and(is_combining_mark)
            {
                end += 1;
            }
            found.push(offsets[first]..offsets[end]);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words<'a>(text: &'a str, needle: &str) -> Vec<&'a str> {
        find_all(text, needle)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn finds_every_occurrence_ignoring_case_and_accents() {
        let text = "Troops in Zürich; troops in ZURICH;\ntroops again.";
        assert_eq!(words(text, "troops"), ["Troops", "troops", "troops"]);
        assert_eq!(words(text, "zurich"), ["Zürich", "ZURICH"]);
        assert_eq!(words(text, "Zurich"), ["Zürich"]);
        assert_eq!(
            words(text, "zurich; troops"),
            ["Zürich; troops", "ZURICH;\ntroops"]
        );
        assert!(words(text, "  ").is_empty());
    }

    #[test]
    fn ranges_cover_whole_non_ascii_chars() {
        let text = "Глава МИД 🎉 сказала: мид, Мид. 東京 и 東京";
        assert_eq!(words(text, "мид"), ["МИД", "мид", "Мид"]);
        assert_eq!(words(text, "東京"), ["東京", "東京"]);
        assert_eq!(words(text, "🎉 с"), ["🎉 с"]);
        let decomposed = "Zu\u{308}rich";
        assert_eq!(words(decomposed, "zurich"), [decomposed]);
        assert_eq!(words(decomposed, "zu"), ["Zu\u{308}"]);
    }
}

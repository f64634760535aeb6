//! For words that are not verbatim in a source: the passage of the source
//! nearest to them, and the first place where the two differ, so that a
//! curator sees at once "a map" against "the map".

use std::ops::Range;

use super::anchor::fold;

/// The passage of `text` nearest to `phrase`, if any is near enough to be
/// the one meant: at most a third of its characters differ, or (from three
/// words) a third of its words. Phrases of more than 100 words get none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nearest {
    /// Byte range of the passage in `text`.
    pub range: Range<usize>,
    /// The first word that differs: (the phrase's, the passage's); `None`
    /// on either side when one runs out first.
    pub differs: Option<(Option<String>, Option<String>)>,
}

/// Longer phrases get no suggestion: comparing them costs too much.
const MAX_WORDS: usize = 100;

/// Byte ranges of the whitespace-separated words of `text`.
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// A folded word without the punctuation around it, for comparing words.
fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Searches windows of the source's words about as long as the phrase,
/// folded as the matcher folds them (whitespace, quote marks). The nearest
/// has the fewest words changed, inserted or deleted (punctuation aside),
/// then the same number of words, then the fewest characters changed.
pub fn nearest(text: &str, phrase: &str) -> Option<Nearest> {
    let needle = fold(phrase);
    let ours: Vec<&str> = needle.split(' ').filter(|w| !w.is_empty()).collect();
    let n = ours.len();
    if n == 0 {
        return None;
    }
    if n > MAX_WORDS {
        return None;
    }
    let our_bare: Vec<&str> = ours.iter().map(|w| bare(w)).collect();
    let needle_chars: Vec<char> = needle.chars().collect();
    let spans = words(text);
    // A window worth comparing shares some words with the phrase (case
    // aside): a third of them, and at least one when it has two or more.
    // Counted by prefix sums, so that a long text costs little.
    let lower: std::collections::HashSet<String> =
        our_bare.iter().map(|w| w.to_lowercase()).collect();
    let mut shared_before = Vec::with_capacity(spans.len() + 1);
    shared_before.push(0usize);
    for r in &spans {
        let hit = lower.contains(&bare(&text[r.clone()]).to_lowercase());
        shared_before.push(shared_before.last().copied().unwrap_or(0) + usize::from(hit));
    }
    let needed = if n >= 2 { (n / 3).max(1) } else { 0 };
    let mut best: Option<((usize, usize, usize), Range<usize>)> = None;
    for start in 0..spans.len() {
        for len in n.saturating_sub(1).max(1)..=n + 1 {
            let Some(last) = spans.get(start + len - 1) else {
                break;
            };
            if shared_before[start + len] - shared_before[start] < needed {
                continue;
            }
            let range = spans[start].start..last.end;
            let folded = fold(&text[range.clone()]);
            let theirs: Vec<&str> = folded.split(' ').map(bare).collect();
            let by_words = strsim::generic_levenshtein(&theirs, &our_bare);
            if best.as_ref().is_some_and(|((w, _, _), _)| by_words > *w) {
                continue;
            }
            let window: Vec<char> = folded.chars().collect();
            let by_chars = strsim::generic_levenshtein(&window, &needle_chars);
            let score = (by_words, len.abs_diff(n), by_chars);
            if best.as_ref().is_none_or(|(b, _)| score < *b) {
                best = Some((score, range));
            }
        }
    }
    let ((by_words, _, by_chars), range) = best?;
    let near = by_chars * 3 <= needle_chars.len() || (n >= 3 && by_words * 3 <= n);
    if by_chars == 0 || !near {
        return None;
    }
    // Punctuation around the passage belongs to it only if the phrase has
    // some there too.
    let mut range = range;
    let passage = &text[range.clone()];
    if needle.starts_with(char::is_alphanumeric) {
        let trimmed = passage.trim_start_matches(|c: char| !c.is_alphanumeric());
        range.start += passage.len() - trimmed.len();
    }
    let passage = &text[range.clone()];
    if needle.ends_with(char::is_alphanumeric) {
        let trimmed = passage.trim_end_matches(|c: char| !c.is_alphanumeric());
        range.end -= passage.len() - trimmed.len();
    }
    let folded = fold(&text[range.clone()]);
    let theirs: Vec<&str> = folded.split(' ').collect();
    let at = (0..n.max(theirs.len()))
        .find(|&i| ours.get(i).map(|w| bare(w)) != theirs.get(i).map(|w| bare(w)));
    let differs = at.map(|i| {
        (
            ours.get(i).map(|w| w.to_string()),
            theirs.get(i).map(|w| w.to_string()),
        )
    });
    Some(Nearest { range, differs })
}

impl Nearest {
    /// "where it has `the` and these words `a`", for a message.
    pub fn difference(&self) -> String {
        match &self.differs {
            Some((Some(ours), Some(theirs))) => {
                format!("it has `{theirs}` where the words here have `{ours}`")
            }
            Some((Some(ours), None)) => format!("it ends before `{ours}`"),
            Some((None, Some(theirs))) => format!("it goes on with `{theirs}`"),
            _ => "they differ only in spacing or quote marks".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "Officials said that the map of the front line would be redrawn.\nOthers disagreed.";

    #[test]
    fn finds_the_passage_and_the_word_that_differs() {
        let n = nearest(TEXT, "a map of the front line").unwrap();
        assert_eq!(&TEXT[n.range.clone()], "the map of the front line");
        assert_eq!(
            n.differs,
            Some((Some("a".to_string()), Some("the".to_string())))
        );
        assert_eq!(n.difference(), "it has `the` where the words here have `a`");
    }

    #[test]
    fn a_missing_word_is_found_too() {
        let n = nearest(TEXT, "the map of the line would be redrawn").unwrap();
        assert_eq!(
            &TEXT[n.range.clone()],
            "the map of the front line would be redrawn"
        );
        assert_eq!(
            n.difference(),
            "it has `front` where the words here have `line`"
        );
    }

    #[test]
    fn a_long_text_is_searched_quickly() {
        let long = "lorem ipsum dolor sit amet ".repeat(40_000) + TEXT;
        let started = std::time::Instant::now();
        let n = nearest(&long, "a map of the front line").unwrap();
        assert_eq!(&long[n.range.clone()], "the map of the front line");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
        let many = "word ".repeat(200);
        assert_eq!(nearest(TEXT, &many), None, "too long to compare");
    }

    #[test]
    fn words_that_are_nowhere_near_give_nothing() {
        assert_eq!(nearest(TEXT, "an entirely different sentence here"), None);
        assert_eq!(nearest(TEXT, ""), None);
        assert_eq!(nearest("", "anything"), None);
    }
}

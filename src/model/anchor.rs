//! Finding a quote or excerpt in its source text, the way the W3C
//! TextQuoteSelector does: the exact words, with an optional prefix or suffix
//! to pick one occurrence. Only whitespace runs and straight/curly quotes are
//! folded, and only while matching: what is stored is never changed.

use std::ops::Range;

/// A source text folded for matching, with a map back to the original bytes.
pub struct FoldedText {
    folded: String,
    /// For each byte of `folded`, the original byte range of the char it came from.
    origin: Vec<Range<usize>>,
}

fn fold_char(c: char) -> Option<char> {
    match c {
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' => Some('"'),
        '\'' | '‘' | '’' | '‚' | '‛' => Some('\''),
        c if c.is_whitespace() => None,
        c => Some(c),
    }
}

/// Folds a needle the same way, dropping leading and trailing whitespace.
pub fn fold(s: &str) -> String {
    FoldedText::new(s).folded.trim().to_string()
}

impl FoldedText {
    pub fn new(text: &str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut origin: Vec<Range<usize>> = Vec::with_capacity(text.len());
        let mut in_space = false;
        for (i, c) in text.char_indices() {
            let range = i..i + c.len_utf8();
            match fold_char(c) {
                None if in_space => {
                    // Extend the one space that stands for the whole run.
                    if let Some(last) = origin.last_mut() {
                        last.end = range.end;
                    }
                }
                None => {
                    in_space = true;
                    folded.push(' ');
                    origin.push(range);
                }
                Some(f) => {
                    in_space = false;
                    folded.push(f);
                    origin.extend(std::iter::repeat_n(range, f.len_utf8()));
                }
            }
        }
        FoldedText { folded, origin }
    }

    fn original(&self, r: Range<usize>) -> Range<usize> {
        self.origin[r.start].start..self.origin[r.end - 1].end
    }

    /// Every occurrence of `needle`, as original byte ranges.
    pub fn find_all(&self, needle: &str) -> Vec<Range<usize>> {
        let needle = fold(needle);
        if needle.is_empty() {
            return Vec::new();
        }
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(i) = self.folded[from..].find(&needle) {
            let start = from + i;
            found.push(start..start + needle.len());
            // Step one char so overlapping occurrences count too.
            from = start
                + self.folded[start..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
        }
        found.into_iter().map(|r| self.original(r)).collect()
    }

    /// Where an anchor points, or why it can't be placed.
    pub fn locate(&self, anchor: &Anchor<'_>) -> Result<Range<usize>, AnchorError> {
        let mut hits = self.find_all(anchor.text);
        if hits.is_empty() {
            return Err(AnchorError::NotFound);
        }
        let total = hits.len();
        if let Some(prefix) = anchor.prefix.map(trim_context).filter(|p| !p.is_empty()) {
            hits.retain(|r| self.context_before(r.start).ends_with(&prefix));
        }
        if let Some(suffix) = anchor.suffix.map(trim_context).filter(|s| !s.is_empty()) {
            hits.retain(|r| self.context_after(r.end).starts_with(&suffix));
        }
        match hits.len() {
            1 => Ok(hits.remove(0)),
            0 => Err(AnchorError::ContextNotFound { occurrences: total }),
            n if anchor.prefix.is_none() && anchor.suffix.is_none() => {
                Err(AnchorError::Ambiguous { occurrences: n })
            }
            n => Err(AnchorError::StillAmbiguous { occurrences: n }),
        }
    }

    /// Folded text before an original byte offset, without the space and
    /// quote marks that separate it from the anchor.
    fn context_before(&self, original_start: usize) -> String {
        let i = self.origin.partition_point(|r| r.start < original_start);
        trim_context(&self.folded[..i])
    }

    fn context_after(&self, original_end: usize) -> String {
        let i = self.origin.partition_point(|r| r.end <= original_end);
        trim_context(&self.folded[i..])
    }
}

fn trim_context(s: &str) -> String {
    fold(s)
        .trim_matches(|c: char| c == ' ' || c == '"' || c == '\'')
        .to_string()
}

/// What an item says about the words it rests on.
pub struct Anchor<'a> {
    pub text: &'a str,
    pub prefix: Option<&'a str>,
    pub suffix: Option<&'a str>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum AnchorError {
    NotFound,
    Ambiguous { occurrences: usize },
    StillAmbiguous { occurrences: usize },
    ContextNotFound { occurrences: usize },
}

impl AnchorError {
    pub fn describe(&self, what: &str, source: &str) -> String {
        match self {
            AnchorError::NotFound => format!("{what} not found verbatim in source `{source}`"),
            AnchorError::Ambiguous { occurrences } => format!(
                "{what} occurs {occurrences} times in source `{source}`; add `prefix` or `suffix` to pick one"
            ),
            AnchorError::StillAmbiguous { occurrences } => format!(
                "{what} still matches {occurrences} places in source `{source}` with its prefix/suffix; make them longer"
            ),
            AnchorError::ContextNotFound { occurrences } => format!(
                "{what} occurs {occurrences} times in source `{source}` but none has the given prefix/suffix"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(text: &str) -> Anchor<'_> {
        Anchor {
            text,
            prefix: None,
            suffix: None,
        }
    }

    #[test]
    fn folds_whitespace_and_quotes_only() {
        let src = "He said “fight on.”\n  and  left.";
        let t = FoldedText::new(src);
        let r = t.locate(&anchor("said \"fight on.\" and left")).unwrap();
        assert_eq!(&src[r], "said “fight on.”\n  and  left");
        assert_eq!(t.locate(&anchor("Fight on")), Err(AnchorError::NotFound));
    }

    #[test]
    fn prefix_and_suffix_pick_one_occurrence() {
        let src = "Russia said no. Then Russia said yes.";
        let t = FoldedText::new(src);
        assert_eq!(
            t.locate(&anchor("Russia said")),
            Err(AnchorError::Ambiguous { occurrences: 2 })
        );
        let r = t
            .locate(&Anchor {
                text: "Russia said",
                prefix: Some("Then"),
                suffix: None,
            })
            .unwrap();
        assert_eq!(r.start, src.find("Then").unwrap() + 5);
        let r = t
            .locate(&Anchor {
                text: "Russia said",
                prefix: None,
                suffix: Some("no."),
            })
            .unwrap();
        assert_eq!(r.start, 0);
        assert_eq!(
            t.locate(&Anchor {
                text: "Russia said",
                prefix: Some("Never"),
                suffix: None
            }),
            Err(AnchorError::ContextNotFound { occurrences: 2 })
        );
    }

    #[test]
    fn maps_back_to_original_bytes_through_multibyte_text() {
        let src = "Zürich „put on paper next week.” — ok";
        let t = FoldedText::new(src);
        let r = t.locate(&anchor("\"put on paper next week.\"")).unwrap();
        assert_eq!(&src[r], "„put on paper next week.”");
    }
}

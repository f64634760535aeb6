//! Finding a quote or excerpt in its source text, the way the W3C
//! TextQuoteSelector does: the exact words, with an optional prefix or suffix
//! to pick one occurrence. Only whitespace runs and straight/curly quotes are
//! folded, and only while matching: what is stored is never changed.

use std::ops::Range;

/// A source text folded for matching, with a map back to the original bytes.
pub struct FoldedText {
    folded: String,
    /// For each byte of `folded`, the original byte offset of the char it
    /// came from (a whitespace run starts at its first char), then one more
    /// entry: the length of the original text. The original range of folded
    /// char `i..j` is `origin[i]..origin[j]`, as every original char belongs
    /// to exactly one folded char. Four bytes per byte, not sixteen.
    origin: Vec<u32>,
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
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        match fold_char(c) {
            None => space = true,
            Some(f) => {
                // A run of whitespace is one space, and none at either end.
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(f);
            }
        }
    }
    out
}

/// The largest text a `FoldedText` maps (offsets are `u32`); the loader's
/// size cap for sources is far below it.
pub const MAX_TEXT: usize = u32::MAX as usize;

impl FoldedText {
    /// Folds `text`. Texts longer than [`MAX_TEXT`] are cut there (the
    /// loader refuses such sources long before).
    pub fn new(text: &str) -> Self {
        let mut cut = text.len().min(MAX_TEXT);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = &text[..cut];
        let mut folded = String::with_capacity(text.len());
        let mut origin: Vec<u32> = Vec::with_capacity(text.len() + 1);
        let mut in_space = false;
        let bytes = text.as_bytes();
        let mut i = 0;
        let plain = |b: u8| b.is_ascii_graphic() && b != b'"' && b != b'\'';
        while i < bytes.len() {
            // Printable ASCII but quote marks, the bulk of a text, maps to
            // itself, and so does a single space between such: a run of
            // them is copied at once.
            if plain(bytes[i]) {
                let start = i;
                i += 1;
                while i < bytes.len() {
                    if plain(bytes[i]) {
                        i += 1;
                    } else if bytes[i] == b' ' && bytes.get(i + 1).is_some_and(|&b| plain(b)) {
                        i += 2;
                    } else {
                        break;
                    }
                }
                in_space = false;
                folded.push_str(&text[start..i]);
                origin.extend(start as u32..i as u32);
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let at = i as u32;
            i += c.len_utf8();
            match fold_char(c) {
                // The one space already pushed stands for the whole run.
                None if in_space => {}
                None => {
                    in_space = true;
                    folded.push(' ');
                    origin.push(at);
                }
                Some(f) => {
                    in_space = false;
                    folded.push(f);
                    origin.extend(std::iter::repeat_n(at, f.len_utf8()));
                }
            }
        }
        origin.push(text.len() as u32);
        FoldedText { folded, origin }
    }

    /// The original byte range of a folded range (on char boundaries).
    fn original(&self, r: Range<usize>) -> Range<usize> {
        self.origin[r.start] as usize..self.origin[r.end] as usize
    }

    /// Every occurrence of the folded, non-empty `needle`, as folded ranges.
    fn find_folded(&self, needle: &str) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        if needle.is_empty() {
            return found;
        }
        let hay = self.folded.as_bytes();
        let n = needle.as_bytes();
        // Step one char so overlapping occurrences count too. A match of
        // valid UTF-8 starts on a char boundary, and its first char is the
        // needle's.
        let first_len = needle.chars().next().map_or(1, char::len_utf8);
        if hay.len().saturating_mul(n.len()) <= NAIVE_WORK {
            // A short text (most articles): checking each place its first
            // byte occurs costs less than building a searcher, and the
            // product bounds the work.
            // The last byte is compared first: most places fail there,
            // without a call to compare the rest.
            let last = n.len() - 1;
            found.extend(
                memchr::memchr_iter(n[0], hay)
                    .filter(|&i| hay.get(i + last) == Some(&n[last]) && hay[i..].starts_with(n))
                    .map(|i| i..i + n.len()),
            );
            return found;
        }
        let finder = memchr::memmem::Finder::new(n);
        let mut from = 0;
        while let Some(i) = finder.find(&hay[from..]) {
            let start = from + i;
            found.push(start..start + n.len());
            from = start + first_len;
        }
        found
    }

    /// Every occurrence of `needle`, as original byte ranges.
    pub fn find_all(&self, needle: &str) -> Vec<Range<usize>> {
        self.find_folded(&fold(needle))
            .into_iter()
            .map(|r| self.original(r))
            .collect()
    }

    /// Where an anchor points, or why it can't be placed. Each occurrence's
    /// context is compared in place, so the cost is the search plus the
    /// context's length per occurrence, however many there are.
    pub fn locate(&self, anchor: &Anchor<'_>) -> Result<Range<usize>, AnchorError> {
        let mut hits = self.find_folded(&fold(anchor.text));
        if hits.is_empty() {
            return Err(AnchorError::NotFound);
        }
        let total = hits.len();
        if let Some(prefix) = anchor.prefix.map(trim_context).filter(|p| !p.is_empty()) {
            hits.retain(|r| self.context_before(r.start).ends_with(prefix.as_str()));
        }
        if let Some(suffix) = anchor.suffix.map(trim_context).filter(|s| !s.is_empty()) {
            hits.retain(|r| self.context_after(r.end).starts_with(suffix.as_str()));
        }
        match hits.len() {
            1 => Ok(self.original(hits.remove(0))),
            0 => Err(AnchorError::ContextNotFound { occurrences: total }),
            n if anchor.prefix.is_none() && anchor.suffix.is_none() => {
                Err(AnchorError::Ambiguous { occurrences: n })
            }
            n => Err(AnchorError::StillAmbiguous { occurrences: n }),
        }
    }

    /// Folded text before folded offset `at`, without the space and quote
    /// marks that separate it from the anchor. Borrowed: nothing is copied.
    fn context_before(&self, at: usize) -> &str {
        self.folded[..at].trim_end_matches(CONTEXT_TRIM)
    }

    fn context_after(&self, at: usize) -> &str {
        self.folded[at..].trim_start_matches(CONTEXT_TRIM)
    }
}

/// Text length times needle length up to which the plain search is used.
const NAIVE_WORK: usize = 1 << 22;

const CONTEXT_TRIM: [char; 3] = [' ', '"', '\''];

fn trim_context(s: &str) -> String {
    let folded = fold(s);
    let trimmed = folded.trim_matches(CONTEXT_TRIM);
    if trimmed.len() == folded.len() {
        folded
    } else {
        trimmed.to_string()
    }
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

    /// The case that hung `brief check`: a 2.4 MB source with 30,000
    /// occurrences and a prefix that matches none. Each occurrence's context
    /// used to be copied and refolded from the start of the text.
    #[test]
    fn many_occurrences_with_an_unmatched_prefix_are_checked_in_one_pass() {
        let para = "Officials said the troops would stay, and \u{201c}troops\u{201d} were seen. ";
        let mut src = String::new();
        while src.len() < 2_400_000 {
            src.push_str(para);
            src.push_str("Filler words about nothing in particular go here again and again. ");
        }
        let t = FoldedText::new(&src);
        let n = t.find_all("troops").len();
        assert!(n >= 30_000, "{n}");
        assert_eq!(
            t.locate(&Anchor {
                text: "troops",
                prefix: Some("no such words"),
                suffix: None
            }),
            Err(AnchorError::ContextNotFound { occurrences: n })
        );
        // A suffix that picks the last occurrence still finds it.
        src.push_str("Then the troops went home at last.");
        let t = FoldedText::new(&src);
        let r = t
            .locate(&Anchor {
                text: "troops",
                prefix: None,
                suffix: Some("went home"),
            })
            .unwrap();
        assert_eq!(r.start, src.rfind("troops").unwrap());
        // Quote marks between the context and the words are skipped.
        let r = t
            .locate(&Anchor {
                text: "troops",
                prefix: Some("and"),
                suffix: Some("were seen"),
            })
            .map(|r| &src[r]);
        assert_eq!(r, Err(AnchorError::StillAmbiguous { occurrences: n / 2 }));
    }

    #[test]
    fn crlf_text_maps_back_to_the_original_bytes() {
        let src = "First line said\r\nthe \u{201c}words\u{201d}\r\nhere.";
        let t = FoldedText::new(src);
        let r = t.locate(&anchor("said the \"words\" here")).unwrap();
        assert_eq!(&src[r], "said\r\nthe \u{201c}words\u{201d}\r\nhere");
    }
}

//! Splitting an article into sentences, as byte ranges of its text.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets)
//! followed by white space and a character that can start a sentence, and at
//! every line break: headlines and bylines end without a stop.

use std::ops::Range;

fn closes(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

/// Anything but a lower-case letter may start a sentence.
fn can_start(c: char) -> bool {
    !c.is_lowercase()
}

/// The sentences of `text`, trimmed, in order; never empty ranges.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c == '\n' {
            push_trimmed(text, start..at, &mut out);
            start = at + 1;
        } else if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < chars.len() && closes(chars[j].1) {
                j += 1;
            }
            let mut k = j;
            while k < chars.len() && chars[k].1 == ' ' {
                k += 1;
            }
            // A stop followed by a lower-case word ("U.S. officials", "e.g.
            // here") does not end the sentence.
            if k > j && k < chars.len() && can_start(chars[k].1) {
                let end = chars[j - 1].0 + chars[j - 1].1.len_utf8();
                push_trimmed(text, start..end, &mut out);
                start = end;
                i = k;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_at_stops_and_lines() {
        let text = "Talks in Paris\n\nThe “coalition” met. Kyiv welcomed it.\nZakharova said “no.” Then left!";
        assert_eq!(
            split(text),
            vec![
                "Talks in Paris",
                "The “coalition” met.",
                "Kyiv welcomed it.",
                "Zakharova said “no.”",
                "Then left!"
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_before_lower_case() {
        assert_eq!(
            split("U.S. officials said so. e.g. this"),
            vec!["U.S. officials said so. e.g. this"]
        );
    }

    #[test]
    fn non_ascii_boundaries() {
        let text = "Київ відповів. 東京は晴れ。 Done 🎉. Next";
        assert_eq!(
            split(text),
            vec!["Київ відповів.", "東京は晴れ。 Done 🎉.", "Next"]
        );
    }
}

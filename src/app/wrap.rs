//! Word wrapping with byte offsets, so that the reader knows on which screen
//! row any word of a source lands and can scroll a highlight into view.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use crate::model::text::is_unsafe;

/// The character shown for `c`: tabs become a space, unsafe characters a
/// visible inert symbol (see `model::text::inert`).
pub fn shown(c: char) -> char {
    match c {
        '\t' => ' ',
        c if is_unsafe(c) => crate::model::text::inert(c.encode_utf8(&mut [0; 4]))
            .chars()
            .next()
            .unwrap_or('�'),
        c => c,
    }
}

pub fn width(c: char) -> usize {
    shown(c).width().unwrap_or(0)
}

/// The columns `c` takes after `prev`: as shown, and U+FE0F widens the
/// emoji before it to two columns, as terminals draw it.
fn width_after(prev: Option<char>, c: char) -> usize {
    crate::model::text::width_after(prev, c).max(width(c))
}

fn row_width(s: &str) -> usize {
    let mut prev = None;
    s.chars().map(|c| width_after(prev.replace(c), c)).sum()
}

/// Splits `text` into rows of at most `max` columns, breaking between words
/// where it can and inside a word longer than a row. Each row is the byte
/// range of its text, without the newline; spaces at a break stay on the
/// row before (they are invisible there). With `apart`, consecutive
/// non-empty lines (paragraphs) get an empty row between them.
pub fn wrap(text: &str, max: usize, apart: bool) -> Vec<Range<usize>> {
    let max = max.max(1);
    let mut rows = Vec::new();
    let mut line_start = 0;
    let mut previous_empty = true;
    for line in text.split('\n') {
        let empty = line.trim().is_empty();
        if apart && !empty && !previous_empty {
            rows.push(line_start..line_start);
        }
        // A CR LF line end is a line end: the CR is not shown.
        wrap_line(
            line.strip_suffix('\r').unwrap_or(line),
            line_start,
            max,
            &mut rows,
        );
        line_start += line.len() + 1;
        previous_empty = empty;
    }
    rows
}

fn wrap_line(line: &str, base: usize, max: usize, rows: &mut Vec<Range<usize>>) {
    let mut start = 0; // row start, relative to line
    let mut used = 0; // columns used on the row, without trailing spaces
    let mut pending = 0; // trailing spaces after `used`
    let mut word_start: Option<(usize, usize)> = None; // (byte, columns before it on the row)
    let mut prev = None;
    for (i, c) in line.char_indices() {
        // U+FE0F makes the emoji before it two columns wide.
        let w = width_after(prev.replace(c), c);
        if c == ' ' || c == '\t' {
            word_start = None;
            pending += w;
            continue;
        }
        if word_start.is_none() {
            word_start = Some((i, used + pending));
        }
        if used + pending + w > max && i > start {
            // Break before the current word if it started on this row after
            // something else, else inside the word.
            match word_start {
                Some((ws, before)) if ws > start && before > 0 => {
                    rows.push(base + start..base + ws);
                    start = ws;
                    used = row_width(&line[ws..i]);
                }
                _ => {
                    rows.push(base + start..base + i);
                    start = i;
                    used = 0;
                }
            }
            pending = 0;
            word_start = Some((start, 0));
        }
        used += pending + w;
        pending = 0;
    }
    rows.push(base + start..base + line.len());
}

/// The row that holds byte `offset`.
pub fn row_of(rows: &[Range<usize>], offset: usize) -> usize {
    rows.partition_point(|r| r.start <= offset)
        .saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, rows: &[Range<usize>]) -> Vec<&'a str> {
        rows.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn breaks_between_words() {
        let t = "the quick brown fox jumps";
        assert_eq!(
            texts(t, &wrap(t, 10, false)),
            ["the quick ", "brown fox ", "jumps"]
        );
    }

    #[test]
    fn keeps_paragraphs_and_empty_lines() {
        let t = "ab\n\ncd";
        assert_eq!(texts(t, &wrap(t, 10, false)), ["ab", "", "cd"]);
    }

    #[test]
    fn keeps_paragraphs_apart_when_asked() {
        let t = "one\ntwo\n\nthree";
        assert_eq!(
            texts(t, &wrap(t, 10, true)),
            ["one", "", "two", "", "three"]
        );
        let rows = wrap(t, 10, true);
        assert_eq!(
            row_of(&rows, t.find("two").unwrap()),
            2,
            "a paragraph's row, not the gap"
        );
    }

    #[test]
    fn breaks_a_long_word() {
        let t = "abcdefghij xy";
        assert_eq!(texts(t, &wrap(t, 4, false)), ["abcd", "efgh", "ij ", "xy"]);
    }

    #[test]
    fn counts_wide_characters() {
        let t = "日本語 日本";
        assert_eq!(texts(t, &wrap(t, 6, false)), ["日本語 ", "日本"]);
    }

    #[test]
    fn no_row_is_wider_than_asked_except_for_spaces() {
        let t = "Russia's Foreign Ministry said any deployment of Western troops would be unacceptable.";
        for max in 1..30 {
            for r in wrap(t, max, false) {
                let w: usize = t[r].trim_end().chars().map(width).sum();
                assert!(w <= max, "{w} > {max}");
            }
        }
    }

    #[test]
    fn finds_the_row_of_an_offset() {
        let t = "the quick brown fox";
        let rows = wrap(t, 10, false);
        assert_eq!(row_of(&rows, 0), 0);
        assert_eq!(row_of(&rows, t.find("brown").unwrap()), 1);
    }
}

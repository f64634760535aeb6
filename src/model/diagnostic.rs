//! Problems found in a briefing, located by file and byte span, and their
//! rendering as `file:line:col: message` followed by the line and a caret.

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::text::{inert, inert_offset};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as the user named it (e.g. `briefings/x/actors.toml`).
    pub file: String,
    /// Byte span in that file; `None` for problems with the file as a whole.
    pub span: Option<Range<usize>>,
    pub message: String,
}

impl Diagnostic {
    pub fn error(file: &str, span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            span,
            message: message.into(),
        }
    }

    pub fn warning(file: &str, span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            file: file.to_string(),
            span,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// 1-based line and column (in characters) of the span start in `text`.
    pub fn line_col(&self, text: &str) -> (usize, usize) {
        LineIndex::new(text).line_col(self.span.as_ref().map_or(0, |s| s.start))
    }

    /// The one-line header: `file:line:col: error: message`.
    pub fn header(&self, text: Option<&str>) -> String {
        self.header_in(text.map(LineIndex::new).as_ref())
    }

    /// The header, with line and column from a file's line index.
    pub fn header_in(&self, lines: Option<&LineIndex<'_>>) -> String {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match (lines, &self.span) {
            (Some(lines), Some(span)) => {
                let (line, col) = lines.line_col(span.start);
                format!("{}:{line}:{col}: {level}: {}", self.file, self.message)
            }
            _ => format!("{}: {level}: {}", self.file, self.message),
        }
    }

    /// The header, then the offending line with a caret under the span.
    pub fn render(&self, text: Option<&str>) -> String {
        self.render_in(text.map(LineIndex::new).as_ref())
    }

    /// As [`Diagnostic::render`], with the file's line index built once for
    /// all of its diagnostics: the cost is the line's length, not the file's.
    pub fn render_in(&self, lines: Option<&LineIndex<'_>>) -> String {
        // The message quotes ids and the line quotes the file: both may hold
        // the very control characters being reported, so make them inert.
        let mut out = inert(&self.header_in(lines)).into_owned();
        out.push('\n');
        if let (Some(lines), Some(span)) = (lines, &self.span) {
            let text = lines.text;
            let start = floor_char_boundary(text, span.start.min(text.len()));
            let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
            // Carets are for one line; a multi-line span marks its first line.
            let line_no = lines.line_of(start);
            // A very long line (minified data) is shown around the span only.
            let (line_start, line_end) =
                window(text, lines.starts[line_no]..lines.line_end(line_no), start);
            let end = end.min(line_end).max(start);
            let line = &text[line_start..line_end];
            let safe = inert(line);
            let at = inert_offset(line, start - line_start);
            let to = inert_offset(line, end - line_start);
            let level = match self.severity {
                Severity::Error => Level::ERROR,
                Severity::Warning => Level::WARNING,
            };
            let report = [Group::with_level(level).element(
                Snippet::source(safe.as_ref())
                    .line_start(line_no + 1)
                    .annotation(AnnotationKind::Primary.span(at..to)),
            )];
            out.push_str(&Renderer::plain().render(&report).to_string());
            out.push('\n');
        }
        out
    }

    /// What kind of problem this is, the same for every item it happens to:
    /// the message with its quoted names and its numbers blanked out.
    pub fn kind(&self) -> String {
        let mut out = String::with_capacity(self.message.len());
        let mut quoted = false;
        let mut digits = false;
        for c in self.message.chars() {
            if c == '`' {
                if !quoted {
                    out.push_str("`…`");
                }
                quoted = !quoted;
                digits = false;
            } else if quoted {
            } else if c.is_ascii_digit() {
                if !digits {
                    out.push('N');
                }
                digits = true;
            } else {
                digits = false;
                out.push(c);
            }
        }
        out
    }
}

/// Where each line of a text starts, to turn byte offsets into line and
/// column without rescanning the text for every message.
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { text, starts }
    }

    /// 0-based line holding byte `at`.
    fn line_of(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at).saturating_sub(1)
    }

    /// End of line `line`, without its newline.
    fn line_end(&self, line: usize) -> usize {
        self.starts
            .get(line + 1)
            .map_or(self.text.len(), |&next| next - 1)
    }

    /// 1-based line and column (in characters) of byte `at`.
    pub fn line_col(&self, at: usize) -> (usize, usize) {
        let at = floor_char_boundary(self.text, at.min(self.text.len()));
        let line = self.line_of(at);
        let col = self.text[self.starts[line]..at].chars().count() + 1;
        (line + 1, col)
    }
}

/// The part of line `line` shown for a span starting at `at`: the whole
/// line, or about [`WINDOW`] bytes around `at` when it is longer.
fn window(text: &str, line: Range<usize>, at: usize) -> (usize, usize) {
    if line.len() <= WINDOW {
        return (line.start, line.end);
    }
    let from = floor_char_boundary(text, at.saturating_sub(WINDOW / 2).max(line.start));
    let mut to = (from + WINDOW).min(line.end);
    while !text.is_char_boundary(to) {
        to += 1;
    }
    (from, to)
}

const WINDOW: usize = 240;

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_names_file_line_and_column() {
        let text = "a = 1\nside = \"kyv\"\n";
        let d = Diagnostic::error("x.toml", Some(13..18), "unknown side `kyv`");
        assert_eq!(
            d.header(Some(text)),
            "x.toml:2:8: error: unknown side `kyv`"
        );
        let rendered = d.render(Some(text));
        assert!(rendered.contains("side = \"kyv\""), "{rendered}");
        assert!(rendered.contains("^^^^^"), "{rendered}");
    }

    #[test]
    fn rendering_never_emits_the_control_characters_it_reports() {
        let text = "a = 1\ntitle = \"x\u{1b}[31my\u{9b}z\"\n";
        let at = text.find('\u{1b}').unwrap();
        let d = Diagnostic::error("x.toml", Some(at..at + 1), "ESC in text");
        let rendered = d.render(Some(text));
        assert!(
            !rendered.chars().any(super::super::text::is_unsafe),
            "{rendered:?}"
        );
        assert!(rendered.contains("2 | title = \"x␛[31my�z\""), "{rendered}");
        let caret_line = rendered.lines().find(|l| l.contains('^')).unwrap();
        assert_eq!(
            caret_line.find('^'),
            rendered
                .lines()
                .find(|l| l.starts_with("2 |"))
                .unwrap()
                .find('␛')
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "name = \"Zürich\" x";
        let d = Diagnostic::error("x.toml", Some(text.find('x').unwrap()..text.len()), "m");
        assert_eq!(d.line_col(text), (1, 17));
    }

    #[test]
    fn the_line_index_agrees_with_counting_from_the_start() {
        let text = "a = 1\nnamé = \"x\"\n\nlast";
        let index = LineIndex::new(text);
        for at in 0..=text.len() {
            let at = floor_char_boundary(text, at);
            let before = &text[..at];
            let line = before.matches('\n').count() + 1;
            let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
                .chars()
                .count()
                + 1;
            assert_eq!(index.line_col(at), (line, col), "at {at}");
        }
    }

    #[test]
    fn a_kind_ignores_names_and_numbers() {
        let a = Diagnostic::error("f", None, "unknown actor `x` (3 times)");
        let b = Diagnostic::error("f", None, "unknown actor `yz` (12 times)");
        assert_eq!(a.kind(), b.kind());
        assert_eq!(a.kind(), "unknown actor `…` (N times)");
        assert_ne!(
            a.kind(),
            Diagnostic::error("f", None, "unknown issue `x`").kind()
        );
    }

    #[test]
    fn a_very_long_line_is_shown_around_the_span() {
        let mut text = "x".repeat(100_000);
        text.push_str("BAD");
        text.push_str(&"y".repeat(100_000));
        let at = text.find("BAD").unwrap();
        let d = Diagnostic::error("x.toml", Some(at..at + 3), "bad");
        let out = d.render(Some(&text));
        assert!(out.len() < 2_000, "{}", out.len());
        assert!(out.starts_with("x.toml:1:100001: error: bad"), "{out}");
        let line = out.lines().find(|l| l.contains("BAD")).unwrap();
        let caret = out.lines().find(|l| l.contains("^^^")).unwrap();
        assert_eq!(line.find("BAD"), caret.find('^'));
    }

    /// Found by fuzzing: a variation selector after a letter stays in the
    /// shown line, but alone at the start of the span it would be made �,
    /// and the caret's end fell inside the character.
    #[test]
    fn a_span_starting_at_a_joiner_renders() {
        let text = "membe\u{e0100}Ar_of = [\"ukraine\"]\n";
        for (from, to) in [(5, 9), (5, 10), (0, 9), (9, 10), (4, 9)] {
            let d = Diagnostic::error("x.toml", Some(from..to), "m");
            let out = d.render(Some(text));
            assert!(out.contains("^"), "{out}");
        }
    }
}

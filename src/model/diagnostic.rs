//! Problems found in a briefing, located by file and byte span, and their
//! rendering as `file:line:col: message` followed by the line and a caret.

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::text::inert;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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
        let start = self.span.as_ref().map_or(0, |s| s.start).min(text.len());
        let start = floor_char_boundary(text, start);
        let before = &text[..start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = text[line_start..start].chars().count() + 1;
        (line, col)
    }

    /// The one-line header: `file:line:col: error: message`.
    pub fn header(&self, text: Option<&str>) -> String {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match (text, &self.span) {
            (Some(text), Some(_)) => {
                let (line, col) = self.line_col(text);
                format!("{}:{line}:{col}: {level}: {}", self.file, self.message)
            }
            _ => format!("{}: {level}: {}", self.file, self.message),
        }
    }

    /// The header, then the offending line with a caret under the span.
    pub fn render(&self, text: Option<&str>) -> String {
        // The message quotes ids and the line quotes the file: both may hold
        // the very control characters being reported, so make them inert.
        let mut out = inert(&self.header(text)).into_owned();
        out.push('\n');
        if let (Some(text), Some(span)) = (text, &self.span) {
            let start = floor_char_boundary(text, span.start.min(text.len()));
            let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
            // Carets are for one line; a multi-line span marks its first line.
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            let end = end.min(line_end).max(start);
            let line = &text[line_start..line_end];
            let safe = inert(line);
            let at = inert(&text[line_start..start]).len();
            let to = at + inert(&text[start..end]).len();
            let level = match self.severity {
                Severity::Error => Level::ERROR,
                Severity::Warning => Level::WARNING,
            };
            let line_no = text[..line_start].matches('\n').count() + 1;
            let report = [Group::with_level(level).element(
                Snippet::source(safe.as_ref())
                    .line_start(line_no)
                    .annotation(AnnotationKind::Primary.span(at..to)),
            )];
            out.push_str(&Renderer::plain().render(&report).to_string());
            out.push('\n');
        }
        out
    }
}

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
}

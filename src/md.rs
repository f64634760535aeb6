//! Markdown from data: text from a briefing or a note goes into a document
//! as text, never as structure.

/// `s` as inline Markdown text on one line: every character CommonMark
/// could read as syntax is backslash-escaped (HTML, emphasis, code, links,
/// headings, tables, entities), line breaks become spaces, and control
/// characters become visible symbols.
pub fn escape(s: &str) -> String {
    let s = crate::model::text::inert(s);
    let mut out = String::with_capacity(s.len() + 8);
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for (i, c) in word.char_indices() {
            let at_start = out.is_empty() || out.ends_with(' ');
            let special = matches!(
                c,
                '\\' | '`'
                    | '*'
                    | '_'
                    | '['
                    | ']'
                    | '<'
                    | '>'
                    | '#'
                    | '|'
                    | '~'
                    | '&'
                    | '!'
                    | '{'
                    | '}'
                    | '$'
                    | '^'
            );
            // A line or word that starts like a list item or a rule.
            let leading = i == 0 && at_start && matches!(c, '-' | '+' | '=');
            if special || leading {
                out.push('\\');
            }
            out.push(c);
        }
    }
    // "1." or "1)" at the start would make an ordered list.
    if let Some(end) = out.find(|c: char| !c.is_ascii_digit())
        && end > 0
        && out[end..].starts_with(['.', ')'])
    {
        out.insert(end, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn syntax_is_escaped_and_text_kept() {
        assert_eq!(escape("a *b* `c`"), "a \\*b\\* \\`c\\`");
        assert_eq!(escape("# head\nline"), "\\# head line");
        assert_eq!(escape("<script>x</script>"), "\\<script\\>x\\</script\\>");
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(escape("1. first"), "1\\. first");
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("U.S. troops, 16–17 Aug"), "U.S. troops, 16–17 Aug");
        assert_eq!(escape("bell\u{7}"), "bell␇");
        assert_eq!(escape("21–31 Aug 2025"), "21–31 Aug 2025");
        assert_eq!(escape("2025"), "2025");
    }
}

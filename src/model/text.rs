//! Characters that must never reach a terminal, and how to make them inert.

use std::borrow::Cow;

/// ESC and the other C0 controls except tab and newline, DEL, C1, and the
/// bidi embedding/override/isolate controls that can reorder what a reader sees.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Human name for an unsafe character, for messages.
pub fn describe(c: char) -> String {
    match c {
        '\u{1b}' => "ESC (U+001B)".to_string(),
        '\r' => "carriage return (U+000D)".to_string(),
        '\u{7}' => "BEL (U+0007)".to_string(),
        '\u{8}' => "backspace (U+0008)".to_string(),
        c => format!("control character U+{:04X}", c as u32),
    }
}

/// The first unsafe character in `s` and its byte offset.
pub fn first_unsafe(s: &str) -> Option<(usize, char)> {
    s.char_indices().find(|&(_, c)| is_unsafe(c))
}

/// `s` with every unsafe character replaced by a visible, inert symbol:
/// C0 controls become their Control Pictures (␛ for ESC), the rest `�`.
/// A whole CSI/OSC sequence stays visible as text after its ␛, so it
/// can't act.
pub fn inert(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\u{0}'..='\u{1f}' if is_unsafe(c) => {
                    char::from_u32(0x2400 + c as u32).unwrap_or('�')
                }
                '\u{7f}' => '␡',
                c if is_unsafe(c) => '�',
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_and_newline_are_safe_the_rest_is_not() {
        assert!(!is_unsafe('\t') && !is_unsafe('\n') && !is_unsafe('é'));
        for c in [
            '\u{1b}', '\r', '\u{7}', '\u{8}', '\u{7f}', '\u{9b}', '\u{202e}', '\u{2066}',
        ] {
            assert!(is_unsafe(c), "{c:?}");
        }
    }

    #[test]
    fn inert_text_has_no_escape_left() {
        let s = inert("red \u{1b}[31mX\u{7} \u{202e}abc\r");
        assert_eq!(s, "red ␛[31mX␇ �abc␍");
        assert!(!s.chars().any(is_unsafe));
    }
}

//! Characters that must never reach a terminal unmarked, and how to make
//! them inert.
//!
//! Each class has its decision:
//!
//! | class | what | in a TOML field | in a source text | drawn as |
//! |---|---|---|---|---|
//! | [`Class::Control`] | C0 (but tab and newline; CR only before LF), DEL, C1 | error | error | its Control Picture (␛), ␡ or � |
//! | [`Class::Bidi`] | Bidi_Control: they reorder what a reader sees | error | error | � |
//! | [`Class::Invisible`] | every other Default_Ignorable_Code_Point or general category Cf, Zl or Zp (zero-width spaces, BOM, soft hyphen, tags, Hangul fillers, line/paragraph separators…), but not the visible prepended concatenation marks | error | warning | � |
//! | [`Class::Joiner`] | ZWJ, ZWNJ and variation selectors (Variation_Selector) | fine after a visible character, where they shape it (emoji, scripts); error anywhere else | same | themselves after a visible character, else � |
//!
//! The property tables are Unicode's own, from `regex-syntax`.

use std::borrow::Cow;
use std::sync::OnceLock;

/// What kind of character must not pass as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    Control,
    Bidi,
    Invisible,
    Joiner,
}

/// The non-ASCII ranges of the classes, sorted, from Unicode's tables.
fn table() -> &'static [(u32, u32, Class)] {
    static TABLE: OnceLock<Vec<(u32, u32, Class)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let ranges = |pattern: &str| -> Vec<(u32, u32)> {
            match regex_syntax::parse(pattern).map(|h| h.kind().clone()) {
                Ok(regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(c))) => c
                    .ranges()
                    .iter()
                    .map(|r| (r.start() as u32, r.end() as u32))
                    .collect(),
                other => unreachable!("{pattern} is a Unicode class: {other:?}"),
            }
        };
        // Later classes only take what earlier ones left.
        let classes = [
            (r"[\p{Bidi_Control}]", Class::Bidi),
            (r"[\p{Variation_Selector}\u{200C}\u{200D}]", Class::Joiner),
            (
                r"[[\p{Default_Ignorable_Code_Point}\p{gc=Cf}\p{gc=Zl}\p{gc=Zp}]--\p{Prepended_Concatenation_Mark}]",
                Class::Invisible,
            ),
        ];
        let mut out: Vec<(u32, u32, Class)> = Vec::new();
        for (pattern, class) in classes {
            for (lo, hi) in ranges(pattern) {
                // Split around what is already taken.
                let mut start = lo;
                let mut taken: Vec<(u32, u32)> = out
                    .iter()
                    .filter(|r| r.0 <= hi && r.1 >= lo)
                    .map(|r| (r.0, r.1))
                    .collect();
                taken.sort();
                for (a, b) in taken {
                    if a > start {
                        out.push((start, a - 1, class));
                    }
                    start = start.max(b.saturating_add(1));
                }
                if start <= hi {
                    out.push((start, hi, class));
                }
            }
        }
        out.retain(|r| r.0 > 0x9f);
        out.sort_by_key(|r| r.0);
        out
    })
}

/// The class of `c`, if it is not a plain character.
pub fn class(c: char) -> Option<Class> {
    match c {
        '\t' | '\n' => None,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Some(Class::Control),
        ' '..='~' => None,
        c => {
            let t = table();
            let c = c as u32;
            let i = t.partition_point(|r| r.1 < c);
            t.get(i).filter(|r| r.0 <= c).map(|r| r.2)
        }
    }
}

/// Whether `c` is unsafe wherever it stands: a control, a bidi control or
/// an invisible character. Joiners depend on what precedes them: see
/// [`problems`].
pub fn is_unsafe(c: char) -> bool {
    matches!(
        class(c),
        Some(Class::Control | Class::Bidi | Class::Invisible)
    )
}

/// Human name for an unsafe character, for messages.
pub fn describe(c: char) -> String {
    match (c, class(c)) {
        ('\u{1b}', _) => "ESC (U+001B)".to_string(),
        ('\r', _) => "carriage return (U+000D)".to_string(),
        ('\u{7}', _) => "BEL (U+0007)".to_string(),
        ('\u{8}', _) => "backspace (U+0008)".to_string(),
        ('\u{feff}', _) => "byte order mark U+FEFF".to_string(),
        ('\u{ad}', _) => "soft hyphen U+00AD".to_string(),
        (c, Some(Class::Bidi)) => format!("bidi control U+{:04X}", c as u32),
        (c, Some(Class::Invisible)) => format!("invisible character U+{:04X}", c as u32),
        (c, Some(Class::Joiner)) => format!(
            "joiner or variation selector U+{:04X} not after a visible character",
            c as u32
        ),
        (c, _) => format!("control character U+{:04X}", c as u32),
    }
}

/// Every character of `s` that may not pass as it is, with its byte
/// offset and class: controls (a CR just before a LF is a line end and
/// passes), bidi controls, invisible characters, and joiners that follow
/// no visible character.
pub fn problems(s: &str) -> impl Iterator<Item = (usize, char, Class)> + '_ {
    Problems {
        s,
        at: 0,
        prev_visible: false,
    }
}

struct Problems<'a> {
    s: &'a str,
    at: usize,
    /// Whether the char before `at` is visible, so a joiner may follow it.
    prev_visible: bool,
}

impl Iterator for Problems<'_> {
    type Item = (usize, char, Class);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.s.as_bytes();
        let printable = |b: &u8| (b' '..=b'~').contains(b);
        while self.at < bytes.len() {
            if printable(&bytes[self.at]) {
                // Runs of printable ASCII, the bulk of any text, are skipped
                // without decoding.
                let end = bytes[self.at..]
                    .iter()
                    .position(|b| !printable(b))
                    .map_or(bytes.len(), |n| self.at + n);
                self.prev_visible = bytes[end - 1] != b' ';
                self.at = end;
                continue;
            }
            let i = self.at;
            let c = self.s[i..].chars().next()?;
            self.at += c.len_utf8();
            match class(c) {
                None => self.prev_visible = !c.is_whitespace(),
                // CR LF is a line end.
                Some(Class::Control) if c == '\r' && bytes.get(self.at) == Some(&b'\n') => {
                    self.prev_visible = false
                }
                // A joiner after a visible character shapes it; the next
                // may join on.
                Some(Class::Joiner) if self.prev_visible => {}
                Some(class) => {
                    self.prev_visible = false;
                    return Some((i, c, class));
                }
            }
        }
        None
    }
}

/// The first character of `s` that may not pass, and its byte offset.
pub fn first_unsafe(s: &str) -> Option<(usize, char)> {
    problems(s).next().map(|(i, c, _)| (i, c))
}

/// `s` with every character that may not pass replaced by a visible,
/// inert symbol: C0 controls become their Control Pictures (␛ for ESC), DEL
/// ␡, the rest `�`. A whole CSI/OSC sequence stays visible as text after
/// its ␛, so it can't act. Tab and newline are kept, and so is CR before
/// LF; for one-line fields see [`one_line`].
pub fn inert(s: &str) -> Cow<'_, str> {
    let mut bad = problems(s).peekable();
    if bad.peek().is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut from = 0;
    for (i, c, _) in bad {
        out.push_str(&s[from..i]);
        out.push(picture(c));
        from = i + c.len_utf8();
    }
    out.push_str(&s[from..]);
    Cow::Owned(out)
}

/// Where byte `at` of `s` lands in `inert(s)`. (Inerting a piece of `s` on
/// its own can differ: a joiner at the start of the piece has nothing
/// visible before it.)
pub fn inert_offset(s: &str, at: usize) -> usize {
    let mut shift = 0isize;
    for (i, c, _) in problems(s) {
        if i >= at {
            break;
        }
        shift += picture(c).len_utf8() as isize - c.len_utf8() as isize;
    }
    (at as isize + shift) as usize
}

/// The visible symbol that stands for `c`.
pub fn picture(c: char) -> char {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('�'),
        '\u{7f}' => '␡',
        _ => '�',
    }
}

/// A one-line field as shown: inert, with tabs, line breaks (CR LF, LF,
/// U+2028, U+2029) and runs of them made one space each, so words never
/// run together.
pub fn one_line(s: &str) -> Cow<'_, str> {
    // A lone CR is not a line end: it stays a control, shown as ␍.
    let breaks = |c: char, next: Option<char>| {
        matches!(c, '\t' | '\n' | '\u{2028}' | '\u{2029}') || (c == '\r' && next == Some('\n'))
    };
    let mut chars = s.chars().peekable();
    let mut spaced = String::with_capacity(s.len());
    let mut in_break = false;
    let mut changed = false;
    while let Some(c) = chars.next() {
        if breaks(c, chars.peek().copied()) {
            if !in_break {
                spaced.push(' ');
            }
            in_break = true;
            changed = true;
        } else {
            in_break = false;
            spaced.push(c);
        }
    }
    if !changed {
        return inert(s);
    }
    Cow::Owned(inert(&spaced).into_owned())
}

/// Display width as a terminal draws it: by grapheme cluster, so that an
/// emoji with U+FE0F is two columns, and a joiner adds nothing.
pub fn width(s: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// The columns `c` adds after `prev` (the character before it on the
/// row, if any): its own width, except that U+FE0F turns a one-column
/// emoji before it into two, as terminals draw it. For code that lays out
/// text a character at a time.
pub fn width_after(prev: Option<char>, c: char) -> usize {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    match prev {
        Some(p) if c == '\u{fe0f}' => {
            let mut pair = [0u8; 8];
            let n = p.encode_utf8(&mut pair).len();
            let n = n + c.encode_utf8(&mut pair[n..]).len();
            let both = std::str::from_utf8(&pair[..n]).map_or(0, UnicodeWidthStr::width);
            both.saturating_sub(p.width().unwrap_or(0))
        }
        _ => c.width().unwrap_or(0),
    }
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

    /// Every character the issue lists, from Unicode's tables.
    #[test]
    fn invisible_and_format_characters_are_classed() {
        let listed = [
            0x200b, 0x200e, 0x200f, 0xfeff, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x061c, 0x2028,
            0x2029, 0x00ad, 0x034f, 0x180e, 0x206a, 0x206b, 0x206c, 0x206d, 0x206e, 0x206f, 0xfff9,
            0xfffa, 0xfffb, 0xe0000, 0xe0001, 0xe0020, 0xe007f, 0x115f, 0x3164, 0xffa0,
        ];
        for c in listed.map(|c| char::from_u32(c).unwrap()) {
            assert!(is_unsafe(c), "U+{:04X} {:?}", c as u32, class(c));
            assert_eq!(inert(&format!("a{c}b")), "a�b", "U+{:04X}", c as u32);
        }
        assert_eq!(class('\u{200e}'), Some(Class::Bidi));
        assert_eq!(class('\u{202e}'), Some(Class::Bidi));
        assert_eq!(class('\u{200b}'), Some(Class::Invisible));
        assert_eq!(class('\u{fe0f}'), Some(Class::Joiner));
        assert_eq!(class('\u{200d}'), Some(Class::Joiner));
        // Visible text is none of these: Arabic number sign, CJK, emoji.
        for c in ['\u{600}', 'é', '北', '🇺', 'Ж', '\u{301}'] {
            assert_eq!(class(c), None, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn joiners_pass_after_a_visible_character_only() {
        let family = "👨\u{200d}👩\u{200d}👧 ❤\u{fe0f}";
        assert_eq!(first_unsafe(family), None);
        assert_eq!(inert(family), family);
        assert_eq!(inert("\u{fe0f}x \u{200d}y"), "�x �y");
        assert_eq!(first_unsafe(" \u{200d}"), Some((1, '\u{200d}')));
    }

    #[test]
    fn crlf_is_a_line_end_a_lone_cr_is_not() {
        assert_eq!(first_unsafe("a\r\nb\r\n"), None);
        assert_eq!(first_unsafe("a\r\nb\rc"), Some((4, '\r')));
        assert_eq!(problems("\r\r\n\u{1b}").count(), 2);
    }

    #[test]
    fn one_line_fields_show_breaks_as_spaces() {
        assert_eq!(
            one_line("Paris\tsummit\r\n\nnext\u{2028}day"),
            "Paris summit next day"
        );
        assert_eq!(one_line("a\u{1b}b"), "a␛b");
        assert_eq!(one_line("a\rb"), "a␍b");
    }

    #[test]
    fn emoji_with_variation_selector_16_are_two_columns() {
        assert_eq!(width("❤\u{fe0f}x"), 3);
        assert_eq!(width("a\u{200d}b"), 2);
        let per_char: usize = {
            let mut prev = None;
            "x❤\u{fe0f}☺\u{fe0f}y"
                .chars()
                .map(|c| {
                    let w = width_after(prev, c);
                    prev = Some(c);
                    w
                })
                .sum()
        };
        assert_eq!(per_char, width("x❤\u{fe0f}☺\u{fe0f}y"));
        assert_eq!(per_char, 6);
    }
}

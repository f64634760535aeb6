//! Key names: as `keymap.toml` and `config.toml` write them (`"q"`,
//! `"ctrl-c"`, `"alt-left"`, `"shift-tab"`, `"pgdn"`, `"space"`), and as
//! the help and the footer show them (`Ctrl-c`, `Alt-←`, `PgDn`).

use ratatui::crossterm::event::KeyCode;

use super::Key;

/// The named keys, as written in the settings, and their codes.
const NAMED: [(&str, KeyCode); 20] = [
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pgup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("del", KeyCode::Delete),
    ("escape", KeyCode::Esc),
];

/// Reads a key name: one character (`"q"`, `"G"`, `"/"`), or a named key
/// (`"enter"`, `"pgdn"`, `"f5"`), after any of `ctrl-`, `alt-`, `shift-`.
/// `shift-` goes with a letter (`"shift-g"` is `"G"`) or with tab.
pub fn parse_key(text: &str) -> Result<Key, String> {
    let mut rest = text;
    let (mut ctrl, mut alt, mut shift) = (false, false, false);
    loop {
        let lower = rest.to_ascii_lowercase();
        let Some((prefix, flag)) = [
            ("ctrl-", &mut ctrl),
            ("alt-", &mut alt),
            ("shift-", &mut shift),
        ]
        .into_iter()
        .find(|(p, _)| lower.starts_with(p) && rest.len() > p.len()) else {
            break;
        };
        *flag = true;
        rest = &rest[prefix.len()..];
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() => KeyCode::Char(c),
        _ => {
            let lower = rest.to_ascii_lowercase();
            let function = lower
                .strip_prefix('f')
                .and_then(|n| n.parse::<u8>().ok())
                .filter(|n| (1..=12).contains(n));
            match (NAMED.iter().find(|(n, _)| *n == lower), function) {
                (Some((_, code)), _) => *code,
                (None, Some(n)) => KeyCode::F(n),
                (None, None) => {
                    let names = NAMED.iter().map(|(n, _)| *n);
                    let hint = crate::model::suggest::hint(&lower, names);
                    return Err(format!(
                        "unknown key `{text}`{hint}; a key is one character (\"q\", \"G\") or a name \
                         (space, enter, esc, tab, backspace, left, right, up, down, home, end, pgup, \
                         pgdn, f1…f12), after ctrl-, alt- or shift-"
                    ));
                }
            }
        }
    };
    let code = match (shift, code) {
        (false, code) => code,
        (true, KeyCode::Tab) => KeyCode::BackTab,
        (true, KeyCode::Char(c)) if c.is_alphabetic() => KeyCode::Char(c.to_ascii_uppercase()),
        (true, _) => {
            return Err(format!(
                "`{text}`: shift- goes with a letter (\"shift-g\" is \"G\") or with tab"
            ));
        }
    };
    // Ctrl with a letter arrives as the lower-case letter.
    let code = match code {
        KeyCode::Char(c) if ctrl && !shift => KeyCode::Char(c.to_ascii_lowercase()),
        code => code,
    };
    Ok(Key { code, ctrl, alt })
}

/// How the settings write a key: what [`parse_key`] reads back.
pub fn key_spec(key: &Key) -> String {
    let name = match key.code {
        KeyCode::BackTab => "shift-tab".to_string(),
        KeyCode::F(n) => format!("f{n}"),
        KeyCode::Char(c) if c != ' ' => c.to_string(),
        code => NAMED.iter().find(|(_, named)| *named == code).map_or_else(
            || format!("{code:?}").to_lowercase(),
            |(n, _)| n.to_string(),
        ),
    };
    let ctrl = if key.ctrl { "ctrl-" } else { "" };
    let alt = if key.alt { "alt-" } else { "" };
    format!("{ctrl}{alt}{name}")
}

/// How the help and the footer name a key.
pub fn key_name(key: &Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    match (key.ctrl, key.alt) {
        (true, true) => format!("Ctrl-Alt-{name}"),
        (true, _) => format!("Ctrl-{name}"),
        (_, true) => format!("Alt-{name}"),
        _ => name,
    }
}

/// The footer's short name for a binding's keys: a run of three or more
/// successive characters as `1-9`, else the first plain character key
/// (`j` rather than `↓`), else the first key; empty for none.
pub fn short_name(keys: &[Key]) -> String {
    let plain = |k: &Key| match k.code {
        KeyCode::Char(c) if !k.ctrl && !k.alt && c != ' ' => Some(c),
        _ => None,
    };
    let chars: Option<Vec<char>> = keys.iter().map(plain).collect();
    if let Some(chars) = chars
        && chars.len() >= 3
        && chars.windows(2).all(|w| w[1] as u32 == w[0] as u32 + 1)
    {
        return format!("{}-{}", chars[0], chars[chars.len() - 1]);
    }
    keys.iter()
        .find(|k| plain(k).is_some())
        .or(keys.first())
        .map(key_name)
        .unwrap_or_default()
}

//! The user's settings: `$XDG_CONFIG_HOME/brief/config.toml` (by default
//! `~/.config/brief/config.toml`). Colours and the terminal's depth and
//! background; every problem is reported with file:line:col, and whatever
//! is wrong keeps its default.
//!
//! ```toml
//! [terminal]
//! colors = "256"          # truecolor | 256 | 16 | none; default: from COLORTERM and TERM
//! background = "light"    # light | dark; default: from COLORFGBG, else dark
//!
//! [colors]                # each "#rrggbb"
//! focus = "#0072b2"       # the focused pane's border; also search matches
//! key = "#0072b2"         # keys in the help
//! filter = "#e69f00"      # the timeline's filter
//! for = "#009e73"         # supports, demands
//! for-weak = "#6ec8a0"    # open, conditional
//! against = "#d55e00"     # opposes, rules out
//! sides = ["#56b4e9", "#cc79a7"]   # the default side colours, in order
//!
//! [keys]                  # action = key or [keys]; see the README, "Keys"
//! quit = ["x", "ctrl-c"]
//! palette = "ctrl-p"
//! brief.unpin = "d"       # only in one scope (or a [keys.brief] table)
//! ```
//!
//! `[keys]` is read here as written (names and where they are); the keymap
//! ([`crate::keymap::settings`]) checks the names and applies it.

use std::ops::Range;
use std::path::PathBuf;

use ratatui::style::Color;
use toml::de::{DeTable, DeValue};

use crate::model::Diagnostic;
use crate::model::sides::parse_color;
use crate::theme::Depth;

/// How many default side colours a config may set.
pub const MAX_SIDES: usize = 10;

/// Colours the config sets; `None` keeps the theme's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Colors {
    pub focus: Option<Color>,
    pub key: Option<Color>,
    pub filter: Option<Color>,
    pub for_: Option<Color>,
    pub for_weak: Option<Color>,
    pub against: Option<Color>,
    pub sides: [Option<Color>; MAX_SIDES],
}

/// One entry of `[keys]` as written: `quit = ["x", "ctrl-c"]`, or one in
/// a scope's table (`[keys.brief]`, or `brief.unpin = "d"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySetting {
    /// The scope's name and where it is written; `None`: every scope the
    /// action has keys in.
    pub scope: Option<(String, Range<usize>)>,
    /// The action's name and where it is written.
    pub action: (String, Range<usize>),
    /// Each key's name and where it is written.
    pub keys: Vec<(String, Range<usize>)>,
}

/// What the config file says, as far as it is right.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// `Some(None)`: colour off (`colors = "none"`).
    pub depth: Option<Option<Depth>>,
    pub light: Option<bool>,
    pub colors: Colors,
    /// `[keys]`, in the order written.
    pub keys: Vec<KeySetting>,
}

/// Where the config file is, if the platform has a config directory.
pub fn path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("brief").join("config.toml"))
}

/// Reads the user's config: the settings, and every problem found (the
/// file's text with them, for showing the lines). No file is no problem.
pub fn load() -> (Config, Vec<Diagnostic>, Option<(String, String)>) {
    let Some(path) = path() else {
        return (Config::default(), Vec::new(), None);
    };
    let name = path.display().to_string();
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let (config, problems) = parse(&name, &text);
            (config, problems, Some((name, text)))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new(), None),
        Err(e) => (
            Config::default(),
            vec![Diagnostic::error(&name, None, e.to_string())],
            None,
        ),
    }
}

/// Parses a config's text; `file` names it in the problems.
pub fn parse(file: &str, text: &str) -> (Config, Vec<Diagnostic>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    let mut error = |span: Range<usize>, msg: String| {
        problems.push(Diagnostic::error(file, Some(span), msg));
    };
    let (table, syntax) = DeTable::parse_recoverable(text);
    for e in syntax {
        error(
            e.span().unwrap_or(0..0),
            format!("TOML syntax: {}", e.message().trim()),
        );
    }
    for (key, value) in table.get_ref().iter() {
        let DeValue::Table(section) = value.get_ref() else {
            error(
                key.span(),
                format!(
                    "`{}` must be a table: [terminal], [colors] or [keys]",
                    key.get_ref()
                ),
            );
            continue;
        };
        match key.get_ref().as_ref() {
            "terminal" => {
                for (k, v) in section.iter() {
                    let word = match v.get_ref() {
                        DeValue::String(s) => s.as_ref(),
                        _ => {
                            error(v.span(), format!("`{}` takes a string", k.get_ref()));
                            continue;
                        }
                    };
                    match (k.get_ref().as_ref(), word) {
                        ("colors", "truecolor" | "24bit") => {
                            config.depth = Some(Some(Depth::TrueColor))
                        }
                        ("colors", "256") => config.depth = Some(Some(Depth::Ansi256)),
                        ("colors", "16") => config.depth = Some(Some(Depth::Ansi16)),
                        ("colors", "none") => config.depth = Some(None),
                        ("colors", other) => error(
                            v.span(),
                            format!(
                                "unknown colors `{other}`; expected `truecolor`, `256`, `16` or `none`"
                            ),
                        ),
                        ("background", "light") => config.light = Some(true),
                        ("background", "dark") => config.light = Some(false),
                        ("background", other) => error(
                            v.span(),
                            format!("unknown background `{other}`; expected `light` or `dark`"),
                        ),
                        (other, _) => error(
                            k.span(),
                            format!(
                                "unknown setting `{other}` in [terminal]; expected `colors` or `background`"
                            ),
                        ),
                    }
                }
            }
            "colors" => {
                for (k, v) in section.iter() {
                    let name = k.get_ref().as_ref();
                    if name == "sides" {
                        let DeValue::Array(items) = v.get_ref() else {
                            error(
                                v.span(),
                                "`sides` takes a list of colours, e.g. [\"#56b4e9\"]".into(),
                            );
                            continue;
                        };
                        if items.len() > MAX_SIDES {
                            error(
                                v.span(),
                                format!("`sides` takes at most {MAX_SIDES} colours"),
                            );
                        }
                        for (i, item) in items.iter().take(MAX_SIDES).enumerate() {
                            if let Some(c) = color(item, &mut error) {
                                config.colors.sides[i] = Some(c);
                            }
                        }
                        continue;
                    }
                    let slot = match name {
                        "focus" => &mut config.colors.focus,
                        "key" => &mut config.colors.key,
                        "filter" => &mut config.colors.filter,
                        "for" => &mut config.colors.for_,
                        "for-weak" => &mut config.colors.for_weak,
                        "against" => &mut config.colors.against,
                        other => {
                            let known = [
                                "focus", "key", "filter", "for", "for-weak", "against", "sides",
                            ];
                            let hint = crate::model::suggest::hint(other, known);
                            error(
                                k.span(),
                                format!("unknown colour `{other}` in [colors]{hint}"),
                            );
                            continue;
                        }
                    };
                    if let Some(c) = color(v, &mut error) {
                        *slot = Some(c);
                    }
                }
            }
            "keys" => {
                for (k, v) in section.iter() {
                    if let DeValue::Table(scoped) = v.get_ref() {
                        let scope = (k.get_ref().to_string(), k.span());
                        for (action, v) in scoped.iter() {
                            if let Some(keys) = key_list(action, v, &mut error) {
                                config.keys.push(KeySetting {
                                    scope: Some(scope.clone()),
                                    action: (action.get_ref().to_string(), action.span()),
                                    keys,
                                });
                            }
                        }
                    } else if let Some(keys) = key_list(k, v, &mut error) {
                        config.keys.push(KeySetting {
                            scope: None,
                            action: (k.get_ref().to_string(), k.span()),
                            keys,
                        });
                    }
                }
                config.keys.sort_by_key(|s| s.action.1.start);
            }
            other => {
                let hint = crate::model::suggest::hint(other, ["terminal", "colors", "keys"]);
                error(
                    key.span(),
                    format!(
                        "unknown section [{other}]; expected [terminal], [colors] or [keys]{hint}"
                    ),
                );
            }
        }
    }
    problems.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    (config, problems)
}

/// An action's keys in `[keys]`: one key's name, or a list of them
/// (`[]`: no key). Anything else is a problem, and the entry is left out.
fn key_list(
    action: &toml::Spanned<std::borrow::Cow<'_, str>>,
    v: &toml::Spanned<DeValue<'_>>,
    error: &mut impl FnMut(Range<usize>, String),
) -> Option<Vec<(String, Range<usize>)>> {
    let wrong = format!(
        "`{}` takes a key or a list of keys, e.g. \"ctrl-p\" or [\"x\", \"ctrl-c\"]",
        action.get_ref()
    );
    match v.get_ref() {
        DeValue::String(s) => Some(vec![(s.to_string(), v.span())]),
        DeValue::Array(items) => {
            let mut keys = Vec::new();
            for item in items {
                match item.get_ref() {
                    DeValue::String(s) => keys.push((s.to_string(), item.span())),
                    _ => {
                        error(item.span(), wrong);
                        return None;
                    }
                }
            }
            Some(keys)
        }
        DeValue::Table(_) => {
            error(
                v.span(),
                format!(
                    "`{}`: [keys] holds actions, or a scope's table of actions, no deeper",
                    action.get_ref()
                ),
            );
            None
        }
        _ => {
            error(v.span(), wrong);
            None
        }
    }
}

fn color(
    v: &toml::Spanned<DeValue<'_>>,
    error: &mut impl FnMut(Range<usize>, String),
) -> Option<Color> {
    let DeValue::String(s) = v.get_ref() else {
        error(v.span(), "a colour is a string, \"#rrggbb\"".into());
        return None;
    };
    match parse_color(s) {
        Ok([r, g, b]) => Some(Color::Rgb(r, g, b)),
        Err(e) => {
            error(v.span(), e);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(text: &str) -> Vec<String> {
        parse("config.toml", text)
            .1
            .iter()
            .map(|d| d.header(Some(text)))
            .collect()
    }

    #[test]
    fn every_setting_is_read() {
        let text = r##"
[terminal]
colors = "256"
background = "light"

[colors]
focus = "#000080"
key = "#000081"
filter = "#000082"
for = "#008000"
for-weak = "#00a000"
against = "#c00000"
sides = ["#112233", "#445566"]
"##;
        let (c, problems) = parse("config.toml", text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.depth, Some(Some(Depth::Ansi256)));
        assert_eq!(c.light, Some(true));
        assert_eq!(c.colors.focus, Some(Color::Rgb(0, 0, 0x80)));
        assert_eq!(c.colors.against, Some(Color::Rgb(0xc0, 0, 0)));
        assert_eq!(c.colors.sides[1], Some(Color::Rgb(0x44, 0x55, 0x66)));
        assert_eq!(c.colors.sides[2], None);
    }

    #[test]
    fn each_problem_is_located_and_the_rest_still_applies() {
        let text = r##"[colors]
focus = "blue"
fokus = "#000000"
key = "#123456"
sides = ["#123456", 7]

[terminal]
colors = "millions"

[keys]
quit = 7
"##;
        assert_eq!(
            headers(text),
            [
                "config.toml:2:9: error: colour `blue` must be written \"#rrggbb\", e.g. \"#56b4e9\"",
                "config.toml:3:1: error: unknown colour `fokus` in [colors]; did you mean `focus`?",
                "config.toml:5:21: error: a colour is a string, \"#rrggbb\"",
                "config.toml:8:10: error: unknown colors `millions`; expected `truecolor`, `256`, `16` or `none`",
                "config.toml:11:8: error: `quit` takes a key or a list of keys, e.g. \"ctrl-p\" or [\"x\", \"ctrl-c\"]",
            ]
        );
        let (c, _) = parse("config.toml", text);
        assert_eq!(c.colors.focus, None, "the default stays");
        assert_eq!(c.colors.key, Some(Color::Rgb(0x12, 0x34, 0x56)));
        assert_eq!(c.colors.sides[0], Some(Color::Rgb(0x12, 0x34, 0x56)));
        assert_eq!(c.depth, None);
    }

    #[test]
    fn an_unknown_section_suggests_the_nearest() {
        assert_eq!(
            headers("[colours]\nfocus = \"#000000\"\n"),
            [
                "config.toml:1:2: error: unknown section [colours]; expected [terminal], [colors] or [keys]; did you mean `colors`?"
            ]
        );
    }

    #[test]
    fn keys_are_read_as_written_in_order_with_their_places() {
        let text = r#"[keys]
quit = ["x", "ctrl-c"]
palette = "ctrl-p"
brief.unpin = "d"
help = []

[keys.matrix]
left = "a"
"#;
        let (c, problems) = parse("config.toml", text);
        assert!(problems.is_empty(), "{problems:?}");
        let short: Vec<(Option<&str>, &str, Vec<&str>)> = c
            .keys
            .iter()
            .map(|s| {
                (
                    s.scope.as_ref().map(|(n, _)| n.as_str()),
                    s.action.0.as_str(),
                    s.keys.iter().map(|(k, _)| k.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            short,
            [
                (None, "quit", vec!["x", "ctrl-c"]),
                (None, "palette", vec!["ctrl-p"]),
                (Some("brief"), "unpin", vec!["d"]),
                (None, "help", vec![]),
                (Some("matrix"), "left", vec!["a"]),
            ]
        );
        assert_eq!(&text[c.keys[0].keys[1].1.clone()], "\"ctrl-c\"");
        assert_eq!(
            headers("[keys]\nquit = [\"x\", 1]\nbrief.a.b = \"x\"\n"),
            [
                "config.toml:2:14: error: `quit` takes a key or a list of keys, e.g. \"ctrl-p\" or [\"x\", \"ctrl-c\"]",
                "config.toml:3:7: error: `a`: [keys] holds actions, or a scope's table of actions, no deeper",
            ]
        );
    }

    #[test]
    fn a_syntax_error_is_located_too() {
        let text = "[colors]\nfocus = \"#000000\n";
        let h = headers(text);
        assert!(h[0].starts_with("config.toml:2:"), "{h:?}");
        assert!(h[0].contains("TOML syntax"), "{h:?}");
    }
}

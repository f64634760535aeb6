//! Keys to actions. The default keys are data, `assets/keymap.toml`,
//! compiled in; the user's `[keys]` in config.toml change them (see
//! [`settings`]). The help overlay and the footer are generated from the
//! keymap in force, so they show the keys that work.

mod keys;
pub mod settings;

use std::sync::OnceLock;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use crate::app::palette::Edit;
use crate::app::{Action, Pane};

pub use keys::{key_name, key_spec, parse_key, short_name};

/// The default keymap's text.
pub const DEFAULT_TOML: &str = include_str!("../assets/keymap.toml");

/// A key as the keymap names it: a code, with or without Ctrl or Alt
/// (Shift is in the character: `G`, or in the code: Shift-Tab).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// The key of a terminal event, as the keymap names keys.
    pub fn of(key: KeyEvent) -> Key {
        Key {
            code: key.code,
            ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
            alt: key.modifiers.contains(KeyModifiers::ALT),
        }
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Everywhere,
    In(Pane),
    /// While typing in the search palette or the find prompt.
    Typing,
}

/// The scopes by the names `keymap.toml` and `[keys]` give them, in the
/// help's order.
pub const SCOPES: [(&str, Scope); 11] = [
    ("everywhere", Scope::Everywhere),
    ("timeline", Scope::In(Pane::Timeline)),
    ("actors", Scope::In(Pane::Actors)),
    ("details", Scope::In(Pane::Details)),
    ("source", Scope::In(Pane::Source)),
    ("matrix", Scope::In(Pane::Matrix)),
    ("changes", Scope::In(Pane::Changes)),
    ("issue", Scope::In(Pane::IssueView)),
    ("disagreements", Scope::In(Pane::Disagreements)),
    ("brief", Scope::In(Pane::Brief)),
    ("typing", Scope::Typing),
];

/// A scope's name.
pub fn scope_name(scope: Scope) -> &'static str {
    SCOPES
        .iter()
        .find(|(_, s)| *s == scope)
        .map_or("everywhere", |(n, _)| n)
}

/// Every action a key can have, by its stable name: the names of
/// `keymap.toml` and of `[keys]` in config.toml, listed in the README
/// (a test keeps them in step). `side` is the side keys (the first key:
/// the first side, …). Names have no dots: in `[keys]` a dot names a
/// scope (`brief.unpin`), so the palette's editing keys are `query-…`.
pub const ACTIONS: [(&str, Action); 64] = [
    ("quit", Action::Quit),
    ("help", Action::Help),
    ("back", Action::Back),
    ("focus-next", Action::FocusNext),
    ("focus-prev", Action::FocusPrev),
    ("up", Action::Up),
    ("down", Action::Down),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("page-up", Action::PageUp),
    ("page-down", Action::PageDown),
    ("half-up", Action::HalfUp),
    ("half-down", Action::HalfDown),
    ("jump-back", Action::JumpBack),
    ("jump-forward", Action::JumpForward),
    ("next-source", Action::NextSource),
    ("prev-source", Action::PrevSource),
    ("next-highlight", Action::NextHighlight),
    ("prev-highlight", Action::PrevHighlight),
    ("open", Action::Open),
    ("side", Action::Side(0)),
    ("filter-actor", Action::FilterActor),
    ("filter-side", Action::FilterSide),
    ("clear-filters", Action::ClearFilters),
    ("reading", Action::ToggleReading),
    ("mentions", Action::ToggleMentions),
    ("assessed", Action::ToggleAssessed),
    ("palette", Action::OpenPalette),
    ("briefings", Action::Briefings),
    ("find", Action::OpenFind),
    ("erase", Action::Erase),
    ("query-start", Action::Edit(Edit::Start)),
    ("query-end", Action::Edit(Edit::End)),
    ("query-left", Action::Edit(Edit::Left)),
    ("query-right", Action::Edit(Edit::Right)),
    ("query-delete-to-start", Action::Edit(Edit::DeleteToStart)),
    ("query-delete-word", Action::Edit(Edit::DeleteWord)),
    ("query-delete-to-end", Action::Edit(Edit::DeleteToEnd)),
    ("query-history", Action::Edit(Edit::History)),
    ("query-show-all", Action::Edit(Edit::ShowAll)),
    ("left", Action::Left),
    ("right", Action::Right),
    ("matrix", Action::OpenView(Pane::Matrix)),
    ("changes", Action::OpenView(Pane::Changes)),
    ("issue", Action::OpenView(Pane::IssueView)),
    ("disagreements", Action::OpenView(Pane::Disagreements)),
    ("brief", Action::OpenView(Pane::Brief)),
    ("sides-or-actors", Action::ToggleBy),
    ("earlier-date", Action::EarlierDate),
    ("later-date", Action::LaterDate),
    ("type-date", Action::TypeDate),
    ("mark-since", Action::MarkSince),
    ("type-since", Action::TypeSince),
    ("pin", Action::Pin),
    ("unpin", Action::Unpin),
    ("annotate", Action::Annotate),
    ("edit-external", Action::EditExternal),
    ("move-entry-up", Action::MoveEntryUp),
    ("move-entry-down", Action::MoveEntryDown),
    ("add-heading", Action::AddHeading),
    ("copy", Action::Copy),
    ("copy-markdown", Action::CopyMarkdown),
    ("mouse", Action::ToggleMouse),
    ("export", Action::Export),
];

/// The action of a name in [`ACTIONS`].
pub fn action_named(name: &str) -> Option<Action> {
    ACTIONS.iter().find(|(n, _)| *n == name).map(|(_, a)| *a)
}

/// An action's name in [`ACTIONS`] (every side key is `side`).
pub fn action_name(action: Action) -> Option<&'static str> {
    let action = match action {
        Action::Side(_) => Action::Side(0),
        a => a,
    };
    ACTIONS.iter().find(|(_, a)| *a == action).map(|(n, _)| *n)
}

/// The footer's hint of a binding: its word, and whose keys it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HintSpec {
    pub words: String,
    /// The actions whose keys (in the binding's scope) the hint shows,
    /// joined by `/`: `j/k` for down and up.
    pub keys_of: Vec<Action>,
}

/// Some keys, an action, where it applies, and what the help says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<Key>,
    /// `Side(0)` for the side keys: the key says which side.
    pub action: Action,
    pub scope: Scope,
    /// What the help says it does.
    pub desc: String,
    /// The footer's hint, for the bindings that matter most.
    pub hint: Option<HintSpec>,
}

impl Binding {
    pub fn applies(&self, ctx: &Context) -> bool {
        match self.scope {
            Scope::Everywhere => true,
            Scope::In(p) => p == ctx.focus,
            Scope::Typing => false,
        }
    }
}

/// A footer hint as shown: the keys in force, the word, and its action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint<'a> {
    pub keys: String,
    pub words: &'a str,
    pub action: Action,
}

/// What resolving a key depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    pub focus: Pane,
}

/// The keys in force: the default's bindings, as the settings changed them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::builtin().clone()
    }
}

/// One `[[bind]]` of keymap.toml, as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBinding {
    action: String,
    scope: String,
    keys: Vec<String>,
    desc: String,
    hint: Option<String>,
    #[serde(rename = "hint-keys")]
    hint_keys: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKeymap {
    bind: Vec<RawBinding>,
}

impl Keymap {
    /// The default keymap, read from `assets/keymap.toml` once (the tests
    /// prove it reads without a problem).
    pub fn builtin() -> &'static Keymap {
        static BUILTIN: OnceLock<Keymap> = OnceLock::new();
        BUILTIN.get_or_init(|| Keymap::parse(DEFAULT_TOML).0)
    }

    /// Reads a keymap in `keymap.toml`'s form; a binding with a problem is
    /// left out, and the problems are said.
    pub fn parse(text: &str) -> (Keymap, Vec<String>) {
        let raw: RawKeymap = match toml::from_str(text) {
            Ok(raw) => raw,
            Err(e) => return (Keymap { bindings: vec![] }, vec![e.to_string()]),
        };
        let mut problems = Vec::new();
        let mut bindings = Vec::new();
        for (i, b) in raw.bind.into_iter().enumerate() {
            let mut problem = |m: String| problems.push(format!("binding {}: {m}", i + 1));
            let Some(action) = action_named(&b.action) else {
                problem(format!("unknown action `{}`", b.action));
                continue;
            };
            let Some(scope) = SCOPES.iter().find(|(n, _)| *n == b.scope).map(|(_, s)| *s) else {
                problem(format!("unknown scope `{}`", b.scope));
                continue;
            };
            let keys: Result<Vec<Key>, String> = b.keys.iter().map(|k| parse_key(k)).collect();
            let keys = match keys {
                Ok(keys) => keys,
                Err(e) => {
                    problem(e);
                    continue;
                }
            };
            let hint = match (b.hint, b.hint_keys) {
                (Some(words), None) => Some(HintSpec {
                    words,
                    keys_of: vec![action],
                }),
                (Some(words), Some(names)) => {
                    let keys_of: Option<Vec<Action>> =
                        names.iter().map(|n| action_named(n)).collect();
                    let Some(keys_of) = keys_of else {
                        problem(format!("unknown action in hint-keys {names:?}"));
                        continue;
                    };
                    Some(HintSpec { words, keys_of })
                }
                (None, Some(_)) => {
                    problem("hint-keys without a hint".into());
                    continue;
                }
                (None, None) => None,
            };
            bindings.push(Binding {
                keys,
                action,
                scope,
                desc: b.desc,
                hint,
            });
        }
        (Keymap { bindings }, problems)
    }

    /// Every binding, in the help's order within each scope.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The bindings of a scope, in order.
    pub fn in_scope(&self, scope: Scope) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.scope == scope)
    }

    /// The action for a key in a context, if any: the focused pane's own
    /// bindings first, then those that apply everywhere.
    pub fn resolve(&self, key: KeyEvent, ctx: &Context) -> Option<Action> {
        let pressed = Key::of(key);
        let own = self.in_scope(Scope::In(ctx.focus));
        own.chain(self.in_scope(Scope::Everywhere)).find_map(|b| {
            let i = b.keys.iter().position(|k| *k == pressed)?;
            // The side keys share one binding; the key says which side.
            Some(match b.action {
                Action::Side(_) => Action::Side(i),
                a => a,
            })
        })
    }

    /// The action for a key while typing in the palette or the find
    /// prompt: the typing bindings, paging as everywhere, and any other
    /// character as text.
    pub fn resolve_typing(&self, key: KeyEvent) -> Option<Action> {
        let pressed = Key::of(key);
        if let Some(b) = self
            .in_scope(Scope::Typing)
            .find(|b| b.keys.contains(&pressed))
        {
            return Some(b.action);
        }
        match key.code {
            KeyCode::Char(c) if !pressed.ctrl && !c.is_control() => Some(Action::Type(c)),
            // Paging works as it does everywhere else.
            KeyCode::PageDown => Some(Action::PageDown),
            KeyCode::PageUp => Some(Action::PageUp),
            _ => None,
        }
    }

    /// The keys of an action in a scope (its first binding there), else
    /// where it applies everywhere.
    pub fn keys_of(&self, action: Action, scope: Scope) -> &[Key] {
        let first = |s: Scope| self.in_scope(s).find(|b| b.action == action);
        first(scope)
            .or_else(|| first(Scope::Everywhere))
            .map_or(&[], |b| &b.keys)
    }

    /// The footer's hints for a context, the pane's own first, then the
    /// rest; each names the keys in force (none: no hint).
    pub fn hints(&self, ctx: &Context) -> Vec<Hint<'_>> {
        let own = self.in_scope(Scope::In(ctx.focus));
        own.chain(self.in_scope(Scope::Everywhere))
            .filter_map(|b| {
                let spec = b.hint.as_ref()?;
                let names: Vec<String> = spec
                    .keys_of
                    .iter()
                    .map(|a| short_name(self.keys_of(*a, b.scope)))
                    .filter(|n| !n.is_empty())
                    .collect();
                (!names.is_empty()).then(|| Hint {
                    keys: names.join("/"),
                    words: &spec.words,
                    action: b.action,
                })
            })
            .collect()
    }
}

/// The action for a key in a context, with the default keys.
pub fn resolve(key: KeyEvent, ctx: &Context) -> Option<Action> {
    Keymap::builtin().resolve(key, ctx)
}

#[cfg(test)]
mod tests;

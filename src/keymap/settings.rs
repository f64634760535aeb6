//! The user's `[keys]` (config.toml) applied to the default keymap.
//!
//! `action = ["key", …]` (or one key as a string) replaces the keys of
//! that action in every scope it has keys in, the palette and find
//! (`typing`) excepted unless the action is only bound there;
//! `scope.action = …` (or a `[keys.scope]` table) only in that scope.
//! `[]` leaves the action without a key.
//!
//! A remap wins: a key it takes from another binding in the same scope
//! is that binding's no longer (a warning says so when that was its last
//! key). A pane's own binding still wins over an everywhere one in that
//! pane. Each problem (unknown scope or action, a bad key name) is a
//! diagnostic at its place, and that entry keeps its defaults.

use crate::config::KeySetting;
use crate::model::Diagnostic;
use crate::model::suggest::hint;

use super::{ACTIONS, Action, Key, Keymap, SCOPES, Scope, action_name, parse_key, scope_name};

impl Keymap {
    /// The default keymap as `[keys]` changes it, and its problems;
    /// `file` names config.toml in them.
    pub fn configured(file: &str, settings: &[KeySetting]) -> (Keymap, Vec<Diagnostic>) {
        let mut keymap = Keymap::builtin().clone();
        let mut problems = Vec::new();
        for s in settings {
            if let Err(d) = keymap.apply(file, s, &mut problems) {
                problems.push(d);
            }
        }
        problems.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
        (keymap, problems)
    }

    /// One `[keys]` entry; an error leaves the keymap as it was.
    fn apply(
        &mut self,
        file: &str,
        s: &KeySetting,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<(), Diagnostic> {
        let scope = match &s.scope {
            None => None,
            Some((name, span)) => match SCOPES.iter().find(|(n, _)| n == name) {
                Some((_, scope)) => Some(*scope),
                None => {
                    let names = SCOPES.iter().map(|(n, _)| *n);
                    let message = format!(
                        "unknown scope `{name}` in [keys]{}; a scope is one of {}",
                        hint(name, names.clone()),
                        names.collect::<Vec<_>>().join(", ")
                    );
                    return Err(Diagnostic::error(file, Some(span.clone()), message));
                }
            },
        };
        let (name, span) = &s.action;
        let Some(action) = super::action_named(name) else {
            let message = format!(
                "unknown action `{name}` in [keys]{} (the actions are listed in the README, \"Keys\")",
                hint(name, ACTIONS.iter().map(|(n, _)| *n))
            );
            return Err(Diagnostic::error(file, Some(span.clone()), message));
        };
        let mut keys: Vec<Key> = Vec::new();
        for (text, span) in &s.keys {
            let key =
                parse_key(text).map_err(|e| Diagnostic::error(file, Some(span.clone()), e))?;
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        let lost = self
            .remap(scope, action, &keys)
            .map_err(|e| Diagnostic::error(file, Some(span.clone()), e))?;
        for (other, scope) in lost {
            warnings.push(Diagnostic::warning(
                file,
                Some(span.clone()),
                format!(
                    "`{other}` has no key left ({}): `{name}` took it",
                    scope_name(scope)
                ),
            ));
        }
        Ok(())
    }

    /// Gives `action` exactly `keys` in `scope` (`None`: every scope it
    /// has keys in, typing aside unless it is only bound there). The other
    /// bindings of those scopes lose these keys; returns the actions left
    /// without any, and where.
    pub fn remap(
        &mut self,
        scope: Option<Scope>,
        action: Action,
        keys: &[Key],
    ) -> Result<Vec<(&'static str, Scope)>, String> {
        let bound: Vec<Scope> = SCOPES
            .iter()
            .map(|(_, s)| *s)
            .filter(|s| self.in_scope(*s).any(|b| b.action == action))
            .collect();
        let name = action_name(action).unwrap_or("?");
        let targets: Vec<Scope> = match scope {
            Some(s) if bound.contains(&s) => vec![s],
            Some(s) => {
                let names: Vec<&str> = bound.iter().map(|s| scope_name(*s)).collect();
                return Err(format!(
                    "`{name}` has no keys in {} to change; it has in: {}",
                    scope_name(s),
                    names.join(", ")
                ));
            }
            None if bound.iter().any(|s| *s != Scope::Typing) => {
                bound.into_iter().filter(|s| *s != Scope::Typing).collect()
            }
            None => bound,
        };
        let mut lost = Vec::new();
        for target in targets {
            let mut first = true;
            self.bindings.retain(|b| {
                let other = b.scope == target && b.action == action && !first;
                first &= !(b.scope == target && b.action == action);
                !other
            });
            let mut losers = Vec::new();
            for b in self.bindings.iter_mut().filter(|b| b.scope == target) {
                if b.action == action {
                    b.keys = keys.to_vec();
                } else if b.keys.iter().any(|k| keys.contains(k)) {
                    b.keys.retain(|k| !keys.contains(k));
                    losers.push(b.action);
                }
            }
            for loser in losers {
                let mut of = self.in_scope(target).filter(|b| b.action == loser);
                if of.all(|b| b.keys.is_empty()) {
                    lost.push((action_name(loser).unwrap_or("?"), target));
                }
            }
        }
        Ok(lost)
    }
}

impl Keymap {
    /// The keys in force as `[keys]` tables, one per scope: pasted into
    /// config.toml, they give this keymap again.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        for (scope_name, scope) in SCOPES {
            let mut actions: Vec<Action> = Vec::new();
            for b in self.in_scope(scope) {
                if !actions.contains(&b.action) {
                    actions.push(b.action);
                }
            }
            if actions.is_empty() {
                continue;
            }
            out.push_str(&format!("\n[keys.{scope_name}]\n"));
            for action in actions {
                let of: Vec<&super::Binding> = self
                    .in_scope(scope)
                    .filter(|b| b.action == action)
                    .collect();
                let keys: Vec<String> = of
                    .iter()
                    .flat_map(|b| &b.keys)
                    .map(|k| format!("{:?}", super::key_spec(k)))
                    .collect();
                out.push_str(&format!(
                    "{} = [{}]  # {}\n",
                    action_name(action).unwrap_or("?"),
                    keys.join(", "),
                    of[0].desc
                ));
            }
        }
        out
    }
}

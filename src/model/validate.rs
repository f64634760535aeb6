//! Checks across items: ids, references, required sides, and that every quote
//! and excerpt is found in its source. Locates the words as it goes.

use std::collections::HashSet;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::Briefing;
use super::anchor::{Anchor, FoldedText};
use super::diagnostic::Diagnostic;
use super::types::{Basis, Id, Position, Stance};

/// The sides every briefing must define.
pub const MAIN_SIDES: [&str; 4] = ["kyiv", "moscow", "washington", "coalition"];

struct Checker<'n> {
    name: &'n dyn Fn(&str) -> String,
    unreadable: &'n Unreadable,
    out: Vec<Diagnostic>,
}

impl<'n> Checker<'n> {
    fn error(&mut self, file: &str, span: &Range<usize>, msg: String) {
        let name = (self.name)(file);
        self.out
            .push(Diagnostic::error(&name, Some(span.clone()), msg));
    }

    fn warning(&mut self, file: &str, span: &Range<usize>, msg: String) {
        let name = (self.name)(file);
        self.out
            .push(Diagnostic::warning(&name, Some(span.clone()), msg));
    }

    /// Checks id syntax and uniqueness; returns the ids references may
    /// name: these, and those of the file's unreadable items. Borrowed, not
    /// copied: a large briefing has hundreds of thousands.
    fn ids<'a>(
        &mut self,
        file: &str,
        what: &str,
        ids: impl Iterator<Item = &'a Id>,
    ) -> FxHashSet<&'a str>
    where
        'n: 'a,
    {
        let mut seen: FxHashMap<&str, Range<usize>> = FxHashMap::default();
        let mut dups = Vec::new();
        for id in ids {
            let valid = !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !valid {
                self.error(
                    file,
                    &id.span,
                    format!(
                        "{what} id `{}` must be lower-case letters, digits and `-`",
                        id.value
                    ),
                );
            }
            match seen.get(id.as_str()) {
                Some(first) => dups.push((id, first.clone())),
                None => {
                    seen.insert(id.as_str(), id.span.clone());
                }
            }
        }
        for (id, first) in dups {
            let before = if first.start < id.span.start {
                "above"
            } else {
                "elsewhere"
            };
            self.error(
                file,
                &id.span,
                format!(
                    "duplicate {what} id `{}`: already defined {before}",
                    id.value
                ),
            );
        }
        let mut known: FxHashSet<&'a str> = seen.into_keys().collect();
        known.extend(self.unreadable.in_file(file));
        known
    }

    fn reference(&mut self, file: &str, what: &str, id: &Id, known: &FxHashSet<&str>) {
        if !known.contains(id.as_str()) {
            self.error(file, &id.span, format!("unknown {what} `{}`", id.value));
        }
    }
}

/// Items that could not be read (their problems are already reported).
#[derive(Default)]
pub struct Unreadable {
    /// (file, id); the id is empty when the item had none.
    pub ids: HashSet<(String, String)>,
}

impl Unreadable {
    /// The ids of the unreadable items of `file`.
    fn in_file(&self, file: &str) -> Vec<&str> {
        self.ids
            .iter()
            .filter(|(f, _)| f == file)
            .map(|(_, id)| id.as_str())
            .collect()
    }
}

pub fn validate(
    b: &mut Briefing,
    unreadable: &Unreadable,
    name: &dyn Fn(&str) -> String,
) -> Vec<Diagnostic> {
    let mut c = Checker {
        name,
        unreadable,
        out: Vec::new(),
    };
    let sides = c.ids("briefing.toml", "side", b.sides.iter().map(|x| &x.id));
    let sources = c.ids("sources.toml", "source", b.sources.iter().map(|x| &x.id));
    let actors = c.ids("actors.toml", "actor", b.actors.iter().map(|x| &x.id));
    let issues = c.ids("issues.toml", "issue", b.issues.iter().map(|x| &x.id));
    let events = c.ids("events.toml", "event", b.events.iter().map(|x| &x.id));
    let quotes = c.ids("quotes.toml", "quote", b.quotes.iter().map(|x| &x.id));
    c.ids(
        "positions.toml",
        "position",
        b.positions.iter().map(|x| &x.id),
    );
    let ds = b.discrepancies.iter().map(|x| &x.id);
    c.ids("discrepancies.toml", "discrepancy", ds);

    let missing: Vec<_> = MAIN_SIDES.iter().filter(|s| !sides.contains(**s)).collect();
    let sides_at = b.sides.first().map_or(0..0, |s| s.id.span.clone());
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(|s| format!("`{s}`")).collect();
        c.error(
            "briefing.toml",
            &sides_at,
            format!("missing required side(s) {}", list.join(", ")),
        );
    }
    if sides.iter().filter(|s| !MAIN_SIDES.contains(*s)).count() == 0 {
        c.error(
            "briefing.toml",
            &sides_at,
            "define at least one side besides the four main ones (e.g. analysts)".into(),
        );
    }

    for a in &b.actors {
        c.reference("actors.toml", "side", &a.side, &sides);
        for m in &a.member_of {
            c.reference("actors.toml", "actor", m, &actors);
        }
    }
    for e in &b.events {
        e.participants
            .iter()
            .for_each(|p| c.reference("events.toml", "actor", p, &actors));
        e.issues
            .iter()
            .for_each(|i| c.reference("events.toml", "issue", i, &issues));
        if e.evidence.is_empty() {
            c.error(
                "events.toml",
                &e.id.span,
                format!("event `{}` needs at least one evidence excerpt", e.id.value),
            );
        }
    }
    for q in &b.quotes {
        c.reference("quotes.toml", "actor", &q.speaker, &actors);
        if let Some(ev) = &q.event {
            c.reference("quotes.toml", "event", ev, &events);
        }
        q.issues
            .iter()
            .for_each(|i| c.reference("quotes.toml", "issue", i, &issues));
    }
    let forecast: FxHashMap<&str, bool> = b
        .issues
        .iter()
        .map(|i| (i.id.as_str(), i.forecast))
        .collect();
    for p in &b.positions {
        c.reference("positions.toml", "actor", &p.actor, &actors);
        c.reference("positions.toml", "issue", &p.issue, &issues);
        if let Some(&f) = forecast.get(p.issue.as_str()) {
            stance_fits_issue(&mut c, p, f);
        }
        basis(&mut c, p, &actors, &sources);
        p.quotes
            .iter()
            .for_each(|q| c.reference("positions.toml", "quote", q, &quotes));
        if p.quotes.is_empty() && p.evidence.is_empty() {
            c.error(
                "positions.toml",
                &p.id.span,
                format!(
                    "position `{}` needs at least one quote or evidence excerpt",
                    p.id.value
                ),
            );
        }
    }
    for d in &b.discrepancies {
        let distinct: HashSet<&str> = d.accounts.iter().map(|a| a.source.as_str()).collect();
        if d.accounts.len() < 2 || distinct.len() < 2 {
            c.error(
                "discrepancies.toml",
                &d.id.span,
                format!(
                    "discrepancy `{}` needs accounts from at least two sources",
                    d.id.value
                ),
            );
        }
    }

    // Owned from here: locating writes into the briefing.
    let sources: FxHashSet<String> = sources.iter().map(|s| s.to_string()).collect();
    let readable_sources: FxHashSet<String> =
        b.sources.iter().map(|s| s.id.value.clone()).collect();
    locate_all(&mut c, b, &sources, &readable_sources);
    // With items unreadable, "unused" would mostly name what they refer to.
    if unreadable.ids.is_empty() {
        unused(&mut c, b);
    }
    c.out
}

/// A forecast issue takes the forecast stances; any other issue, the rest.
fn stance_fits_issue(c: &mut Checker<'_>, p: &Position, forecast: bool) {
    if p.stance.allowed_on(forecast) {
        return;
    }
    let mut words: Vec<String> = Stance::vocabulary(forecast)
        .map(|s| format!("`{}`", s.id()))
        .collect();
    let last = words.pop().unwrap_or_default();
    let words = format!("{} or {last}", words.join(", "));
    let msg = if forecast {
        format!(
            "stance `{}` on forecast issue `{}`: a forecast takes {words}",
            p.stance.id(),
            p.issue.value,
        )
    } else {
        format!(
            "stance `{}` is for forecasts, and issue `{}` is not one (no `forecast = true`): use {words}",
            p.stance.id(),
            p.issue.value,
        )
    };
    c.error("positions.toml", &p.spans.stance, msg);
}

/// An assessed position names its assessor, an actor or a source; no other
/// position does.
fn basis(c: &mut Checker<'_>, p: &Position, actors: &FxHashSet<&str>, sources: &FxHashSet<&str>) {
    const FILE: &str = "positions.toml";
    match (&p.assessed_by, p.basis) {
        (None, Basis::Assessed) => c.error(
            FILE,
            &p.spans.basis,
            "an assessed position needs `assessed_by`: the actor or source id whose assessment it is".into(),
        ),
        (None, _) => {}
        (Some(by), Basis::Assessed) => {
            let (actor, source) = (actors.contains(by.as_str()), sources.contains(by.as_str()));
            if !actor && !source {
                c.error(
                    FILE,
                    &by.span,
                    format!("unknown actor or source `{}`", by.value),
                );
            } else if actor && source {
                c.error(
                    FILE,
                    &by.span,
                    format!(
                        "`{}` is both an actor and a source id; rename one so that the assessor is clear",
                        by.value
                    ),
                );
            }
        }
        (Some(by), other) => c.error(
            FILE,
            &by.span,
            format!(
                "`assessed_by` is only for `basis = \"assessed\"`; this position's basis is `{}`",
                other.id()
            ),
        ),
    }
}

/// Which anchored item a placement is for.
#[derive(Clone, Copy)]
enum Slot {
    Event(usize, usize),
    Quote(usize),
    Position(usize, usize),
    Account(usize, usize),
}

/// Finds every quote, excerpt and account in its source and records where.
/// Anchors are grouped by source, and each source is folded once and
/// dropped before the next, so memory holds one folded text at a time.
fn locate_all(
    c: &mut Checker<'_>,
    b: &mut Briefing,
    known: &FxHashSet<String>,
    readable: &FxHashSet<String>,
) {
    let source_of: FxHashMap<&str, usize> = b
        .sources
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.text.is_empty())
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut slots: Vec<(usize, Slot)> = Vec::new();
    let mut wanted = |c: &mut Checker<'_>, file: &str, source: &Id, slot: Slot| {
        if !known.contains(source.as_str()) {
            c.error(
                file,
                &source.span,
                format!("unknown source `{}`", source.value),
            );
        } else if readable.contains(source.as_str())
            && let Some(&i) = source_of.get(source.as_str())
        {
            slots.push((i, slot));
        }
    };
    for (i, e) in b.events.iter().enumerate() {
        for (j, x) in e.evidence.iter().enumerate() {
            wanted(c, "events.toml", &x.source, Slot::Event(i, j));
        }
    }
    for (i, q) in b.quotes.iter().enumerate() {
        wanted(c, "quotes.toml", &q.source, Slot::Quote(i));
    }
    for (i, p) in b.positions.iter().enumerate() {
        for (j, x) in p.evidence.iter().enumerate() {
            wanted(c, "positions.toml", &x.source, Slot::Position(i, j));
        }
    }
    for (i, d) in b.discrepancies.iter().enumerate() {
        for (j, a) in d.accounts.iter().enumerate() {
            wanted(c, "discrepancies.toml", &a.source, Slot::Account(i, j));
        }
    }
    // Stable: within a source, anchors keep their file order.
    slots.sort_by_key(|&(source, _)| source);
    let mut at = 0;
    while at < slots.len() {
        let source = slots[at].0;
        let folded = FoldedText::new(&b.sources[source].text);
        let id = b.sources[source].id.value.clone();
        while at < slots.len() && slots[at].0 == source {
            let slot = slots[at].1;
            at += 1;
            let (file, what, text, prefix, suffix, range) = match slot {
                Slot::Event(i, j) => {
                    let x = &mut b.events[i].evidence[j];
                    let r = &mut x.range;
                    ("events.toml", "excerpt", &x.text, &x.prefix, &x.suffix, r)
                }
                Slot::Quote(i) => {
                    let q = &mut b.quotes[i];
                    let r = &mut q.range;
                    ("quotes.toml", "quote", &q.text, &q.prefix, &q.suffix, r)
                }
                Slot::Position(i, j) => {
                    let x = &mut b.positions[i].evidence[j];
                    let r = &mut x.range;
                    (
                        "positions.toml",
                        "excerpt",
                        &x.text,
                        &x.prefix,
                        &x.suffix,
                        r,
                    )
                }
                Slot::Account(i, j) => {
                    let a = &mut b.discrepancies[i].accounts[j];
                    let r = &mut a.range;
                    (
                        "discrepancies.toml",
                        "excerpt",
                        &a.text,
                        &a.prefix,
                        &a.suffix,
                        r,
                    )
                }
            };
            let anchor = Anchor {
                text,
                prefix: prefix.as_deref(),
                suffix: suffix.as_deref(),
            };
            match folded.locate(&anchor) {
                Ok(r) => *range = Some(r),
                Err(e) => {
                    *range = None;
                    c.error(file, &text.span, e.describe(what, &id));
                }
            }
        }
    }
}

/// Warnings for actors nothing refers to (an assessor counts as used) and
/// issues no one takes a stance on.
fn unused(c: &mut Checker<'_>, b: &Briefing) {
    let mut used: FxHashSet<&str> = FxHashSet::default();
    used.extend(b.quotes.iter().map(|q| q.speaker.as_str()));
    used.extend(b.positions.iter().map(|p| p.actor.as_str()));
    used.extend(
        b.positions
            .iter()
            .filter_map(|p| p.assessed_by.as_ref().map(|a| a.as_str())),
    );
    used.extend(
        b.events
            .iter()
            .flat_map(|e| e.participants.iter().map(|p| p.as_str())),
    );
    for a in &b.actors {
        if !used.contains(a.id.as_str()) {
            c.warning(
                "actors.toml",
                &a.id.span,
                format!("actor `{}` has no quote, position or event", a.id.value),
            );
        }
    }
    let stances: FxHashSet<&str> = b.positions.iter().map(|p| p.issue.as_str()).collect();
    for i in &b.issues {
        if !stances.contains(i.id.as_str()) {
            c.warning(
                "issues.toml",
                &i.id.span,
                format!("issue `{}` has no position", i.id.value),
            );
        }
    }
}

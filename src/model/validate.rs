//! Checks across items: ids, references, sides' letters and colours, and
//! that every quote and excerpt is found in its source. Locates the words
//! as it goes.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::Briefing;
use super::anchor::{Anchor, AnchorError, FoldedText};
use super::diagnostic::Diagnostic;
use super::located::Located;
use super::nearest::nearest;
use super::sides::{parse_color, parse_letter};
use super::suggest;
use super::types::{Basis, Id, Position, Stance};

struct Checker<'n> {
    name: &'n dyn Fn(&str) -> String,
    unreadable: &'n Unreadable,
    /// The text of each file read, by its name in messages, for the lines
    /// that messages cite.
    texts: &'n BTreeMap<String, String>,
    /// Ids that are not well formed, by file: they are reported once, and
    /// nothing else is said of their items.
    malformed: HashSet<(String, String)>,
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

    /// "line N" of an earlier place in a file, or "above" when the file's
    /// text is not at hand.
    fn line_of(&self, file: &str, span: &Range<usize>) -> String {
        let line = self.texts.get(&(self.name)(file)).map(|text| {
            Diagnostic::error(file, Some(span.clone()), "")
                .line_col(text)
                .0
        });
        line.map_or_else(|| "above".into(), |n| format!("at line {n}"))
    }

    /// Checks id syntax and uniqueness; returns the ids references may
    /// name: these, and those of the file's unreadable items. A malformed
    /// id may also be named as it would be well formed (`foreign-troops`
    /// for `Foreign Troops`), so that one bad id is one error.
    fn ids<'a>(
        &mut self,
        file: &str,
        what: &str,
        ids: impl ExactSizeIterator<Item = &'a Id>,
    ) -> Known<'a>
    where
        'n: 'a,
    {
        let mut seen: HashMap<&str, &Range<usize>> = HashMap::default();
        seen.reserve(ids.len());
        let mut also = Vec::new();
        let mut dups = Vec::new();
        for id in ids {
            if !well_formed(id) {
                let slug = slug(id);
                let hint = if slug.is_empty() || slug == id.value {
                    String::new()
                } else {
                    format!(", e.g. `{slug}`")
                };
                self.error(
                    file,
                    &id.span,
                    format!(
                        "{what} id `{}` must be lower-case letters, digits and `-`{hint}",
                        id.value
                    ),
                );
                self.malformed.insert((file.to_string(), id.value.clone()));
                also.push(slug);
            }
            match seen.entry(id.as_str()) {
                std::collections::hash_map::Entry::Occupied(first) => {
                    dups.push((id, (*first.get()).clone()))
                }
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(&id.span);
                }
            }
        }
        for (id, first) in dups {
            let at = self.line_of(file, &first);
            self.error(
                file,
                &id.span,
                format!("duplicate {what} id `{}`: already defined {at}", id.value),
            );
        }
        let mut known: Known<'a> = seen.into_keys().map(Cow::Borrowed).collect();
        known.extend(also.into_iter().map(Cow::Owned));
        self.unreadable.extend(file, known)
    }

    fn reference(&mut self, file: &str, what: &str, id: &Id, known: &Known<'_>) {
        if !known.contains(id.as_str()) {
            let hint = suggest::hint(id, known.iter().map(|k| k.as_ref()));
            self.error(
                file,
                &id.span,
                format!("unknown {what} `{}`{hint}", id.value),
            );
        }
    }
}

/// Whether `id` is well formed: lower-case ASCII letters, digits and `-`.
pub fn well_formed(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A malformed id as it would be well formed: lower case, with `-` for
/// every run of other characters.
pub fn slug(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The ids of one kind that references may name: borrowed from the
/// briefing, or owned (an id as it would be well formed).
type Known<'a> = HashSet<Cow<'a, str>>;

/// Items that could not be read (their problems are already reported).
#[derive(Default)]
pub struct Unreadable {
    /// (file, id); the id is empty when the item had none.
    pub ids: std::collections::HashSet<(String, String)>,
}

impl Unreadable {
    /// Adds the ids of unreadable items of `file` to `known`.
    fn extend<'a>(&'a self, file: &str, mut known: Known<'a>) -> Known<'a> {
        known.extend(
            self.ids
                .iter()
                .filter(|(f, _)| f == file)
                .map(|(_, id)| Cow::Borrowed(id.as_str())),
        );
        known
    }
}

/// Every problem across items. `texts` holds the files read, by their
/// names in messages (`name`), so that a message can cite a line.
pub fn validate(
    b: &mut Briefing,
    unreadable: &Unreadable,
    name: &dyn Fn(&str) -> String,
    texts: &BTreeMap<String, String>,
) -> Vec<Diagnostic> {
    let (out, ranges) = check(b, unreadable, name, texts);
    // Where each quote, excerpt and account was found, in the order
    // `locate_all` gathers them.
    let mut ranges = ranges.into_iter();
    for e in &mut b.events {
        for x in &mut e.evidence {
            x.range = ranges.next().flatten();
        }
    }
    for q in &mut b.quotes {
        q.range = ranges.next().flatten();
    }
    for p in &mut b.positions {
        for x in &mut p.evidence {
            x.range = ranges.next().flatten();
        }
    }
    for d in &mut b.discrepancies {
        for a in &mut d.accounts {
            a.range = ranges.next().flatten();
        }
    }
    out
}

/// Every problem, and where each anchor was found (see `locate_all`). The
/// sets of known ids borrow the briefing's own.
fn check(
    b: &Briefing,
    unreadable: &Unreadable,
    name: &dyn Fn(&str) -> String,
    texts: &BTreeMap<String, String>,
) -> (Vec<Diagnostic>, Vec<Option<Range<usize>>>) {
    let mut c = Checker {
        name,
        unreadable,
        texts,
        malformed: HashSet::default(),
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

    sides_look(&mut c, b);

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
    let forecast: HashMap<&str, bool> = b
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

    let readable_sources: HashSet<&str> = b.sources.iter().map(|s| s.id.as_str()).collect();
    let ranges = locate_all(&mut c, b, &sources, &readable_sources);
    // With items unreadable, "unused" would mostly name what they refer to.
    if unreadable.ids.is_empty() {
        unused(&mut c, b);
    }
    (c.out, ranges)
}

/// A side's own letter and colour must be well formed, and no two sides
/// may set the same letter; two sides of one colour are only a warning.
fn sides_look(c: &mut Checker<'_>, b: &Briefing) {
    const FILE: &str = "briefing.toml";
    let mut letters: HashMap<char, (&str, Range<usize>)> = HashMap::default();
    let mut colors: HashMap<[u8; 3], (&str, Range<usize>)> = HashMap::default();
    for side in &b.sides {
        if let Some(l) = &side.letter {
            match parse_letter(l) {
                Err(e) => c.error(FILE, &l.span, e),
                Ok(ch) => match letters.get(&ch) {
                    Some((first, at)) => {
                        let at = c.line_of(FILE, at);
                        c.error(
                            FILE,
                            &l.span,
                            format!("side letter `{ch}` is already side `{first}`'s, set {at}; each side needs a letter of its own"),
                        );
                    }
                    None => {
                        letters.insert(ch, (side.id.as_str(), l.span.clone()));
                    }
                },
            }
        }
        if let Some(col) = &side.color {
            match parse_color(col) {
                Err(e) => c.error(FILE, &col.span, e),
                Ok(rgb) => match colors.get(&rgb) {
                    Some((first, at)) => {
                        let at = c.line_of(FILE, at);
                        c.warning(
                            FILE,
                            &col.span,
                            format!("side `{}` has the colour of side `{first}`, set {at}; only their letters tell them apart", side.id.value),
                        );
                    }
                    None => {
                        colors.insert(rgb, (side.id.as_str(), col.span.clone()));
                    }
                },
            }
        }
    }
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
fn basis(c: &mut Checker<'_>, p: &Position, actors: &Known<'_>, sources: &Known<'_>) {
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
                let hint = suggest::hint(by, actors.iter().chain(sources).map(|k| k.as_ref()));
                c.error(
                    FILE,
                    &by.span,
                    format!("unknown actor or source `{}`{hint}", by.value),
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

/// Finds every quote, excerpt and account in its source: where each was
/// found, in the order of events' evidence, quotes, positions' evidence
/// and discrepancies' accounts.
fn locate_all(
    c: &mut Checker<'_>,
    b: &Briefing,
    known: &Known<'_>,
    readable: &HashSet<&str>,
) -> Vec<Option<Range<usize>>> {
    // Every anchor, in file order: (file, what, source, words, prefix, suffix).
    type Wanted<'b> = (
        &'static str,
        &'static str,
        &'b Id,
        &'b Located<String>,
        Option<&'b str>,
        Option<&'b str>,
    );
    let mut wanted: Vec<Wanted<'_>> = Vec::new();
    for e in &b.events {
        for x in &e.evidence {
            let w = ("events.toml", "excerpt", &x.source, &x.text);
            wanted.push((w.0, w.1, w.2, w.3, x.prefix.as_deref(), x.suffix.as_deref()));
        }
    }
    for q in &b.quotes {
        let w = ("quotes.toml", "quote", &q.source, &q.text);
        wanted.push((w.0, w.1, w.2, w.3, q.prefix.as_deref(), q.suffix.as_deref()));
    }
    for p in &b.positions {
        for x in &p.evidence {
            let w = ("positions.toml", "excerpt", &x.source, &x.text);
            wanted.push((w.0, w.1, w.2, w.3, x.prefix.as_deref(), x.suffix.as_deref()));
        }
    }
    for d in &b.discrepancies {
        for x in &d.accounts {
            let w = ("discrepancies.toml", "excerpt", &x.source, &x.text);
            wanted.push((w.0, w.1, w.2, w.3, x.prefix.as_deref(), x.suffix.as_deref()));
        }
    }
    // Per source whose text could not be read: how many of its words
    // were left unchecked, by file and kind.
    let mut unchecked: BTreeMap<String, BTreeMap<(&str, &str), usize>> = BTreeMap::new();
    let mut missing: Vec<(&str, &str, Range<usize>, String, String)> = Vec::new();
    // The anchors of each readable source, by index into `wanted`.
    let texts: HashMap<&str, &str> = b
        .sources
        .iter()
        .filter(|s| !s.text.is_empty())
        .map(|s| (s.id.as_str(), s.text.as_str()))
        .collect();
    let mut by_source: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (k, &(file, what, source, _, _, _)) in wanted.iter().enumerate() {
        if !known.contains(source.as_str()) {
            let hint = suggest::hint(source, known.iter().map(|k| k.as_ref()));
            c.error(
                file,
                &source.span,
                format!("unknown source `{}`{hint}", source.value),
            );
        } else if !readable.contains(source.as_str()) {
        } else if texts.contains_key(source.as_str()) {
            by_source.entry(source.as_str()).or_default().push(k);
        } else {
            *unchecked
                .entry(source.value.clone())
                .or_default()
                .entry((file, what))
                .or_default() += 1;
        }
    }
    // One source folded at a time, so that memory holds one fold, not all.
    let mut ranges: Vec<Option<Range<usize>>> = vec![None; wanted.len()];
    // Sources are folded and searched side by side on the machine's
    // cores; what was found is taken in source order.
    let by_source: Vec<(&str, Vec<usize>)> = by_source.into_iter().collect();
    let found = super::par::map_ordered(by_source.len(), |i| {
        let (source, ks) = &by_source[i];
        let folded = FoldedText::new(texts[source]);
        ks.iter()
            .map(|&k| {
                let (_, _, _, text, prefix, suffix) = wanted[k];
                folded.locate(&Anchor {
                    text,
                    prefix,
                    suffix,
                })
            })
            .collect::<Vec<_>>()
    });
    for ((_, ks), found) in by_source.into_iter().zip(found) {
        for (k, found) in ks.into_iter().zip(found) {
            let (file, what, source, text, _, _) = wanted[k];
            match found {
                Ok(range) => ranges[k] = Some(range),
                Err(AnchorError::NotFound) => {
                    // Said after the loops, with the nearest passage.
                    missing.push((
                        file,
                        what,
                        text.span.clone(),
                        source.value.clone(),
                        text.value.clone(),
                    ));
                }
                Err(e) => c.error(file, &text.span, e.describe(what, source)),
            }
        }
    }
    drop(wanted);
    for (file, what, span, id, words) in missing {
        let mut msg = AnchorError::NotFound.describe(what, &id);
        if let Some(source) = b.sources.iter().find(|s| s.id.value == id)
            && let Some(near) = nearest(&source.text, &words)
        {
            let d = Diagnostic::error("", Some(near.range.clone()), "");
            let line = d.line_col(&source.text).0;
            let passage = excerpt_of(&source.text[near.range.clone()]);
            msg = format!(
                "{msg}; nearest is line {line} of {}: \"{passage}\", and {}",
                source.file.value,
                near.difference()
            );
        }
        c.error(file, &span, msg);
    }
    for (id, counts) in unchecked {
        let Some(source) = b.sources.iter().find(|s| s.id.value == id) else {
            continue;
        };
        let list: Vec<String> = counts
            .iter()
            .map(|((file, what), n)| {
                let s = if *n == 1 { "" } else { "s" };
                format!("{n} {what}{s} in {file}")
            })
            .collect();
        c.warning(
            "sources.toml",
            &source.file.span,
            format!(
                "not checked, as the text of source `{id}` could not be read: {}",
                list.join(", ")
            ),
        );
    }
    ranges
}

/// A passage of a source for a message: on one line, inert, and at most
/// 60 characters (with `…` where it was cut).
fn excerpt_of(passage: &str) -> String {
    let one_line = passage.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = one_line.chars().take(60).collect();
    if one_line.chars().count() > 60 {
        out.push('…');
    }
    super::text::inert(&out).into_owned()
}

/// Warnings for actors nothing refers to (an assessor counts as used) and
/// issues no one takes a stance on.
fn unused(c: &mut Checker<'_>, b: &Briefing) {
    let mut used: HashSet<&str> = HashSet::default();
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
    let malformed =
        |file: &str, id: &Id| c.malformed.contains(&(file.to_string(), id.value.clone()));
    let unused_actors: Vec<&Id> = b
        .actors
        .iter()
        .map(|a| &a.id)
        .filter(|id| !used.contains(id.as_str()) && !malformed("actors.toml", id))
        .collect();
    let stances: HashSet<&str> = b.positions.iter().map(|p| p.issue.as_str()).collect();
    let unused_issues: Vec<&Id> = b
        .issues
        .iter()
        .map(|i| &i.id)
        .filter(|id| !stances.contains(id.as_str()) && !malformed("issues.toml", id))
        .collect();
    for a in unused_actors {
        c.warning(
            "actors.toml",
            &a.span,
            format!("actor `{}` has no quote, position or event", a.value),
        );
    }
    for i in unused_issues {
        c.warning(
            "issues.toml",
            &i.span,
            format!("issue `{}` has no position", i.value),
        );
    }
}

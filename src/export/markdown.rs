//! The briefing as a Markdown document an analyst can send: a title block,
//! the user's pins and notes in their order, the stance table, each issue
//! by side with its quotes, the timeline, where the sources disagree, and
//! the numbered sources.
//!
//! Every piece of text from the briefing or the notes goes through
//! [`crate::md::escape`]; ids never appear. The same input gives the same
//! bytes.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::app::current::Item;
use crate::clipboard::natural;
use crate::md::escape;

use crate::model::{Assessor, Briefing, Day, Position, When};
use crate::notes::{Entry, Notes};
use crate::tables::{self, By, TableFormat};

/// What `brief export --format markdown` puts in the briefing.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The user's pins first, in their order.
    pub pinned: bool,
    /// With the user's notes on them.
    pub notes: bool,
    /// Only these actors (ids), and the actors of these sides.
    pub actors: Vec<String>,
    pub sides: Vec<String>,
    /// Only these issues (ids).
    pub issues: Vec<String>,
    /// Only what can fall on or after `since` and on or before `until`.
    pub since: Option<Day>,
    pub until: Option<Day>,
}

/// The whole briefing, without pins.
pub fn markdown(b: &Briefing) -> String {
    briefing(b, None, &Options::default())
}

/// What the options let through.
struct Scope<'a> {
    b: &'a Briefing,
    opts: &'a Options,
}

impl Scope<'_> {
    fn actor(&self, id: &str) -> bool {
        let o = self.opts;
        if o.actors.is_empty() && o.sides.is_empty() {
            return true;
        }
        o.actors.iter().any(|a| a == id)
            || self
                .b
                .actor(id)
                .is_some_and(|a| o.sides.iter().any(|s| *s == a.side.as_str()))
    }

    fn issue(&self, id: &str) -> bool {
        self.opts.issues.is_empty() || self.opts.issues.iter().any(|i| i == id)
    }

    fn when(&self, w: When) -> bool {
        let (since, until) = (self.opts.since, self.opts.until);
        if since.is_none() && until.is_none() {
            return true;
        }
        let after = since.is_none_or(|s| w.last_day().is_some_and(|l| l >= s));
        let before = until.is_none_or(|u| w.first_day().is_some_and(|f| f <= u));
        after && before
    }
}

/// Text from the briefing for the document: a source's id written in its
/// prose ("new-guarantees-analysis says") becomes the source's name, and
/// everything is escaped.
fn esc(b: &Briefing, s: &str) -> String {
    escape(&unid(b, s))
}

/// `s` with every source id (as a whole word) replaced by the source's name.
pub fn unid(b: &Briefing, s: &str) -> String {
    let mut out = s.to_string();
    for src in &b.sources {
        let id = src.id.as_str();
        if id.is_empty() || !out.contains(id) {
            continue;
        }
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_');
        let mut result = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(at) = rest.find(id) {
            let before = rest[..at].chars().next_back();
            let after = rest[at + id.len()..].chars().next();
            result.push_str(&rest[..at]);
            if word(before) || word(after) {
                result.push_str(id);
            } else {
                result.push_str(src.name());
            }
            rest = &rest[at + id.len()..];
        }
        result.push_str(rest);
        out = result;
    }
    out
}

/// `[1][3]`: each source once, in the order first cited.
fn cites(sources: impl IntoIterator<Item = usize>) -> String {
    let mut seen = Vec::new();
    for s in sources {
        if !seen.contains(&s) {
            seen.push(s);
        }
    }
    seen.iter().map(|s| format!("[{}]", s + 1)).collect()
}

fn source_no(b: &Briefing, id: &str) -> Option<usize> {
    b.source_index(id)
}

fn actor_name<'a>(b: &'a Briefing, id: &'a str) -> &'a str {
    b.actor(id).map_or(id, |a| a.name.as_str())
}

/// "stated", "reported", or "assessed by X" (a source that assesses is
/// cited with the rest, once).
fn basis(b: &Briefing, p: &Position) -> String {
    match b.assessor(p) {
        Some(Assessor::Source(s)) => {
            format!(
                "assessed by {}",
                esc(b, s.author.as_deref().unwrap_or(s.name()))
            )
        }
        Some(who) => format!("assessed by {}", esc(b, who.name())),
        None => p.basis.id().to_string(),
    }
}

/// A position as one line of prose (without a list marker).
fn position_line(b: &Briefing, p: usize) -> String {
    let pos = &b.positions[p];
    let assessor = match b.assessor(pos) {
        Some(who @ Assessor::Source(_)) => source_no(b, who.id()),
        _ => None,
    };
    let sources = assessor
        .into_iter()
        .chain(pos.evidence.iter().filter_map(|x| source_no(b, &x.source)))
        .chain(
            pos.quotes
                .iter()
                .filter_map(|q| b.quote(q))
                .filter_map(|q| source_no(b, &q.source)),
        );
    let n = b.position_support(p).count();
    format!(
        "**{}** — {} ({}; {}; {n} source{}): {} {}",
        esc(b, actor_name(b, &pos.actor)),
        pos.stance.word(),
        basis(b, pos),
        esc(b, &natural(&pos.as_of, b.position_when(p))),
        if n == 1 { "" } else { "s" },
        esc(b, pos.summary.trim()),
        cites(sources)
    )
}

/// The sentence of its source that a quote sits in, when the quote is one
/// or two words and the sentence says more.
fn context_of(b: &Briefing, q: usize) -> Option<String> {
    let quote = &b.quotes[q];
    if quote.text.split_whitespace().count() > 2 {
        return None;
    }
    let range = quote.range.clone()?;
    let text = &b.source(&quote.source)?.text;
    let sentence = crate::search::sentences::sentences(text)
        .into_iter()
        .find(|s| s.start <= range.start && range.end <= s.end)?;
    let words = text.get(sentence)?.trim();
    (words.len() > quote.text.trim().len() + 2).then(|| words.to_string())
}

/// A quote as a blockquote: its words, the sentence around a short one,
/// and who said it when, with its citation.
fn blockquote(b: &Briefing, q: usize) -> String {
    let quote = &b.quotes[q];
    let mut out = format!("> “{}”\n>\n", esc(b, quote.text.trim()));
    if let Some(sentence) = context_of(b, q) {
        let _ = write!(out, "> In full: “{}”\n>\n", esc(b, &sentence));
    }
    let when = b.quote_when(q);
    let date = match &quote.spoken {
        Some(d) => format!(", {}", esc(b, &natural(d, when))),
        None if when.is_dated() => {
            format!(", {}", esc(b, &crate::clipboard::readable(&when.label())))
        }
        None => String::new(),
    };
    let _ = writeln!(
        out,
        "> — {}{date} {}",
        esc(b, actor_name(b, &quote.speaker)),
        cites(source_no(b, &quote.source))
    );
    out
}

fn event_line(b: &Briefing, e: usize) -> String {
    let ev = &b.events[e];
    let place = ev
        .place
        .as_ref()
        .map(|p| format!(" ({})", esc(b, p)))
        .unwrap_or_default();
    let sources = ev.evidence.iter().filter_map(|x| source_no(b, &x.source));
    format!(
        "**{}** — {}{place}: {} {}",
        esc(b, &natural(&ev.date, b.event_when(e))),
        esc(b, &ev.title),
        esc(b, ev.summary.trim()),
        cites(sources)
    )
}

/// A pinned item as a block of the document.
fn pin_block(b: &Briefing, e: &Entry) -> String {
    let Some(item) = e.resolve(b) else {
        return format!(
            "*No longer in the briefing:* “{}”\n",
            esc(b, e.excerpt.trim())
        );
    };
    match item {
        Item::Quote(q) => blockquote(b, q),
        Item::Passage { source, range } => {
            let words = b.sources[source].text.get(range).unwrap_or("");
            format!(
                "> {}\n>\n> — {} {}\n",
                esc(b, words),
                esc(b, b.sources[source].name()),
                cites([source])
            )
        }
        Item::Event(ev) => event_line(b, ev) + "\n",
        Item::Position(p) => {
            let issue = b
                .issue(&b.positions[p].issue)
                .map_or("", |i| i.title.as_str());
            format!("*On {}:* {}\n", esc(b, issue), position_line(b, p))
        }
        Item::Actor(a) => {
            let a = &b.actors[a];
            format!("**{}**, {}\n", esc(b, &a.name), esc(b, &a.role))
        }
        Item::Issue(i) => {
            let i = &b.issues[i];
            format!("**{}**: {}\n", esc(b, &i.title), esc(b, &i.question))
        }
        Item::Discrepancy(d) => {
            let d = &b.discrepancies[d];
            let mut out = format!("**{}**\n\n", esc(b, &d.fact));
            for a in &d.accounts {
                out.push_str(&account_line(b, a));
            }
            out
        }
        Item::Source(s) => format!(
            "*{}*, {} {}\n",
            esc(b, &b.sources[s].title),
            esc(b, b.sources[s].name()),
            cites([s])
        ),
    }
}

fn account_line(b: &Briefing, a: &crate::model::Account) -> String {
    let outlet = b.source(&a.source).map_or("", |s| s.name());
    format!(
        "- **{}**: {} — “{}” {}\n",
        esc(b, outlet),
        esc(b, &a.value),
        esc(b, a.text.trim()),
        cites(source_no(b, &a.source))
    )
}

/// A note as a paragraph; its line breaks kept as hard breaks.
fn note_block(note: &str) -> String {
    let lines: Vec<String> = note
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(escape)
        .collect();
    format!("*Note:* {}\n", lines.join("\\\n"))
}

/// The user's brief: headings and pins in their order, with notes.
fn pinned(b: &Briefing, notes: &Notes, with_notes: bool) -> String {
    let entries = &notes.entries;
    let mut body = String::new();
    for (i, e) in entries.iter().enumerate() {
        if e.is_heading() {
            // A heading with no pin after it before the next would be empty.
            let has_pin = entries[i + 1..]
                .iter()
                .take_while(|x| !x.is_heading())
                .next()
                .is_some();
            let text = esc(b, e.excerpt.trim());
            if has_pin && !text.is_empty() {
                let _ = write!(body, "### {text}\n\n");
            }
            continue;
        }
        body.push_str(&pin_block(b, e));
        body.push('\n');
        if with_notes && !e.note.trim().is_empty() {
            body.push_str(&note_block(&e.note));
            body.push('\n');
        }
    }
    if entries.iter().all(Entry::is_heading) {
        return String::new();
    }
    format!("## Pinned\n\n{body}")
}

/// The Markdown briefing, with the user's pins and notes when asked.
pub fn briefing(b: &Briefing, notes: Option<&Notes>, opts: &Options) -> String {
    let scope = Scope { b, opts };
    let mut out = String::new();
    let m = &b.meta;
    let _ = write!(
        out,
        "# {}\n\n*{}*\n\nAs of {}.\n\n{}\n\n",
        esc(b, &m.title),
        esc(b, &m.subject),
        esc(b, &natural(&m.as_of, When::of(&m.as_of))),
        esc(b, m.summary.trim())
    );

    if opts.pinned
        && let Some(notes) = notes
    {
        out.push_str(&pinned(b, notes, opts.notes));
    }

    // The stance table as of the briefing's date (or --until).
    let day = opts.until.unwrap_or_else(|| tables::briefing_day(b));
    if !b.positions.is_empty() {
        let table = tables::matrix(b, day, None, By::Actor, TableFormat::Markdown);
        let _ = write!(out, "## Stances\n\n{}\n", table.trim_end());
        out.push('\n');
    }

    let mut placed = BTreeSet::new();
    let mut issues = String::new();
    for issue in b.issues.iter().filter(|i| scope.issue(&i.id)) {
        let mut sides = String::new();
        for side in &b.sides {
            let on_side = |actor: &str| {
                b.actor(actor).is_some_and(|a| a.side == side.id) && scope.actor(actor)
            };
            let mut positions: Vec<usize> = (0..b.positions.len())
                .filter(|&p| {
                    let pos = &b.positions[p];
                    pos.issue == issue.id && on_side(&pos.actor) && scope.when(b.position_when(p))
                })
                .collect();
            let quotes: Vec<usize> = (0..b.quotes.len())
                .filter(|&q| {
                    let quote = &b.quotes[q];
                    !placed.contains(&q)
                        && quote.issues.contains(&issue.id)
                        && on_side(&quote.speaker)
                        && scope.when(b.quote_when(q))
                })
                .collect();
            if positions.is_empty() && quotes.is_empty() {
                continue;
            }
            // By actor, then by the one order of time.
            positions.sort_by_key(|&p| (b.positions[p].actor.as_str(), b.position_when(p)));
            let _ = write!(sides, "#### {}\n\n", esc(b, &side.name));
            for p in positions {
                let _ = writeln!(sides, "- {}", position_line(b, p));
            }
            sides.push('\n');
            for q in quotes {
                placed.insert(q);
                sides.push_str(&blockquote(b, q));
                sides.push('\n');
            }
        }
        if !sides.is_empty() {
            let _ = write!(
                issues,
                "### {}\n\n*{}*\n\n{sides}",
                esc(b, &issue.title),
                esc(b, &issue.question)
            );
        }
    }
    if !issues.is_empty() {
        let _ = write!(out, "## Issues\n\n{issues}");
    }

    let mut events: Vec<usize> = (0..b.events.len())
        .filter(|&e| {
            let ev = &b.events[e];
            let actors_ok = (opts.actors.is_empty() && opts.sides.is_empty())
                || ev.participants.iter().any(|p| scope.actor(p));
            let issues_ok = opts.issues.is_empty() || ev.issues.iter().any(|i| scope.issue(i));
            actors_ok && issues_ok && scope.when(b.event_when(e))
        })
        .collect();
    events.sort_by_key(|&e| b.event_when(e));
    if !events.is_empty() {
        out.push_str("## Timeline\n\n");
        for e in events {
            let _ = writeln!(out, "- {}", event_line(b, e));
            let who: Vec<String> = b.events[e]
                .participants
                .iter()
                .filter_map(|p| b.actor(p))
                .map(|a| esc(b, &a.name))
                .collect();
            if !who.is_empty() {
                let _ = writeln!(out, "  Participants: {}.", who.join(", "));
            }
        }
        out.push('\n');
    }

    let others: Vec<usize> = (0..b.quotes.len())
        .filter(|&q| {
            let quote = &b.quotes[q];
            quote.issues.is_empty()
                && opts.issues.is_empty()
                && scope.actor(&quote.speaker)
                && scope.when(b.quote_when(q))
        })
        .collect();
    if !others.is_empty() {
        out.push_str("## Other quotes\n\n");
        for q in others {
            out.push_str(&blockquote(b, q));
            out.push('\n');
        }
    }

    if !b.discrepancies.is_empty() {
        out.push_str("## Where the sources disagree\n\n");
        for d in &b.discrepancies {
            let _ = write!(
                out,
                "### {}\n\n*{}*: {}.\n\n",
                esc(b, &d.fact),
                d.kind.id(),
                d.kind.meaning()
            );
            for a in &d.accounts {
                out.push_str(&account_line(b, a));
            }
            if let Some(note) = d.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
                let _ = write!(out, "\n{}\n", esc(b, note));
            }
            out.push('\n');
        }
    }

    if !b.sources.is_empty() {
        out.push_str("## Sources\n\n");
        for (i, s) in b.sources.iter().enumerate() {
            let author = s
                .author
                .as_ref()
                .map(|a| format!("{}, ", esc(b, a)))
                .unwrap_or_default();
            let url = s
                .url
                .as_ref()
                .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
                .filter(|u| !u.chars().any(|c| c.is_whitespace() || "<>\\".contains(c)))
                .map(|u| format!(" <{u}>"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{}. {author}*{}*, {}, {}.{url}",
                i + 1,
                esc(b, &s.title),
                esc(b, &s.outlet),
                esc(b, &natural(&s.published, When::of(&s.published)))
            );
        }
    }
    out
}

#[cfg(test)]
mod tests;

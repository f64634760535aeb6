//! Whole-briefing output for scripts and for reading outside the terminal:
//! JSON, Markdown, and the short summary.

use std::fmt::Write;

use serde::Serialize;

use crate::model::{
    Actor, Assessor, Briefing, Discrepancy, Event, Issue, Meta, Position, Quote, Side, Source,
    Support,
};

/// The briefing as exported: its items as written, and for each event and
/// position the sources that support it. Holds every field of [`Briefing`].
#[derive(Serialize)]
struct Export<'a> {
    briefing: &'a Meta,
    sides: &'a [Side],
    sources: &'a [Source],
    actors: &'a [Actor],
    issues: &'a [Issue],
    events: Vec<Supported<'a, Event>>,
    quotes: &'a [Quote],
    positions: Vec<Supported<'a, Position>>,
    discrepancies: &'a [Discrepancy],
}

#[derive(Serialize)]
struct Supported<'a, T> {
    #[serde(flatten)]
    item: &'a T,
    corroboration: Corroboration<'a>,
}

/// How many distinct sources support an item, and which.
#[derive(Serialize)]
struct Corroboration<'a> {
    count: usize,
    single_source: bool,
    sources: Vec<&'a str>,
}

impl<'a> From<Support<'a>> for Corroboration<'a> {
    fn from(s: Support<'a>) -> Self {
        Corroboration {
            count: s.count(),
            single_source: s.is_single_source(),
            sources: s.sources,
        }
    }
}

pub fn json(b: &Briefing) -> String {
    let export = Export {
        briefing: &b.meta,
        sides: &b.sides,
        sources: &b.sources,
        actors: &b.actors,
        issues: &b.issues,
        events: (b.events.iter().enumerate())
            .map(|(i, item)| Supported {
                item,
                corroboration: b.event_support(i).into(),
            })
            .collect(),
        quotes: &b.quotes,
        positions: (b.positions.iter().enumerate())
            .map(|(i, item)| Supported {
                item,
                corroboration: b.position_support(i).into(),
            })
            .collect(),
        discrepancies: &b.discrepancies,
    };
    let mut s = serde_json::to_string_pretty(&export).expect("a briefing always serializes");
    s.push('\n');
    s
}

/// Who holds that the actor holds the position, in words: "stated",
/// "reported", or "assessed by X" (with X's citation when X is a source).
fn basis(b: &Briefing, p: &Position) -> String {
    match b.assessor(p) {
        Some(who @ Assessor::Source(_)) => {
            format!("assessed by {} {}", who.name(), cite(b, who.id()))
        }
        Some(who) => format!("assessed by {}", who.name()),
        None => p.basis.id().to_string(),
    }
}

/// `[n]`, the number of a source in the list at the end.
fn cite(b: &Briefing, source: &str) -> String {
    b.source_index(source)
        .map_or_else(|| format!("[{source}]"), |i| format!("[{}]", i + 1))
}

fn speaker(b: &Briefing, q: &Quote) -> String {
    b.actor(&q.speaker)
        .map_or_else(|| q.speaker.value.clone(), |a| a.name.clone())
}

fn quote_line(b: &Briefing, q: &Quote) -> String {
    let when = q
        .spoken
        .as_ref()
        .map(|d| format!(", {d}"))
        .unwrap_or_default();
    format!(
        "> “{}” — {}{when} {}\n",
        q.text.trim(),
        speaker(b, q),
        cite(b, &q.source)
    )
}

/// A readable briefing grouped by issue and side, with quotes and citations.
/// A date in its compact form, with the source's words when it has them:
/// "≤ 20 Aug 2025 (not dated, reported 20 August 2025)".
fn dated(date: &crate::model::FuzzyDate, when: crate::model::When) -> String {
    match date.words() {
        Some(words) => format!("{} ({words})", when.label()),
        None => when.label(),
    }
}

pub fn markdown(b: &Briefing) -> String {
    let mut out = String::new();
    let m = &b.meta;
    let _ = writeln!(
        out,
        "# {}\n\n*{}* — as of {}\n\n{}\n",
        m.title,
        m.subject,
        m.as_of,
        m.summary.trim()
    );

    let _ = writeln!(out, "## Issues\n");
    for issue in &b.issues {
        let _ = writeln!(out, "### {}\n\n*{}*\n", issue.title, issue.question);
        for side in &b.sides {
            let on_side = |actor: &str| b.actor(actor).is_some_and(|a| a.side == side.id);
            let mut positions: Vec<usize> = (0..b.positions.len())
                .filter(|&p| b.positions[p].issue == issue.id && on_side(&b.positions[p].actor))
                .collect();
            let quotes: Vec<_> = b
                .quotes
                .iter()
                .filter(|q| q.issues.contains(&issue.id) && on_side(&q.speaker))
                .collect();
            if positions.is_empty() && quotes.is_empty() {
                continue;
            }
            // By actor, then by the one order of time.
            positions.sort_by_key(|&p| (b.positions[p].actor.as_str(), b.position_when(p)));
            let _ = writeln!(out, "#### {}\n", side.name);
            for (i, p, when) in positions
                .into_iter()
                .map(|i| (i, &b.positions[i], b.position_when(i)))
            {
                let actor = b
                    .actor(&p.actor)
                    .map_or(p.actor.as_str(), |a| a.name.as_str());
                let cites: Vec<String> = p
                    .evidence
                    .iter()
                    .map(|x| cite(b, &x.source))
                    .chain(
                        p.quotes
                            .iter()
                            .filter_map(|q| b.quote(q))
                            .map(|q| cite(b, &q.source)),
                    )
                    .collect();
                let n = b.position_support(i).count();
                let _ = writeln!(
                    out,
                    "- **{actor}** — {} ({}; {}; {n} source{}): {} {}",
                    p.stance.word(),
                    basis(b, p),
                    dated(&p.as_of, when),
                    if n == 1 { "" } else { "s" },
                    p.summary.trim(),
                    cites.join("")
                );
            }
            out.push('\n');
            for q in quotes {
                out.push_str(&quote_line(b, q));
                out.push('\n');
            }
        }
    }

    let _ = writeln!(out, "## Timeline\n");
    let mut events: Vec<usize> = (0..b.events.len()).collect();
    events.sort_by_key(|&e| b.event_when(e));
    for (e, when) in events.into_iter().map(|e| (&b.events[e], b.event_when(e))) {
        let place = e
            .place
            .as_ref()
            .map(|p| format!(" ({p})"))
            .unwrap_or_default();
        let who: Vec<&str> = e
            .participants
            .iter()
            .filter_map(|p| b.actor(p))
            .map(|a| a.name.as_str())
            .collect();
        let cites: String = e.evidence.iter().map(|x| cite(b, &x.source)).collect();
        let _ = writeln!(
            out,
            "- **{}** — {}{place}: {} {cites}",
            dated(&e.date, when),
            e.title,
            e.summary.trim()
        );
        if !who.is_empty() {
            let _ = writeln!(out, "  Participants: {}.", who.join(", "));
        }
    }

    let unfiled: Vec<_> = b.quotes.iter().filter(|q| q.issues.is_empty()).collect();
    if !unfiled.is_empty() {
        let _ = writeln!(out, "\n## Other quotes\n");
        for q in unfiled {
            out.push_str(&quote_line(b, q));
            out.push('\n');
        }
    }

    if !b.discrepancies.is_empty() {
        let _ = writeln!(out, "\n## Where the sources disagree\n");
        for d in &b.discrepancies {
            let _ = writeln!(
                out,
                "### {}\n\n*{}*: {}.\n",
                d.fact,
                d.kind.id(),
                d.kind.meaning()
            );
            for a in &d.accounts {
                let _ = writeln!(
                    out,
                    "- {} — “{}” {}",
                    a.value,
                    a.text.trim(),
                    cite(b, &a.source)
                );
            }
            if let Some(note) = &d.note {
                let _ = writeln!(out, "\n{}", note.trim());
            }
            out.push('\n');
        }
    }

    let _ = writeln!(out, "\n## Sources\n");
    for (i, s) in b.sources.iter().enumerate() {
        let author = s
            .author
            .as_ref()
            .map(|a| format!("{a}, "))
            .unwrap_or_default();
        let url = s
            .url
            .as_ref()
            .map(|u| format!(" <{u}>"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}. {author}*{}*, {}, {}.{url}",
            i + 1,
            s.title,
            s.outlet,
            s.published
        );
    }
    out
}

/// What is loaded, in a few lines.
pub fn summary(b: &Briefing) -> String {
    format!(
        "{}\n{}\nas of {}\n\n{} sources, {} actors, {} issues, {} events, {} quotes, {} positions, {} discrepancies\n",
        b.meta.title,
        b.meta.subject,
        b.meta.as_of,
        b.sources.len(),
        b.actors.len(),
        b.issues.len(),
        b.events.len(),
        b.quotes.len(),
        b.positions.len(),
        b.discrepancies.len()
    )
}

/// What `brief export --format markdown` puts in the briefing.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The user's pins first, in their order.
    pub pinned: bool,
    /// With the user's notes.
    pub notes: bool,
    pub actors: Vec<String>,
    pub sides: Vec<String>,
    pub issues: Vec<String>,
    pub since: Option<crate::model::Day>,
    pub until: Option<crate::model::Day>,
}

/// The Markdown briefing, with the user's pins and notes when asked.
pub fn briefing(b: &Briefing, notes: Option<&crate::notes::Notes>, opts: &Options) -> String {
    let _ = (notes, opts);
    markdown(b)
}

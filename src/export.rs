//! Whole-briefing output for scripts and for reading outside the terminal:
//! JSON, Markdown, and the short summary.

use serde::Serialize;

use crate::model::{
    Actor, Briefing, Discrepancy, Event, Issue, Meta, Position, Quote, Side, Source, Support,
};

mod markdown;
pub use markdown::{Options, briefing, markdown};

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

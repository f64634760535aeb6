//! Whole-briefing output for scripts and for reading outside the terminal:
//! JSON, Markdown, and the short summary.

use std::fmt::Write;

use serde::Serialize;

use crate::model::text::class;

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

/// The whole briefing as JSON. Every character that may not reach a
/// terminal as it is (see `model::text`) is written as a `\uXXXX` escape:
/// the data is kept, and nothing acts on a terminal the output is shown on.
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
    let s = serde_json::to_string_pretty(&export).expect("a briefing always serializes");
    let mut out = escape_json(&s);
    out.push('\n');
    out
}

/// Escapes what serde_json leaves raw (DEL, C1, bidi and invisible
/// characters). Such characters only occur inside JSON strings, where an
/// escape means the same.
pub(crate) fn escape_json(s: &str) -> String {
    if !s.chars().any(|c| class(c).is_some()) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if class(c).is_some() {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{u:04x}");
            }
        } else {
            out.push(c);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_what_serde_leaves_raw() {
        let s = escape_json("\"a\u{ad}b\u{202e}c\u{9b}d\u{e0041}\"");
        assert_eq!(s, "\"a\\u00adb\\u202ec\\u009bd\\udb40\\udc41\"");
        let back: String = serde_json::from_str(&s).unwrap();
        assert_eq!(back, "a\u{ad}b\u{202e}c\u{9b}d\u{e0041}");
    }
}

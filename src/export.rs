//! Whole-briefing output for scripts and for reading outside the terminal:
//! JSON, Markdown, and the short summary.

use std::fmt::Write;

use serde::Serialize;

use crate::model::text::{class, inert, one_line};
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

/// A field inside a Markdown line: one line, inert, and with what Markdown
/// or HTML would act on escaped, so data never becomes markup.
fn md(s: &str) -> String {
    let s = one_line(s.trim());
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // Only `&name;` or `&#…;` would be read as a character reference.
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_alphanumeric() || *n == '#') =>
            {
                out.push_str("&amp;")
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    // What would start a block if it began a line: a heading, a list, a
    // quote, a rule.
    if out.starts_with(['#', '-', '+', '=', '~']) {
        out.insert(0, '\\');
    } else if let Some(n) = out.find(['.', ')'])
        && n > 0
        && n < 10
        && out[..n].bytes().all(|b| b.is_ascii_digit())
    {
        // `1.` or `1)` would start an ordered list: escape the mark.
        out.insert(n, '\\');
    }
    out
}

/// Prose of several paragraphs: each paragraph as an [`md`] line, with a
/// blank line between them.
fn md_block(s: &str) -> String {
    inert(s)
        .split("\n\n")
        .map(md)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A URL as an autolink when it is one, else as text.
fn md_url(u: &str) -> String {
    let plain = u.starts_with("http")
        && u.chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '<' | '>' | '`' | '\\'));
    if plain {
        format!(" <{u}>")
    } else {
        format!(" {}", md(u))
    }
}

/// Who holds that the actor holds the position, in words: "stated",
/// "reported", or "assessed by X" (with X's citation when X is a source).
fn basis(b: &Briefing, p: &Position) -> String {
    match b.assessor(p) {
        Some(who @ Assessor::Source(_)) => {
            format!("assessed by {} {}", md(who.name()), cite(b, who.id()))
        }
        Some(who) => format!("assessed by {}", md(who.name())),
        None => p.basis.id().to_string(),
    }
}

/// `[n]`, the number of a source in the list at the end.
fn cite(b: &Briefing, source: &str) -> String {
    b.source_index(source).map_or_else(
        || format!("\\[{}\\]", md(source)),
        |i| format!("[{}]", i + 1),
    )
}

fn speaker(b: &Briefing, q: &Quote) -> String {
    md(b.actor(&q.speaker)
        .map_or(q.speaker.as_str(), |a| a.name.as_str()))
}

fn quote_line(b: &Briefing, q: &Quote) -> String {
    let when = q
        .spoken
        .as_ref()
        .map(|d| format!(", {}", md(&d.to_string())))
        .unwrap_or_default();
    format!(
        "> “{}” — {}{when} {}\n",
        md(&q.text),
        speaker(b, q),
        cite(b, &q.source)
    )
}

/// A readable briefing grouped by issue and side, with quotes and citations.
/// A date in its compact form, with the source's words when it has them:
/// "≤ 20 Aug 2025 (not dated, reported 20 August 2025)".
fn dated(date: &crate::model::FuzzyDate, when: crate::model::When) -> String {
    match date.words() {
        Some(words) => md(&format!("{} ({words})", when.label())),
        None => md(&when.label()),
    }
}

pub fn markdown(b: &Briefing) -> String {
    let mut out = String::new();
    let m = &b.meta;
    let _ = writeln!(
        out,
        "# {}\n\n*{}* — as of {}\n\n{}\n",
        md(&m.title),
        md(&m.subject),
        md(&m.as_of.to_string()),
        md_block(&m.summary)
    );

    let _ = writeln!(out, "## Issues\n");
    for issue in &b.issues {
        let _ = writeln!(
            out,
            "### {}\n\n*{}*\n",
            md(&issue.title),
            md(&issue.question)
        );
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
            let _ = writeln!(out, "#### {}\n", md(&side.name));
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
                    "- **{}** — {} ({}; {}; {n} source{}): {} {}",
                    md(actor),
                    p.stance.word(),
                    basis(b, p),
                    dated(&p.as_of, when),
                    if n == 1 { "" } else { "s" },
                    md(&p.summary),
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
            .map(|p| format!(" ({})", md(p)))
            .unwrap_or_default();
        let who: Vec<String> = e
            .participants
            .iter()
            .filter_map(|p| b.actor(p))
            .map(|a| md(&a.name))
            .collect();
        let cites: String = e.evidence.iter().map(|x| cite(b, &x.source)).collect();
        let _ = writeln!(
            out,
            "- **{}** — {}{place}: {} {cites}",
            dated(&e.date, when),
            md(&e.title),
            md(&e.summary)
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
                md(&d.fact),
                d.kind.id(),
                d.kind.meaning()
            );
            for a in &d.accounts {
                let _ = writeln!(
                    out,
                    "- {} — “{}” {}",
                    md(&a.value),
                    md(&a.text),
                    cite(b, &a.source)
                );
            }
            if let Some(note) = &d.note {
                let _ = writeln!(out, "\n{}", md_block(note));
            }
            out.push('\n');
        }
    }

    let _ = writeln!(out, "\n## Sources\n");
    for (i, s) in b.sources.iter().enumerate() {
        let author = s
            .author
            .as_ref()
            .map(|a| format!("{}, ", md(a)))
            .unwrap_or_default();
        let url = s.url.as_ref().map(|u| md_url(u)).unwrap_or_default();
        let _ = writeln!(
            out,
            "{}. {author}*{}*, {}, {}.{url}",
            i + 1,
            md(&s.title),
            md(&s.outlet),
            md(&s.published.to_string())
        );
    }
    out
}

/// What is loaded, in a few lines.
pub fn summary(b: &Briefing) -> String {
    let text = format!(
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
    );
    inert(&text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_from_data_is_escaped() {
        assert_eq!(
            md("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(md("# Not a heading"), "\\# Not a heading");
        assert_eq!(md("1. not a list"), "1\\. not a list");
        assert_eq!(md("line\n## two\tthree"), "line ## two three");
        assert_eq!(md("*x* [y](z) `c` a|b"), "\\*x\\* \\[y\\](z) \\`c\\` a\\|b");
        assert_eq!(md("AT&T &amp; R & D"), "AT&amp;T &amp;amp; R & D");
        assert_eq!(md("ESC \u{1b}[31m"), "ESC ␛\\[31m");
        assert_eq!(md_block("one\n# two\n\n- three"), "one # two\n\n\\- three");
        assert_eq!(md_url("https://x.org/a?b=c"), " <https://x.org/a?b=c>");
        assert_eq!(md_url("javascript:<x>"), " javascript:&lt;x&gt;");
    }

    #[test]
    fn json_escapes_what_serde_leaves_raw() {
        let s = escape_json("\"a\u{ad}b\u{202e}c\u{9b}d\u{e0041}\"");
        assert_eq!(s, "\"a\\u00adb\\u202ec\\u009bd\\udb40\\udc41\"");
        let back: String = serde_json::from_str(&s).unwrap();
        assert_eq!(back, "a\u{ad}b\u{202e}c\u{9b}d\u{e0041}");
    }
}

//! The stance matrix and the list of changes as text, Markdown and JSON:
//! `brief matrix` and `brief changes`, and the tables a written briefing
//! takes. Output is deterministic: the same briefing and dates give the
//! same bytes.

use std::fmt::Write;

use serde_json::{Value, json};

use crate::model::stances::{self, Cell, Change, SideCell, Summary};
use crate::model::text::inert;
use crate::model::time::{Day, parse_loose};
use crate::model::{Briefing, Stance, When};
use crate::theme::stance_symbol;

/// Rows of the matrix: one per actor, or one per side summarising its actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    Actor,
    Side,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    Text,
    Markdown,
    Json,
}

/// Reads a date for `--as-of`, `--since` or `--until`; a month or year
/// means its last day. Years default to that of the briefing's `as_of`.
pub fn parse_day(b: &Briefing, s: &str) -> Result<Day, String> {
    let year = When::of(&b.meta.as_of).last_day().map_or(2025, |d| d.year);
    parse_loose(s, year).map(|(_, last)| last).ok_or_else(|| {
        format!("`{s}` is not a date; try 2025-08-20, \"20 aug\", \"aug 2025\" or \"2025\"")
    })
}

/// The day the briefing is current to (the last day its `as_of` means).
pub fn briefing_day(b: &Briefing) -> Day {
    When::of(&b.meta.as_of).last_day().unwrap_or(Day::MAX)
}

pub fn day_label(d: Day) -> String {
    crate::model::Point::Day {
        year: d.year,
        month: d.month,
        day: d.day,
    }
    .human()
}

/// A row of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Side(usize),
    Actor(usize),
}

/// The rows in the briefing's side order; actors in file order under their
/// side. Actors with no position on any issue are left out.
pub fn rows(b: &Briefing, by: By) -> Vec<Row> {
    let mut with_positions = vec![false; b.actors.len()];
    for &(a, _) in b.history_keys() {
        with_positions[a] = true;
    }
    let mut rows = Vec::new();
    for s in 0..b.sides.len() {
        match by {
            By::Side => rows.push(Row::Side(s)),
            By::Actor => rows.extend(
                b.side_actors(s)
                    .iter()
                    .filter(|&&a| with_positions[a])
                    .map(|&a| Row::Actor(a)),
            ),
        }
    }
    rows
}

/// What a cell says, whatever the row.
pub struct Shown {
    pub stances: Vec<Stance>,
    pub uncertain: bool,
    pub changed: bool,
    /// Differs from the stance as of `since`.
    pub moved: bool,
    /// An actor's cell: the position it shows.
    pub position: Option<usize>,
}

pub fn cell(b: &Briefing, row: &Row, issue: usize, day: Day, since: Option<Day>) -> Option<Shown> {
    cell_in(b, row, issue, day, since, false)
}

/// As [`cell`]; with `hide_assessed`, authors' assessments do not count.
pub fn cell_in(
    b: &Briefing,
    row: &Row,
    issue: usize,
    day: Day,
    since: Option<Day>,
    hide_assessed: bool,
) -> Option<Shown> {
    let h = hide_assessed;
    match *row {
        Row::Actor(a) => {
            let c: Cell = stances::as_of_in(b, a, issue, day, h)?;
            Some(Shown {
                stances: vec![c.stance],
                uncertain: c.uncertain,
                changed: c.changed,
                moved: since.is_some_and(|s| stances::differs_in(b, a, issue, s, day, h)),
                position: Some(c.position),
            })
        }
        Row::Side(s) => {
            let c: SideCell = stances::side_as_of_in(b, s, issue, day, h)?;
            let moved = since.is_some_and(|since| {
                b.side_actors(s)
                    .iter()
                    .any(|&a| stances::differs_in(b, a, issue, since, day, h))
            });
            let stances = match c.summary {
                Summary::Stance(x) => vec![x],
                Summary::Mixed(xs) => xs,
            };
            Some(Shown {
                stances,
                uncertain: c.uncertain,
                changed: c.changed,
                moved,
                position: None,
            })
        }
    }
}

/// "✓ supports", or "mixed: ✓ ✗" for a side whose actors differ; then the
/// marks: `?` uncertain, `*` changed before, `Δ` moved since.
pub fn cell_text(c: &Shown) -> String {
    let mut s = match c.stances.as_slice() {
        [one] => format!("{} {}", stance_symbol(*one), one.word()),
        many => {
            let each: Vec<String> = many
                .iter()
                .map(|x| format!("{} {}", stance_symbol(*x), x.word()))
                .collect();
            format!("mixed: {}", each.join(", "))
        }
    };
    for (on, mark) in [(c.uncertain, "?"), (c.changed, "*"), (c.moved, " Δ")] {
        if on {
            s.push_str(mark);
        }
    }
    s
}

pub const LEGEND: &str = "? the position may not yet hold that day (its date is a span) · * it changed before · Δ it differs from the since date · mixed: the side's actors differ · empty: no recorded position";

fn row_name(b: &Briefing, row: &Row) -> String {
    match *row {
        Row::Side(s) => inert(&b.sides[s].name).into_owned(),
        Row::Actor(a) => inert(&b.actors[a].name).into_owned(),
    }
}

fn heading(day: Day, since: Option<Day>) -> String {
    match since {
        Some(s) => format!(
            "Stances as of {}, changes since {}",
            day_label(day),
            day_label(s)
        ),
        None => format!("Stances as of {}", day_label(day)),
    }
}

pub fn matrix(b: &Briefing, day: Day, since: Option<Day>, by: By, format: TableFormat) -> String {
    let rows = rows(b, by);
    match format {
        TableFormat::Text => matrix_text(b, &rows, day, since),
        TableFormat::Markdown => matrix_markdown(b, &rows, day, since),
        TableFormat::Json => {
            let json = matrix_json(b, &rows, day, since, by);
            serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
        }
    }
}

/// Text: each row with its issues, one per line (a terminal is too narrow
/// for a column per issue).
fn matrix_text(b: &Briefing, rows: &[Row], day: Day, since: Option<Day>) -> String {
    let mut out = format!("{}\n{LEGEND}\n", heading(day, since));
    let width = b
        .issues
        .iter()
        .map(|i| inert(&i.title).chars().count())
        .max()
        .unwrap_or(0);
    let mut side = None;
    for row in rows {
        let s = match *row {
            Row::Side(s) => Some(s),
            Row::Actor(a) => b.side_index(&b.actors[a].side),
        };
        if s != side
            && let Some(s) = s
        {
            let _ = write!(out, "\n{}\n", inert(&b.sides[s].name));
            side = Some(s);
        }
        let cells: Vec<(usize, Shown)> = (0..b.issues.len())
            .filter_map(|i| cell(b, row, i, day, since).map(|c| (i, c)))
            .collect();
        if matches!(row, Row::Actor(_)) {
            let _ = writeln!(out, "  {}", row_name(b, row));
        }
        if cells.is_empty() {
            let _ = writeln!(out, "    (no recorded position)");
        }
        for (i, c) in cells {
            let title = inert(&b.issues[i].title).into_owned();
            let pad = width.saturating_sub(title.chars().count());
            let _ = writeln!(out, "    {title}{}  {}", " ".repeat(pad), cell_text(&c));
        }
    }
    out
}

/// Escapes text for a Markdown table cell.
fn md(s: &str) -> String {
    let mut out = String::new();
    for c in inert(s).chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn matrix_markdown(b: &Briefing, rows: &[Row], day: Day, since: Option<Day>) -> String {
    let mut out = format!("**{}**\n\n", heading(day, since));
    let issues: Vec<usize> = (0..b.issues.len())
        .filter(|&i| rows.iter().any(|r| cell(b, r, i, day, since).is_some()))
        .collect();
    out.push_str("| |");
    for &i in &issues {
        let _ = write!(out, " {} |", md(&b.issues[i].title));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(issues.len()));
    out.push('\n');
    for row in rows {
        let name = match *row {
            Row::Side(_) => format!("**{}**", md(&row_name(b, row))),
            Row::Actor(a) => {
                let side = b.side_name(&b.actors[a].side);
                format!("{} ({})", md(&row_name(b, row)), md(side))
            }
        };
        let _ = write!(out, "| {name} |");
        for &i in &issues {
            let text = cell(b, row, i, day, since)
                .map(|c| md(&cell_text(&c)))
                .unwrap_or_default();
            let _ = write!(out, " {text} |");
        }
        out.push('\n');
    }
    let _ = write!(out, "\n*{}*\n", md(LEGEND));
    out
}

fn matrix_json(b: &Briefing, rows: &[Row], day: Day, since: Option<Day>, by: By) -> Value {
    let rows: Vec<Value> = rows
        .iter()
        .map(|row| {
            let cells: Vec<Value> = (0..b.issues.len())
                .filter_map(|i| {
                    let c = cell(b, row, i, day, since)?;
                    let stances: Vec<&str> = c.stances.iter().map(|s| s.id()).collect();
                    let mut v = json!({
                        "issue": b.issues[i].id.value,
                        "stances": stances,
                        "uncertain": c.uncertain,
                        "changed_before": c.changed,
                    });
                    if since.is_some() {
                        v["changed_since"] = json!(c.moved);
                    }
                    if let Some(p) = c.position {
                        v["position"] = json!(b.positions[p].id.value);
                    }
                    Some(v)
                })
                .collect();
            match *row {
                Row::Side(s) => json!({"side": b.sides[s].id.value, "cells": cells}),
                Row::Actor(a) => json!({
                    "actor": b.actors[a].id.value,
                    "side": b.actors[a].side.value,
                    "cells": cells,
                }),
            }
        })
        .collect();
    let mut v = json!({
        "as_of": day.iso(),
        "by": match by { By::Actor => "actor", By::Side => "side" },
        "rows": rows,
    });
    if let Some(s) = since {
        v["since"] = json!(s.iso());
    }
    v
}

fn stance_text(b: &Briefing, p: Option<usize>) -> String {
    p.map_or("(no position)".into(), |p| {
        let s = b.positions[p].stance;
        format!("{} {}", stance_symbol(s), s.word())
    })
}

/// The words a change rests on: its quotes and excerpts, with their outlets.
fn evidence(b: &Briefing, p: usize) -> Vec<(String, String)> {
    let pos = &b.positions[p];
    let quoted = pos.quotes.iter().filter_map(|q| b.quote(q)).map(|q| {
        let outlet = b.source(&q.source).map_or("?", |s| s.name());
        (
            inert(q.text.trim()).into_owned(),
            inert(outlet).into_owned(),
        )
    });
    let cited = pos.evidence.iter().map(|x| {
        let outlet = b.source(&x.source).map_or("?", |s| s.name());
        (
            inert(x.text.trim()).into_owned(),
            inert(outlet).into_owned(),
        )
    });
    quoted.chain(cited).collect()
}

/// With `first`, the first recorded positions after `since` are listed too,
/// not only the moves from one stance to another.
pub fn changes(b: &Briefing, since: Day, until: Day, first: bool, format: TableFormat) -> String {
    let all = stances::changes(b, since, until);
    let firsts = all.iter().filter(|c| c.from.is_none()).count();
    let list: Vec<Change> = all
        .into_iter()
        .filter(|c| first || c.from.is_some())
        .collect();
    let list = list.as_slice();
    let title = changes_title(list, firsts, first, since, until);
    match format {
        TableFormat::Text => changes_text(b, list, &title),
        TableFormat::Markdown => changes_markdown(b, list, &title),
        TableFormat::Json => {
            let items: Vec<Value> = list
                .iter()
                .map(|c| {
                    let ev: Vec<Value> = evidence(b, c.to)
                        .into_iter()
                        .map(|(text, outlet)| json!({"text": text, "outlet": outlet}))
                        .collect();
                    json!({
                        "date": b.position_when(c.to).label(),
                        "actor": b.actors[c.actor].id.value,
                        "issue": b.issues[c.issue].id.value,
                        "from": c.from.map(|p| b.positions[p].stance.id()),
                        "to": b.positions[c.to].stance.id(),
                        "from_position": c.from.map(|p| b.positions[p].id.value.clone()),
                        "to_position": b.positions[c.to].id.value,
                        "evidence": ev,
                    })
                })
                .collect();
            let v = json!({
                "since": since.iso(),
                "until": until.iso(),
                "first_positions_included": first,
                "changes": items,
            });
            serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
        }
    }
}

fn changes_title(list: &[Change], firsts: usize, first: bool, since: Day, until: Day) -> String {
    let moves = list.iter().filter(|c| c.from.is_some()).count();
    let also = if first {
        format!(", and {firsts} first recorded position(s)")
    } else {
        format!(" ({firsts} first recorded position(s) not listed: --first lists them)")
    };
    format!(
        "After {} and by {}: {moves} change(s) of stance{also}",
        day_label(since),
        day_label(until),
    )
}

fn changes_text(b: &Briefing, list: &[Change], title: &str) -> String {
    let mut out = format!("{title}\n");
    for c in list {
        let _ = write!(
            out,
            "\n{}  {} on {}: {} → {}\n",
            b.position_when(c.to).label(),
            inert(&b.actors[c.actor].name),
            inert(&b.issues[c.issue].title),
            stance_text(b, c.from),
            stance_text(b, Some(c.to))
        );
        for (text, outlet) in evidence(b, c.to) {
            let _ = writeln!(out, "    “{text}” ({outlet})");
        }
    }
    out
}

fn changes_markdown(b: &Briefing, list: &[Change], title: &str) -> String {
    let mut out = format!("**{}**\n\n", md(title));
    out.push_str("| Date | Actor | Issue | From | To | Evidence |\n|---|---|---|---|---|---|\n");
    for c in list {
        let ev: Vec<String> = evidence(b, c.to)
            .into_iter()
            .map(|(t, o)| format!("“{}” ({})", md(&t), md(&o)))
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            md(&b.position_when(c.to).label()),
            md(&b.actors[c.actor].name),
            md(&b.issues[c.issue].title),
            md(&stance_text(b, c.from)),
            md(&stance_text(b, Some(c.to))),
            ev.join("; ")
        );
    }
    out
}

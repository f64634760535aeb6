//! The stance matrix: rows of actors (or sides) by columns of issues, each
//! cell the stance as of the date in the title; under it the cursor cell's
//! history. Names and issue titles stay pinned while it scrolls.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{fit, pad, pane_block, strings};
use crate::app::App;
// Drawn as Lines: tabs and line breaks show as spaces, not deleted.
use crate::model::text::one_line as inert;
use crate::tables::{self, By, Row};
use crate::theme::{basis_symbol, stance_symbol};

const NAME: usize = 18;
const CELL: usize = 15;

/// The first of the pages of `page` items that holds `at`.
pub fn page_start(at: usize, page: usize) -> usize {
    let page = page.max(1);
    at / page * page
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let b = &app.briefing;
    let t = app.theme;
    let m = &app.views.matrix;
    let day = app.matrix_day();
    let mut title = format!(" {} {}", strings::MATRIX_AS_OF, tables::day_label(day));
    if m.as_of.is_none() {
        title.push_str(strings::FOLLOWS_EVENT);
    }
    if let Some(s) = m.since {
        title.push_str(&format!(
            " · {} {}",
            strings::CHANGED_SINCE,
            tables::day_label(s)
        ));
    }
    title.push_str(match m.by {
        By::Actor => " · by actor",
        By::Side => " · by side",
    });
    if app.hide_assessed {
        title.push_str(strings::ASSESSED_HIDDEN);
    }
    title.push(' ');
    frame.render_widget(Clear, area);
    let block = pane_block(
        Line::from(fit(&title, area.width.saturating_sub(4) as usize)),
        true,
        app,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let history_height = (inner.height / 4).clamp(3, 10);
    let [table, history] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(history_height)]).areas(inner);

    let rows = &app.views.rows;
    let name_w = NAME.min(table.width as usize / 3);
    let cols = ((table.width as usize).saturating_sub(name_w) / CELL).max(1);
    let first_col = page_start(m.col, cols);
    let issues: Vec<usize> = (first_col..b.issues.len()).take(cols).collect();
    let body = (table.height as usize).saturating_sub(2).max(1);
    let first_row = page_start(m.row, body);

    let mut lines = Vec::new();
    // The pinned header: issue titles.
    let mut head = vec![Span::raw(pad(
        &format!(
            "{}–{} of {}",
            first_col + 1,
            first_col + issues.len(),
            b.issues.len()
        ),
        name_w,
    ))];
    for &i in &issues {
        let style = if i == m.col {
            t.title().add_modifier(Modifier::UNDERLINED)
        } else {
            t.title()
        };
        head.push(Span::styled(
            pad(&format!(" {}", inert(&b.issues[i].title)), CELL),
            style,
        ));
    }
    lines.push(Line::from(head));
    lines.push(Line::styled("─".repeat(table.width as usize), t.dim()));
    if rows.is_empty() {
        lines.push(Line::styled(strings::NO_POSITIONS, t.dim()));
    }
    for (r, row) in rows.iter().enumerate().skip(first_row).take(body) {
        let (name, side) = match *row {
            Row::Side(s) => (inert(&b.sides[s].name).into_owned(), Some(s)),
            Row::Actor(a) => (
                inert(&b.actors[a].name).into_owned(),
                b.side_index(&b.actors[a].side),
            ),
        };
        let letter = side.map_or('?', |s| app.letters[s]);
        let mut spans = vec![
            Span::styled(
                format!("{letter} "),
                t.side(side).add_modifier(Modifier::BOLD),
            ),
            Span::styled(
                pad(&name, name_w.saturating_sub(2)),
                if r == m.row {
                    Style::new().add_modifier(Modifier::BOLD)
                } else {
                    Style::new()
                },
            ),
        ];
        for &i in &issues {
            let cell = tables::cell_in(b, row, i, day, m.since, app.hide_assessed);
            let (text, mut style) = match &cell {
                Some(c) => {
                    // An actor's cell says who holds it is held: “ ↳ ∴.
                    let basis = c
                        .position
                        .map_or("", |p| basis_symbol(b.positions[p].basis));
                    let word = match c.stances.as_slice() {
                        [one] => format!("{}{basis} {}", stance_symbol(*one), one.word()),
                        many => {
                            let g: Vec<&str> = many.iter().map(|x| stance_symbol(*x)).collect();
                            format!("{} {}", strings::MIXED, g.join(""))
                        }
                    };
                    let marks = format!(
                        "{}{}{}",
                        if c.uncertain { "?" } else { "" },
                        if c.changed { "*" } else { "" },
                        if c.moved { "Δ" } else { "" }
                    );
                    let room = (CELL - 1).saturating_sub(marks.chars().count());
                    let style = match c.stances.as_slice() {
                        [one] => t.stance(*one),
                        _ => Style::new(),
                    };
                    (
                        format!(" {}{marks}", fit(&word, room.saturating_sub(1))),
                        style,
                    )
                }
                None => (" ·".into(), t.dim()),
            };
            if cell.as_ref().is_some_and(|c| c.moved) {
                style = style.add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
            }
            if r == m.row && i == m.col {
                style = style.add_modifier(Modifier::REVERSED);
            }
            spans.push(Span::styled(pad(&text, CELL), style));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), table);
    draw_history(frame, history, app, rows, day);
}

/// The cursor cell's positions in the order of time, with their dates,
/// basis and summary; Enter opens one.
fn draw_history(frame: &mut Frame, area: Rect, app: &App, rows: &[Row], day: crate::model::Day) {
    let b = &app.briefing;
    let t = app.theme;
    let m = &app.views.matrix;
    let mut lines = Vec::new();
    let issue = b.issues.get(m.col);
    let who = match rows.get(m.row) {
        Some(Row::Side(s)) => inert(&b.sides[*s].name).into_owned(),
        Some(Row::Actor(a)) => inert(&b.actors[*a].name).into_owned(),
        None => String::new(),
    };
    lines.push(Line::from(vec![
        Span::styled(
            format!(
                "{who} on {}",
                issue.map_or(String::new(), |i| inert(&i.title).into_owned())
            ),
            t.title(),
        ),
        Span::styled(
            format!(
                "  {}",
                issue.map_or(String::new(), |i| inert(&i.question).into_owned())
            ),
            t.dim(),
        ),
    ]));
    let history = app.cell_history();
    if history.is_empty() {
        lines.push(Line::styled(strings::NO_POSITIONS, t.dim()));
    }
    for (k, &p) in history.iter().enumerate() {
        let pos = &b.positions[p];
        let when = b.position_when(p);
        let counted = when.is_dated() && when.first_day().is_none_or(|d| d <= day);
        let selected = m.in_history && k == m.history_row;
        let actor = b
            .actor(&pos.actor)
            .map_or(pos.actor.as_str(), |a| a.name.as_str());
        let mut spans = vec![
            Span::raw(if selected { "› " } else { "  " }),
            Span::styled(
                format!("{} {}", stance_symbol(pos.stance), pos.stance.word()),
                t.stance(pos.stance),
            ),
            Span::styled(format!(" · {} · {}", when.label(), pos.basis.id()), t.dim()),
        ];
        if matches!(rows.get(m.row), Some(Row::Side(_))) {
            spans.push(Span::raw(format!(" · {}", inert(actor))));
        }
        if !counted {
            spans.push(Span::styled(format!(" ({})", strings::NOT_YET), t.dim()));
        }
        spans.push(Span::raw(format!(" — {}", inert(pos.summary.trim()))));
        let mut line = Line::from(spans);
        if selected {
            line = line.style(t.selected());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

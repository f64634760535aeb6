//! One issue across every side: each actor's positions on a shared time
//! axis, grouped by side, so that where each started and where each moved
//! reads at a glance; the sequence in words beside it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{fit, pad, pane_block, strings};
use crate::app::App;
use crate::model::Day;
// Drawn as Lines: tabs and line breaks show as spaces, not deleted.
use crate::model::text::one_line as inert;
use crate::model::time::Placement;
use crate::theme::stance_symbol;

const NAME: usize = 22;

fn day_of(app: &App, p: usize) -> Option<Day> {
    match app.briefing.position_when(p).placement() {
        Placement::Dated { at, .. } => Some(at),
        Placement::Undated => None,
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let b = &app.briefing;
    let t = app.theme;
    frame.render_widget(Clear, area);
    let Some(issue) = app.view_issue() else {
        let block = pane_block(Line::from(format!(" {} ", strings::ISSUE_VIEW)), true, app);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(Paragraph::new(strings::NO_ISSUE).style(t.dim()), inner);
        return;
    };
    let title = format!(
        " {} · {} ",
        strings::ISSUE_VIEW,
        inert(&b.issues[issue].title)
    );
    let block = pane_block(Line::from(fit(&title, area.width as usize - 4)), true, app);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = app.issue_rows(issue);
    let days: Vec<Day> = rows
        .iter()
        .flat_map(|&a| b.history(a, issue).to_vec())
        .filter_map(|p| day_of(app, p))
        .collect();
    let (first, last) = (days.iter().min().copied(), days.iter().max().copied());
    let width = inner.width as usize;
    let axis = (width.saturating_sub(NAME + 2) / 2).clamp(10, 60);
    let column = |d: Day| -> usize {
        match (first, last) {
            (Some(f), Some(l)) if l.number() > f.number() => {
                ((d.number() - f.number()) * (axis as i64 - 1) / (l.number() - f.number())) as usize
            }
            _ => 0,
        }
    };
    let label = |d: Option<Day>| d.map_or(String::new(), crate::tables::day_label);
    let mut lines = vec![
        Line::styled(inert(&b.issues[issue].question).into_owned(), t.dim()),
        Line::from(vec![
            Span::raw(" ".repeat(NAME + 1)),
            Span::styled(
                pad(&format!("{} … {}", label(first), label(last)), axis),
                t.dim(),
            ),
        ]),
    ];
    let state = &app.views.issue;
    let mut side = None;
    let body = (inner.height as usize).saturating_sub(2);
    let mut shown = Vec::new();
    for (k, &a) in rows.iter().enumerate() {
        let s = b.side_index(&b.actors[a].side);
        if s != side {
            side = s;
            shown.push((None, s));
        }
        shown.push((Some(k), s));
    }
    let selected_line = shown
        .iter()
        .position(|(k, _)| *k == Some(state.selected))
        .unwrap_or(0);
    let start = crate::ui::matrix::page_start(selected_line, body.max(1));
    for &(k, s) in shown.iter().skip(start).take(body) {
        let Some(k) = k else {
            let name = s.map_or("?".into(), |s| inert(&b.sides[s].name).into_owned());
            lines.push(Line::styled(
                format!("{} {name}", s.map_or('?', |s| app.letters[s])),
                t.side(s).add_modifier(Modifier::BOLD),
            ));
            continue;
        };
        let a = rows[k];
        let history = b.history(a, issue);
        let mut cells: Vec<Span> = vec![Span::styled("─", t.dim()); axis];
        let mut words = Vec::new();
        for &p in history {
            let stance = b.positions[p].stance;
            let glyph = Span::styled(stance_symbol(stance).to_string(), t.stance(stance));
            match day_of(app, p) {
                Some(d) => {
                    let c = column(d).min(axis - 1);
                    cells[c] = glyph;
                    words.push(format!(
                        "{} {}",
                        stance_symbol(stance),
                        b.position_when(p).label()
                    ));
                }
                None => words.push(format!("{} {}", stance_symbol(stance), strings::UNDATED)),
            }
        }
        let mut spans = vec![
            Span::raw(if k == state.selected { "›" } else { " " }),
            Span::raw(pad(&inert(&b.actors[a].name), NAME)),
        ];
        spans.extend(cells);
        let room = width.saturating_sub(NAME + 2 + axis);
        spans.push(Span::raw(format!(" {}", fit(&words.join(" → "), room))));
        let mut line = Line::from(spans);
        if k == state.selected {
            line = line.style(t.selected());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

//! What changed: every move of an actor's stance on an issue after the
//! matrix's since date and by its date, in the order of time, with the
//! evidence of the selected one below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{fit, pad, pane_block, strings};
use crate::app::App;
// Drawn as Lines: tabs and line breaks show as spaces, not deleted.
use crate::model::text::one_line as inert;
use crate::tables;
use crate::theme::stance_symbol;

fn stance(app: &App, p: Option<usize>) -> Span<'static> {
    match p {
        Some(p) => {
            let s = app.briefing.positions[p].stance;
            Span::styled(
                format!("{} {}", stance_symbol(s), s.word()),
                app.theme.stance(s),
            )
        }
        None => Span::styled(strings::NO_POSITION_YET, app.theme.dim()),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let b = &app.briefing;
    let t = app.theme;
    let list = app.change_list();
    let since = app
        .views
        .matrix
        .since
        .map_or(strings::FROM_THE_START.to_string(), |d| {
            format!("after {}", tables::day_label(d))
        });
    let title = format!(
        " {} {since}, by {} · {} ",
        strings::CHANGES,
        tables::day_label(app.matrix_day()),
        list.len()
    );
    frame.render_widget(Clear, area);
    let block = pane_block(Line::from(fit(&title, area.width as usize - 4)), true, app);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [top, bottom] = Layout::vertical([Constraint::Fill(2), Constraint::Fill(1)]).areas(inner);
    let state = &app.views.changes;
    let height = top.height as usize;
    let first = crate::ui::matrix::page_start(state.selected, height);
    let mut lines = Vec::new();
    if list.is_empty() {
        lines.push(Line::styled(strings::NO_CHANGES, t.dim()));
    }
    for (k, c) in list.iter().enumerate().skip(first).take(height) {
        let side = b.side_index(&b.actors[c.actor].side);
        let mut line = Line::from(vec![
            Span::raw(if k == state.selected { "› " } else { "  " }),
            Span::styled(pad(&b.position_when(c.to).label(), 19), t.dim()),
            Span::styled(
                format!("{} ", side.map_or('?', |s| app.letters[s])),
                t.side(side).add_modifier(Modifier::BOLD),
            ),
            Span::raw(pad(&inert(&b.actors[c.actor].name), 22)),
            Span::raw(pad(&inert(&b.issues[c.issue].title), 30)),
            stance(app, c.from),
            Span::raw(" → "),
            stance(app, Some(c.to)),
        ]);
        if k == state.selected {
            line = line.style(t.selected());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), top);
    let mut detail = Vec::new();
    if let Some(c) = list.get(state.selected) {
        let pos = &b.positions[c.to];
        detail.push(Line::styled("─".repeat(bottom.width as usize), t.dim()));
        detail.push(Line::raw(inert(pos.summary.trim()).into_owned()));
        for q in pos.quotes.iter().filter_map(|q| b.quote(q)) {
            let outlet = b.source(&q.source).map_or("", |s| s.name());
            detail.push(Line::styled(
                format!("“{}” ({})", inert(q.text.trim()), inert(outlet)),
                t.dim(),
            ));
        }
        for x in &pos.evidence {
            let outlet = b.source(&x.source).map_or("", |s| s.name());
            detail.push(Line::styled(
                format!("“{}” ({})", inert(x.text.trim()), inert(outlet)),
                t.dim(),
            ));
        }
    }
    frame.render_widget(Paragraph::new(detail).wrap(Wrap { trim: false }), bottom);
}

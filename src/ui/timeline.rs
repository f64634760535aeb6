//! The timeline pane: events in date order, with the sides taking part.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{focused, pad, pane_block, strings};
use crate::app::lists::event_sides;
use crate::app::{App, Pane};
// Every field drawn here is one line: tabs and line breaks show as spaces.
use crate::model::text::one_line as inert;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let b = &app.briefing;
    let t = app.theme;
    let shown = match app.filter {
        Some(_) => format!(
            " {} · {} of {} ",
            strings::TIMELINE,
            app.events.len(),
            b.events.len()
        ),
        None => format!(" {} · {} ", strings::TIMELINE, b.events.len()),
    };
    let block = pane_block(Line::from(shown), focused(app, Pane::Timeline), app);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let width = inner.width as usize;
    let widest = app
        .events
        .iter()
        .map(|&e| b.events[e].date.to_string().width())
        .max()
        .unwrap_or(0);
    let date_width = widest.clamp(4, (width / 3).clamp(4, 20));
    let sides = b.sides.len();
    let mut lines = Vec::new();
    if app.events.is_empty() {
        lines.push(Line::styled(strings::NO_EVENTS, t.dim()));
    }
    for (row, &e) in app
        .events
        .iter()
        .enumerate()
        .skip(app.timeline.offset)
        .take(inner.height as usize)
    {
        let ev = &b.events[e];
        let selected = row == app.timeline.selected;
        let mut spans = vec![Span::raw(if selected { "›" } else { " " })];
        spans.push(Span::styled(
            pad(&inert(&ev.date.to_string()), date_width),
            t.dim(),
        ));
        spans.push(Span::raw(" "));
        let present = event_sides(b, e);
        for s in 0..sides {
            if present.contains(&s) {
                spans.push(Span::styled(
                    app.letters[s].to_string(),
                    t.side(Some(s)).add_modifier(Modifier::BOLD),
                ));
            } else {
                spans.push(Span::raw(" "));
            }
        }
        let room = width.saturating_sub(1 + date_width + 1 + sides + 1);
        spans.push(Span::raw(" "));
        spans.push(Span::raw(pad(&inert(&ev.title), room)));
        let mut line = Line::from(spans);
        if selected {
            line = line.style(if focused(app, Pane::Timeline) {
                t.selected()
            } else {
                Style::new().add_modifier(Modifier::BOLD)
            });
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

//! The timeline pane: events in the one order of time, with the sides
//! taking part, a compact date column, and the undated apart.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{focused, pad, pane_block, strings};
use crate::app::current::Item;
use crate::app::lists::{TimelineRow, event_sides};
use crate::app::{App, Pane};
// Every field drawn here is one line: tabs and line breaks show as spaces.
use crate::model::text::one_line as inert;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let b = &app.briefing;
    let t = app.theme;
    let shown = if app.filter.is_empty() {
        format!(" {} · {} ", strings::TIMELINE, b.events.len())
    } else {
        format!(
            " {} · {} of {} ",
            strings::TIMELINE,
            app.events.len(),
            b.events.len()
        )
    };
    let is_focused = focused(app, Pane::Timeline);
    let block = pane_block(Line::from(shown), is_focused, app);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let width = inner.width as usize;
    // The widest date label, measured once when the app opened.
    let date_width = app.date_width.clamp(4, (width / 3).clamp(4, 19));
    let sides = b.sides.len();
    let current_event = app.current.event(b);
    let mut lines = Vec::new();
    if app.events.is_empty() {
        lines.push(Line::styled(strings::NO_EVENTS, t.dim()));
    }
    for (row, r) in app
        .timeline_rows
        .iter()
        .enumerate()
        .skip(app.timeline.offset)
        .take(inner.height as usize)
    {
        let e = match *r {
            TimelineRow::Event(e) => e,
            TimelineRow::Undated => {
                let label = format!("── {} ", strings::UNDATED);
                let rule = "─".repeat(width.saturating_sub(label.chars().count()));
                lines.push(Line::styled(format!("{label}{rule}"), t.dim()));
                continue;
            }
        };
        let ev = &b.events[e];
        let is_current = current_event == Some(e);
        let cursor = row == app.timeline.selected && is_focused;
        let mut spans = vec![Span::raw(if is_current || cursor { "›" } else { " " })];
        spans.push(Span::styled(
            pad(&b.event_when(e).label(), date_width),
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
        // The current event reads as selected; an event the current quote
        // was said at reads in bold.
        if is_current {
            line = line.style(if is_focused && app.current == Item::Event(e) {
                t.selected()
            } else {
                Style::new().add_modifier(Modifier::BOLD)
            });
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

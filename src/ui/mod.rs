//! Drawing. Every function here reads the [`App`] and never changes it.

pub mod actors;
pub mod details;
pub mod footer;
pub mod help;
pub mod palette;
pub mod source;
pub mod strings;
pub mod theme;
pub mod timeline;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Pane};
// Every field drawn here is one line: tabs and line breaks show as spaces.
use crate::model::text::one_line as inert;

/// Below this size the panes cannot all show; the reader says so instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Where each part of the screen goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub timeline: Rect,
    pub actors: Rect,
    pub details: Rect,
    pub source: Rect,
    pub footer: Rect,
}

/// The layout for a screen size, or None when it is too small. Pure, so
/// that mouse clicks are hit-tested against exactly what was drawn.
pub fn layout(area: Rect) -> Option<Areas> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    // Narrow terminals give the lists half the width, so titles stay legible.
    let left = match area.width {
        120.. => 38,
        100..120 => 44,
        _ => 50,
    };
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(left), Constraint::Fill(1)]).areas(body);
    let [timeline, actors] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Fill(1)]).areas(left);
    let details_height = (body.height / 4).clamp(7, 12);
    let [details, source] =
        Layout::vertical([Constraint::Length(details_height), Constraint::Fill(1)]).areas(right);
    Some(Areas {
        header,
        timeline,
        actors,
        details,
        source,
        footer,
    })
}

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let Some(a) = layout(area) else {
        let msg = strings::too_small(MIN_WIDTH, MIN_HEIGHT);
        let y = area.height / 2;
        let line = Rect {
            y: area.y + y,
            height: area.height.min(1),
            ..area
        };
        frame.render_widget(
            Paragraph::new(msg)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            line,
        );
        return;
    };
    header(frame, a.header, app);
    timeline::draw(frame, a.timeline, app);
    actors::draw(frame, a.actors, app);
    details::draw(frame, a.details, app);
    source::draw(frame, a.source, app);
    if app.search.find.editing {
        palette::draw_find_prompt(frame, a.footer, app);
    } else {
        footer::draw(frame, a.footer, app);
    }
    if app.help {
        help::draw(frame, area, app);
    }
    palette::draw(frame, area, app);
}

/// The top line: the briefing, and the filter, which is always shown.
fn header(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.theme;
    let m = &app.briefing.meta;
    let filter = match app.filter {
        Some(a) => Span::styled(
            strings::filter(&inert(&app.briefing.actors[a].name)),
            t.filter(),
        ),
        None => Span::styled(strings::ALL_EVENTS, t.dim()),
    };
    let room = (area.width as usize).saturating_sub(filter.width() + 1);
    let left = format!(" {} │ {} · as of {}", strings::APP, m.title, m.as_of);
    let left = inert(&left);
    let left = Span::styled(fit(&left, room), t.title());
    let gap = " ".repeat(room.saturating_sub(left.width()) + 1);
    frame.render_widget(Line::from(vec![left, Span::raw(gap), filter]), area);
}

/// A pane's frame: thick and coloured when focused, so focus reads without colour.
pub fn pane_block<'a>(title: Line<'a>, focused: bool, app: &App) -> Block<'a> {
    let t = app.theme;
    let (kind, style) = if focused {
        (BorderType::Thick, t.focused())
    } else {
        (BorderType::Plain, t.dim())
    };
    Block::bordered()
        .border_type(kind)
        .border_style(style)
        .title(title.style(if focused { t.title() } else { Style::new() }))
}

pub fn focused(app: &App, pane: Pane) -> bool {
    app.focus == pane && !app.help
}

/// `s` cut to `width` columns, with an ellipsis when cut.
pub fn fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    let mut prev = None;
    for c in s.chars() {
        // Per char, but U+FE0F widens the emoji before it, as drawn.
        let w = crate::model::text::width_after(prev.replace(c), c);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `s` cut or padded to exactly `width` columns.
pub fn pad(s: &str, width: usize) -> String {
    let s = fit(s, width);
    let w = s.width();
    s + &" ".repeat(width.saturating_sub(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
        assert_eq!(pad("ab", 4), "ab  ");
    }

    #[test]
    fn the_layout_fits_every_pane_at_the_minimum_and_none_below() {
        let a = layout(Rect::new(0, 0, MIN_WIDTH, MIN_HEIGHT)).expect("fits");
        for r in [a.timeline, a.actors, a.details, a.source] {
            assert!(r.width >= 20 && r.height >= 5, "{r:?}");
        }
        assert!(layout(Rect::new(0, 0, MIN_WIDTH - 1, 40)).is_none());
        assert!(layout(Rect::new(0, 0, 200, MIN_HEIGHT - 1)).is_none());
    }
}

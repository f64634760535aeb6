//! Where each part of the screen goes. Pure, and below both the app and
//! the ui, so that mouse clicks and paging are measured against exactly
//! what is drawn.

use ratatui::layout::{Constraint, Layout, Rect};

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
///
/// With `details_focused`, Details takes half the right-hand side, so that a
/// long record reads without much scrolling.
pub fn layout(area: Rect, details_focused: bool) -> Option<Areas> {
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
        160.. => 40,
        120..160 => 45,
        100..120 => 48,
        _ => 50,
    };
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(left), Constraint::Fill(1)]).areas(body);
    let [timeline, actors] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Fill(1)]).areas(left);
    let details_height = if details_focused {
        body.height / 2
    } else {
        (body.height / 4).clamp(7, 12)
    };
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

/// The widest column of text the reading mode uses: a comfortable measure.
pub const READING_WIDTH: u16 = 100;

/// The reading mode's box (everything between the header and the footer)
/// and, inside it, the centred column its text goes in.
pub fn reading(size: Rect) -> (Rect, Rect) {
    let body = Rect {
        y: size.y + 1,
        height: size.height.saturating_sub(2),
        ..size
    };
    let inner = Rect {
        x: body.x + 1,
        y: body.y + 1,
        width: body.width.saturating_sub(2),
        height: body.height.saturating_sub(2),
    };
    // Leave the last column of the box to the scrollbar.
    let width = inner.width.saturating_sub(2).min(READING_WIDTH);
    let column = Rect {
        x: inner.x + (inner.width.saturating_sub(width)) / 2,
        width,
        ..inner
    };
    (body, column)
}

/// The column the reading mode's text goes in.
pub fn reading_column(size: Rect) -> Rect {
    reading(size).1
}

/// The search palette's box on a screen of `size`.
pub fn palette_area(size: Rect) -> Rect {
    let width = size.width.saturating_sub(4).min(110);
    let height = size.height.saturating_sub(2).min(24);
    Rect {
        x: size.x + (size.width - width) / 2,
        y: size.y + (size.height - height) / 3,
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_fits_every_pane_at_the_minimum_and_none_below() {
        for focused in [false, true] {
            let a = layout(Rect::new(0, 0, MIN_WIDTH, MIN_HEIGHT), focused).expect("fits");
            for r in [a.timeline, a.actors, a.details, a.source] {
                assert!(r.width >= 20 && r.height >= 5, "{r:?}");
            }
        }
        assert!(layout(Rect::new(0, 0, MIN_WIDTH - 1, 40), false).is_none());
        assert!(layout(Rect::new(0, 0, 200, MIN_HEIGHT - 1), false).is_none());
    }
}

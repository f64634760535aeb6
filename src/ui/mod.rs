//! Drawing. Every function here reads the [`App`] and never changes it.

pub mod actors;
pub mod brief_view;
pub mod changes;
pub mod details;
pub mod disagreements;
pub mod footer;
pub mod help;
pub mod issue_view;
pub mod matrix;
pub mod palette;
pub mod source;
pub mod start;
pub mod timeline;

pub use crate::layout::{Areas, MIN_HEIGHT, MIN_WIDTH, layout};
pub use crate::{strings, theme};

use ratatui::Frame;
use ratatui::layout::{Alignment, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap,
};
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Pane};
use crate::keymap::Keymap;
// Every field drawn here is one line: tabs and line breaks show as spaces.
use crate::model::text::one_line as inert;

/// Draws the app with the default keys in the help and the footer.
pub fn draw(frame: &mut Frame, app: &App) {
    draw_with(frame, app, Keymap::builtin());
}

/// Draws the app; the help and the footer show the keys of `keymap`.
pub fn draw_with(frame: &mut Frame, app: &App, keymap: &Keymap) {
    let area = frame.area();
    let Some(a) = layout(area, app.focus == Pane::Details) else {
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
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    if app.reading {
        source::draw_reading(frame, area, app);
    } else if app.focus == Pane::Matrix {
        matrix::draw(frame, body, app);
    } else if app.focus == Pane::Changes {
        changes::draw(frame, body, app);
    } else if app.focus == Pane::IssueView {
        issue_view::draw(frame, body, app);
    } else if app.focus == Pane::Disagreements {
        disagreements::draw(frame, body, app);
    } else if app.focus == Pane::Brief {
        brief_view::draw(frame, body, app);
    } else {
        timeline::draw(frame, a.timeline, app);
        actors::draw(frame, a.actors, app);
        details::draw(frame, a.details, app);
        source::draw(frame, a.source, app);
    }
    if app.search.find.editing {
        palette::draw_find_prompt(frame, a.footer, app);
    } else if let Some(prompt) = &app.views.prompt {
        date_prompt(frame, a.footer, app, prompt);
    } else {
        footer::draw(frame, a.footer, app, keymap);
    }
    if app.editing_note() {
        brief_view::draw_editor(frame, body, app);
    }
    if app.help {
        help::draw(frame, area, app, keymap);
    }
    palette::draw(frame, area, app);
}

/// The footer while a date is typed for the matrix.
fn date_prompt(frame: &mut Frame, area: Rect, app: &App, p: &crate::app::views::DatePrompt) {
    let t = app.theme;
    let what = if p.since {
        strings::SINCE_PROMPT
    } else {
        strings::DATE_PROMPT
    };
    let mut spans = vec![
        Span::styled(format!(" {what} "), t.key()),
        Span::raw(inert(&p.input).into_owned()),
        Span::styled("▏", t.dim()),
    ];
    match &p.error {
        Some(e) => spans.push(Span::styled(format!("  {}", inert(e)), t.filter())),
        None => spans.push(Span::styled(format!("  {}", strings::DATE_KEYS), t.dim())),
    }
    frame.render_widget(Line::from(spans), area);
}

/// The top line: the briefing, and the filter, which is always shown.
fn header(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.theme;
    let m = &app.briefing.meta;
    let b = &app.briefing;
    let mut names = Vec::new();
    if let Some(a) = app.filter.actor {
        names.push(inert(&b.actors[a].name).into_owned());
    }
    if let Some(s) = app.filter.side {
        names.push(format!("side {}", inert(&b.sides[s].name)));
    }
    let filter = if names.is_empty() {
        Span::styled(strings::ALL_EVENTS, t.dim())
    } else {
        Span::styled(strings::filter(&names.join(", ")), t.filter())
    };
    let room = (area.width as usize).saturating_sub(filter.width() + 1);
    let left = format!(
        " {} │ {} · as of {}",
        strings::APP,
        m.title,
        crate::model::When::of(&m.as_of).label()
    );
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

/// A scrollbar on the right border of a pane's `area`, when its `total`
/// rows do not fit in `height`.
pub fn scrollbar(frame: &mut Frame, area: Rect, total: usize, height: usize, scroll: usize) {
    if total <= height {
        return;
    }
    let mut state = ScrollbarState::new(total.saturating_sub(height)).position(scroll);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None);
    frame.render_stateful_widget(
        bar,
        area.inner(Margin {
            vertical: 1,
            horizontal: 0,
        }),
        &mut state,
    );
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
}

//! The source pane: the article, wrapped and scrolled, with its highlights
//! (built by the app when the selection changes) and where you are in it.

use ratatui::Frame;
use ratatui::layout::{Alignment, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap};

use super::{fit, focused, pane_block, strings};
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Pane};
// Every field drawn here is one line: tabs and line breaks show as spaces.
use crate::model::text::one_line as inert;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let b = &app.briefing;
    let t = app.theme;
    let view = &app.source;
    let room = (area.width as usize).saturating_sub(4);
    let Some(s) = view.source else {
        let block = pane_block(
            Line::from(format!(" {} ", strings::SOURCE)),
            focused(app, Pane::Source),
            app,
        );
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(
            Paragraph::new(strings::NO_SOURCE)
                .style(t.dim())
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    };
    let src = &b.sources[s];
    let header = format!(
        " {} — {}, {} ",
        inert(&src.title),
        inert(&src.outlet),
        inert(&src.published.to_string())
    );
    let height = area.height.saturating_sub(2) as usize;
    let total = view.rows.len();
    let percent = if total <= height {
        100
    } else {
        (view.scroll + height).min(total) * 100 / total
    };
    let mut status = vec![strings::highlights(view.current, view.marks.len())];
    if let Some(found) = super::palette::find_status(app) {
        status.insert(0, found);
    }
    let mut sources: Vec<usize> = view.links.iter().map(|l| l.source).collect();
    sources.dedup();
    sources.sort_unstable();
    sources.dedup();
    if sources.len() > 1 {
        let at = sources.iter().position(|&x| x == s).unwrap_or(0) + 1;
        status.push(strings::sources(at, sources.len()));
    }
    status.push(format!("{percent}%"));
    let mut status = format!(" {} ", status.join(" · "));
    let line = format!(" line {}/{total} ·", (view.scroll + 1).min(total));
    if status.width() + line.width() + 4 <= area.width as usize {
        status.insert_str(0, &line);
    }
    let block = pane_block(
        Line::from(fit(&header, room)),
        focused(app, Pane::Source),
        app,
    )
    .title_bottom(Line::from(fit(&status, room)).alignment(Alignment::Right));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let visible: Vec<Line> = view
        .lines
        .iter()
        .skip(view.scroll)
        .take(inner.height as usize)
        .cloned()
        .collect();
    frame.render_widget(Paragraph::new(visible), inner);
    if total > height {
        let mut state = ScrollbarState::new(total.saturating_sub(height)).position(view.scroll);
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
}

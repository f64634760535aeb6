//! The source pane: the article, wrapped and scrolled, with its highlights
//! (built by the app when the selection changes) and an honest position.
//! Also the reading mode: the same text full screen in a centred column.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{fit, focused, pane_block, strings};
use crate::app::{App, Pane};
use crate::model::When;
// Drawn as Lines: tabs and line breaks show as spaces, not deleted.
use crate::model::text::one_line as inert;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    draw_in(frame, area, None, app);
}

/// The reading mode: the whole screen but the header and footer.
pub fn draw_reading(frame: &mut Frame, size: Rect, app: &App) {
    let (body, column) = crate::layout::reading(size);
    frame.render_widget(Clear, body);
    draw_in(frame, body, Some(column), app);
}

/// Draws the source in `area`, its text in `column` (else the whole inside).
fn draw_in(frame: &mut Frame, area: Rect, column: Option<Rect>, app: &App) {
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
    // The border says what the article is: outlet, title, published date.
    // A curator's note about it is in Details, not here.
    let src = &b.sources[s];
    let header = format!(
        " {} · {} · {} ",
        inert(&src.outlet),
        inert(&src.title),
        When::of(&src.published).label()
    );
    let height = column.map_or(area.height.saturating_sub(2), |c| c.height) as usize;
    let total = view.rows.len();
    let scroll = view.scroll.min(total.saturating_sub(height));
    let last = (scroll + height).min(total);
    // Most telling first, as a narrow border cuts from the right.
    let mut status = Vec::new();
    if let Some(found) = super::palette::find_status(app) {
        status.push(found);
    }
    status.push(strings::lines_shown(scroll + 1, last, total));
    status.push(strings::highlights(view.current, view.marks.len()));
    let mut sources: Vec<usize> = view.links.iter().map(|l| l.source).collect();
    sources.sort_unstable();
    sources.dedup();
    if sources.len() > 1 {
        let at = sources.iter().position(|&x| x == s).unwrap_or(0) + 1;
        status.push(strings::sources(at, sources.len()));
    }
    if !app.mentions {
        status.push(strings::NO_MENTIONS.into());
    }
    let status = format!(" {} ", status.join(" · "));
    let block = pane_block(
        Line::from(fit(&header, room)),
        focused(app, Pane::Source),
        app,
    )
    .title_bottom(Line::from(fit(&status, room)).alignment(Alignment::Right));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let text_area = column.unwrap_or(inner);

    let visible: Vec<Line> = view
        .lines
        .iter()
        .skip(scroll)
        .take(text_area.height as usize)
        .cloned()
        .collect();
    frame.render_widget(Paragraph::new(visible), text_area);
    super::scrollbar(frame, area, total, height, scroll);
}

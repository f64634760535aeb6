//! Where the sources disagree: each discrepancy as its question, with its
//! kind, and the selected one's accounts side by side: outlet, published
//! date, the value each gives, and its words.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::{fit, pane_block, strings};
use crate::app::App;
use crate::model::When;
// Drawn as Lines: tabs and line breaks show as spaces, not deleted.
use crate::model::text::one_line as inert;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let b = &app.briefing;
    let t = app.theme;
    let state = &app.views.disagreements;
    let title = format!(" {} · {} ", strings::DISAGREE, b.discrepancies.len());
    frame.render_widget(Clear, area);
    let block = pane_block(Line::from(fit(&title, area.width as usize - 4)), true, app);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let list_height = (b.discrepancies.len() as u16).clamp(1, inner.height / 3);
    let [list, accounts] =
        Layout::vertical([Constraint::Length(list_height), Constraint::Fill(1)]).areas(inner);
    let first = crate::ui::matrix::page_start(state.selected, list.height as usize);
    let mut lines = Vec::new();
    if b.discrepancies.is_empty() {
        lines.push(Line::styled(strings::NO_DISCREPANCIES, t.dim()));
    }
    for (k, d) in b
        .discrepancies
        .iter()
        .enumerate()
        .skip(first)
        .take(list.height as usize)
    {
        let kind = if d.is_contradiction() {
            Span::styled("≠ contradiction ", t.title().add_modifier(Modifier::BOLD))
        } else {
            Span::styled(format!("~ {} ", d.kind.id()), t.dim())
        };
        let mut line = Line::from(vec![
            Span::raw(if k == state.selected { "› " } else { "  " }),
            kind,
            Span::raw(inert(&d.fact).into_owned()),
        ]);
        if k == state.selected {
            line = line.style(t.selected());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), list);
    let Some(d) = b.discrepancies.get(state.selected) else {
        return;
    };
    let [meaning, columns] =
        Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(accounts);
    let mut head = vec![Line::from(vec![
        Span::styled(format!("{}: ", d.kind.id()), t.title()),
        Span::styled(d.kind.meaning(), t.dim()),
    ])];
    if let Some(note) = &d.note {
        head.push(Line::styled(inert(note.trim()).into_owned(), t.dim()));
    }
    frame.render_widget(Paragraph::new(head).wrap(Wrap { trim: false }), meaning);
    let n = d.accounts.len().max(1) as u32;
    let areas = Layout::horizontal((0..n).map(|_| Constraint::Ratio(1, n)))
        .spacing(2)
        .split(columns);
    for (a, area) in d.accounts.iter().zip(areas.iter()) {
        let (name, published) = b
            .source(&a.source)
            .map_or((inert(&a.source).into_owned(), String::new()), |s| {
                (inert(s.name()).into_owned(), When::of(&s.published).label())
            });
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(t.dim())
            .title(Line::from(fit(
                &format!(" {name} · {published} "),
                area.width as usize,
            )));
        let body = vec![
            Line::styled(inert(a.value.trim()).into_owned(), t.title()),
            Line::raw(""),
            Line::styled(format!("“{}”", inert(a.text.trim())), t.dim()),
        ];
        frame.render_widget(
            Paragraph::new(body).wrap(Wrap { trim: false }).block(block),
            *area,
        );
    }
}

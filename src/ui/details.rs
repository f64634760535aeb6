//! The details pane: the selected event (summary, participants, quotes and
//! issues), or the selected position when the actors pane has one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::stance_symbol;
use super::{focused, pane_block, strings};
use crate::app::lists::ActorSel;
use crate::app::{App, Pane};
use crate::model::text::inert;
use crate::model::{Briefing, Id};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let block = pane_block(Line::from(format!(" {} ", strings::DETAILS)), false, app);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = match (app.focus, app.actor) {
        (Pane::Actors, ActorSel::Position(p)) if focused(app, Pane::Actors) => position(app, p),
        _ => app
            .events
            .get(app.timeline.selected)
            .map(|&e| event(app, e))
            .unwrap_or_default(),
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

fn label(s: &str) -> Span<'static> {
    Span::styled(format!("{s}: "), Style::new().add_modifier(Modifier::BOLD))
}

/// An actor's name with their side letter, in their side's colour.
fn actor_span(app: &App, id: &Id) -> Span<'static> {
    let b = &app.briefing;
    match b.actor(id) {
        Some(a) => {
            let side = b.side_index(&a.side);
            let letter = side.map_or('?', |s| app.letters[s]);
            Span::styled(format!("{letter} {}", inert(&a.name)), app.theme.side(side))
        }
        None => Span::raw(inert(id).into_owned()),
    }
}

fn issue_titles(b: &Briefing, ids: &[Id]) -> String {
    let titles: Vec<String> = ids
        .iter()
        .map(|i| inert(b.issue(i).map_or(i.as_str(), |x| x.title.as_str())).into_owned())
        .collect();
    titles.join("; ")
}

fn event(app: &App, e: usize) -> Vec<Line<'static>> {
    let b = &app.briefing;
    let ev = &b.events[e];
    let mut when = format!("{} · {}", ev.date, format!("{:?}", ev.kind).to_lowercase());
    if let Some(place) = &ev.place {
        when.push_str(&format!(" · {place}"));
    }
    let mut lines = vec![
        Line::from(vec![
            Span::styled(inert(&ev.title).into_owned(), app.theme.title()),
            Span::styled(format!("  {}", inert(&when)), app.theme.dim()),
        ]),
        Line::from(inert(ev.summary.trim()).into_owned()),
    ];
    if !ev.participants.is_empty() {
        let mut spans = vec![label("With")];
        for (i, p) in ev.participants.iter().enumerate() {
            if i > 0 {
                spans.push(Span::raw(", "));
            }
            spans.push(actor_span(app, p));
        }
        lines.push(Line::from(spans));
    }
    if !ev.issues.is_empty() {
        lines.push(Line::from(vec![
            label("Issues"),
            Span::raw(issue_titles(b, &ev.issues)),
        ]));
    }
    for q in b.quotes.iter().filter(|q| q.event.as_ref() == Some(&ev.id)) {
        lines.push(Line::from(vec![
            actor_span(app, &q.speaker),
            Span::raw(format!(": “{}”", inert(q.text.trim()))),
        ]));
    }
    lines
}

fn position(app: &App, p: usize) -> Vec<Line<'static>> {
    let b = &app.briefing;
    let pos = &b.positions[p];
    let issue = b.issue(&pos.issue);
    let mut lines = vec![
        Line::from(vec![
            actor_span(app, &pos.actor),
            Span::raw(" on "),
            Span::styled(
                inert(issue.map_or(pos.issue.as_str(), |i| i.title.as_str())).into_owned(),
                app.theme.title(),
            ),
        ]),
        Line::from(vec![
            Span::styled(
                format!("{} {}", stance_symbol(pos.stance), pos.stance.word()),
                app.theme.stance(pos.stance),
            ),
            Span::styled(
                format!(" · {}", inert(&pos.as_of.to_string())),
                app.theme.dim(),
            ),
        ]),
        Line::from(inert(pos.summary.trim()).into_owned()),
    ];
    if let Some(i) = issue {
        lines.push(Line::styled(
            inert(&i.question).into_owned(),
            app.theme.dim(),
        ));
    }
    lines
}

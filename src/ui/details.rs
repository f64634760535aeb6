//! The details pane: the selected event (summary, participants, quotes and
//! issues), or the selected position when the actors pane has one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::stance_symbol;
use super::{fit, focused, pane_block, strings};
use crate::app::lists::ActorSel;
use crate::app::wrap::wrap;
use crate::app::{App, Pane};
// Fields drawn on one line: tabs and line breaks show as spaces (bodies use text::inert).
use crate::model::text::one_line as inert;
use crate::model::{Briefing, Id};

/// What the pane shows: a heading line, a body of prose that gives way
/// when space is short, and one line per fact after it.
struct Details {
    head: Vec<Line<'static>>,
    body: String,
    tail: Vec<Line<'static>>,
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let block = pane_block(Line::from(format!(" {} ", strings::DETAILS)), false, app);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let details = match (app.focus, app.actor) {
        (Pane::Actors, ActorSel::Position(p)) if focused(app, Pane::Actors) => position(app, p),
        (Pane::Actors, ActorSel::Quote(q)) if focused(app, Pane::Actors) => quote(app, q),
        _ => match app.events.get(app.timeline.selected) {
            Some(&e) => event(app, e),
            None => return,
        },
    };
    frame.render_widget(
        Paragraph::new(compose(
            details,
            inner.width as usize,
            inner.height as usize,
        )),
        inner,
    );
}

/// The heading, as much of the body as leaves room for the facts (at least
/// one row of it), then the facts; each fact on one row, cut at the edge.
fn compose(d: Details, width: usize, height: usize) -> Vec<Line<'static>> {
    let rows: Vec<String> = wrap(&d.body, width)
        .into_iter()
        .map(|r| d.body[r].trim_end().to_string())
        .collect();
    let room = height.saturating_sub(d.head.len() + d.tail.len()).max(1);
    let mut lines = d.head;
    if rows.len() > room {
        // Cut the prose, not the facts.
        lines.extend(rows[..room - 1].iter().cloned().map(Line::from));
        lines.push(Line::from(fit(&format!("{}…", rows[room - 1]), width)));
    } else {
        lines.extend(rows.into_iter().map(Line::from));
    }
    lines.extend(d.tail);
    lines
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

fn event(app: &App, e: usize) -> Details {
    let b = &app.briefing;
    let ev = &b.events[e];
    let mut when = format!("{} · {}", ev.date, format!("{:?}", ev.kind).to_lowercase());
    if let Some(place) = &ev.place {
        when.push_str(&format!(" · {place}"));
    }
    let head = vec![Line::from(vec![
        Span::styled(inert(&ev.title).into_owned(), app.theme.title()),
        Span::styled(format!("  {}", inert(&when)), app.theme.dim()),
    ])];
    let mut lines = Vec::new();
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
    for q in b.quotes_at_event(e).iter().map(|&q| &b.quotes[q]) {
        lines.push(Line::from(vec![
            actor_span(app, &q.speaker),
            Span::raw(format!(": “{}”", inert(q.text.trim()))),
        ]));
    }
    Details {
        head,
        body: crate::model::text::inert(ev.summary.trim()).into_owned(),
        tail: lines,
    }
}

fn quote(app: &App, q: usize) -> Details {
    let b = &app.briefing;
    let quote = &b.quotes[q];
    let mut said = Vec::new();
    if let Some(d) = &quote.spoken {
        said.push(d.to_string());
    }
    if let Some(s) = b.source(&quote.source) {
        said.push(format!("in {}", s.outlet));
    }
    let head = vec![Line::from(vec![
        actor_span(app, &quote.speaker),
        Span::styled(format!("  {}", inert(&said.join(" · "))), app.theme.dim()),
    ])];
    let mut tail = Vec::new();
    if let Some(ev) = quote.event.as_ref().and_then(|e| b.event(e)) {
        tail.push(Line::from(vec![
            label(strings::AT_EVENT),
            Span::raw(inert(&ev.title).into_owned()),
        ]));
    }
    if !quote.issues.is_empty() {
        tail.push(Line::from(vec![
            label("Issues"),
            Span::raw(issue_titles(b, &quote.issues)),
        ]));
    }
    Details {
        head,
        body: format!("“{}”", crate::model::text::inert(quote.text.trim())),
        tail,
    }
}

fn position(app: &App, p: usize) -> Details {
    let b = &app.briefing;
    let pos = &b.positions[p];
    let issue = b.issue(&pos.issue);
    let title = inert(issue.map_or(pos.issue.as_str(), |i| i.title.as_str())).into_owned();
    let head = vec![
        Line::from(vec![
            actor_span(app, &pos.actor),
            Span::raw(" on "),
            Span::styled(title, app.theme.title()),
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
    ];
    let mut tail: Vec<Line> = pos
        .quotes
        .iter()
        .filter_map(|q| b.quote(q))
        .map(|q| {
            Line::from(vec![
                actor_span(app, &q.speaker),
                Span::raw(format!(": “{}”", inert(q.text.trim()))),
            ])
        })
        .collect();
    if let Some(i) = issue {
        tail.push(Line::styled(
            inert(&i.question).into_owned(),
            app.theme.dim(),
        ));
    }
    Details {
        head,
        body: crate::model::text::inert(pos.summary.trim()).into_owned(),
        tail,
    }
}

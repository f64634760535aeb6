//! Details: the whole record of the current item, built as styled lines
//! when the item or the width changes (never while drawing), wrapped to the
//! pane, and scrolled like any other pane.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::current::Item;
use super::lists::{self, Standing};
use super::wrap::wrap;
use super::{App, Pane};
use crate::model::Basis;
use crate::model::text::one_line;
use crate::model::{Briefing, FuzzyDate, Id, When};
use crate::strings;
use crate::theme::{Theme, basis_symbol, stance_symbol};

#[derive(Debug, Clone, Default)]
pub struct DetailsView {
    /// Rows, already wrapped to the pane's width.
    pub lines: Vec<Line<'static>>,
    pub scroll: usize,
    pub title: String,
    /// The item the lines describe.
    pub of: Option<Item>,
}

impl DetailsView {
    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        let max = self.lines.len().saturating_sub(height);
        self.scroll = self.scroll.saturating_add_signed(delta).min(max);
    }
}

impl App {
    /// Rebuilds Details for the current item at the pane's width.
    pub(super) fn rebuild_details(&mut self) {
        let width = self
            .areas()
            .map_or(40, |a| a.details.width.saturating_sub(3).max(1) as usize);
        let (title, mut lines) = record(self, &self.current);
        lines.splice(0..0, self.note_lines(&self.current));
        let lines = lines
            .into_iter()
            .flat_map(|l| wrap_line(l, width))
            .collect();
        let height = self.page_of(Pane::Details);
        // A resize keeps the reader's place; a new item starts at its top.
        let kept = (self.details.of.as_ref() == Some(&self.current)).then_some(self.details.scroll);
        self.details = DetailsView {
            lines,
            scroll: 0,
            title,
            of: Some(self.current.clone()),
        };
        if let Some(scroll) = kept {
            self.details.scroll_by(scroll as isize, height);
        }
    }
}

/// A styled line broken into rows of at most `width` columns at word
/// boundaries; styles carry over the breaks.
pub fn wrap_line(line: Line<'static>, width: usize) -> Vec<Line<'static>> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    if text.is_empty() {
        return vec![line];
    }
    let rows = wrap(&text, width, false);
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut spans = Vec::new();
        let mut at = 0;
        for span in &line.spans {
            let (start, end) = (at, at + span.content.len());
            at = end;
            let (a, b) = (start.max(row.start), end.min(row.end));
            if a < b {
                spans.push(Span::styled(
                    span.content[a - start..b - start].to_string(),
                    span.style,
                ));
            }
        }
        if let Some(last) = spans.last_mut() {
            let trimmed = last.content.trim_end().to_string();
            last.content = trimmed.into();
        }
        out.push(Line::from(spans).style(line.style));
    }
    out
}

fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

fn label(s: &str) -> Span<'static> {
    Span::styled(format!("{s}: "), bold())
}

fn heading(s: &str, t: Theme) -> Line<'static> {
    Line::styled(s.to_string(), t.title().add_modifier(Modifier::UNDERLINED))
}

/// Every field here goes into a `Line`: tabs and line breaks show as
/// spaces (ratatui would delete them and glue the words).
fn text(s: &str) -> String {
    one_line(s.trim()).into_owned()
}

/// An actor's name with their side letter, in their side's colour.
fn actor_span(app: &App, id: &str) -> Span<'static> {
    let b = &app.briefing;
    match b.actor(id) {
        Some(a) => {
            let side = b.side_index(&a.side);
            let letter = side.map_or('?', |s| app.letters[s]);
            Span::styled(format!("{letter} {}", text(&a.name)), app.theme.side(side))
        }
        None => Span::raw(text(id)),
    }
}

fn actor_list(app: &App, ids: &[Id]) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (i, p) in ids.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(", "));
        }
        spans.push(actor_span(app, p));
    }
    spans
}

fn issue_titles(b: &Briefing, ids: &[Id]) -> String {
    let titles: Vec<String> = ids
        .iter()
        .map(|i| text(b.issue(i).map_or(i.as_str(), |x| x.title.as_str())))
        .collect();
    titles.join("; ")
}

/// "≤ 20 Aug 2025 — not dated (reported 20 August 2025); bounded by …".
fn date_line(name: &str, date: Option<&FuzzyDate>, when: When, t: Theme) -> Line<'static> {
    let mut spans = vec![label(name), Span::styled(when.label(), t.title())];
    if let Some(words) = date.and_then(FuzzyDate::words) {
        spans.push(Span::raw(format!(" — “{}”", text(words))));
    }
    let why = match when.derived {
        crate::model::time::Derived::None => None,
        crate::model::time::Derived::Reported => Some(strings::BOUND_REPORTED),
        crate::model::time::Derived::Expected => Some(strings::BOUND_EXPECTED),
    };
    if let Some(why) = why {
        spans.push(Span::styled(format!(" ({why})"), t.dim()));
    }
    if when.inferred {
        spans.push(Span::styled(format!(" ({})", strings::INFERRED), t.dim()));
    }
    Line::from(spans)
}

/// The stance, with who holds that the actor holds it (never colour alone).
fn stance_spans(app: &App, p: usize) -> Vec<Span<'static>> {
    let b = &app.briefing;
    let pos = &b.positions[p];
    let basis = match b.assessor(pos) {
        Some(who) if pos.basis == Basis::Assessed => {
            format!(
                "{} assessed by {}",
                basis_symbol(pos.basis),
                text(who.name())
            )
        }
        _ => format!("{} {}", basis_symbol(pos.basis), pos.basis.id()),
    };
    vec![
        Span::styled(
            format!("{} {}", stance_symbol(pos.stance), pos.stance.word()),
            app.theme.stance(pos.stance),
        ),
        Span::styled(format!(" · {basis}"), app.theme.dim()),
    ]
}

fn sources_line(b: &Briefing, ids: impl Iterator<Item = String>) -> Option<Line<'static>> {
    let mut seen: Vec<String> = Vec::new();
    for id in ids {
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    if seen.is_empty() {
        return None;
    }
    let names: Vec<String> = seen
        .iter()
        .map(|id| b.source(id).map_or(text(id), |s| text(s.name())))
        .collect();
    let mut spans = vec![
        label(&strings::sources_count(seen.len())),
        Span::raw(names.join("; ")),
    ];
    if seen.len() == 1 {
        spans.push(Span::raw(format!(" ({})", strings::SINGLE_SOURCE)));
    }
    Some(Line::from(spans))
}

/// The title and lines of an item's whole record.
fn record(app: &App, item: &Item) -> (String, Vec<Line<'static>>) {
    let b = &app.briefing;
    match *item {
        Item::Event(e) if e < b.events.len() => ("Event".into(), event(app, e)),
        Item::Actor(a) if a < b.actors.len() => ("Actor".into(), actor(app, a)),
        Item::Position(p) if p < b.positions.len() => ("Position".into(), position(app, p)),
        Item::Quote(q) if q < b.quotes.len() => ("Quote".into(), quote(app, q)),
        Item::Issue(i) if i < b.issues.len() => ("Issue".into(), issue(app, i)),
        Item::Discrepancy(d) if d < b.discrepancies.len() => {
            ("Where sources disagree".into(), discrepancy(app, d))
        }
        Item::Source(s) if s < b.sources.len() => ("Source".into(), source(app, s, None)),
        Item::Passage {
            source: s,
            ref range,
        } if s < b.sources.len() => ("Passage".into(), source(app, s, Some(range.clone()))),
        _ => (String::new(), vec![Line::raw(strings::NOTHING_SELECTED)]),
    }
}

fn event(app: &App, e: usize) -> Vec<Line<'static>> {
    let b = &app.briefing;
    let t = app.theme;
    let ev = &b.events[e];
    let mut lines = vec![Line::styled(text(&ev.title), t.title())];
    lines.push(date_line("When", Some(&ev.date), b.event_when(e), t));
    let mut what = vec![label("Kind"), Span::raw(ev.kind.id().to_string())];
    if ev.expected {
        what.push(Span::raw(format!(" ({})", strings::EXPECTED)));
    }
    if let Some(place) = &ev.place {
        what.push(Span::raw(" · "));
        what.push(label("Place"));
        what.push(Span::raw(text(place)));
    }
    lines.push(Line::from(what));
    lines.push(Line::raw(text(&ev.summary)));
    if !ev.participants.is_empty() {
        let mut spans = vec![label("With")];
        spans.extend(actor_list(app, &ev.participants));
        lines.push(Line::from(spans));
    }
    if !ev.issues.is_empty() {
        lines.push(Line::from(vec![
            label("Issues"),
            Span::raw(issue_titles(b, &ev.issues)),
        ]));
    }
    let quotes = b.quotes_at_event(e);
    let cited = ev.evidence.iter().map(|x| x.source.value.clone());
    let quoted = quotes.iter().map(|&q| b.quotes[q].source.value.clone());
    lines.extend(sources_line(b, cited.chain(quoted)));
    if !quotes.is_empty() {
        lines.push(heading(strings::QUOTES, t));
        for &q in quotes {
            lines.push(Line::from(vec![
                actor_span(app, &b.quotes[q].speaker),
                Span::raw(format!(": “{}”", text(&b.quotes[q].text))),
            ]));
        }
    }
    // The discrepancies whose accounts share words with this event's evidence.
    let words: Vec<(&str, std::ops::Range<usize>)> = ev
        .evidence
        .iter()
        .filter_map(|x| Some((x.source.as_str(), x.range.clone()?)))
        .collect();
    lines.extend(disagreements(app, |d| overlaps(d, &words)));
    lines
}

/// Whether an account of `d` shares words with one of `words` (source, range).
fn overlaps(d: &crate::model::Discrepancy, words: &[(&str, std::ops::Range<usize>)]) -> bool {
    d.accounts.iter().any(|a| {
        a.range.as_ref().is_some_and(|r| {
            words
                .iter()
                .any(|(s, w)| *s == a.source.as_str() && w.start < r.end && r.start < w.end)
        })
    })
}

fn actor(app: &App, a: usize) -> Vec<Line<'static>> {
    let b = &app.briefing;
    let t = app.theme;
    let actor = &b.actors[a];
    let side = b.side_index(&actor.side);
    let mut lines = vec![Line::from(vec![
        Span::styled(text(&actor.name), t.title()),
        Span::styled(format!("  {}", actor.kind.id()), t.dim()),
    ])];
    lines.push(Line::from(vec![
        label("Side"),
        Span::styled(
            format!(
                "{} {}",
                side.map_or('?', |s| app.letters[s]),
                text(b.side_name(&actor.side))
            ),
            t.side(side),
        ),
    ]));
    lines.push(Line::from(vec![
        label("Role"),
        Span::raw(text(&actor.role)),
    ]));
    if !actor.aliases.is_empty() {
        let aliases: Vec<String> = actor.aliases.iter().map(|x| text(x)).collect();
        lines.push(Line::from(vec![
            label("Also called"),
            Span::raw(aliases.join(", ")),
        ]));
    }
    if !actor.member_of.is_empty() {
        let mut spans = vec![label("Member of")];
        spans.extend(actor_list(app, &actor.member_of));
        lines.push(Line::from(spans));
    }
    let members: Vec<Id> = b
        .actors
        .iter()
        .filter(|x| x.member_of.iter().any(|m| m == &actor.id))
        .map(|x| x.id.clone())
        .collect();
    if !members.is_empty() {
        let mut spans = vec![label("Members")];
        spans.extend(actor_list(app, &members));
        lines.push(Line::from(spans));
    }
    let mut ps = lists::positions_of(b, a);
    if app.hide_assessed {
        ps.retain(|&p| b.positions[p].basis != Basis::Assessed);
    }
    lines.push(heading(strings::POSITIONS, t));
    if ps.is_empty() {
        lines.push(Line::styled(strings::NO_POSITIONS, t.dim()));
    }
    for (i, &p) in ps.iter().enumerate() {
        let pos = &b.positions[p];
        if i == 0 || b.positions[ps[i - 1]].issue != pos.issue {
            let title = b
                .issue(&pos.issue)
                .map_or(text(&pos.issue), |x| text(&x.title));
            lines.push(Line::styled(title, bold()));
        }
        let mut spans = vec![Span::raw("  ")];
        spans.extend(stance_spans(app, p));
        spans.push(Span::styled(
            format!(" · {}", b.position_when(p).label()),
            t.dim(),
        ));
        spans.push(Span::styled(
            standing_word(lists::standing(b, &ps, i)),
            t.dim(),
        ));
        spans.push(Span::raw(format!(" — {}", text(&pos.summary))));
        lines.push(Line::from(spans));
    }
    // Discrepancies that concern the actor: their words or their positions'
    // evidence are in an account, or the question names them.
    let mut words: Vec<(&str, std::ops::Range<usize>)> = Vec::new();
    for &q in b.actor_quotes(a) {
        if let Some(r) = b.quotes[q].range.clone() {
            words.push((b.quotes[q].source.as_str(), r));
        }
    }
    for &p in b.actor_positions(a) {
        for x in &b.positions[p].evidence {
            if let Some(r) = x.range.clone() {
                words.push((x.source.as_str(), r));
            }
        }
    }
    let names: Vec<&str> = std::iter::once(actor.name.as_str())
        .chain(actor.aliases.iter().map(String::as_str))
        .collect();
    let disagree = disagreements(app, |d| {
        overlaps(d, &words) || names.iter().any(|n| !n.is_empty() && d.fact.contains(n))
    });
    let qs = lists::quotes_of(b, a);
    lines.extend(disagree);
    if !qs.is_empty() {
        lines.push(heading(strings::QUOTES, t));
        for q in qs {
            lines.push(Line::from(vec![
                Span::styled(format!("{} ", b.quote_when(q).label()), t.dim()),
                Span::raw(format!("“{}”", text(&b.quotes[q].text))),
            ]));
        }
    }
    lines
}

fn standing_word(s: Standing) -> String {
    match s {
        Standing::Current => format!(" ({})", strings::CURRENT),
        Standing::Earlier => format!(" ({})", strings::EARLIER),
        Standing::Undated => format!(" ({})", strings::UNDATED),
    }
}

fn position(app: &App, p: usize) -> Vec<Line<'static>> {
    let b = &app.briefing;
    let t = app.theme;
    let pos = &b.positions[p];
    let issue = b.issue(&pos.issue);
    let title = issue.map_or(text(&pos.issue), |i| text(&i.title));
    let mut lines = vec![Line::from(vec![
        actor_span(app, &pos.actor),
        Span::raw(" on "),
        Span::styled(title, t.title()),
    ])];
    let mut stance = stance_spans(app, p);
    if let Some(a) = b.actor_index(&pos.actor) {
        let ps = lists::positions_of(b, a);
        if let Some(i) = ps.iter().position(|&x| x == p) {
            stance.push(Span::styled(
                standing_word(lists::standing(b, &ps, i)),
                t.dim(),
            ));
        }
    }
    lines.push(Line::from(stance));
    lines.push(date_line("As of", Some(&pos.as_of), b.position_when(p), t));
    lines.push(Line::raw(text(&pos.summary)));
    if let Some(i) = issue {
        lines.push(Line::from(vec![
            label("Question"),
            Span::styled(text(&i.question), t.dim()),
        ]));
    }
    let quoted = pos.quotes.iter().filter_map(|q| b.quote(q));
    let cited = pos.evidence.iter().map(|x| x.source.value.clone());
    lines.extend(sources_line(
        b,
        cited.chain(quoted.clone().map(|q| q.source.value.clone())),
    ));
    for q in quoted {
        lines.push(Line::from(vec![
            actor_span(app, &q.speaker),
            Span::raw(format!(": “{}”", text(&q.text))),
        ]));
    }
    // The history this position is part of, in the one order of time.
    if let Some(a) = b.actor_index(&pos.actor) {
        let ps: Vec<usize> = lists::positions_of(b, a)
            .into_iter()
            .filter(|&x| b.positions[x].issue == pos.issue)
            .collect();
        if ps.len() > 1 {
            lines.push(heading(strings::HISTORY, t));
            for (i, &x) in ps.iter().enumerate() {
                let mark = if x == p { "› " } else { "  " };
                let mut spans = vec![Span::raw(mark)];
                spans.extend(stance_spans(app, x));
                spans.push(Span::styled(
                    format!(" · {}", b.position_when(x).label()),
                    t.dim(),
                ));
                spans.push(Span::styled(
                    standing_word(lists::standing(b, &ps, i)),
                    t.dim(),
                ));
                lines.push(Line::from(spans));
            }
        }
    }
    lines
}

fn quote(app: &App, q: usize) -> Vec<Line<'static>> {
    let b = &app.briefing;
    let t = app.theme;
    let quote = &b.quotes[q];
    let mut lines = vec![Line::from(actor_span(app, &quote.speaker))];
    lines.push(Line::raw(format!("“{}”", text(&quote.text))));
    lines.push(date_line("Said", quote.spoken.as_ref(), b.quote_when(q), t));
    if let Some(s) = b.source(&quote.source) {
        lines.push(Line::from(vec![
            label("In"),
            Span::raw(format!(
                "{}, “{}”, {}",
                text(&s.outlet),
                text(&s.title),
                When::of(&s.published).label()
            )),
        ]));
    }
    if let Some(ev) = quote.event.as_ref().and_then(|e| b.event(e)) {
        lines.push(Line::from(vec![
            label(strings::AT_EVENT),
            Span::raw(text(&ev.title)),
        ]));
    }
    if !quote.issues.is_empty() {
        lines.push(Line::from(vec![
            label("Issues"),
            Span::raw(issue_titles(b, &quote.issues)),
        ]));
    }
    let backs: Vec<String> = b
        .positions
        .iter()
        .filter(|p| p.quotes.iter().any(|x| x == &quote.id))
        .map(|p| {
            let issue = b.issue(&p.issue).map_or(text(&p.issue), |i| text(&i.title));
            format!("{} {} on {issue}", stance_symbol(p.stance), p.stance.word())
        })
        .collect();
    if !backs.is_empty() {
        lines.push(Line::from(vec![
            label(strings::SUPPORTS_POSITIONS),
            Span::raw(backs.join("; ")),
        ]));
    }
    lines
}

/// An issue's question and every side's current stance on it.
fn issue(app: &App, i: usize) -> Vec<Line<'static>> {
    let b = &app.briefing;
    let t = app.theme;
    let issue = &b.issues[i];
    let mut lines = vec![
        Line::styled(text(&issue.title), t.title()),
        Line::raw(text(&issue.question)),
    ];
    for (s, side) in b.sides.iter().enumerate() {
        let actors = (0..b.actors.len()).filter(|&a| b.actors[a].side == side.id);
        let mut rows = Vec::new();
        for a in actors {
            let ps: Vec<usize> = lists::positions_of(b, a)
                .into_iter()
                .filter(|&p| b.positions[p].issue == issue.id)
                .filter(|&p| !app.hide_assessed || b.positions[p].basis != Basis::Assessed)
                .collect();
            let now = (0..ps.len()).rfind(|&k| lists::standing(b, &ps, k) == Standing::Current);
            let shown = now.or_else(|| ps.first().map(|_| 0));
            if let Some(k) = shown {
                let p = ps[k];
                let mut spans = vec![
                    Span::raw("  "),
                    actor_span(app, &b.actors[a].id),
                    Span::raw(" "),
                ];
                spans.extend(stance_spans(app, p));
                spans.push(Span::styled(
                    format!(" · {}", b.position_when(p).label()),
                    t.dim(),
                ));
                if now.is_none() {
                    spans.push(Span::styled(standing_word(Standing::Undated), t.dim()));
                }
                rows.push(Line::from(spans));
            }
        }
        if !rows.is_empty() {
            lines.push(Line::styled(
                format!("{} {}", app.letters[s], text(&side.name)),
                t.side(Some(s)).add_modifier(Modifier::BOLD),
            ));
            lines.extend(rows);
        }
    }
    lines
}

fn discrepancy(app: &App, d: usize) -> Vec<Line<'static>> {
    let b = &app.briefing;
    let t = app.theme;
    let x = &b.discrepancies[d];
    let mut lines = vec![Line::styled(text(&x.fact), t.title())];
    if let Some(note) = &x.note {
        lines.push(Line::styled(text(note), t.dim()));
    }
    for a in &x.accounts {
        let (outlet, published) = b
            .source(&a.source)
            .map_or((text(&a.source), String::new()), |s| {
                (text(&s.outlet), When::of(&s.published).label())
            });
        lines.push(Line::from(vec![
            Span::styled(format!("{outlet} ({published}): "), bold()),
            Span::raw(text(&a.value)),
        ]));
        lines.push(Line::styled(format!("  “{}”", text(&a.text)), t.dim()));
    }
    lines
}

/// Discrepancies that `concerns` picks, as a section.
fn disagreements(
    app: &App,
    concerns: impl Fn(&crate::model::Discrepancy) -> bool,
) -> Vec<Line<'static>> {
    let b = &app.briefing;
    let facts: Vec<String> = b
        .discrepancies
        .iter()
        .filter(|d| concerns(d))
        .map(|d| format!("• {}", text(&d.fact)))
        .collect();
    if facts.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![heading(strings::DISAGREE, app.theme)];
    lines.extend(facts.into_iter().map(Line::raw));
    lines
}

fn source(app: &App, s: usize, passage: Option<std::ops::Range<usize>>) -> Vec<Line<'static>> {
    let b = &app.briefing;
    let t = app.theme;
    let src = &b.sources[s];
    let mut lines = vec![Line::styled(text(&src.title), t.title())];
    lines.push(Line::from(vec![
        label("Outlet"),
        Span::raw(text(&src.outlet)),
    ]));
    if let Some(author) = &src.author {
        lines.push(Line::from(vec![label("Author"), Span::raw(text(author))]));
    }
    lines.push(date_line(
        "Published",
        Some(&src.published),
        When::of(&src.published),
        t,
    ));
    if let Some(url) = &src.url {
        lines.push(Line::from(vec![label("URL"), Span::raw(text(url))]));
    }
    lines.push(Line::from(vec![
        label("Language"),
        Span::raw(text(&src.language)),
    ]));
    if let Some(note) = &src.note {
        lines.push(Line::from(vec![
            label(strings::CURATOR_NOTE),
            Span::styled(text(note), t.dim()),
        ]));
    }
    if let Some(r) = passage
        && let Some(words) = src.text.get(r)
    {
        lines.push(heading(strings::PASSAGE, t));
        lines.push(Line::raw(format!("“{}”", text(words))));
    }
    let quotes = b.quotes.iter().filter(|q| q.source == src.id).count();
    lines.push(Line::styled(strings::source_counts(quotes), t.dim()));
    lines
}

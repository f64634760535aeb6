//! The rows of the timeline and the actors pane, derived from the briefing
//! and the selection.

use crate::model::Briefing;

use super::App;
use super::current::Filter;

/// A selection in a list with its scroll offset, kept in view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scrolled {
    pub selected: usize,
    pub offset: usize,
}

impl Scrolled {
    /// Selects `at` and scrolls just enough to show it in `height` rows.
    pub fn select(&mut self, at: usize, height: usize) {
        let height = height.max(1);
        self.selected = at;
        if at < self.offset {
            self.offset = at;
        } else if at >= self.offset + height {
            self.offset = at + 1 - height;
        }
    }
}

/// What the actors pane has selected: an actor, or one of the selected
/// actor's positions or quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorSel {
    Actor(usize),
    Position(usize),
    Quote(usize),
}

/// Where a position stands among an actor's positions on one issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// The latest dated one: the actor's stance now.
    Current,
    /// A later dated one replaced it.
    Earlier,
    /// It has no date bound, so it can't be placed; never current.
    Undated,
}

/// A row of the actors pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorRow {
    /// A side heading (by side index).
    Side(usize),
    Actor(usize),
    /// An issue heading above the selected actor's positions on it.
    Issue(usize),
    /// A position, and where it stands in the actor's history on its issue.
    Position(usize, Standing),
    /// The heading above the selected actor's quotes.
    Quotes,
    Quote(usize),
}

impl ActorRow {
    pub fn sel(&self) -> Option<ActorSel> {
        match *self {
            ActorRow::Actor(a) => Some(ActorSel::Actor(a)),
            ActorRow::Position(p, _) => Some(ActorSel::Position(p)),
            ActorRow::Quote(q) => Some(ActorSel::Quote(q)),
            _ => None,
        }
    }
}

/// Actor indices of a side, in file order.
fn actors_of_side(b: &Briefing, side: usize) -> impl Iterator<Item = usize> + '_ {
    let id = b.sides.get(side).map(|s| s.id.as_str());
    (0..b.actors.len()).filter(move |&a| Some(b.actors[a].side.as_str()) == id)
}

pub fn first_actor_of_side(b: &Briefing, side: usize) -> Option<usize> {
    actors_of_side(b, side).next()
}

pub fn first_actor(b: &Briefing) -> Option<usize> {
    (0..b.sides.len()).find_map(|s| first_actor_of_side(b, s))
}

/// The selected actor (also when one of their positions is selected).
pub fn selected_actor(app: &App) -> Option<usize> {
    match app.actor {
        ActorSel::Actor(a) => Some(a),
        ActorSel::Position(p) => app.briefing.actor_index(&app.briefing.positions[p].actor),
        ActorSel::Quote(q) => app.briefing.actor_index(&app.briefing.quotes[q].speaker),
    }
}

/// An actor's positions ordered by issue (in file order), then by the one
/// order of time (undated last, ties in file order).
pub fn positions_of(b: &Briefing, actor: usize) -> Vec<usize> {
    let id = b.actors[actor].id.as_str();
    let mut ps: Vec<usize> = (0..b.positions.len())
        .filter(|&p| b.positions[p].actor == id)
        .collect();
    ps.sort_by_key(|&p| (b.issue_index(&b.positions[p].issue), b.position_when(p)));
    ps
}

/// What an actor said, in the order they said it (undated last, ties in file order).
pub fn quotes_of(b: &Briefing, actor: usize) -> Vec<usize> {
    let id = b.actors[actor].id.as_str();
    let mut qs: Vec<usize> = (0..b.quotes.len())
        .filter(|&q| b.quotes[q].speaker == id)
        .collect();
    qs.sort_by_key(|&q| b.quote_when(q));
    qs
}

/// Where position `ps[i]` stands, given `ps` in issue-then-time order
/// (undated after dated, so a later dated one follows directly).
pub fn standing(b: &Briefing, ps: &[usize], i: usize) -> Standing {
    let p = ps[i];
    if !b.position_when(p).is_dated() {
        return Standing::Undated;
    }
    let replaced = ps.get(i + 1).is_some_and(|&n| {
        b.positions[n].issue == b.positions[p].issue && b.position_when(n).is_dated()
    });
    if replaced {
        Standing::Earlier
    } else {
        Standing::Current
    }
}

/// Sides in order, each with its actors; the selected actor's positions
/// under them, grouped by issue, then their quotes.
pub fn actor_rows(app: &App) -> Vec<ActorRow> {
    let b = &app.briefing;
    let selected = selected_actor(app);
    let mut rows = Vec::new();
    for side in 0..b.sides.len() {
        rows.push(ActorRow::Side(side));
        for a in actors_of_side(b, side) {
            rows.push(ActorRow::Actor(a));
            if Some(a) != selected || !app.expanded {
                continue;
            }
            let mut ps = positions_of(b, a);
            if app.hide_assessed {
                ps.retain(|&p| b.positions[p].basis != crate::model::Basis::Assessed);
            }
            for (i, &p) in ps.iter().enumerate() {
                let issue = b.issue_index(&b.positions[p].issue);
                if i == 0 || b.issue_index(&b.positions[ps[i - 1]].issue) != issue {
                    rows.push(ActorRow::Issue(issue.unwrap_or(usize::MAX)));
                }
                rows.push(ActorRow::Position(p, standing(b, &ps, i)));
            }
            let qs = quotes_of(b, a);
            if !qs.is_empty() {
                rows.push(ActorRow::Quotes);
                rows.extend(qs.into_iter().map(ActorRow::Quote));
            }
        }
    }
    rows
}

/// Whether `actor` is `who` or one of its members (a minister of a state).
fn is_or_member(b: &Briefing, actor: &str, who: &str) -> bool {
    actor == who
        || b.actor(actor)
            .is_some_and(|a| a.member_of.iter().any(|m| m == who))
}

/// Events in the one order of time; with a filter, only those its actor
/// (or their members) or its side's actors take part in or are quoted in.
pub fn timeline(b: &Briefing, filter: Filter) -> Vec<usize> {
    let side = filter
        .side
        .and_then(|s| b.sides.get(s))
        .map(|s| s.id.as_str());
    let involves = |e: usize, pred: &dyn Fn(&str) -> bool| {
        b.events[e].participants.iter().any(|p| pred(p))
            || b.quotes_at_event(e)
                .iter()
                .any(|&q| pred(&b.quotes[q].speaker))
    };
    let mut events: Vec<usize> = (0..b.events.len())
        .filter(|&e| {
            let by_actor = filter.actor.is_none_or(|a| {
                let who = b.actors[a].id.as_str();
                involves(e, &|p| is_or_member(b, p, who))
            });
            let by_side = side
                .is_none_or(|side| involves(e, &|p| b.actor(p).is_some_and(|a| a.side == side)));
            by_actor && by_side
        })
        .collect();
    events.sort_by_key(|&e| b.event_when(e));
    events
}

/// A row of the timeline: an event, or the heading above the undated ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineRow {
    Event(usize),
    Undated,
}

/// The timeline's rows: dated events, then a heading, then the undated.
pub fn timeline_rows(b: &Briefing, events: &[usize]) -> Vec<TimelineRow> {
    let mut rows = Vec::with_capacity(events.len() + 1);
    let mut heading = false;
    for &e in events {
        if !heading && !b.event_when(e).is_dated() {
            rows.push(TimelineRow::Undated);
            heading = true;
        }
        rows.push(TimelineRow::Event(e));
    }
    rows
}

/// The sides taking part in an event (participants and speakers), by index.
pub fn event_sides(b: &Briefing, e: usize) -> Vec<usize> {
    let ev = &b.events[e];
    let speakers = b.quotes_at_event(e).iter().map(|&q| &b.quotes[q].speaker);
    let mut sides: Vec<usize> = ev
        .participants
        .iter()
        .chain(speakers)
        .filter_map(|a| b.actor(a))
        .filter_map(|a| b.side_index(&a.side))
        .collect();
    sides.sort_unstable();
    sides.dedup();
    sides
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolled_keeps_the_selection_in_view() {
        let mut s = Scrolled::default();
        s.select(7, 5);
        assert_eq!(
            s,
            Scrolled {
                selected: 7,
                offset: 3
            }
        );
        s.select(4, 5);
        assert_eq!(s.offset, 3);
        s.select(1, 5);
        assert_eq!(s.offset, 1);
    }
}

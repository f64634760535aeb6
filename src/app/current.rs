//! The one current item that every pane describes, the explicit filters,
//! and the history of jumps that back and forward walk.

use std::ops::Range;

use super::lists::{self, ActorSel};
use super::source::{self, Link};
use super::{App, Pane};
use crate::model::Briefing;

/// The item every pane describes: Details tells all about it, the source
/// pane shows its words, and the lists select it where it appears.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Event(usize),
    Actor(usize),
    Position(usize),
    Quote(usize),
    Issue(usize),
    Discrepancy(usize),
    /// A whole source, opened at its top.
    Source(usize),
    /// Words of a source: a sentence found by search, say.
    Passage {
        source: usize,
        range: Range<usize>,
    },
}

impl Item {
    /// The event it belongs to, for the timeline to select.
    pub fn event(&self, b: &Briefing) -> Option<usize> {
        match *self {
            Item::Event(e) => Some(e),
            Item::Quote(q) => b.quotes[q].event.as_ref().and_then(|e| b.event_index(e)),
            _ => None,
        }
    }

    /// Where it appears in the actors pane, if it does.
    pub fn actor_row(&self) -> Option<ActorSel> {
        match *self {
            Item::Actor(a) => Some(ActorSel::Actor(a)),
            Item::Position(p) => Some(ActorSel::Position(p)),
            Item::Quote(q) => Some(ActorSel::Quote(q)),
            _ => None,
        }
    }

    /// The actor it is about: the actor, a position's holder, a quote's speaker.
    pub fn actor(&self, b: &Briefing) -> Option<usize> {
        match *self {
            Item::Actor(a) => Some(a),
            Item::Position(p) => b.actor_index(&b.positions[p].actor),
            Item::Quote(q) => b.actor_index(&b.quotes[q].speaker),
            _ => None,
        }
    }

    /// The words it rests on, in the order the source pane steps through them.
    pub fn links(&self, b: &Briefing) -> Vec<Link> {
        match self {
            Item::Event(e) => source::event_links(b, *e),
            Item::Position(p) => source::position_links(b, *p),
            Item::Quote(q) => source::quote_link(b, *q).into_iter().collect(),
            Item::Actor(a) => {
                let quotes = lists::quotes_of(b, *a).into_iter();
                let quotes = quotes.filter_map(|q| source::quote_link(b, q));
                let positions = lists::positions_of(b, *a).into_iter();
                let mut links: Vec<Link> = quotes.collect();
                for link in positions.flat_map(|p| source::position_links(b, p)) {
                    if !links.contains(&link) {
                        links.push(link);
                    }
                }
                links
            }
            Item::Issue(i) => {
                let id = b.issues[*i].id.as_str();
                let mut links: Vec<Link> = Vec::new();
                let on_issue = (0..b.positions.len()).filter(|&p| b.positions[p].issue == id);
                for link in on_issue.flat_map(|p| source::position_links(b, p)) {
                    if !links.contains(&link) {
                        links.push(link);
                    }
                }
                links
            }
            Item::Discrepancy(d) => source::discrepancy_links(b, *d),
            Item::Source(s) => vec![Link {
                source: *s,
                range: 0..0,
                quote: None,
            }],
            Item::Passage { source, range } => vec![Link {
                source: *source,
                range: range.clone(),
                quote: None,
            }],
        }
    }
}

/// What narrows the timeline. Only an explicit key sets or clears it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    /// An actor (with their members, e.g. a state's ministers).
    pub actor: Option<usize>,
    /// Every actor of a side.
    pub side: Option<usize>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.actor.is_none() && self.side.is_none()
    }
}

/// Everything back restores: the item, the filter, the focus and where
/// the source pane was reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub item: Item,
    pub filter: Filter,
    pub focus: Pane,
    pub link: usize,
    /// The first byte shown in the source pane.
    pub anchor: usize,
    pub details_scroll: usize,
}

/// Jumps remembered; like a browser's, a new jump forgets what was ahead.
const HISTORY: usize = 100;

impl App {
    /// Makes `item` current and brings every pane to it.
    pub fn go(&mut self, item: Item) {
        if let Some(e) = item.event(&self.briefing)
            && !self.events.contains(&e)
        {
            // The filter hides it; a jump shows it, and back restores the filter.
            self.filter = Filter::default();
            self.refilter();
        }
        self.current = item.clone();
        self.select_in_lists();
        let links = item.links(&self.briefing);
        self.show_links(links, 0);
        self.rebuild_details();
    }

    /// Selects the current item in the timeline and the actors pane.
    fn select_in_lists(&mut self) {
        if let Some(e) = self.current.event(&self.briefing)
            && let Some(row) = self.timeline_row_of(e)
        {
            let page = self.page_of(Pane::Timeline);
            self.timeline.select(row, page);
        }
        if let Some(sel) = self.current.actor_row() {
            self.actor = sel;
            self.expanded = true;
            self.keep_actor_in_view();
        }
    }

    /// A jump: remembered, so that back returns to where it came from.
    pub fn jump(&mut self, item: Item) {
        let here = self.place();
        self.go(item);
        if self.place() != here {
            self.back.push(here);
            if self.back.len() > HISTORY {
                self.back.remove(0);
            }
            self.forward.clear();
        }
    }

    pub fn place(&self) -> Place {
        Place {
            item: self.current.clone(),
            filter: self.filter,
            focus: self.focus,
            link: self.source.link,
            anchor: self.source.anchor(),
            details_scroll: self.details.scroll,
        }
    }

    fn restore(&mut self, place: Place) {
        if place.filter != self.filter {
            self.set_filter(place.filter);
        }
        self.current = place.item.clone();
        self.select_in_lists();
        let links = place.item.links(&self.briefing);
        self.show_links(links, place.link);
        let (_, height) = self.source_size();
        self.source.scroll_to_anchor(place.anchor, height);
        self.rebuild_details();
        self.details.scroll = place.details_scroll;
        self.focus = place.focus;
    }

    /// Back to the place before the last jump; false when there is none.
    pub fn go_back(&mut self) -> bool {
        let Some(place) = self.back.pop() else {
            return false;
        };
        self.forward.push(self.place());
        self.restore(place);
        true
    }

    pub fn go_forward(&mut self) {
        if let Some(place) = self.forward.pop() {
            self.back.push(self.place());
            self.restore(place);
        }
    }

    /// Sets the filters and recomputes the timeline, keeping its selected
    /// event if it is still shown.
    pub fn set_filter(&mut self, filter: Filter) {
        let event = self.timeline_event();
        self.filter = filter;
        self.refilter();
        let row = event.and_then(|e| self.timeline_row_of(e));
        self.timeline = Default::default();
        let page = self.page_of(Pane::Timeline);
        self.timeline.select(row.unwrap_or(0), page);
    }

    /// `f`: show only the current actor's events; again to show all.
    pub(super) fn toggle_actor_filter(&mut self) {
        let actor = self
            .current
            .actor(&self.briefing)
            .or_else(|| lists::selected_actor(self));
        let filter = match actor {
            Some(a) if self.filter.actor != Some(a) => Filter {
                actor: Some(a),
                side: None,
            },
            _ => Filter::default(),
        };
        self.set_filter(filter);
    }

    /// `F`: show only the events of the current actor's side; again to show all.
    pub(super) fn toggle_side_filter(&mut self) {
        let b = &self.briefing;
        let side = self
            .current
            .actor(b)
            .or_else(|| lists::selected_actor(self))
            .and_then(|a| b.side_index(&b.actors[a].side));
        let filter = match side {
            Some(s) if self.filter.side != Some(s) => Filter {
                actor: None,
                side: Some(s),
            },
            _ => Filter::default(),
        };
        self.set_filter(filter);
    }
}

//! The actors pane's cursor, which makes the row it is on current.

use super::current::Item;
use super::lists::{self, ActorRow, ActorSel, Scrolled};
use super::{App, Pane};

impl App {
    /// Moves the actors pane's cursor to an actor, position or quote, and
    /// makes it current.
    pub fn select_actor_row(&mut self, sel: ActorSel) {
        let item = match sel {
            ActorSel::Actor(a) => Item::Actor(a),
            ActorSel::Position(p) => Item::Position(p),
            ActorSel::Quote(q) => Item::Quote(q),
        };
        if item != self.current || !self.expanded {
            self.go(item);
        }
    }

    pub(super) fn keep_actor_in_view(&mut self) {
        let rows = lists::actor_rows(self);
        let height = self.page_of(Pane::Actors);
        let mut at = rows
            .iter()
            .position(|r| r.sel() == Some(self.actor))
            .unwrap_or(0);
        // Keep the side heading above the first actor of a side in view.
        if at > 0 && matches!(rows[at - 1], ActorRow::Side(_)) {
            at -= 1;
        }
        let mut s = Scrolled {
            selected: at,
            offset: self.actors_offset,
        };
        s.select(at, height);
        // Under a newly selected actor, show as many of their positions as fit.
        let last = rows
            .iter()
            .rposition(|r| !matches!(r, ActorRow::Side(_) | ActorRow::Actor(_)));
        if let (ActorSel::Actor(_), Some(last)) = (self.actor, last)
            && last >= s.offset + height
        {
            s.offset = (last + 1 - height).min(at);
        }
        self.actors_offset = s.offset;
    }

    pub(super) fn refilter(&mut self) {
        self.events = lists::timeline(&self.briefing, self.filter);
        self.timeline_rows = lists::timeline_rows(&self.briefing, &self.events);
    }

    /// A side key: a jump to the side's first actor.
    pub(super) fn jump_to_side(&mut self, side: usize) {
        if let Some(a) = lists::first_actor_of_side(&self.briefing, side) {
            self.jump(Item::Actor(a));
            self.focus = Pane::Actors;
        }
    }
}

//! The actors pane's selection and the timeline filter it sets.

use super::lists::{self, ActorRow, ActorSel, Scrolled};
use super::{App, Pane, source};

impl App {
    /// Selects an actor or one of their positions in the actors pane.
    pub fn select_actor_row(&mut self, sel: ActorSel) {
        let changed = sel != self.actor || !self.expanded;
        self.actor = sel;
        self.expanded = true;
        match sel {
            ActorSel::Actor(a) => {
                if changed || self.filter != Some(a) {
                    self.set_filter(Some(a));
                }
            }
            ActorSel::Position(p) => {
                if changed {
                    let links = source::position_links(&self.briefing, p);
                    self.show_links(links, 0);
                }
            }
            ActorSel::Quote(q) => {
                if changed {
                    let links = source::quote_link(&self.briefing, q).into_iter().collect();
                    self.show_links(links, 0);
                }
            }
        }
        self.keep_actor_in_view();
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

    /// Sets the actor filter and recomputes the timeline, keeping the
    /// selected event if it is still shown.
    pub fn set_filter(&mut self, actor: Option<usize>) {
        let event = self.events.get(self.timeline.selected).copied();
        self.filter = actor;
        self.refilter();
        let at = event
            .and_then(|e| self.events.iter().position(|&x| x == e))
            .unwrap_or(0);
        self.timeline = Scrolled::default();
        self.timeline.select(at, self.page_of(Pane::Timeline));
    }

    pub(super) fn refilter(&mut self) {
        self.events = lists::timeline(&self.briefing, self.filter);
    }

    pub(super) fn jump_to_side(&mut self, side: usize) {
        if let Some(a) = lists::first_actor_of_side(&self.briefing, side) {
            self.focus = Pane::Actors;
            self.select_actor_row(ActorSel::Actor(a));
        }
    }
}

//! Mouse: a click focuses a pane and selects a row; the wheel scrolls.
//! Hit-tested against the same pure layout the ui draws with.

use ratatui::layout::Position;

use super::current::Item;
use super::lists::{self, ActorRow, TimelineRow};
use super::{App, Pane};

impl App {
    /// The pane under a screen cell.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let a = self.areas()?;
        let p = Position { x: column, y: row };
        if self.reading {
            return Some(Pane::Source);
        }
        if self.focus.is_view() {
            return Some(self.focus);
        }
        [
            (a.timeline, Pane::Timeline),
            (a.actors, Pane::Actors),
            (a.details, Pane::Details),
            (a.source, Pane::Source),
        ]
        .into_iter()
        .find(|(r, _)| r.contains(p))
        .map(|(_, pane)| pane)
    }

    pub(super) fn click(&mut self, column: u16, row: u16) {
        let (Some(pane), Some(a)) = (self.pane_at(column, row), self.areas()) else {
            return;
        };
        self.focus = pane;
        match pane {
            Pane::Timeline => {
                let line = row.saturating_sub(a.timeline.y + 1) as usize;
                let at = self.timeline.offset + line;
                if row > a.timeline.y
                    && let Some(&TimelineRow::Event(e)) = self.timeline_rows.get(at)
                    && self.current != Item::Event(e)
                {
                    self.go(Item::Event(e));
                }
            }
            Pane::Actors => {
                let line = row.saturating_sub(a.actors.y + 1) as usize;
                let rows = lists::actor_rows(self);
                if row > a.actors.y
                    && let Some(sel) = rows.get(self.actors_offset + line).and_then(ActorRow::sel)
                {
                    self.select_actor_row(sel);
                }
            }
            _ => {}
        }
    }
}

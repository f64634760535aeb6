//! Find in the open article: Ctrl-f, type, and every match is highlighted;
//! Enter keeps them, n/N step between them, Esc clears them.

use std::ops::Range;

use super::{Action, App};
use crate::search::find::find_all;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Find {
    /// Whether the prompt is open and keys are text.
    pub editing: bool,
    pub input: String,
}

impl App {
    pub(super) fn open_find(&mut self) {
        if self.source.source.is_some() {
            self.search.find = Find {
                editing: true,
                input: String::new(),
            };
            self.show_found(Vec::new(), None);
        }
    }

    /// Every action while the find prompt is open.
    pub(super) fn find_update(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Type(c) => {
                self.search.find.input.push(c);
                self.refind();
            }
            Action::Erase => {
                self.search.find.input.pop();
                self.refind();
            }
            Action::Open => self.search.find.editing = false,
            Action::Back => {
                self.search.find = Find::default();
                self.show_found(Vec::new(), None);
            }
            Action::Down | Action::NextHighlight => {
                self.step_found(1);
            }
            Action::Up | Action::PrevHighlight => {
                self.step_found(-1);
            }
            _ => {}
        }
    }

    /// Finds what was typed, making current the first match from the top
    /// of the pane on, so the view moves as little as possible.
    fn refind(&mut self) {
        let Some(s) = self.source.source else { return };
        let found = find_all(&self.briefing.sources[s].text, &self.search.find.input);
        let top = self
            .source
            .rows
            .get(self.source.scroll)
            .map_or(0, |r| r.start);
        let current =
            (!found.is_empty()).then(|| found.iter().position(|r| r.start >= top).unwrap_or(0));
        self.show_found(found, current);
    }

    /// Highlights `found` in the open source, scrolling to the current one.
    pub(super) fn show_found(&mut self, found: Vec<Range<usize>>, current: Option<usize>) {
        let (_, height) = self.source_size();
        let look = self.look();
        self.source
            .set_found(&self.briefing, look, found, current, height);
    }

    /// n/N over found matches; false when there are none.
    pub(super) fn step_found(&mut self, delta: isize) -> bool {
        let n = self.source.found.len();
        if n == 0 {
            return false;
        }
        let next = match self.source.found_current {
            Some(c) => (c as isize + delta).rem_euclid(n as isize) as usize,
            None => 0,
        };
        let found = std::mem::take(&mut self.source.found);
        self.show_found(found, Some(next));
        true
    }

    /// Whether matches are highlighted (from find or from the palette).
    pub fn found_active(&self) -> bool {
        !self.source.found.is_empty()
    }

    pub(super) fn clear_found(&mut self) {
        self.search.find = Find::default();
        self.show_found(Vec::new(), None);
    }
}

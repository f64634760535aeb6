//! The analyst's views, each full screen: the stance matrix as of a date,
//! what changed since another, one issue across every side, and where the
//! sources disagree. Opening one is a jump, so Esc comes back; Enter on an
//! item makes it current in the panes.

use super::current::Item;
use super::{Action, App, Pane};
use crate::model::Briefing;
use crate::model::stances::{self, Change};
use crate::model::time::{Day, parse_loose};
use crate::tables::{self, By, Row};

/// The matrix's state, kept while the reader runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixState {
    pub by: By,
    /// The "as of" date; None follows the current event (else the
    /// briefing's date).
    pub as_of: Option<Day>,
    /// The second date: cells whose stance differs from it are marked.
    pub since: Option<Day>,
    pub row: usize,
    pub col: usize,
    pub row_offset: usize,
    pub col_offset: usize,
    /// The cell's history has the keys, and which of its positions.
    pub in_history: bool,
    pub history_row: usize,
}

impl Default for MatrixState {
    fn default() -> Self {
        MatrixState {
            by: By::Actor,
            as_of: None,
            since: None,
            row: 0,
            col: 0,
            row_offset: 0,
            col_offset: 0,
            in_history: false,
            history_row: 0,
        }
    }
}

/// The list views' cursors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListState {
    pub selected: usize,
    pub offset: usize,
}

impl ListState {
    fn step(&mut self, delta: isize, len: usize, height: usize) {
        if len == 0 {
            return;
        }
        self.selected = self.selected.saturating_add_signed(delta).min(len - 1);
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }
}

/// Typing a date for the matrix.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DatePrompt {
    pub input: String,
    /// Set `since` rather than `as of`.
    pub since: bool,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Views {
    pub matrix: MatrixState,
    pub changes: ListState,
    pub issue: ListState,
    pub disagreements: ListState,
    pub prompt: Option<DatePrompt>,
    /// The changes for (since, as of), computed when either moves rather
    /// than on every frame.
    changes_for: Option<(Option<Day>, Day)>,
    change_list: Vec<Change>,
}

/// The matrix's rows and the issues that have a position at all.
pub fn matrix_rows(b: &Briefing, by: By) -> Vec<Row> {
    tables::rows(b, by)
}

impl App {
    /// The matrix's "as of" date: typed, else the current event's day, else
    /// the briefing's.
    pub fn matrix_day(&self) -> Day {
        if let Some(d) = self.views.matrix.as_of {
            return d;
        }
        // The event's place in time, the day `<` and `>` step between.
        let b = &self.briefing;
        self.current
            .event(b)
            .and_then(|e| match b.event_when(e).placement() {
                crate::model::time::Placement::Dated { at, .. } => Some(at),
                crate::model::time::Placement::Undated => None,
            })
            .unwrap_or_else(|| tables::briefing_day(b))
    }

    /// The changes the list shows: after `since` (else from the start) and
    /// by the matrix's date.
    pub fn change_list(&self) -> &[Change] {
        &self.views.change_list
    }

    /// Recomputes what the views show when their dates have moved.
    pub(super) fn refresh_views(&mut self) {
        let key = (self.views.matrix.since, self.matrix_day());
        if self.views.changes_for != Some(key) {
            let since = key.0.unwrap_or(Day::MIN);
            // The moves from one stance to another; first positions are
            // what the matrix shows.
            self.views.change_list = stances::changes(&self.briefing, since, key.1)
                .into_iter()
                .filter(|c| c.from.is_some())
                .collect();
            self.views.changes_for = Some(key);
            let len = self.views.change_list.len();
            let c = &mut self.views.changes;
            c.selected = c.selected.min(len.saturating_sub(1));
        }
    }

    /// The issue the issue view shows: the current item's, else the
    /// matrix's column.
    pub fn view_issue(&self) -> Option<usize> {
        let b = &self.briefing;
        let from_item = match self.current {
            Item::Issue(i) => Some(i),
            Item::Position(p) => b.issue_index(&b.positions[p].issue),
            Item::Quote(q) => b.quotes[q].issues.first().and_then(|i| b.issue_index(i)),
            _ => None,
        };
        from_item
            .or_else(|| (self.views.matrix.col < b.issues.len()).then_some(self.views.matrix.col))
    }

    /// The actors of the issue view, by side, with a position on the issue.
    pub fn issue_rows(&self, issue: usize) -> Vec<usize> {
        let b = &self.briefing;
        let mut rows = Vec::new();
        for s in 0..b.sides.len() {
            rows.extend(
                b.side_actors(s)
                    .iter()
                    .copied()
                    .filter(|&a| !b.history(a, issue).is_empty()),
            );
        }
        rows
    }

    /// The positions the matrix's current cell rests on, in time order.
    pub fn cell_history(&self) -> Vec<usize> {
        let b = &self.briefing;
        let rows = matrix_rows(b, self.views.matrix.by);
        let issue = self.views.matrix.col;
        match rows.get(self.views.matrix.row) {
            Some(Row::Actor(a)) => b.history(*a, issue).to_vec(),
            Some(Row::Side(s)) => {
                let mut ps: Vec<usize> = b
                    .side_actors(*s)
                    .iter()
                    .flat_map(|&a| b.history(a, issue).to_vec())
                    .collect();
                ps.sort_by_key(|&p| b.position_when(p));
                ps
            }
            None => Vec::new(),
        }
    }

    /// Opens a view: a jump, so that Esc returns to where it came from.
    pub(super) fn open_view(&mut self, view: Pane) {
        if self.focus == view {
            return;
        }
        let here = self.place();
        self.reading = false;
        self.focus = view;
        self.back.push(here);
        self.forward.clear();
    }

    /// Every action while a view has the keys.
    pub(super) fn view_update(&mut self, action: Action) -> bool {
        if self.views.prompt.is_some() {
            self.prompt_update(action);
            return true;
        }
        let height = self.size.height.saturating_sub(8).max(1) as usize;
        let delta = match action {
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp | Action::HalfUp => -(height as isize),
            Action::PageDown | Action::HalfDown => height as isize,
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => 0,
        };
        match self.focus {
            Pane::Matrix => return self.matrix_update(action, delta, height),
            Pane::Changes => {
                let len = self.change_list().len();
                match action {
                    Action::Open => {
                        if let Some(c) = self.change_list().get(self.views.changes.selected) {
                            let to = c.to;
                            self.open_item(Item::Position(to));
                        }
                    }
                    _ if delta != 0 => self.views.changes.step(delta, len, height),
                    _ => return false,
                }
            }
            Pane::IssueView => {
                let Some(issue) = self.view_issue() else {
                    return false;
                };
                let rows = self.issue_rows(issue);
                match action {
                    Action::Open => {
                        if let Some(&a) = rows.get(self.views.issue.selected)
                            && let Some(&p) = self.briefing.history(a, issue).last()
                        {
                            self.open_item(Item::Position(p));
                        }
                    }
                    _ if delta != 0 => self.views.issue.step(delta, rows.len(), height / 2),
                    _ => return false,
                }
            }
            Pane::Disagreements => {
                let len = self.briefing.discrepancies.len();
                match action {
                    Action::Open => {
                        let d = self.views.disagreements.selected;
                        if d < len {
                            self.open_item(Item::Discrepancy(d));
                        }
                    }
                    _ if delta != 0 => self.views.disagreements.step(delta, len, height / 3),
                    _ => return false,
                }
            }
            _ => return false,
        }
        true
    }

    /// Makes an item current and shows its words in the panes: a jump, so
    /// Esc returns to the view.
    fn open_item(&mut self, item: Item) {
        let here = self.place();
        self.focus = Pane::Source;
        self.go(item);
        self.back.push(here);
        self.forward.clear();
    }

    fn matrix_update(&mut self, action: Action, delta: isize, height: usize) -> bool {
        let rows = matrix_rows(&self.briefing, self.views.matrix.by).len();
        let cols = self.briefing.issues.len();
        let m = &mut self.views.matrix;
        if m.in_history {
            let len = self.cell_history().len();
            let m = &mut self.views.matrix;
            match action {
                Action::Open => {
                    if let Some(&p) = self.cell_history().get(self.views.matrix.history_row) {
                        self.open_item(Item::Position(p));
                    }
                }
                Action::Left => m.in_history = false,
                _ if delta != 0 => {
                    m.history_row = m
                        .history_row
                        .saturating_add_signed(delta)
                        .min(len.saturating_sub(1));
                }
                _ => return false,
            }
            return true;
        }
        match action {
            Action::Left => m.col = m.col.saturating_sub(1),
            Action::Right => m.col = (m.col + 1).min(cols.saturating_sub(1)),
            Action::Open => {
                m.in_history = true;
                m.history_row = 0;
            }
            Action::ToggleBy => {
                m.by = match m.by {
                    By::Actor => By::Side,
                    By::Side => By::Actor,
                };
                m.row = 0;
                m.row_offset = 0;
            }
            Action::EarlierDate | Action::LaterDate => {
                let days = stances::event_days(&self.briefing);
                let now = self.matrix_day();
                let next = if action == Action::LaterDate {
                    days.into_iter().find(|&d| d > now)
                } else {
                    days.into_iter().rev().find(|&d| d < now)
                };
                if let Some(d) = next {
                    self.views.matrix.as_of = Some(d);
                }
            }
            Action::TypeDate => {
                self.views.prompt = Some(DatePrompt::default());
            }
            Action::MarkSince => {
                let now = self.matrix_day();
                let m = &mut self.views.matrix;
                m.since = match m.since {
                    Some(_) => None,
                    None => Some(now),
                };
            }
            Action::TypeSince => {
                self.views.prompt = Some(DatePrompt {
                    since: true,
                    ..DatePrompt::default()
                });
            }
            _ if delta != 0 => {
                m.row = m
                    .row
                    .saturating_add_signed(delta)
                    .min(rows.saturating_sub(1));
            }
            _ => return false,
        }
        let m = &mut self.views.matrix;
        let height = height.max(1);
        if m.row < m.row_offset {
            m.row_offset = m.row;
        } else if m.row >= m.row_offset + height {
            m.row_offset = m.row + 1 - height;
        }
        true
    }

    fn prompt_update(&mut self, action: Action) {
        let year = tables::briefing_day(&self.briefing).year;
        let Some(p) = self.views.prompt.as_mut() else {
            return;
        };
        match action {
            Action::Type(c) => {
                p.input.push(c);
                p.error = None;
            }
            Action::Erase => {
                p.input.pop();
                p.error = None;
            }
            Action::Back => self.views.prompt = None,
            Action::Quit => self.quit = true,
            Action::Open => match parse_loose(&p.input, year) {
                Some((_, last)) => {
                    if p.since {
                        self.views.matrix.since = Some(last);
                    } else {
                        self.views.matrix.as_of = Some(last);
                    }
                    self.views.prompt = None;
                }
                None => {
                    p.error = Some(format!(
                        "`{}` is not a date: try 2025-08-20 or 20 aug",
                        p.input
                    ));
                }
            },
            _ => {}
        }
    }
}

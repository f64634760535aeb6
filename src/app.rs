//! The reader's state. It changes only through [`App::update`] with one
//! [`Action`]; the ui reads it and never writes.

mod actors;
pub mod find;
pub mod lists;
mod mouse;
pub mod palette;
pub mod source;
#[cfg(test)]
mod tests;
pub mod wrap;

use ratatui::layout::Rect;

use crate::layout::{Areas, layout};
use crate::model::Briefing;
use crate::theme::Theme;
use lists::{ActorSel, Scrolled};
use source::SourceView;

/// The three panes that take the focus, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Timeline,
    Actors,
    Source,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Timeline, Pane::Actors, Pane::Source];
}

/// Everything the reader can be asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    FocusNext,
    FocusPrev,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    HalfUp,
    HalfDown,
    /// Esc: close the help, else clear the actor filter.
    Back,
    NextSource,
    PrevSource,
    NextHighlight,
    PrevHighlight,
    /// Enter: follow the selection (to the source, or from a quote to its
    /// speaker and event).
    Open,
    /// Jump to the side at this index (keys 1–4).
    Side(usize),
    Help,
    Click {
        column: u16,
        row: u16,
    },
    Scroll {
        column: u16,
        row: u16,
        down: bool,
    },
    Resize {
        width: u16,
        height: u16,
    },
    /// `/`: open the search palette.
    OpenPalette,
    /// Ctrl-f: find in the open source.
    OpenFind,
    /// A character typed into the palette or the find prompt.
    Type(char),
    /// Backspace in the palette or the find prompt.
    Erase,
    /// Results may have come from the search thread.
    SearchTick,
}

pub struct App {
    pub briefing: Briefing,
    pub theme: Theme,
    pub size: Rect,
    pub focus: Pane,
    pub help: bool,
    pub help_scroll: usize,
    pub quit: bool,
    /// The actor whose events the timeline shows, if any.
    pub filter: Option<usize>,
    /// Event indices in date order, after the filter.
    pub events: Vec<usize>,
    pub timeline: Scrolled,
    pub actor: ActorSel,
    /// Whether the selected actor's positions show; not until one is chosen,
    /// so that the first screen shows every side.
    pub expanded: bool,
    pub actors_offset: usize,
    pub source: SourceView,
    /// One letter per side, by side index.
    pub letters: Vec<char>,
    /// The palette and find-in-source.
    pub search: palette::SearchState,
}

impl App {
    pub fn new(briefing: Briefing, theme: Theme, size: Rect) -> App {
        let letters = crate::theme::side_letters(&briefing);
        let actor = ActorSel::Actor(lists::first_actor(&briefing).unwrap_or(0));
        let mut app = App {
            briefing,
            theme,
            size,
            focus: Pane::Timeline,
            help: false,
            help_scroll: 0,
            quit: false,
            filter: None,
            events: Vec::new(),
            timeline: Scrolled::default(),
            actor,
            expanded: false,
            actors_offset: 0,
            source: SourceView::default(),
            letters,
            search: Default::default(),
        };
        app.refilter();
        app.open_event();
        app
    }

    /// The areas of the current size, or None when it is too small.
    pub fn areas(&self) -> Option<Areas> {
        layout(self.size)
    }

    pub fn update(&mut self, action: Action) {
        // While the palette or the find prompt is open, keys are theirs.
        if !matches!(action, Action::Resize { .. }) {
            if self.search.palette.is_some() {
                return self.palette_update(action);
            }
            if self.search.find.editing {
                return self.find_update(action);
            }
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => {
                self.help = !self.help;
                self.help_scroll = 0;
            }
            Action::Back if self.help => self.help = false,
            Action::Back if self.found_active() => self.clear_found(),
            Action::Back => self.set_filter(None),
            Action::Resize { width, height } => self.resize(width, height),
            // Too small to show the panes: nothing moves unseen.
            _ if self.areas().is_none() => {}
            _ if self.help => self.in_help(action),
            Action::FocusNext => self.focus = Pane::ALL[(self.focus as usize + 1) % 3],
            Action::FocusPrev => self.focus = Pane::ALL[(self.focus as usize + 2) % 3],
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::PageUp => self.step(-(self.page() as isize)),
            Action::PageDown => self.step(self.page() as isize),
            Action::HalfUp => self.step(-(self.page() as isize / 2).max(1)),
            Action::HalfDown => self.step((self.page() as isize / 2).max(1)),
            Action::NextSource => self.step_source(1),
            Action::PrevSource => self.step_source(-1),
            Action::NextHighlight => self.step_highlight(1),
            Action::PrevHighlight => self.step_highlight(-1),
            Action::Open => self.open(),
            Action::Side(i) => self.jump_to_side(i),
            Action::OpenPalette => self.open_palette(),
            Action::OpenFind => self.open_find(),
            Action::Type(_) | Action::Erase | Action::SearchTick => {}
            Action::Click { column, row } => self.click(column, row),
            Action::Scroll { column, row, down } => {
                if let Some(pane) = self.pane_at(column, row) {
                    let before = self.focus;
                    self.focus = pane;
                    self.step(if down { 3 } else { -3 });
                    self.focus = before;
                }
            }
        }
    }

    /// With the help open, movement scrolls it and the rest waits.
    fn in_help(&mut self, action: Action) {
        let max = crate::ui::help::max_scroll(self);
        let page = self.size.height.saturating_sub(4).max(1) as isize;
        let delta = match action {
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp | Action::HalfUp => -page,
            Action::PageDown | Action::HalfDown => page,
            Action::Top => -(max as isize),
            Action::Bottom => max as isize,
            _ => 0,
        };
        self.help_scroll = self.help_scroll.saturating_add_signed(delta).min(max);
    }

    fn page(&self) -> usize {
        self.page_of(self.focus)
    }

    /// Moves within the focused pane by `delta` rows.
    fn step(&mut self, delta: isize) {
        match self.focus {
            Pane::Timeline => {
                let before = self.timeline.selected;
                let len = self.events.len();
                self.timeline
                    .select(clamp_add(before, delta, len), self.page());
                if self.timeline.selected != before {
                    self.open_event();
                }
            }
            Pane::Actors => {
                let rows = lists::actor_rows(self);
                let here = rows
                    .iter()
                    .position(|r| r.sel() == Some(self.actor))
                    .unwrap_or(0);
                let selectable: Vec<usize> = (0..rows.len())
                    .filter(|&i| rows[i].sel().is_some())
                    .collect();
                let at = selectable.iter().position(|&i| i >= here).unwrap_or(0);
                let to = clamp_add(at, delta, selectable.len());
                if let Some(sel) = selectable.get(to).and_then(|&i| rows[i].sel()) {
                    self.select_actor_row(sel);
                }
            }
            Pane::Source => {
                let view = self.page_of(Pane::Source);
                self.source.scroll_by(delta, view);
            }
        }
    }

    /// The height of a pane's inside, for paging and scrolling.
    fn page_of(&self, pane: Pane) -> usize {
        let Some(a) = self.areas() else { return 1 };
        let r = match pane {
            Pane::Timeline => a.timeline,
            Pane::Actors => a.actors,
            Pane::Source => a.source,
        };
        r.height.saturating_sub(2).max(1) as usize
    }

    /// Opens the selected event's evidence in the source pane.
    fn open_event(&mut self) {
        if let Some(&e) = self.events.get(self.timeline.selected) {
            let links = source::event_links(&self.briefing, e);
            self.show_links(links, 0);
        }
    }

    fn show_links(&mut self, links: Vec<source::Link>, at: usize) {
        let (width, height) = self.source_size();
        self.source
            .show(&self.briefing, self.theme, links, at, width, height);
    }

    fn source_size(&self) -> (usize, usize) {
        self.areas().map_or((40, 10), |a| {
            (
                a.source.width.saturating_sub(2).max(1) as usize,
                a.source.height.saturating_sub(2).max(1) as usize,
            )
        })
    }

    fn step_source(&mut self, delta: isize) {
        let (width, height) = self.source_size();
        self.source
            .step_source(&self.briefing, self.theme, delta, width, height);
    }

    fn step_highlight(&mut self, delta: isize) {
        // n/N step through find matches while there are any.
        if self.step_found(delta) {
            return;
        }
        let (width, height) = self.source_size();
        self.source
            .step_mark(&self.briefing, self.theme, delta, width, height);
    }

    /// Enter: from a list, go to the source; from a quote in the source, go
    /// to its speaker and event.
    fn open(&mut self) {
        match self.focus {
            Pane::Timeline => self.focus = Pane::Source,
            Pane::Actors => match self.actor {
                ActorSel::Position(_) | ActorSel::Quote(_) => self.focus = Pane::Source,
                ActorSel::Actor(a) => {
                    if self.filter != Some(a) {
                        self.set_filter(Some(a));
                    }
                    self.focus = Pane::Timeline;
                }
            },
            Pane::Source => {
                let Some(q) = self.source.current_quote() else {
                    return;
                };
                let quote = &self.briefing.quotes[q];
                let speaker = self.briefing.actor_index(&quote.speaker);
                let event = quote
                    .event
                    .as_ref()
                    .and_then(|e| self.briefing.event_index(e));
                if let Some(a) = speaker {
                    self.actor = ActorSel::Actor(a);
                    self.expanded = true;
                    self.set_filter(Some(a));
                    self.keep_actor_in_view();
                }
                if let Some(at) = event.and_then(|e| self.events.iter().position(|&x| x == e)) {
                    let page = self.page_of(Pane::Timeline);
                    self.timeline.select(at, page);
                }
                self.focus = if event.is_some() {
                    Pane::Timeline
                } else {
                    Pane::Actors
                };
            }
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        let page = self.page_of(Pane::Timeline);
        let at = self.timeline.selected;
        self.timeline.select(at, page);
        self.keep_actor_in_view();
        let (w, h) = self.source_size();
        self.source.relayout(&self.briefing, self.theme, w, h);
    }
}

/// `at + delta`, kept within `0..len`.
fn clamp_add(at: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    at.saturating_add_signed(delta).min(len - 1)
}

//! The reader's state. It changes only through [`App::update`] with one
//! [`Action`]; the ui reads it and never writes.
//!
//! One item is current ([`current::Item`]); every pane derives what it shows
//! from it and from the explicit filters. Jumps are remembered, and back
//! returns to exactly the view before.

mod actors;
pub mod current;
pub mod details;
pub mod find;
pub mod lists;
mod mouse;
pub mod palette;
pub mod prep;
pub mod source;
pub mod start;
#[cfg(test)]
mod tests;
pub mod views;
pub mod wrap;

use ratatui::layout::Rect;

use crate::layout::{Areas, layout};
use crate::model::Briefing;
use crate::theme::Theme;
use current::{Filter, Item, Place};
use details::DetailsView;
use lists::{ActorSel, Scrolled, TimelineRow};
use source::SourceView;

/// What has the keys: one of the four panes (in Tab order), or one of
/// the full-screen views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Timeline,
    Actors,
    Details,
    Source,
    /// The stance matrix as of a date.
    Matrix,
    /// What changed between two dates.
    Changes,
    /// One issue across every side, on a shared time axis.
    IssueView,
    /// Where the sources disagree.
    Disagreements,
    /// The analyst's brief: pins, notes and headings in their order.
    Brief,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Timeline, Pane::Actors, Pane::Details, Pane::Source];

    /// Whether it is a full-screen view rather than one of the four panes.
    pub fn is_view(self) -> bool {
        !Pane::ALL.contains(&self)
    }
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
    /// Esc: close the help, the reading mode or the found matches, else go back.
    Back,
    /// Back to before the last jump (Ctrl-o).
    JumpBack,
    /// Forward again after going back.
    JumpForward,
    NextSource,
    PrevSource,
    NextHighlight,
    PrevHighlight,
    /// Enter: follow the current item (to its words, or from a quote in
    /// the source to the quote itself).
    Open,
    /// Jump to the side at this index (keys 1–9).
    Side(usize),
    /// Show only the current actor's events, or all again.
    FilterActor,
    /// Show only the events of the current actor's side, or all again.
    FilterSide,
    /// Clear every filter.
    ClearFilters,
    /// The source full screen, in a comfortable column.
    ToggleReading,
    /// Underline every mention of an actor in the source, or not.
    ToggleMentions,
    /// Hide the positions that are an author's assessment, or show them.
    ToggleAssessed,
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
    /// Leave this briefing for the picker of every briefing there is.
    Briefings,
    /// Ctrl-f: find in the open source.
    OpenFind,
    /// A character typed into the palette or the find prompt.
    Type(char),
    /// Backspace in the palette or the find prompt.
    Erase,
    /// Results may have come from the search thread.
    SearchTick,
    /// Editing the palette's query (readline keys, history, show all).
    Edit(palette::Edit),
    /// Left and right: a column in the matrix; out of a cell's history.
    Left,
    Right,
    /// Open a view, or close it when it is open.
    OpenView(Pane),
    /// The matrix: one row per side or per actor.
    ToggleBy,
    /// The matrix's date steps to the previous or next event's day.
    EarlierDate,
    LaterDate,
    /// Type the matrix's date.
    TypeDate,
    /// Mark changes since the matrix's date (again: stop).
    MarkSince,
    /// Type the date to mark changes since.
    TypeSince,
    /// `p`: pin the current item (in the source: the highlight or found match).
    Pin,
    /// `a`: write or edit the note of the current item (or of the selected pin).
    Annotate,
    /// `E`: edit that note in `$EDITOR`.
    EditExternal,
    /// The Brief view: move the selected entry up or down, remove it, add a heading.
    MoveEntryUp,
    MoveEntryDown,
    Unpin,
    AddHeading,
    /// `y` / `Y`: copy the current item with its citation, as text / Markdown.
    Copy,
    CopyMarkdown,
    /// Mouse capture on or off, so the terminal can select text.
    ToggleMouse,
    /// Write the Markdown briefing beside the notes.
    Export,
    /// A key for the inline note editor.
    EditKey(ratatui::crossterm::event::KeyEvent),
}

pub struct App {
    pub briefing: std::sync::Arc<Briefing>,
    pub theme: Theme,
    pub size: Rect,
    pub focus: Pane,
    pub help: bool,
    pub help_scroll: usize,
    pub quit: bool,
    /// Quitting to choose another briefing, not to leave brief.
    pub switch: bool,
    /// The item every pane describes.
    pub current: Item,
    /// What narrows the timeline; set and cleared only by its keys.
    pub filter: Filter,
    /// Event indices in the one order of time, after the filter.
    pub events: Vec<usize>,
    /// The timeline's rows (events and the undated heading) and its cursor.
    pub timeline_rows: Vec<TimelineRow>,
    pub timeline: Scrolled,
    /// The actors pane's cursor; it is the current item when that is an
    /// actor, a position or a quote.
    pub actor: ActorSel,
    /// Whether the cursor's actor shows their positions; not until one is
    /// chosen, so that the first screen shows every side.
    pub expanded: bool,
    pub actors_offset: usize,
    pub details: DetailsView,
    pub source: SourceView,
    /// The source pane full screen.
    pub reading: bool,
    /// Whether actors' names are underlined in the source.
    pub mentions: bool,
    /// Whether positions that are an author's assessment are hidden.
    pub hide_assessed: bool,
    /// One letter per side, by side index.
    pub letters: Vec<char>,
    /// The widest date label of any event, for the timeline's date column.
    pub date_width: usize,
    /// The palette and find-in-source.
    pub search: palette::SearchState,
    /// Places before each jump, and after each going back.
    pub back: Vec<Place>,
    pub forward: Vec<Place>,
    /// The analyst's views: the matrix, changes, one issue, disagreements.
    pub views: views::Views,
    /// Pins, notes, copying and export.
    pub prep: prep::Prep,
}

impl App {
    pub fn new(briefing: Briefing, theme: Theme, size: Rect) -> App {
        let letters = crate::theme::side_letters(&briefing);
        let theme = theme.with_sides(&briefing);
        let actor = ActorSel::Actor(lists::first_actor(&briefing).unwrap_or(0));
        let date_width = (0..briefing.events.len())
            .map(|e| unicode_width::UnicodeWidthStr::width(briefing.event_when(e).label().as_str()))
            .max()
            .unwrap_or(0);
        let mut app = App {
            briefing: std::sync::Arc::new(briefing),
            theme,
            size,
            focus: Pane::Timeline,
            help: false,
            help_scroll: 0,
            quit: false,
            switch: false,
            current: Item::Event(0),
            filter: Filter::default(),
            events: Vec::new(),
            timeline_rows: Vec::new(),
            timeline: Scrolled::default(),
            actor,
            expanded: false,
            actors_offset: 0,
            details: DetailsView::default(),
            source: SourceView::default(),
            reading: false,
            mentions: true,
            hide_assessed: false,
            letters,
            date_width,
            search: Default::default(),
            back: Vec::new(),
            forward: Vec::new(),
            views: Default::default(),
            prep: prep::Prep {
                mouse: true,
                ..Default::default()
            },
        };
        app.refilter();
        match app.events.first() {
            Some(&e) => app.go(Item::Event(e)),
            None if !app.briefing.actors.is_empty() => app.go(Item::Actor(0)),
            None if !app.briefing.sources.is_empty() => app.go(Item::Source(0)),
            None => app.rebuild_details(),
        }
        app
    }

    /// The areas of the current size, or None when it is too small.
    pub fn areas(&self) -> Option<Areas> {
        layout(self.size, self.focus == Pane::Details)
    }

    pub fn update(&mut self, action: Action) {
        let details_focused = self.focus == Pane::Details;
        // A message stays until the next key.
        if !matches!(action, Action::Resize { .. } | Action::SearchTick) {
            self.prep.message = None;
        }
        self.apply(action);
        if self.quit {
            self.save_place();
        }
        if self.focus.is_view() {
            self.refresh_views();
        }
        // Focused Details is taller: the panes beside it take new sizes.
        if details_focused != (self.focus == Pane::Details) {
            self.relayout_source();
            self.rebuild_details();
        }
    }

    fn apply(&mut self, action: Action) {
        // While the palette or the find prompt is open, keys are theirs.
        if !matches!(action, Action::Resize { .. }) {
            if self.prep.editor.is_some() {
                return self.editor_update(action);
            }
            if self.search.palette.is_some() {
                return self.palette_update(action);
            }
            if self.search.find.editing {
                return self.find_update(action);
            }
            if self.focus.is_view() && !self.help && self.view_update(action) {
                return;
            }
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Briefings => {
                self.switch = true;
                self.quit = true;
            }
            Action::Help => {
                self.help = !self.help;
                self.help_scroll = 0;
            }
            // Esc closes what is on top first, then goes back.
            Action::Back if self.help => self.help = false,
            Action::Back if self.found_active() => self.clear_found(),
            Action::Back if self.reading => self.toggle_reading(),
            Action::Back | Action::JumpBack => {
                self.go_back();
            }
            Action::JumpForward => self.go_forward(),
            Action::Resize { width, height } => self.resize(width, height),
            // Too small to show the panes: nothing moves unseen.
            _ if self.areas().is_none() => {}
            _ if self.help => self.in_help(action),
            Action::FocusNext | Action::FocusPrev if self.reading || self.focus.is_view() => {}
            Action::OpenView(view) if self.focus == view => {
                self.go_back();
            }
            Action::OpenView(view) => self.open_view(view),
            Action::Left
            | Action::Right
            | Action::ToggleBy
            | Action::EarlierDate
            | Action::LaterDate
            | Action::TypeDate
            | Action::MarkSince
            | Action::TypeSince => {}
            Action::FocusNext => self.focus = Pane::ALL[(self.focus as usize + 1) % 4],
            Action::FocusPrev => self.focus = Pane::ALL[(self.focus as usize + 3) % 4],
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
            Action::FilterActor => self.toggle_actor_filter(),
            Action::FilterSide => self.toggle_side_filter(),
            Action::ClearFilters => self.set_filter(Filter::default()),
            Action::ToggleReading => self.toggle_reading(),
            Action::ToggleMentions => {
                self.mentions = !self.mentions;
                self.relayout_source();
            }
            Action::ToggleAssessed => {
                self.hide_assessed = !self.hide_assessed;
                // An assessed position that was current gives way to its actor.
                if let Item::Position(p) = self.current
                    && self.hide_assessed
                    && self.briefing.positions[p].basis == crate::model::Basis::Assessed
                    && let Some(a) = self.current.actor(&self.briefing)
                {
                    self.go(Item::Actor(a));
                }
                self.keep_actor_in_view();
                self.rebuild_details();
            }
            Action::OpenPalette => self.open_palette(),
            Action::OpenFind => self.open_find(),
            Action::Type(_)
            | Action::Erase
            | Action::SearchTick
            | Action::Edit(_)
            | Action::EditKey(_) => {}
            Action::MoveEntryUp | Action::MoveEntryDown | Action::Unpin | Action::AddHeading => {}
            Action::Pin
            | Action::Annotate
            | Action::EditExternal
            | Action::Copy
            | Action::CopyMarkdown
            | Action::ToggleMouse
            | Action::Export => self.prep_update(action),
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

    /// Moves within the focused pane by `delta` rows. In a list, the row
    /// moved to becomes the current item.
    fn step(&mut self, delta: isize) {
        match self.focus {
            Pane::Timeline => {
                let selectable: Vec<usize> = (0..self.timeline_rows.len())
                    .filter(|&i| matches!(self.timeline_rows[i], TimelineRow::Event(_)))
                    .collect();
                let here = selectable
                    .iter()
                    .position(|&i| i >= self.timeline.selected)
                    .unwrap_or(0);
                let to = clamp_add(here, delta, selectable.len());
                if let Some(&row) = selectable.get(to)
                    && let TimelineRow::Event(e) = self.timeline_rows[row]
                    && (self.current != Item::Event(e) || row != self.timeline.selected)
                {
                    self.go(Item::Event(e));
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
            Pane::Details => {
                let view = self.page_of(Pane::Details);
                self.details.scroll_by(delta, view);
            }
            Pane::Source => {
                let view = self.page_of(Pane::Source);
                self.source.scroll_by(delta, view);
            }
            // The views move in view_update.
            _ => {}
        }
    }

    /// The height of a pane's inside, for paging and scrolling.
    fn page_of(&self, pane: Pane) -> usize {
        if self.reading && pane == Pane::Source {
            return self.reading_size().1;
        }
        let Some(a) = self.areas() else { return 1 };
        let r = match pane {
            Pane::Timeline => a.timeline,
            Pane::Actors => a.actors,
            Pane::Details => a.details,
            Pane::Source => a.source,
            _ => return self.size.height.saturating_sub(4).max(1) as usize,
        };
        r.height.saturating_sub(2).max(1) as usize
    }

    /// The event at the timeline's cursor.
    pub fn timeline_event(&self) -> Option<usize> {
        match self.timeline_rows.get(self.timeline.selected) {
            Some(TimelineRow::Event(e)) => Some(*e),
            _ => None,
        }
    }

    pub(crate) fn timeline_row_of(&self, e: usize) -> Option<usize> {
        self.timeline_rows
            .iter()
            .position(|r| *r == TimelineRow::Event(e))
    }

    /// How the source pane draws now.
    pub fn look(&self) -> source::Look {
        source::Look {
            theme: self.theme,
            mentions: self.mentions,
            apart: self.reading,
        }
    }

    fn show_links(&mut self, links: Vec<source::Link>, at: usize) {
        let (width, height) = self.source_size();
        let look = self.look();
        self.source
            .show(&self.briefing, look, links, at, width, height);
    }

    /// The inside of the source pane: its text column in reading mode.
    fn source_size(&self) -> (usize, usize) {
        if self.reading {
            return self.reading_size();
        }
        self.areas().map_or((40, 10), |a| {
            (
                a.source.width.saturating_sub(2).max(1) as usize,
                a.source.height.saturating_sub(2).max(1) as usize,
            )
        })
    }

    fn reading_size(&self) -> (usize, usize) {
        let r = crate::layout::reading_column(self.size);
        (r.width.max(1) as usize, r.height.max(1) as usize)
    }

    fn relayout_source(&mut self) {
        let (w, h) = self.source_size();
        let look = self.look();
        self.source.relayout(&self.briefing, look, w, h);
    }

    fn toggle_reading(&mut self) {
        self.reading = !self.reading;
        if self.reading {
            self.focus = Pane::Source;
        }
        self.relayout_source();
    }

    fn step_source(&mut self, delta: isize) {
        let (width, height) = self.source_size();
        let look = self.look();
        self.source
            .step_source(&self.briefing, look, delta, width, height);
    }

    fn step_highlight(&mut self, delta: isize) {
        // n/N step through find matches while there are any.
        if self.step_found(delta) {
            return;
        }
        let (width, height) = self.source_size();
        let look = self.look();
        self.source
            .step_mark(&self.briefing, look, delta, width, height);
    }

    /// Enter: from a list or Details, go to the words; from a quote in the
    /// source, make that quote current.
    fn open(&mut self) {
        match self.focus {
            Pane::Timeline | Pane::Actors | Pane::Details => self.focus = Pane::Source,
            Pane::Matrix | Pane::Changes | Pane::IssueView | Pane::Disagreements | Pane::Brief => {}
            Pane::Source => {
                if let Some(q) = self.source.current_quote()
                    && self.current != Item::Quote(q)
                {
                    // The quote's own words are the ones under the cursor,
                    // so the source stays where it is.
                    self.jump(Item::Quote(q));
                    self.focus = Pane::Actors;
                }
            }
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        let page = self.page_of(Pane::Timeline);
        let at = self.timeline.selected;
        self.timeline.select(at, page);
        self.keep_actor_in_view();
        self.relayout_source();
        self.rebuild_details();
    }
}

/// `at + delta`, kept within `0..len`.
fn clamp_add(at: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    at.saturating_add_signed(delta).min(len - 1)
}

//! The `/` palette: search everything as you type, Enter to go to the
//! result in its pane, Esc to go back to exactly where you were. The palette
//! changes nothing else while it is open, so going back is closing it.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use super::current::Item;
use super::find::Find;
use super::{Action, App, Pane};
use crate::search::worker::Worker;
use crate::search::{Corpus, Hit, Matcher, Query, Results, Target};

/// From this many searchable entries on, searches run on their own thread
/// so that typing never waits; below it a search takes well under a
/// millisecond and runs at once.
const ASYNC_FROM: usize = 20_000;

/// What searching needs, built when the palette first opens.
pub struct Engine {
    pub corpus: Arc<Corpus>,
    pub matcher: Matcher,
    worker: Option<Worker>,
}

impl Engine {
    fn new(b: &crate::model::Briefing) -> Engine {
        let corpus = Arc::new(Corpus::new(b));
        let worker = (corpus.items.len() >= ASYNC_FROM).then(|| Worker::spawn(corpus.clone()));
        Engine {
            corpus,
            matcher: Matcher::default(),
            worker,
        }
    }
}

/// About how many entries the search index of a briefing will hold (its
/// items, and a sentence for every 150 bytes of its sources), known
/// before building it.
fn searchable(b: &crate::model::Briefing) -> usize {
    let text: usize = b.sources.iter().map(|s| s.text.len()).sum();
    b.events.len()
        + b.quotes.len()
        + b.positions.len()
        + b.actors.len()
        + b.issues.len()
        + b.sources.len()
        + b.discrepancies.len()
        + text / 150
}

/// Editing the query: readline keys, history, and showing hidden results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Start,
    End,
    Left,
    Right,
    DeleteToStart,
    DeleteWord,
    DeleteToEnd,
    /// An earlier query.
    History,
    /// Show or hide the results below the cut-off.
    ShowAll,
}

/// Two clicks on one row within this long are a double click.
const DOUBLE_CLICK: Duration = Duration::from_millis(500);

#[derive(Default)]
pub struct Palette {
    pub input: String,
    /// The cursor, as a char index into `input`.
    pub cursor: usize,
    /// Whether `input` is the last query, selected: typing replaces it.
    pub replace: bool,
    /// Whether results below the cut-off are listed too.
    pub all: bool,
    pub results: Results,
    /// The ranked results seen so far, with what matched in each: a page
    /// at first, more as the selection moves down (highlights cost time).
    pub hits: Vec<Hit>,
    pub selected: usize,
    pub offset: usize,
    /// Whether the results for `input` are still being computed.
    pub pending: bool,
    /// Which earlier query is shown, counted back from the newest.
    history_at: Option<usize>,
    /// The row last clicked, and when.
    last_click: Option<(usize, Instant)>,
}

impl Palette {
    /// The byte offset of the cursor.
    fn at(&self) -> usize {
        self.input
            .char_indices()
            .nth(self.cursor)
            .map_or(self.input.len(), |(i, _)| i)
    }

    /// How many results the list holds.
    pub fn listed(&self) -> usize {
        self.results.listed(self.all)
    }

    /// Applies an editing key; returns whether the query changed.
    fn edit(&mut self, e: Edit) -> bool {
        let len = self.input.chars().count();
        let at = self.at();
        let before = self.input.clone();
        if self.replace && !matches!(e, Edit::History | Edit::ShowAll) {
            self.replace = false;
        }
        match e {
            Edit::Start => self.cursor = 0,
            Edit::End => self.cursor = len,
            Edit::Left => self.cursor = self.cursor.saturating_sub(1),
            Edit::Right => self.cursor = (self.cursor + 1).min(len),
            Edit::DeleteToStart => {
                self.input.replace_range(..at, "");
                self.cursor = 0;
            }
            Edit::DeleteToEnd => self.input.truncate(at),
            Edit::DeleteWord => {
                let head = &self.input[..at];
                let kept = head
                    .trim_end()
                    .trim_end_matches(|c: char| !c.is_whitespace());
                let n = kept.len();
                self.cursor = kept.chars().count();
                self.input.replace_range(n..at, "");
            }
            Edit::History | Edit::ShowAll => {}
        }
        self.input != before
    }

    fn type_char(&mut self, c: char) {
        if self.replace {
            self.input.clear();
            self.cursor = 0;
            self.replace = false;
        }
        let at = self.at();
        self.input.insert(at, c);
        self.cursor += 1;
    }

    fn erase(&mut self) {
        if self.replace {
            self.input.clear();
            self.cursor = 0;
            self.replace = false;
            return;
        }
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.at();
            self.input.remove(at);
        }
    }
}

/// The palette, find-in-source, and what they search with.
#[derive(Default)]
pub struct SearchState {
    pub engine: Option<Engine>,
    /// The engine of a large briefing, being built on its own thread.
    building: Option<Receiver<Engine>>,
    pub palette: Option<Palette>,
    pub find: Find,
    /// The query the palette last held, offered again when it reopens.
    pub last_query: String,
    /// Queries of this session, oldest first.
    pub history: Vec<String>,
}

/// Rows of results the palette shows at a screen size.
pub fn rows(size: ratatui::layout::Rect) -> usize {
    crate::layout::palette_area(size)
        .height
        .saturating_sub(4)
        .max(1) as usize
}

impl App {
    /// Whether keys are text for the palette or the find prompt.
    pub fn typing(&self) -> bool {
        self.search.palette.is_some() || self.search.find.editing || self.views.prompt.is_some()
    }

    /// Whether a search is running off the UI thread.
    pub fn search_pending(&self) -> bool {
        self.search.palette.as_ref().is_some_and(|p| p.pending)
    }

    /// Whether the search index is still being built.
    pub fn indexing(&self) -> bool {
        self.search.engine.is_none() && self.search.building.is_some()
    }

    pub(super) fn open_palette(&mut self) {
        if self.search.engine.is_none() && self.search.building.is_none() {
            if searchable(&self.briefing) < ASYNC_FROM {
                self.search.engine = Some(Engine::new(&self.briefing));
            } else {
                // A large index takes a while: build it off the UI thread,
                // and let typing go on meanwhile.
                let (tx, rx) = channel();
                let briefing = Arc::clone(&self.briefing);
                let spawned = std::thread::Builder::new()
                    .name("search index".into())
                    .spawn(move || {
                        let _ = tx.send(Engine::new(&briefing));
                    });
                match spawned {
                    Ok(_) => self.search.building = Some(rx),
                    Err(_) => self.search.engine = Some(Engine::new(&self.briefing)),
                }
            }
        }
        // The last query comes back selected: typing replaces it.
        let input = self.search.last_query.clone();
        self.search.palette = Some(Palette {
            cursor: input.chars().count(),
            replace: !input.is_empty(),
            input,
            ..Default::default()
        });
        self.requery();
    }

    /// Closes the palette, keeping its query for next time and in the history.
    fn close_palette(&mut self) {
        let Some(p) = self.search.palette.take() else {
            return;
        };
        let q = p.input.trim().to_string();
        if !q.is_empty() && self.search.history.last() != Some(&q) {
            self.search.history.push(q);
        }
        self.search.last_query = p.input;
    }

    /// Every action while the palette is open.
    pub(super) fn palette_update(&mut self, action: Action) {
        let Some(p) = self.search.palette.as_mut() else {
            return;
        };
        match action {
            Action::Quit => self.quit = true,
            Action::Back => self.close_palette(),
            Action::Type(c) => {
                p.type_char(c);
                p.history_at = None;
                self.requery();
            }
            Action::Erase => {
                p.erase();
                p.history_at = None;
                self.requery();
            }
            Action::Edit(Edit::History) => self.recall(),
            Action::Edit(Edit::ShowAll) => {
                p.all = !p.all;
                self.relist();
            }
            // The edit is made in the guard; only a changed query searches again.
            Action::Edit(e) if p.edit(e) => {
                p.history_at = None;
                self.requery();
            }
            Action::Up if p.selected == 0 => self.recall(),
            Action::Up => self.move_selection(-1),
            Action::Down => self.move_selection(1),
            Action::PageUp => self.move_selection(-(rows(self.size) as isize)),
            Action::PageDown => self.move_selection(rows(self.size) as isize),
            Action::SearchTick => self.take_results(),
            Action::Open => self.open_selected(),
            Action::Click { column, row } => self.palette_click(column, row),
            Action::Scroll { down, .. } => {
                p.last_click = None;
                self.move_selection(if down { 3 } else { -3 });
            }
            _ => {}
        }
    }

    /// Enter or a double click: go to the selected result.
    fn open_selected(&mut self) {
        let hit = self
            .search
            .palette
            .as_ref()
            .and_then(|p| p.hits.get(p.selected).cloned());
        self.close_palette();
        if let Some(hit) = hit {
            self.jump_to_hit(&hit);
        }
    }

    /// The next earlier query of the session, in place of the input.
    fn recall(&mut self) {
        let Some(p) = self.search.palette.as_mut() else {
            return;
        };
        let history = &self.search.history;
        let mut back = p.history_at.map_or(0, |n| n + 1);
        // Skip an entry that is what the input already holds.
        while back < history.len() && history[history.len() - 1 - back] == p.input {
            back += 1;
        }
        let Some(q) = history
            .len()
            .checked_sub(back + 1)
            .map(|i| history[i].clone())
        else {
            return;
        };
        p.history_at = Some(back);
        p.cursor = q.chars().count();
        p.input = q;
        p.replace = true;
        self.requery();
    }

    /// A click in the palette selects a result; a second click on it soon
    /// after goes to it.
    fn palette_click(&mut self, column: u16, row: u16) {
        let area = crate::ui::palette::area(self.size);
        // Results start below the border, the prompt and the rule.
        let first = area.y + 3;
        let inside = column > area.x && column.saturating_add(1) < area.x + area.width;
        let Some(p) = self.search.palette.as_mut() else {
            return;
        };
        if !inside || row < first || row.saturating_add(1) >= area.y + area.height {
            return;
        }
        let at = p.offset + (row - first) as usize;
        if at >= p.hits.len().min(p.listed()) {
            return;
        }
        let now = Instant::now();
        let double = p
            .last_click
            .is_some_and(|(r, t)| r == at && now.duration_since(t) <= DOUBLE_CLICK);
        p.selected = at;
        p.last_click = Some((at, now));
        if double {
            self.open_selected();
        }
    }

    fn requery(&mut self) {
        if self.search.engine.is_none()
            && let Some(p) = self.search.palette.as_mut()
        {
            // Searched once the index is there.
            p.pending = true;
            return;
        }
        let (Some(e), Some(p)) = (&self.search.engine, self.search.palette.as_mut()) else {
            return;
        };
        match &e.worker {
            Some(w) => {
                w.submit(&p.input);
                p.pending = true;
            }
            None => {
                p.pending = false;
                let query = Query::parse(&p.input, &e.corpus);
                p.results = p.results.refine(&e.corpus, query);
                self.relist();
            }
        }
    }

    /// Lists the first page of the results, selecting the first.
    fn relist(&mut self) {
        let rows = rows(self.size);
        let (Some(e), Some(p)) = (&self.search.engine, self.search.palette.as_mut()) else {
            return;
        };
        let n = p.listed().min(rows);
        p.hits = p.results.hits(&e.corpus, &e.matcher, 0..n);
        (p.selected, p.offset) = (0, 0);
    }

    /// Takes the newest results from the search thread; older ones show
    /// until the ones for what was typed arrive.
    fn take_results(&mut self) {
        if let Some(rx) = &self.search.building
            && let Ok(engine) = rx.try_recv()
        {
            self.search.engine = Some(engine);
            self.search.building = None;
            self.requery();
            return;
        }
        let (Some(e), Some(p)) = (&self.search.engine, self.search.palette.as_mut()) else {
            return;
        };
        let Some(r) = e.worker.as_ref().and_then(Worker::latest) else {
            return;
        };
        p.pending = r.query.text != p.input;
        p.results = r;
        self.relist();
    }

    fn move_selection(&mut self, delta: isize) {
        let rows = rows(self.size);
        let (Some(e), Some(p)) = (&self.search.engine, self.search.palette.as_mut()) else {
            return;
        };
        let listed = p.listed();
        if listed == 0 {
            return;
        }
        p.selected = p.selected.saturating_add_signed(delta).min(listed - 1);
        if p.selected >= p.hits.len() {
            let end = (p.selected + rows).min(listed);
            let more = p.results.hits(&e.corpus, &e.matcher, p.hits.len()..end);
            p.hits.extend(more);
        }
        if p.selected < p.offset {
            p.offset = p.selected;
        } else if p.selected >= p.offset + rows {
            p.offset = p.selected + 1 - rows;
        }
    }

    /// Goes to a result: a jump, so back returns to where the palette
    /// opened. The one place a palette result becomes a jump.
    fn jump_to_hit(&mut self, hit: &Hit) {
        let Some(e) = &self.search.engine else { return };
        let corpus = e.corpus.clone();
        let (item, pane) = match corpus.items[hit.item].target.clone() {
            Target::Quote(q) => (Item::Quote(q), Pane::Source),
            Target::Sentence { source, range } => (Item::Passage { source, range }, Pane::Source),
            Target::Source(source) => (Item::Source(source), Pane::Source),
            Target::Event(ev) => (Item::Event(ev), Pane::Timeline),
            Target::Actor(a) => (Item::Actor(a), Pane::Actors),
            Target::Position(p) => (Item::Position(p), Pane::Actors),
            Target::Issue(i) => (Item::Issue(i), Pane::Details),
            Target::Discrepancy(d) => (Item::Discrepancy(d), Pane::Details),
        };
        self.jump(item);
        self.focus = pane;
        if let Some((_, found)) = hit.source_ranges(&corpus) {
            self.show_found(found, Some(0));
        }
    }
}

//! The `/` palette: search everything as you type, Enter to go to the
//! result in its pane, Esc to go back to exactly where you were. The palette
//! changes nothing else while it is open, so going back is closing it.

use std::sync::Arc;

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

#[derive(Default)]
pub struct Palette {
    pub input: String,
    pub results: Results,
    /// The ranked results seen so far, with what matched in each: a page
    /// at first, more as the selection moves down (highlights cost time).
    pub hits: Vec<Hit>,
    pub selected: usize,
    pub offset: usize,
    /// Whether the results for `input` are still being computed.
    pub pending: bool,
}

/// The palette, find-in-source, and what they search with.
#[derive(Default)]
pub struct SearchState {
    pub engine: Option<Engine>,
    pub palette: Option<Palette>,
    pub find: Find,
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

    pub(super) fn open_palette(&mut self) {
        if self.search.engine.is_none() {
            let corpus = Arc::new(Corpus::new(&self.briefing));
            let worker = (corpus.items.len() >= ASYNC_FROM).then(|| Worker::spawn(corpus.clone()));
            self.search.engine = Some(Engine {
                corpus,
                matcher: Matcher::default(),
                worker,
            });
        }
        self.search.palette = Some(Palette::default());
    }

    /// Every action while the palette is open.
    pub(super) fn palette_update(&mut self, action: Action) {
        let Some(p) = self.search.palette.as_mut() else {
            return;
        };
        match action {
            Action::Quit => self.quit = true,
            Action::Back => self.search.palette = None,
            Action::Type(c) => {
                p.input.push(c);
                self.requery();
            }
            Action::Erase => {
                p.input.pop();
                self.requery();
            }
            Action::Up => self.move_selection(-1),
            Action::Down => self.move_selection(1),
            Action::PageUp => self.move_selection(-(rows(self.size) as isize)),
            Action::PageDown => self.move_selection(rows(self.size) as isize),
            Action::SearchTick => self.take_results(),
            Action::Open => {
                let hit = p.hits.get(p.selected).cloned();
                self.search.palette = None;
                if let Some(hit) = hit {
                    self.jump_to_hit(&hit);
                }
            }
            _ => {}
        }
    }

    fn requery(&mut self) {
        let (Some(e), Some(p)) = (&self.search.engine, self.search.palette.as_mut()) else {
            return;
        };
        match &e.worker {
            Some(w) => {
                w.submit(&p.input);
                p.pending = true;
            }
            None => {
                let query = Query::parse(&p.input, &e.corpus);
                p.results = p.results.refine(&e.corpus, &e.matcher, query);
                p.hits = p.results.hits(&e.corpus, &e.matcher, 0..rows(self.size));
                (p.selected, p.offset) = (0, 0);
            }
        }
    }

    /// Takes the newest results from the search thread; older ones show
    /// until the ones for what was typed arrive.
    fn take_results(&mut self) {
        let (Some(e), Some(p)) = (&self.search.engine, self.search.palette.as_mut()) else {
            return;
        };
        let Some(r) = e.worker.as_ref().and_then(Worker::latest) else {
            return;
        };
        p.pending = r.query.text != p.input;
        p.results = r;
        p.hits = p.results.hits(&e.corpus, &e.matcher, 0..rows(self.size));
        (p.selected, p.offset) = (0, 0);
    }

    fn move_selection(&mut self, delta: isize) {
        let rows = rows(self.size);
        let (Some(e), Some(p)) = (&self.search.engine, self.search.palette.as_mut()) else {
            return;
        };
        let ranked = p.results.ranked.len();
        if ranked == 0 {
            return;
        }
        p.selected = p.selected.saturating_add_signed(delta).min(ranked - 1);
        if p.selected >= p.hits.len() {
            let more = p
                .results
                .hits(&e.corpus, &e.matcher, p.hits.len()..p.selected + rows);
            p.hits.extend(more);
        }
        if p.selected < p.offset {
            p.offset = p.selected;
        } else if p.selected >= p.offset + rows {
            p.offset = p.selected + 1 - rows;
        }
    }

    /// Goes to a result: a jump, so back returns to where the palette opened.
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
        };
        self.jump(item);
        self.focus = pane;
        if let Some((_, found)) = hit.source_ranges(&corpus) {
            self.show_found(found, Some(0));
        }
    }
}

//! The briefing: its types, loading and validation. No terminal code here.

pub mod anchor;
pub mod date;
pub mod diagnostic;
pub mod load;
pub mod located;
pub mod mentions;
pub mod text;
pub mod types;
pub mod validate;

use rustc_hash::FxHashMap as HashMap;

use serde::Serialize;

pub use date::{FuzzyDate, Point};
pub use diagnostic::{Diagnostic, Severity};
pub use load::{Loaded, Origin, load};
pub use types::*;

/// A whole briefing. Items keep the order of their files; the index finds
/// them by id.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Briefing {
    #[serde(rename = "briefing")]
    pub meta: Meta,
    pub sides: Vec<Side>,
    pub sources: Vec<Source>,
    pub actors: Vec<Actor>,
    pub issues: Vec<Issue>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    pub positions: Vec<Position>,
    pub discrepancies: Vec<Discrepancy>,
    #[serde(skip)]
    index: Index,
}

#[derive(Debug, Clone, Default)]
struct Index {
    sides: HashMap<String, usize>,
    sources: HashMap<String, usize>,
    actors: HashMap<String, usize>,
    issues: HashMap<String, usize>,
    events: HashMap<String, usize>,
    quotes: HashMap<String, usize>,
    /// For each event, the quotes said at it, in file order.
    event_quotes: Vec<Vec<usize>>,
}

fn index_of<'a>(ids: impl Iterator<Item = &'a Id>) -> HashMap<String, usize> {
    let mut map = HashMap::default();
    for (i, id) in ids.enumerate() {
        // The first of duplicate ids wins; the checker reports the rest.
        map.entry(id.value.clone()).or_insert(i);
    }
    map
}

impl Default for Meta {
    fn default() -> Self {
        Meta {
            id: Id::new(String::new()),
            title: String::new(),
            subject: String::new(),
            as_of: FuzzyDate::Unknown { text: None },
            summary: String::new(),
        }
    }
}

impl Briefing {
    pub(crate) fn build_index(&mut self) {
        let events = index_of(self.events.iter().map(|x| &x.id));
        let mut event_quotes = vec![Vec::new(); self.events.len()];
        for (q, quote) in self.quotes.iter().enumerate() {
            if let Some(&e) = quote.event.as_ref().and_then(|e| events.get(e.as_str())) {
                event_quotes[e].push(q);
            }
        }
        self.index = Index {
            sides: index_of(self.sides.iter().map(|x| &x.id)),
            sources: index_of(self.sources.iter().map(|x| &x.id)),
            actors: index_of(self.actors.iter().map(|x| &x.id)),
            issues: index_of(self.issues.iter().map(|x| &x.id)),
            events,
            quotes: index_of(self.quotes.iter().map(|x| &x.id)),
            event_quotes,
        };
    }

    /// The quotes said at event `e` (by index), in file order.
    pub fn quotes_at_event(&self, e: usize) -> &[usize] {
        self.index.event_quotes.get(e).map_or(&[], Vec::as_slice)
    }

    pub fn side_index(&self, id: &str) -> Option<usize> {
        self.index.sides.get(id).copied()
    }
    pub fn source_index(&self, id: &str) -> Option<usize> {
        self.index.sources.get(id).copied()
    }
    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.index.actors.get(id).copied()
    }
    pub fn issue_index(&self, id: &str) -> Option<usize> {
        self.index.issues.get(id).copied()
    }
    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.index.events.get(id).copied()
    }
    pub fn quote_index(&self, id: &str) -> Option<usize> {
        self.index.quotes.get(id).copied()
    }

    pub fn side(&self, id: &str) -> Option<&Side> {
        self.side_index(id).map(|i| &self.sides[i])
    }
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index(id).map(|i| &self.sources[i])
    }
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_index(id).map(|i| &self.actors[i])
    }
    pub fn issue(&self, id: &str) -> Option<&Issue> {
        self.issue_index(id).map(|i| &self.issues[i])
    }
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.event_index(id).map(|i| &self.events[i])
    }
    pub fn quote(&self, id: &str) -> Option<&Quote> {
        self.quote_index(id).map(|i| &self.quotes[i])
    }

    /// The display name of an actor's side, or the side id if it is unknown.
    pub fn side_name<'a>(&'a self, side: &'a str) -> &'a str {
        self.side(side).map_or(side, |s| s.name.as_str())
    }
}

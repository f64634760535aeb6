//! The briefing: its types, loading and validation. No terminal code here.

pub mod anchor;
pub mod date;
pub mod diagnostic;
pub mod load;
pub mod located;
pub mod mentions;
pub mod nearest;
pub mod order;
mod par;
pub mod progress;
pub mod sides;
pub mod stances;
pub mod suggest;
pub mod text;
pub mod time;
pub mod trust;
pub mod types;
pub mod validate;

use rustc_hash::FxHashMap as HashMap;

use serde::Serialize;

pub use date::{FuzzyDate, Point};
pub use diagnostic::{Diagnostic, Severity};
pub use load::{Loaded, Origin, load, load_with};
pub use progress::Progress;
pub use time::{Day, When};
pub use trust::{Assessor, Support};
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
    /// When each event, quote and position was, by the one order of time.
    event_when: Vec<When>,
    quote_when: Vec<When>,
    position_when: Vec<When>,
    /// Each (actor, issue)'s positions in the one order of time.
    histories: HashMap<(usize, usize), Vec<usize>>,
    /// The (actor, issue) pairs that have a history, sorted.
    history_keys: Vec<(usize, usize)>,
    /// Each side's actors (by index), in file order.
    side_actors: Vec<Vec<usize>>,
    /// Each actor's positions by issue (in file order), then in time order.
    actor_positions: Vec<Vec<usize>>,
    /// Each actor's quotes in time order (ties in file order).
    actor_quotes: Vec<Vec<usize>>,
    /// Each source's quotes, in file order.
    source_quotes: Vec<Vec<usize>>,
    /// The names and aliases of every actor, as one automaton, built when
    /// a text is first searched for them.
    mentions: std::sync::OnceLock<std::sync::Arc<mentions::Mentions>>,
}

fn index_of<'a>(ids: impl ExactSizeIterator<Item = &'a Id>) -> HashMap<String, usize> {
    let mut map = HashMap::with_capacity_and_hasher(ids.len(), Default::default());
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
        let sources = index_of(self.sources.iter().map(|x| &x.id));
        let published = |id: &Id| {
            sources
                .get(id.as_str())
                .map_or(When::UNDATED, |&s| When::of(&self.sources[s].published))
        };
        let event_when: Vec<When> = self
            .events
            .iter()
            .map(|e| {
                let sources = e.evidence.iter().map(|x| published(&x.source));
                if e.expected {
                    When::of(&e.date).expected_after(sources)
                } else {
                    When::of(&e.date).reported_by(sources)
                }
            })
            .collect();
        let quote_when: Vec<When> = self
            .quotes
            .iter()
            .map(|q| {
                let at_event = q
                    .event
                    .as_ref()
                    .and_then(|e| events.get(e.as_str()))
                    .map(|&e| event_when[e]);
                match (&q.spoken, at_event) {
                    (None, Some(when)) => when,
                    _ => When::of_opt(q.spoken.as_ref()).reported_by([published(&q.source)]),
                }
            })
            .collect();
        let quotes = index_of(self.quotes.iter().map(|x| &x.id));
        let position_when: Vec<When> = self
            .positions
            .iter()
            .map(|p| {
                let quoted = p
                    .quotes
                    .iter()
                    .filter_map(|q| quotes.get(q.as_str()))
                    .map(|&q| published(&self.quotes[q].source));
                let cited = p.evidence.iter().map(|x| published(&x.source));
                When::of(&p.as_of).reported_by(cited.chain(quoted))
            })
            .collect();
        let actors = index_of(self.actors.iter().map(|x| &x.id));
        let issues = index_of(self.issues.iter().map(|x| &x.id));
        let mut histories: HashMap<(usize, usize), Vec<usize>> = HashMap::default();
        for (p, pos) in self.positions.iter().enumerate() {
            if let (Some(&a), Some(&i)) = (
                actors.get(pos.actor.as_str()),
                issues.get(pos.issue.as_str()),
            ) {
                histories.entry((a, i)).or_default().push(p);
            }
        }
        for history in histories.values_mut() {
            history.sort_by_key(|&p| position_when[p]);
        }
        let mut history_keys: Vec<(usize, usize)> = histories.keys().copied().collect();
        history_keys.sort_unstable();
        let mut actor_positions = vec![Vec::new(); self.actors.len()];
        for &(a, i) in &history_keys {
            actor_positions[a].extend_from_slice(&histories[&(a, i)]);
        }
        let mut actor_quotes = vec![Vec::new(); self.actors.len()];
        for (q, quote) in self.quotes.iter().enumerate() {
            if let Some(&a) = actors.get(quote.speaker.as_str()) {
                actor_quotes[a].push(q);
            }
        }
        for qs in &mut actor_quotes {
            qs.sort_by_key(|&q| quote_when[q]);
        }
        let mut source_quotes = vec![Vec::new(); self.sources.len()];
        for (q, quote) in self.quotes.iter().enumerate() {
            if let Some(&s) = sources.get(quote.source.as_str()) {
                source_quotes[s].push(q);
            }
        }
        let sides = index_of(self.sides.iter().map(|x| &x.id));
        let mut side_actors = vec![Vec::new(); self.sides.len()];
        for (a, actor) in self.actors.iter().enumerate() {
            if let Some(&s) = sides.get(actor.side.as_str()) {
                side_actors[s].push(a);
            }
        }
        self.index = Index {
            sides,
            sources,
            actors,
            issues,
            events,
            quotes,
            event_quotes,
            event_when,
            quote_when,
            position_when,
            histories,
            history_keys,
            side_actors,
            actor_positions,
            actor_quotes,
            source_quotes,
            mentions: Default::default(),
        };
    }

    /// The (actor, issue) pairs with at least one position, sorted.
    pub fn history_keys(&self) -> &[(usize, usize)] {
        &self.index.history_keys
    }

    /// An actor's positions: by issue in file order, each issue's in the
    /// one order of time (undated last).
    pub fn actor_positions(&self, actor: usize) -> &[usize] {
        self.index
            .actor_positions
            .get(actor)
            .map_or(&[], Vec::as_slice)
    }

    /// What an actor said, in the one order of time (ties in file order).
    pub fn actor_quotes(&self, actor: usize) -> &[usize] {
        self.index
            .actor_quotes
            .get(actor)
            .map_or(&[], Vec::as_slice)
    }

    /// Where actors are named: every actor's name and aliases in one
    /// automaton, built on first use.
    pub fn mentions(&self) -> &mentions::Mentions {
        self.index
            .mentions
            .get_or_init(|| std::sync::Arc::new(mentions::Mentions::new(self)))
    }

    /// The quotes taken from a source, in file order.
    pub fn source_quotes(&self, source: usize) -> &[usize] {
        self.index
            .source_quotes
            .get(source)
            .map_or(&[], Vec::as_slice)
    }

    /// A side's actors (by index), in file order.
    pub fn side_actors(&self, side: usize) -> &[usize] {
        self.index.side_actors.get(side).map_or(&[], Vec::as_slice)
    }

    /// An actor's positions on an issue (by index), in the one order of time:
    /// dated ones first, the undated after them.
    pub fn history(&self, actor: usize, issue: usize) -> &[usize] {
        self.index
            .histories
            .get(&(actor, issue))
            .map_or(&[], Vec::as_slice)
    }

    /// When event `e` (by index) was: its date, bounded by its sources.
    pub fn event_when(&self, e: usize) -> When {
        self.index
            .event_when
            .get(e)
            .copied()
            .unwrap_or(When::UNDATED)
    }
    /// When quote `q` was said: its date, else its event's, bounded by its source.
    pub fn quote_when(&self, q: usize) -> When {
        self.index
            .quote_when
            .get(q)
            .copied()
            .unwrap_or(When::UNDATED)
    }
    /// When position `p` was held, bounded by the sources that report it.
    pub fn position_when(&self, p: usize) -> When {
        self.index
            .position_when
            .get(p)
            .copied()
            .unwrap_or(When::UNDATED)
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

//! What an item's trust rests on: how many distinct sources support each
//! event and position (corroboration), and whose assessment an assessed
//! position is.

use super::{Actor, Briefing, Position, Source};

/// The distinct sources that support an item, in the briefing's source
/// order (ids the briefing does not define come last, as written).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Support<'a> {
    pub sources: Vec<&'a str>,
}

impl Support<'_> {
    /// How many distinct sources support the item.
    pub fn count(&self) -> usize {
        self.sources.len()
    }

    /// Whether a single source is all the item rests on.
    pub fn is_single_source(&self) -> bool {
        self.sources.len() == 1
    }
}

/// Whose assessment an assessed position is.
#[derive(Debug, Clone, Copy)]
pub enum Assessor<'a> {
    Actor(&'a Actor),
    Source(&'a Source),
}

impl<'a> Assessor<'a> {
    /// The id as written in `assessed_by`.
    pub fn id(self) -> &'a str {
        match self {
            Assessor::Actor(a) => &a.id,
            Assessor::Source(s) => &s.id,
        }
    }

    /// A name for readers: the actor's name, or the source's author (its
    /// outlet when the author is not known).
    pub fn name(self) -> &'a str {
        match self {
            Assessor::Actor(a) => &a.name,
            Assessor::Source(s) => s.author.as_deref().unwrap_or(&s.outlet),
        }
    }
}

impl Briefing {
    /// The sources that support event `e` (by index): those of its evidence
    /// excerpts and of the quotes said at it.
    pub fn event_support(&self, e: usize) -> Support<'_> {
        let Some(event) = self.events.get(e) else {
            return Support::default();
        };
        let excerpts = event.evidence.iter().map(|x| x.source.as_str());
        let quotes = self
            .quotes_at_event(e)
            .iter()
            .map(|&q| self.quotes[q].source.as_str());
        self.support(excerpts.chain(quotes))
    }

    /// The sources that support position `p` (by index): those of its
    /// evidence excerpts and of its quotes.
    pub fn position_support(&self, p: usize) -> Support<'_> {
        let Some(position) = self.positions.get(p) else {
            return Support::default();
        };
        let excerpts = position.evidence.iter().map(|x| x.source.as_str());
        let quotes = position
            .quotes
            .iter()
            .filter_map(|q| self.quote(q))
            .map(|q| q.source.as_str());
        self.support(excerpts.chain(quotes))
    }

    fn support<'a>(&'a self, ids: impl Iterator<Item = &'a str>) -> Support<'a> {
        let mut keyed: Vec<(usize, &str)> = ids
            .map(|id| (self.source_index(id).unwrap_or(usize::MAX), id))
            .collect();
        keyed.sort();
        keyed.dedup();
        Support {
            sources: keyed.into_iter().map(|(_, id)| id).collect(),
        }
    }

    /// Whose assessment position `p` is: the actor or source its
    /// `assessed_by` names (an actor first, should both share the id, which
    /// the checker reports). `None` when it names none.
    pub fn assessor(&self, p: &Position) -> Option<Assessor<'_>> {
        let id = p.assessed_by.as_ref()?;
        self.actor(id)
            .map(Assessor::Actor)
            .or_else(|| self.source(id).map(Assessor::Source))
    }
}

//! Search over a whole briefing, shared by the palette and `brief search`.
//!
//! The corpus is built once; each keystroke parses a [`Query`] and either
//! scores every item or, when the query only grew, rescores the previous
//! matches ([`Results::refine`]). [`worker`] runs searches off the UI thread.

pub mod corpus;
pub mod find;
pub mod fold;
pub mod item;
pub mod matcher;
pub mod output;
pub mod query;
pub mod sentences;
pub mod worker;

use std::cmp::Ordering;
use std::ops::Range;

pub use corpus::{Corpus, Item, Kind, Target};
pub use matcher::Matcher;
pub use query::{FILTER_HELP, Query};

/// How many ranked results are kept: more than any palette shows.
pub const KEEP: usize = 500;

/// Below this many candidates one thread is faster than two.
const PARALLEL_FROM: usize = 4096;

/// The results of one query.
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub query: Query,
    /// Every match as (item, score), in no order: what a refinement rescores.
    all: Vec<(u32, i64)>,
    /// The best matches, ranked.
    pub ranked: Vec<(u32, i64)>,
}

/// One ranked result with its highlights.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub item: usize,
    pub score: i64,
    /// (field index, original char indices that matched); field 0 is the label.
    pub highlights: Vec<(usize, Vec<usize>)>,
}

impl Hit {
    /// Matched char indices in a field (0: label, 1: speaker when there is one).
    pub fn field_highlights(&self, field: usize) -> &[usize] {
        self.highlights
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(&[], |(_, idx)| idx)
    }

    /// For a sentence: its source and the byte ranges in the source text
    /// of the chars that matched, adjacent chars joined into one range.
    pub fn source_ranges(&self, corpus: &Corpus) -> Option<(usize, Vec<Range<usize>>)> {
        let item = &corpus.items[self.item];
        let Target::Sentence { source, range } = &item.target else {
            return None;
        };
        // The label is the sentence char for char (line breaks made spaces),
        // so char offsets in it are char offsets from the sentence start.
        let label = item.label();
        let starts: Vec<(usize, char)> = label.char_indices().collect();
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for &(b, c) in self
            .field_highlights(0)
            .iter()
            .filter_map(|&i| starts.get(i))
        {
            let r = range.start + b..range.start + b + c.len_utf8();
            match ranges.last_mut() {
                Some(last) if last.end == r.start => last.end = r.end,
                _ => ranges.push(r),
            }
        }
        Some((*source, ranges))
    }
}

fn rank(corpus: &Corpus, a: &(u32, i64), b: &(u32, i64)) -> Ordering {
    let (x, y) = (&corpus.items[a.0 as usize], &corpus.items[b.0 as usize]);
    let date = |i: &Item| crate::model::When::of_opt(i.date.as_ref());
    b.1.cmp(&a.1)
        .then(x.kind.cmp(&y.kind))
        .then_with(|| date(x).cmp(&date(y)))
        .then(a.0.cmp(&b.0))
}

/// Scores `candidates` against `query`, on two threads when there are many.
fn score_all(
    corpus: &Corpus,
    m: &Matcher,
    query: &Query,
    candidates: Candidates<'_>,
) -> Vec<(u32, i64)> {
    let n = candidates.len();
    let score_range = |r: Range<usize>| -> Vec<(u32, i64)> {
        r.filter_map(|k| {
            let i = candidates.get(k);
            query.score(&corpus.items[i as usize], m).map(|s| (i, s))
        })
        .collect()
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if n < PARALLEL_FROM || threads < 2 {
        return score_range(0..n);
    }
    let chunk = n.div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| s.spawn(move || score_range(t * chunk..((t + 1) * chunk).min(n))))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a search thread panicked"))
            .collect()
    })
}

#[derive(Clone, Copy)]
enum Candidates<'a> {
    All(usize),
    These(&'a [(u32, i64)]),
}

impl Candidates<'_> {
    fn len(&self) -> usize {
        match self {
            Candidates::All(n) => *n,
            Candidates::These(v) => v.len(),
        }
    }
    fn get(&self, k: usize) -> u32 {
        match self {
            Candidates::All(_) => k as u32,
            Candidates::These(v) => v[k].0,
        }
    }
}

impl Results {
    /// Searches the whole corpus.
    pub fn new(corpus: &Corpus, m: &Matcher, query: Query) -> Self {
        Self::keeping(corpus, m, query, KEEP)
    }

    /// Searches the whole corpus, ranking the best `keep` matches.
    pub fn keeping(corpus: &Corpus, m: &Matcher, query: Query, keep: usize) -> Self {
        if query.is_empty() {
            return Results {
                query,
                ..Default::default()
            };
        }
        let all = score_all(corpus, m, &query, Candidates::All(corpus.items.len()));
        Self::ranked(corpus, query, all, keep)
    }

    /// Searches for `query`, rescoring only this result's matches when
    /// `query` refines this one's query.
    pub fn refine(&self, corpus: &Corpus, m: &Matcher, query: Query) -> Self {
        if query == self.query {
            return self.clone();
        }
        if self.query.is_empty() || !query.refines(&self.query) {
            return Self::new(corpus, m, query);
        }
        let all = score_all(corpus, m, &query, Candidates::These(&self.all));
        Self::ranked(corpus, query, all, KEEP)
    }

    fn ranked(corpus: &Corpus, query: Query, all: Vec<(u32, i64)>, keep: usize) -> Self {
        let mut ranked = all.clone();
        if ranked.len() > keep {
            ranked.select_nth_unstable_by(keep, |a, b| rank(corpus, a, b));
            ranked.truncate(keep);
        }
        ranked.sort_unstable_by(|a, b| rank(corpus, a, b));
        Results { query, all, ranked }
    }

    /// How many items matched in all (more than are ranked when many do).
    pub fn total(&self) -> usize {
        self.all.len()
    }

    /// The ranked results from `range`, with what matched in each.
    pub fn hits(&self, corpus: &Corpus, m: &Matcher, range: Range<usize>) -> Vec<Hit> {
        let end = range.end.min(self.ranked.len());
        self.ranked[range.start.min(end)..end]
            .iter()
            .map(|&(i, score)| Hit {
                item: i as usize,
                score,
                highlights: self.query.highlights(&corpus.items[i as usize], m),
            })
            .collect()
    }
}

/// One search from scratch: what `brief search` runs.
pub fn search(corpus: &Corpus, m: &Matcher, text: &str, limit: usize) -> Vec<Hit> {
    let results = Results::keeping(corpus, m, Query::parse(text, corpus), limit);
    results.hits(corpus, m, 0..limit)
}

#[cfg(test)]
mod tests;

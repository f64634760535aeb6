//! A palette query: its filters (`@actor`, `#issue`, kind prefixes such as
//! `q:`), its terms, and how an item scores against them.
//!
//! Every whitespace-separated term must match (AND); an item's score is the
//! sum of its terms' best matches, each weighted by the role of the field it
//! matched in, times the weight of the item's kind.

use super::corpus::{Corpus, Item, Kind};
use super::fold::{fold_term, lower_char};
use super::matcher::{Matcher, char_mask};

/// One way a term can match: folded text, and whether case counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needle {
    pub text: String,
    pub case_sensitive: bool,
    /// Percent applied to its score: a longer spelling than the one typed
    /// scores more only for being longer, so it is scaled back.
    pub scale: i64,
    /// Its chars (see `matcher::char_mask`).
    pub mask: u64,
}

impl Needle {
    fn new(text: String, case_sensitive: bool, scale: i64) -> Self {
        // Fields' masks are of their lower case; so is this one.
        let mask = char_mask(&text.chars().map(lower_char).collect::<String>());
        Needle {
            text,
            case_sensitive,
            scale,
            mask,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// As typed.
    pub raw: String,
    /// The term itself first, then every spelling of the actor it names.
    pub needles: Vec<Needle>,
    /// The actors the term names, if it is one of their spellings (two
    /// people may share a surname).
    pub actors: Vec<u32>,
}

impl Term {
    fn new(raw: &str, corpus: &Corpus) -> Self {
        let (text, case_sensitive) = fold_term(raw);
        let typed = text.chars().count() as i64;
        let mut needles = vec![Needle::new(text, case_sensitive, 100)];
        // A term that is a spelling of an actor stands for all of them:
        // "Zelenskiy" finds "Zelensky", "Kiev" finds "Kyiv".
        let key = fold_term(&raw.to_lowercase()).0;
        let actors: Vec<u32> = corpus.alias_of.get(&key).cloned().unwrap_or_default();
        for &actor in &actors {
            for s in &corpus.actors[actor as usize].all {
                if needles.iter().all(|n| n.text != *s) {
                    let scale = (100 * typed / s.chars().count().max(1) as i64).min(100);
                    needles.push(Needle::new(s.clone(), false, scale));
                }
            }
        }
        Term {
            raw: raw.to_string(),
            needles,
            actors,
        }
    }

    fn is_expanded(&self) -> bool {
        self.needles.len() > 1
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    /// Kinds allowed by prefixes; empty means all.
    pub kinds: Vec<Kind>,
    /// One set of actor indices per `@` filter; an item must involve one
    /// actor of each set.
    pub actors: Vec<Vec<u32>>,
    /// The same for `#` issue filters.
    pub issues: Vec<Vec<u32>>,
    pub terms: Vec<Term>,
}

/// What the filters in a query look like, for help.
pub const FILTER_HELP: [(&str, &str); 2] = [
    ("@actor #issue", "only items of that actor, on that issue"),
    (
        "q: e: a: p: i: s: t:",
        "only quotes, events, actors, positions, issues, sources, text",
    ),
];

fn lower(s: &str) -> String {
    fold_term(&s.to_lowercase()).0
}

impl Query {
    pub fn parse(text: &str, corpus: &Corpus) -> Self {
        let mut q = Query {
            text: text.to_string(),
            ..Default::default()
        };
        for token in text.split_whitespace() {
            if let Some(name) = token.strip_prefix('@') {
                if !name.is_empty() {
                    let name = lower(name);
                    let found = corpus.actors.iter().enumerate().filter(|(_, a)| {
                        a.id.contains(&name) || a.all.iter().any(|s| s.contains(&name))
                    });
                    q.actors.push(found.map(|(i, _)| i as u32).collect());
                }
                continue;
            }
            if let Some(name) = token.strip_prefix('#') {
                if !name.is_empty() {
                    let name = lower(name);
                    let found = corpus
                        .issues
                        .iter()
                        .enumerate()
                        .filter(|(_, (id, title))| id.contains(&name) || title.contains(&name));
                    q.issues.push(found.map(|(i, _)| i as u32).collect());
                }
                continue;
            }
            let mut chars = token.chars();
            let kind = match (chars.next(), chars.next()) {
                (Some(k), Some(':')) => Kind::ALL.into_iter().find(|kind| kind.prefix() == k),
                _ => None,
            };
            let rest = match kind {
                Some(kind) => {
                    if !q.kinds.contains(&kind) {
                        q.kinds.push(kind);
                    }
                    &token[2..]
                }
                None => token,
            };
            if !rest.is_empty() {
                q.terms.push(Term::new(rest, corpus));
            }
        }
        q
    }

    /// Whether the query asks for nothing yet.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
            && self.actors.is_empty()
            && self.issues.is_empty()
            && self.kinds.is_empty()
    }

    /// Whether every item matching `self` also matches `old`, so that only
    /// `old`'s matches need rescoring: `self` was typed by extending `old`.
    pub fn refines(&self, old: &Query) -> bool {
        let subset = |new: &[Vec<u32>], old: &[Vec<u32>]| {
            new.len() >= old.len()
                && old
                    .iter()
                    .zip(new)
                    .all(|(o, n)| n.iter().all(|x| o.contains(x)))
        };
        self.text.starts_with(&old.text)
            && (old.kinds.is_empty()
                || (!self.kinds.is_empty() && self.kinds.iter().all(|k| old.kinds.contains(k))))
            && subset(&self.actors, &old.actors)
            && subset(&self.issues, &old.issues)
            && self.terms.len() >= old.terms.len()
            && old.terms.iter().zip(&self.terms).all(|(o, n)| {
                // A longer term matches a subset, unless it newly stands for
                // an actor's other spellings.
                n.raw.starts_with(&o.raw) && (n.raw == o.raw || !n.is_expanded())
            })
    }

    /// Whether the filters let `item` through.
    fn admits(&self, item: &Item) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&item.kind))
            && self
                .actors
                .iter()
                .all(|set| item.actors.iter().any(|a| set.contains(a)))
            && self
                .issues
                .iter()
                .all(|set| item.issues.iter().any(|i| set.contains(i)))
    }

    /// The item's score, or `None` when a filter or a term rules it out.
    pub fn score(&self, item: &Item, m: &Matcher) -> Option<i64> {
        if !self.admits(item) {
            return None;
        }
        // One AND per term rules out most items before any text is read.
        if !self
            .terms
            .iter()
            .all(|t| t.needles.iter().any(|n| n.mask & !item.mask == 0))
        {
            return None;
        }
        let mut total = 0;
        for term in &self.terms {
            total += best(term, item, m)?.0;
        }
        Some(total * item.kind.weight() / 100)
    }

    /// Which chars matched, per field: (field index, original char indices).
    pub fn highlights(&self, item: &Item, m: &Matcher) -> Vec<(usize, Vec<usize>)> {
        let mut out: Vec<(usize, Vec<usize>)> = Vec::new();
        for term in &self.terms {
            let Some((_, field, needle)) = best(term, item, m) else {
                continue;
            };
            let f = &item.fields[field];
            let hay = f.folded.haystack(&f.text, needle.case_sensitive);
            let Some((_, idx)) = m.indices(hay, &needle.text) else {
                continue;
            };
            let idx = f.folded.original_indices(&idx);
            match out.iter_mut().find(|(i, _)| *i == field) {
                Some((_, all)) => {
                    all.extend(idx);
                    all.sort_unstable();
                    all.dedup();
                }
                None => out.push((field, idx)),
            }
        }
        out.sort_by_key(|(i, _)| *i);
        out
    }
}

/// A term's best weighted score in an item, with the field and needle.
fn best<'t>(term: &'t Term, item: &Item, m: &Matcher) -> Option<(i64, usize, &'t Needle)> {
    let mut best: Option<(i64, usize, &Needle)> = None;
    for (fi, f) in item.fields.iter().enumerate() {
        for needle in term.needles.iter().filter(|n| n.mask & !f.mask == 0) {
            let hay = f.folded.haystack(&f.text, needle.case_sensitive);
            if let Some(s) = m.score(hay, &needle.text) {
                let s = s * f.role.weight() / 100 * needle.scale / 100;
                if best.is_none_or(|b| s > b.0) {
                    best = Some((s, fi, needle));
                }
            }
        }
    }
    // Naming an actor is a perfect hit on what they said and on the actor
    // itself, and ranks it above what others said about them.
    if item.owner().is_some_and(|o| term.actors.contains(&o)) {
        let own = &term.needles[0].text;
        let perfect = m.score(own, own).unwrap_or(0) * OWN_WORDS / 100;
        if let Some(b) = best.as_mut() {
            b.0 = b.0.max(perfect);
        }
    }
    best
}

/// Percent of a perfect match that an actor's own items get for their name.
const OWN_WORDS: i64 = 120;

//! A palette query in fzf's extended-search syntax, and how an item scores
//! against it.
//!
//! - Terms separated by spaces must all match (AND); `a | b` matches either.
//! - `word` matches fuzzily, `'word` exactly, `'word'` as a whole word,
//!   `^word` at the start of a field, `word$` at its end, `!word` excludes,
//!   `"a phrase"` the words in that order.
//! - A term that reads as a date (`18 aug`, `2025-08-18`, `aug 2025`) matches
//!   items whose date can mean it, and texts that write it.
//! - Filters: `@actor` (a side, or an actor with its members), `#issue`, and
//!   kind prefixes such as `q:`.
//!
//! A literal match counts by how it sits in its words (a whole word far
//! above part of one); a scattered, fuzzy match barely counts, and an item
//! is "literal" only if every term matched literally. Literal items rank
//! above all others, and hide them (see `super::Results`).

use super::corpus::{Corpus, Item, Kind};
use super::dates::{self, DateTerm};
use super::fold::{fold_term, lower_char};
use super::matcher::{
    Fit, Matcher, char_mask, find_literal, find_phrase, find_prefix, find_suffix, scattered,
};

/// How a term matches text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Literally if it can, else as a scattered subsequence.
    Fuzzy,
    /// `'word`: literally, anywhere.
    Exact,
    /// `'word'`: literally, as a whole word.
    Word,
    /// `^word`: at the start of a field.
    Prefix,
    /// `word$`: at the end of a field.
    Suffix,
    /// `"a phrase"`: these words in this order.
    Phrase,
}

/// One text a term looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needle {
    /// Folded: accent-free, lower case unless case counts.
    pub text: String,
    /// For phrases and dates: the words, in order.
    pub words: Vec<String>,
    pub case_sensitive: bool,
    /// Another spelling of the typed name, not what was typed.
    pub variant: bool,
    /// For dates written out: only whole words count ("aug 1" is not in
    /// "aug 18").
    pub whole: bool,
    /// Its chars (see `matcher::char_mask`).
    pub mask: u64,
}

impl Needle {
    fn new(text: String, case_sensitive: bool) -> Self {
        // Fields' masks are of their lower case; so is this one.
        let mask = char_mask(&text.chars().map(lower_char).collect::<String>());
        Needle {
            text,
            words: Vec::new(),
            case_sensitive,
            variant: false,
            whole: false,
            mask,
        }
    }

    fn phrase(words: Vec<String>, case_sensitive: bool) -> Self {
        let mut n = Needle::new(words.join(" "), case_sensitive);
        n.words = words;
        n
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// As typed, operators included.
    pub raw: String,
    pub mode: Mode,
    /// What was typed first, then other spellings of the name it is.
    pub needles: Vec<Needle>,
    /// The actors the term names, if it is one of their spellings (two
    /// people may share a surname): their own items match it.
    pub actors: Vec<u32>,
    pub date: Option<DateTerm>,
}

/// Terms of which any may match: `a | b`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    pub terms: Vec<Term>,
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
    /// Every group must match.
    pub groups: Vec<Group>,
    /// `!word`: none of these may match.
    pub not: Vec<Term>,
}

/// What a query may hold, for help: (syntax, meaning).
pub const FILTER_HELP: [(&str, &str); 10] = [
    (
        "word",
        "fuzzy: whole words rank first, scattered letters last",
    ),
    ("'word  'word'", "exactly; as a whole word"),
    ("^word  word$", "at the start; at the end of a text"),
    ("!word", "leave out what has it"),
    ("a | b", "either; terms apart must all match"),
    ("\"a phrase\"", "these words in this order"),
    (
        "18 aug  aug 2025",
        "dates: what happened then, and texts that say so",
    ),
    (
        "@side @actor #issue",
        "only items of that side, actor (with its members), issue",
    ),
    ("q: e: a: p:", "only quotes, events, actors, positions"),
    (
        "i: s: t: d:",
        "only issues, sources, sentences of the text, discrepancies",
    ),
];

fn lower(s: &str) -> String {
    fold_term(&s.to_lowercase()).0
}

/// Splits a query into tokens at white space, keeping a `"quoted phrase"`
/// (closed or still being typed) as one token with its quotes.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let quoted = rest.starts_with('"') || rest.starts_with("!\"");
        let end = if quoted {
            let open = rest.find('"').unwrap_or(0) + 1;
            rest[open..].find('"').map_or(rest.len(), |i| open + i + 1)
        } else {
            rest.find(char::is_whitespace).unwrap_or(rest.len())
        };
        out.push(&rest[..end]);
        rest = rest[end..].trim_start();
    }
    out
}

/// Edit distance between two short words, for spotting other spellings.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Whether `word` is another spelling of `typed` rather than another name:
/// "Kyiv" of "Kiev", "Zelenskyy" of "Zelenskiy", but not "Ukraine" of "Kiev".
fn is_variant(typed: &str, word: &str) -> bool {
    let n = typed.chars().count();
    word != typed
        && word.chars().next() == typed.chars().next()
        && word.chars().count().abs_diff(n) <= 2
        && distance(typed, word) <= (n / 2).max(1)
}

impl Term {
    /// A term from a token (operators and all), or `None` if nothing is
    /// left to match once the operators are taken off.
    fn new(raw: &str, corpus: &Corpus) -> Option<(Self, bool)> {
        if raw == "!" {
            return None;
        }
        let mut body = raw;
        let negate = body.len() > 1 && body.starts_with('!');
        if negate {
            body = &body[1..];
        }
        let mode;
        if let Some(p) = body.strip_prefix('"') {
            mode = Mode::Phrase;
            body = p.strip_suffix('"').unwrap_or(p);
        } else if let Some(e) = body.strip_prefix('\'') {
            match e.strip_suffix('\'') {
                Some(w) if !w.is_empty() => {
                    mode = Mode::Word;
                    body = w;
                }
                _ => {
                    mode = Mode::Exact;
                    body = e;
                }
            }
        } else if let Some(p) = body.strip_prefix('^') {
            mode = Mode::Prefix;
            body = p;
        } else if body.len() > 1
            && let Some(s) = body.strip_suffix('$')
        {
            mode = Mode::Suffix;
            body = s;
        } else {
            mode = Mode::Fuzzy;
        }
        let (text, case_sensitive) = fold_term(body);
        let mut needles = match mode {
            Mode::Phrase => {
                let words: Vec<String> = text.split_whitespace().map(String::from).collect();
                if words.is_empty() {
                    return None;
                }
                vec![Needle::phrase(words, case_sensitive)]
            }
            _ if text.is_empty() => return None,
            _ => vec![Needle::new(text.clone(), case_sensitive)],
        };
        // A term that is a spelling of an actor stands for that actor: its
        // own items match, and so do texts that spell the name otherwise.
        let mut actors = Vec::new();
        if !negate && matches!(mode, Mode::Fuzzy | Mode::Exact | Mode::Word) {
            let key = lower(body);
            actors = corpus.alias_of.get(&key).cloned().unwrap_or_default();
            for &a in &actors {
                for word in corpus.actors[a as usize]
                    .all
                    .iter()
                    .flat_map(|s| s.split_whitespace())
                {
                    if is_variant(&key, word) && needles.iter().all(|n| n.text != word) {
                        let mut n = Needle::new(word.to_string(), false);
                        n.variant = true;
                        needles.push(n);
                    }
                }
            }
        }
        Some((
            Term {
                raw: raw.to_string(),
                mode,
                needles,
                actors,
                date: None,
            },
            negate,
        ))
    }

    /// A date term, matched on dates and on the ways a text writes them.
    fn date(raw: String, date: DateTerm) -> Self {
        let needles = date
            .spellings()
            .into_iter()
            .map(|words| {
                let mut n = Needle::phrase(words, false);
                n.whole = true;
                n
            })
            .collect();
        Term {
            raw,
            mode: Mode::Phrase,
            needles,
            actors: Vec::new(),
            date: Some(date),
        }
    }

    /// Whether every item this term matches also matches `old`, which it
    /// was typed by extending.
    fn narrows(&self, old: &Term) -> bool {
        self.date.is_none()
            && old.date.is_none()
            && self.raw.starts_with(&old.raw)
            // A longer term matches a subset, unless it newly stands for an
            // actor (whose own items match without the text).
            && (self.raw == old.raw || (self.actors.is_empty() && self.needles.len() == 1))
    }

    /// Whether the term may match the item at all, by one AND of masks.
    fn may_match(&self, item: &Item) -> bool {
        self.date.is_some()
            || item.owner().is_some_and(|o| self.actors.contains(&o))
            || self.needles.iter().any(|n| n.mask & !item.mask == 0)
    }
}

/// How a term matched an item.
#[derive(Debug, Clone)]
pub struct TermHit {
    /// Weighted by the field's role.
    pub points: i64,
    /// False for a scattered, fuzzy match.
    pub literal: bool,
    /// Where, when the text matched: field, needle, byte range in the
    /// field's haystack (`None`: scattered).
    pub at: Option<(usize, usize, Option<std::ops::Range<usize>>)>,
}

/// Points of a literal match: its fit, plus up to 30 for filling the field.
fn literal_points(fit: Fit, len: usize, hay_len: usize) -> i64 {
    fit.points() + (30 * len / hay_len.max(1)) as i64
}

/// The term's best literal match in the item's text.
fn best_literal(term: &Term, item: &Item) -> Option<TermHit> {
    let mut best: Option<TermHit> = None;
    for (fi, f) in item.fields.iter().enumerate() {
        for (ni, needle) in term.needles.iter().enumerate() {
            if needle.mask & !f.mask != 0 {
                continue;
            }
            let hay = f.folded.haystack(&f.text, needle.case_sensitive);
            let found = match (term.mode, needle.words.is_empty()) {
                (_, false) => find_phrase(hay, &needle.words, needle.whole),
                (Mode::Prefix, _) => find_prefix(hay, &needle.text),
                (Mode::Suffix, _) => find_suffix(hay, &needle.text),
                (Mode::Word, _) => find_literal(hay, &needle.text).filter(|(f, _)| *f == Fit::Word),
                _ => find_literal(hay, &needle.text),
            };
            let Some((fit, range)) = found else { continue };
            // Another spelling counts only as a name: from a word's start.
            if needle.variant && fit < Fit::Start {
                continue;
            }
            let mut points = literal_points(fit, range.len(), hay.len()) * f.role.weight() / 100;
            if needle.variant {
                points = points * 60 / 100;
            }
            if best.as_ref().is_none_or(|b| points > b.points) {
                best = Some(TermHit {
                    points,
                    literal: true,
                    at: Some((fi, ni, Some(range))),
                });
            }
        }
    }
    best
}

/// The term's best scattered match: at most 25 points, less in long texts.
fn best_scattered(term: &Term, item: &Item) -> Option<TermHit> {
    let needle = &term.needles[0];
    let mut best: Option<TermHit> = None;
    for (fi, f) in item.fields.iter().enumerate() {
        if needle.mask & !f.mask != 0 {
            continue;
        }
        let hay = f.folded.haystack(&f.text, needle.case_sensitive);
        let Some(points) = scattered(hay, &needle.text) else {
            continue;
        };
        let points = (points * f.role.weight() / 100).max(1);
        if best.as_ref().is_none_or(|b| points > b.points) {
            best = Some(TermHit {
                points,
                literal: false,
                at: Some((fi, 0, None)),
            });
        }
    }
    best
}

/// How a term matches an item, or `None`.
fn term_hit(term: &Term, item: &Item) -> Option<TermHit> {
    let mut best = best_literal(term, item);
    if let Some(d) = &term.date
        && item.kind != Kind::Sentence
        && let Some(points) = item
            .date
            .as_ref()
            .and_then(dates::bounds)
            .and_then(|b| d.fit(b))
        && best.as_ref().is_none_or(|b| points > b.points)
    {
        best = Some(TermHit {
            points,
            literal: true,
            at: None,
        });
    }
    // Naming an actor finds the actor itself first, then what they said
    // and where they stand, above what others said of them.
    if let Some(owner) = item.owner()
        && term.actors.contains(&owner)
    {
        let points = if item.kind == Kind::Actor { 120 } else { 75 };
        if best.as_ref().is_none_or(|b| points > b.points) {
            best = Some(TermHit {
                points,
                literal: true,
                at: None,
            });
        }
    }
    if best.is_none() && term.mode == Mode::Fuzzy && term.date.is_none() {
        best = best_scattered(term, item);
    }
    best
}

impl Query {
    pub fn parse(text: &str, corpus: &Corpus) -> Self {
        let mut q = Query {
            text: text.to_string(),
            ..Default::default()
        };
        let tokens = tokens(text);
        // Whether the next term joins the last group (after `|`).
        let mut or = false;
        let mut i = 0;
        while i < tokens.len() {
            let token = tokens[i];
            i += 1;
            if token == "|" {
                or = !q.groups.is_empty();
                continue;
            }
            // A kind prefix, then a filter or a term: `q:@zakh`, `e:paris`.
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
            if let Some(name) = rest.strip_prefix('@') {
                if !name.is_empty() {
                    q.actors.push(actor_filter(&lower(name), corpus));
                }
                continue;
            }
            if let Some(name) = rest.strip_prefix('#') {
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
            if rest.is_empty() {
                continue;
            }
            let term = match DateTerm::parse(&[&[rest], &tokens[i..]].concat()) {
                Some((date, used)) => {
                    let raw = [&[rest], &tokens[i..i + used - 1]].concat().join(" ");
                    i += used - 1;
                    Term::date(raw, date)
                }
                None => match Term::new(rest, corpus) {
                    Some((t, true)) => {
                        q.not.push(t);
                        continue;
                    }
                    Some((t, false)) => t,
                    None => continue,
                },
            };
            match q.groups.last_mut() {
                Some(g) if or => g.terms.push(term),
                _ => q.groups.push(Group { terms: vec![term] }),
            }
            or = false;
        }
        q
    }

    /// Every positive term, for tests and help.
    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flat_map(|g| &g.terms)
    }

    /// Whether the query asks for nothing yet.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
            && self.not.is_empty()
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
        let single = |g: &Group| g.terms.len() == 1;
        self.text.starts_with(&old.text)
            && (old.kinds.is_empty()
                || (!self.kinds.is_empty() && self.kinds.iter().all(|k| old.kinds.contains(k))))
            && subset(&self.actors, &old.actors)
            && subset(&self.issues, &old.issues)
            && self.not.len() >= old.not.len()
            && old.not.iter().zip(&self.not).all(|(o, n)| o.raw == n.raw)
            && self.groups.len() >= old.groups.len()
            && old
                .groups
                .iter()
                .zip(&self.groups)
                .all(|(o, n)| o == n || (single(o) && single(n) && n.terms[0].narrows(&o.terms[0])))
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

    /// The item's score and whether every term matched literally, or
    /// `None` when a filter or a term rules it out.
    pub fn score(&self, item: &Item) -> Option<(i64, bool)> {
        if !self.admits(item) {
            return None;
        }
        // One AND per term rules out most items before any text is read.
        if !self
            .groups
            .iter()
            .all(|g| g.terms.iter().any(|t| t.may_match(item)))
        {
            return None;
        }
        let mut total = 0;
        let mut literal = true;
        for g in &self.groups {
            let hit = g
                .terms
                .iter()
                .filter_map(|t| term_hit(t, item))
                .max_by_key(|h| (h.literal, h.points))?;
            total += hit.points;
            literal &= hit.literal;
        }
        if self
            .not
            .iter()
            .any(|t| t.may_match(item) && best_literal(t, item).is_some())
        {
            return None;
        }
        Some(((total * item.kind.weight() / 100).max(1), literal))
    }

    /// Which chars matched, per field: (field index, original char indices).
    pub fn highlights(&self, item: &Item, m: &Matcher) -> Vec<(usize, Vec<usize>)> {
        let mut out: Vec<(usize, Vec<usize>)> = Vec::new();
        for g in &self.groups {
            for term in &g.terms {
                let Some(TermHit {
                    at: Some((field, ni, range)),
                    ..
                }) = term_hit(term, item)
                else {
                    continue;
                };
                let f = &item.fields[field];
                let needle = &term.needles[ni];
                let hay = f.folded.haystack(&f.text, needle.case_sensitive);
                let idx = match range {
                    Some(r) => {
                        let first = hay[..r.start].chars().count();
                        (first..first + hay[r].chars().count()).collect()
                    }
                    None => match m.indices(hay, &needle.text) {
                        Some((_, idx)) => idx,
                        None => continue,
                    },
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
        }
        out.sort_by_key(|(i, _)| *i);
        out
    }
}

/// The actors an `@name` filter stands for: the side or actor it names
/// exactly, else those it starts a word of, else those that contain it; an
/// actor brings its members, a side all its actors.
fn actor_filter(name: &str, corpus: &Corpus) -> Vec<u32> {
    let words_start = |s: &str| s.split_whitespace().any(|w| w.starts_with(name));
    let tests: [&dyn Fn(&str) -> bool; 3] = [
        &|s| s == name,
        &|s| s.starts_with(name) || words_start(s),
        &|s| s.contains(name),
    ];
    for test in tests {
        let sides: Vec<u32> = (0..corpus.sides.len() as u32)
            .filter(|&i| {
                let (id, title) = &corpus.sides[i as usize];
                test(id) || test(title)
            })
            .collect();
        let mut found: Vec<u32> = Vec::new();
        for (i, a) in corpus.actors.iter().enumerate() {
            let named = test(&a.id) || a.all.iter().any(|s| test(s));
            if named || a.side.is_some_and(|s| sides.contains(&s)) {
                found.push(i as u32);
                if named {
                    found.extend(&a.members);
                }
            }
        }
        if !found.is_empty() {
            found.sort_unstable();
            found.dedup();
            return found;
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Query {
        Query::parse(text, &Corpus::default())
    }

    fn modes(q: &Query) -> Vec<(Mode, String)> {
        q.terms()
            .map(|t| (t.mode, t.needles[0].text.clone()))
            .collect()
    }

    #[test]
    fn every_operator() {
        let q = parse("fuzzy 'exact 'word' ^start end$ \"a phrase\"");
        assert_eq!(
            modes(&q),
            vec![
                (Mode::Fuzzy, "fuzzy".into()),
                (Mode::Exact, "exact".into()),
                (Mode::Word, "word".into()),
                (Mode::Prefix, "start".into()),
                (Mode::Suffix, "end".into()),
                (Mode::Phrase, "a phrase".into()),
            ]
        );
        assert_eq!(q.groups.len(), 6);
        assert_eq!(q.terms().last().unwrap().needles[0].words, ["a", "phrase"]);
    }

    #[test]
    fn negation_and_either() {
        let q = parse("troops !germany a | b | ^c");
        assert_eq!(q.groups.len(), 2);
        assert_eq!(q.groups[1].terms.len(), 3);
        assert_eq!(q.not.len(), 1);
        assert_eq!(q.not[0].needles[0].text, "germany");
        let q = parse("!'exact !^pre");
        assert_eq!(
            q.not.iter().map(|t| t.mode).collect::<Vec<_>>(),
            [Mode::Exact, Mode::Prefix]
        );
        // Dangling operators wait for what follows.
        for text in ["|", "a |", "!", "'", "^", "\"", "!'"] {
            let q = parse(text);
            assert!(q.groups.len() <= 1 && q.not.is_empty(), "{text}: {q:?}");
        }
        assert_eq!(parse("$").groups.len(), 1, "a lone $ is text");
    }

    #[test]
    fn phrases_may_be_open_or_negated() {
        let q = parse("\"first line of");
        assert_eq!(
            q.groups[0].terms[0].needles[0].words,
            ["first", "line", "of"]
        );
        let q = parse("!\"fight on\" x");
        assert_eq!(q.not[0].mode, Mode::Phrase);
        assert_eq!(q.groups.len(), 1);
    }

    #[test]
    fn kind_prefixes_and_dates() {
        let q = parse("d:troops q:18 aug 2025 x p:@ p:#");
        assert_eq!(q.actors.len() + q.issues.len(), 0, "empty filters wait");
        assert_eq!(q.kinds, [Kind::Discrepancy, Kind::Quote, Kind::Position]);
        assert_eq!(q.groups.len(), 3);
        assert_eq!(q.groups[1].terms[0].raw, "18 aug 2025");
        assert!(q.groups[1].terms[0].date.is_some());
        assert!(parse("aug 18").groups[0].terms[0].date.is_some());
        assert!(parse("2025-08-18").groups[0].terms[0].date.is_some());
        assert!(parse("18 troops").groups[0].terms[0].date.is_none());
    }

    #[test]
    fn refining_stops_where_results_could_grow() {
        let c = Corpus::default();
        let refines = |old: &str, new: &str| Query::parse(new, &c).refines(&Query::parse(old, &c));
        assert!(refines("zak", "zakh"));
        assert!(refines("zak", "zak tr"));
        assert!(refines("'fig", "'fight"));
        assert!(refines("'fight", "'fight'"));
        assert!(refines("troops", "troops$"));
        assert!(!refines("!fo", "!foo"));
        assert!(!refines("a", "a | b"));
        assert!(!refines("18", "18 aug"));
        assert!(!refines("18 aug", "18 aug 2025"));
    }

    #[test]
    fn spelling_variants() {
        assert!(is_variant("kiev", "kyiv"));
        assert!(is_variant("zelenskiy", "zelenskyy"));
        assert!(!is_variant("kiev", "ukraine"));
        assert!(!is_variant("putin", "president"));
        assert!(!is_variant("kiev", "kiev"));
    }
}

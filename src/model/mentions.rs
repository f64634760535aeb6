//! Where actors are named in a text: every whole-word occurrence of every
//! actor's name and alias, found in one pass over the text with one
//! Aho–Corasick automaton, however many actors there are.
//!
//! The rules are those the source pane has used: names match exactly (case
//! included), only as whole words (no letter or digit right before or
//! after), and each name on its own is scanned left to right without
//! overlapping itself, while different names may overlap ("Putin" inside
//! "Vladimir Putin" is a mention of both).

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use super::Briefing;

/// One mention: the words, and the actor (index into `Briefing::actors`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub range: Range<usize>,
    pub actor: usize,
}

/// The automaton for a set of names, built once and used on every text.
#[derive(Debug)]
pub struct Mentions {
    automaton: Option<AhoCorasick>,
    /// For each distinct name (pattern), the actors it names, in order.
    owners: Vec<Vec<usize>>,
}

impl Mentions {
    /// For every actor of the briefing: its name and its aliases.
    pub fn new(b: &Briefing) -> Mentions {
        Mentions::from_names(b.actors.iter().enumerate().flat_map(|(i, a)| {
            std::iter::once((i, a.name.as_str()))
                .chain(a.aliases.iter().map(move |x| (i, x.as_str())))
        }))
    }

    /// For `(actor, name)` pairs; blank names are skipped, and a name given
    /// for several actors (or twice) is one pattern.
    pub fn from_names<'a>(names: impl IntoIterator<Item = (usize, &'a str)>) -> Mentions {
        let mut patterns: Vec<&str> = Vec::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        let mut seen: std::collections::HashMap<&str, usize> = Default::default();
        for (actor, name) in names {
            if name.trim().is_empty() {
                continue;
            }
            let p = *seen.entry(name).or_insert_with(|| {
                patterns.push(name);
                owners.push(Vec::new());
                patterns.len() - 1
            });
            if !owners[p].contains(&actor) {
                owners[p].push(actor);
            }
        }
        let automaton = (!patterns.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .expect("names are short enough for an automaton")
        });
        Mentions { automaton, owners }
    }

    /// Every mention in `text`, ordered by start, then end, then actor.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        // Where each pattern's last occurrence ended: a name does not
        // overlap itself (as `str::match_indices`).
        let mut last_end = vec![0usize; self.owners.len()];
        let mut out = Vec::new();
        for m in ac.find_overlapping_iter(text) {
            let p = m.pattern().as_usize();
            if m.start() < last_end[p] {
                continue;
            }
            last_end[p] = m.end();
            if is_whole_word(text, m.range()) {
                out.extend(self.owners[p].iter().map(|&actor| Mention {
                    range: m.range(),
                    actor,
                }));
            }
        }
        out.sort_by_key(|m| (m.range.start, m.range.end, m.actor));
        out
    }
}

/// No letter or digit touches the range on either side.
fn is_whole_word(text: &str, r: Range<usize>) -> bool {
    let before = text[..r.start].chars().next_back();
    let after = text[r.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges(m: &Mentions, text: &str) -> Vec<(Range<usize>, usize)> {
        m.find(text)
            .into_iter()
            .map(|m| (m.range, m.actor))
            .collect()
    }

    #[test]
    fn mentions_are_whole_words() {
        let m = Mentions::from_names([(0, "Macron")]);
        let t = "Macron met Macronists; Macron's plan";
        assert_eq!(ranges(&m, t), [(0..6, 0), (23..29, 0)]);
    }

    #[test]
    fn names_of_several_actors_overlap_and_case_counts() {
        let m = Mentions::from_names([
            (0, "Vladimir Putin"),
            (1, "Putin"),
            (2, "putin"),
            (3, " "),
            (4, "Putin"),
        ]);
        let t = "Vladimir Putin spoke. PUTIN; putin!";
        assert_eq!(
            ranges(&m, t),
            [(0..14, 0), (9..14, 1), (9..14, 4), (29..34, 2)]
        );
    }

    #[test]
    fn letters_beyond_ascii_are_word_characters() {
        let m = Mentions::from_names([(0, "Kyiv")]);
        let found: Vec<Range<usize>> = m
            .find("Kyivé Kyiv’s ÉKyiv")
            .into_iter()
            .map(|m| m.range)
            .collect();
        assert_eq!(found, vec![7..11]);
    }

    /// The same answers as scanning the text once per name, on the
    /// generated briefing's sources and actors.
    #[test]
    fn agrees_with_one_scan_per_name() {
        let b = crate::synth::generate(600, 3);
        let m = Mentions::new(&b);
        let mut total = 0;
        for s in b.sources.iter().take(20) {
            let mut naive = Vec::new();
            for (i, a) in b.actors.iter().enumerate() {
                let names = std::iter::once(&a.name).chain(&a.aliases);
                let mut done: Vec<&str> = Vec::new();
                for name in names.filter(|n| !n.trim().is_empty()) {
                    if done.contains(&name.as_str()) {
                        continue;
                    }
                    done.push(name);
                    for (at, _) in s.text.match_indices(name.as_str()) {
                        if is_whole_word(&s.text, at..at + name.len()) {
                            naive.push(Mention {
                                range: at..at + name.len(),
                                actor: i,
                            });
                        }
                    }
                }
            }
            naive.sort_by_key(|m| (m.range.start, m.range.end, m.actor));
            naive.dedup();
            total += naive.len();
            assert_eq!(m.find(&s.text), naive, "source {}", s.id.value);
        }
        assert!(total > 20, "{total}");
    }
}

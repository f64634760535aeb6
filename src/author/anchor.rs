//! `brief anchor SOURCE PHRASE`: whether a phrase is verbatim in a source,
//! by the very matcher `brief check` uses for quotes and excerpts; where
//! it occurs; and for each occurrence the shortest `prefix` or `suffix`
//! that picks it out.

use std::fmt::Write;
use std::ops::Range;

use crate::model::anchor::{Anchor, FoldedText};
use crate::model::nearest::nearest;
use crate::model::text::inert;

use super::toml_string;

/// Context words that pick out one occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Context {
    Prefix(String),
    Suffix(String),
}

impl Context {
    /// The TOML line to add beside `text`.
    pub fn toml(&self) -> String {
        match self {
            Context::Prefix(p) => format!("prefix = {}", toml_string(p)),
            Context::Suffix(s) => format!("suffix = {}", toml_string(s)),
        }
    }
}

/// Where the phrase occurs, as original byte ranges.
pub fn occurrences(text: &str, phrase: &str) -> Vec<Range<usize>> {
    FoldedText::new(text).find_all(phrase)
}

/// The fewest words just before (a prefix) or just after (a suffix) the
/// occurrence at `hit` with which the matcher finds that occurrence and no
/// other; of a prefix and a suffix of as many words, the shorter. `None`
/// when no run of up to 40 words will do (the text repeats around it).
pub fn shortest_context(text: &str, phrase: &str, hit: &Range<usize>) -> Option<Context> {
    let folded = FoldedText::new(text);
    let before: Vec<&str> = text[..hit.start].split_whitespace().collect();
    let after: Vec<&str> = text[hit.end..].split_whitespace().collect();
    let picks = |prefix: Option<&str>, suffix: Option<&str>| {
        folded.locate(&Anchor {
            text: phrase,
            prefix,
            suffix,
        }) == Ok(hit.clone())
    };
    for n in 1..=40 {
        let prefix = (n <= before.len()).then(|| before[before.len() - n..].join(" "));
        let suffix = (n <= after.len()).then(|| after[..n].join(" "));
        if prefix.is_none() && suffix.is_none() {
            return None;
        }
        let prefix = prefix.filter(|p| picks(Some(p), None));
        let suffix = suffix.filter(|s| picks(None, Some(s)));
        match (prefix, suffix) {
            (Some(p), Some(s)) if s.chars().count() < p.chars().count() => {
                return Some(Context::Suffix(s));
            }
            (Some(p), _) => return Some(Context::Prefix(p)),
            (None, Some(s)) => return Some(Context::Suffix(s)),
            (None, None) => {}
        }
    }
    None
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[start..at].chars().count() + 1)
}

/// The occurrence in its context, on one line: `…before [words] after…`.
fn in_context(text: &str, hit: &Range<usize>) -> String {
    const SIDE: usize = 30;
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let before = flat(&text[..hit.start]);
    let after = flat(&text[hit.end..]);
    let n = before.chars().count();
    let before: String = before.chars().skip(n.saturating_sub(SIDE)).collect();
    let cut_before = if n > SIDE { "…" } else { "" };
    let after_short: String = after.chars().take(SIDE).collect();
    let cut_after = if after.chars().count() > SIDE {
        "…"
    } else {
        ""
    };
    let sep_before = if text[..hit.start].ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let sep_after = if text[hit.end..].starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let line = format!(
        "{cut_before}{before}{sep_before}[{}]{sep_after}{after_short}{cut_after}",
        flat(&text[hit.clone()])
    );
    inert(&line).into_owned()
}

/// How many occurrences are listed, each with its context, unless one is asked for.
const SHOWN: usize = 20;

/// What `brief anchor` prints, and whether the phrase was found as asked
/// (exactly one occurrence picked out).
pub struct Report {
    pub text: String,
    pub found: bool,
}

/// The report on `phrase` in `text` (named `name`): with `prefix` or
/// `suffix`, what `brief check` would say of the anchor; with `which`,
/// only that occurrence (1-based).
pub fn report(
    name: &str,
    text: &str,
    phrase: &str,
    prefix: Option<&str>,
    suffix: Option<&str>,
    which: Option<usize>,
) -> Report {
    let mut out = String::new();
    let shown = inert(phrase.trim()).into_owned();
    let hits = occurrences(text, phrase);
    if hits.is_empty() {
        let _ = writeln!(out, "`{shown}` is not verbatim in {name}.");
        if let Some(near) = nearest(text, phrase) {
            let (line, col) = line_col(text, near.range.start);
            let _ = writeln!(
                out,
                "  nearest, at {line}:{col}: {}\n  {}",
                in_context(text, &near.range),
                near.difference()
            );
        }
        return Report {
            text: out,
            found: false,
        };
    }
    if prefix.is_some() || suffix.is_some() {
        let folded = FoldedText::new(text);
        let found = folded.locate(&Anchor {
            text: phrase,
            prefix,
            suffix,
        });
        let found = match found {
            Ok(hit) => {
                let (line, col) = line_col(text, hit.start);
                let _ = writeln!(
                    out,
                    "`{shown}` with that context is verbatim in {name}, once, at {line}:{col}:\n  {}",
                    in_context(text, &hit)
                );
                true
            }
            Err(e) => {
                let _ = writeln!(out, "{}.", e.describe("the phrase", name));
                false
            }
        };
        return Report { text: out, found };
    }
    let n = hits.len();
    if n == 1 {
        let (line, col) = line_col(text, hits[0].start);
        let _ = writeln!(
            out,
            "`{shown}` is verbatim in {name}, once, at {line}:{col}:\n  {}\n  text = {}",
            in_context(text, &hits[0]),
            toml_string(phrase.trim())
        );
        return Report {
            text: out,
            found: true,
        };
    }
    let _ = writeln!(
        out,
        "`{shown}` occurs {n} times in {name}; add a prefix or suffix to pick one:"
    );
    let mut found = false;
    for (i, hit) in hits.iter().enumerate() {
        if which.is_some_and(|w| w != i + 1) {
            continue;
        }
        if which.is_none() && i == SHOWN {
            let _ = writeln!(out, "  … and {} more: `-n N` shows the N-th", n - SHOWN);
            break;
        }
        found = true;
        let (line, col) = line_col(text, hit.start);
        let _ = writeln!(
            out,
            "  {}. at {line}:{col}: {}",
            i + 1,
            in_context(text, hit)
        );
        let pick = match shortest_context(text, phrase, hit) {
            Some(c) => c.toml(),
            None => "no prefix or suffix of up to 40 words picks it out".into(),
        };
        let _ = writeln!(out, "     {pick}");
    }
    if !found {
        let w = which.unwrap_or(0);
        let _ = writeln!(out, "  there is no occurrence {w}: there are {n}");
    }
    Report { text: out, found }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Russia said no. Then Russia said yes.\nLater, Russia said “maybe”.";

    #[test]
    fn each_occurrence_gets_the_shortest_context_that_picks_it() {
        let hits = occurrences(TEXT, "Russia said");
        assert_eq!(hits.len(), 3);
        assert_eq!(
            shortest_context(TEXT, "Russia said", &hits[0]),
            Some(Context::Suffix("no.".into()))
        );
        assert_eq!(
            shortest_context(TEXT, "Russia said", &hits[1]),
            Some(Context::Prefix("Then".into()))
        );
        assert_eq!(
            shortest_context(TEXT, "Russia said", &hits[2]),
            Some(Context::Prefix("Later,".into()))
        );
        // Every suggestion passes the checker's own matcher.
        let folded = FoldedText::new(TEXT);
        for hit in &hits {
            let c = shortest_context(TEXT, "Russia said", hit).unwrap();
            let (prefix, suffix) = match &c {
                Context::Prefix(p) => (Some(p.as_str()), None),
                Context::Suffix(s) => (None, Some(s.as_str())),
            };
            let anchor = Anchor {
                text: "Russia said",
                prefix,
                suffix,
            };
            assert_eq!(folded.locate(&anchor), Ok(hit.clone()));
        }
    }

    #[test]
    fn context_grows_word_by_word_until_one_occurrence_is_left() {
        let text = "a b a b";
        let hits = occurrences(text, "a");
        assert_eq!(hits.len(), 2);
        // After either `a` comes `b`; only the first has `b a`. Only the
        // second has anything before it.
        assert_eq!(
            shortest_context(text, "a", &hits[0]),
            Some(Context::Suffix("b a".into()))
        );
        assert_eq!(
            shortest_context(text, "a", &hits[1]),
            Some(Context::Prefix("b".into()))
        );
    }

    #[test]
    fn the_report_says_once_many_or_not_at_all() {
        let once = report("t.txt", TEXT, "said yes", None, None, None);
        assert!(once.found);
        assert!(
            once.text.contains("verbatim in t.txt, once, at 1:29"),
            "{}",
            once.text
        );
        assert!(
            once.text.contains("no. Then Russia [said yes]. Later,"),
            "{}",
            once.text
        );
        assert!(once.text.contains("text = \"said yes\""), "{}", once.text);
        let many = report("t.txt", TEXT, "Russia said", None, None, Some(2));
        assert!(many.found);
        assert!(many.text.contains("occurs 3 times"), "{}", many.text);
        assert!(many.text.contains("2. at 1:22"), "{}", many.text);
        assert!(many.text.contains("prefix = \"Then\""), "{}", many.text);
        assert!(!many.text.contains("1. at"), "only the one asked for");
        let none = report("t.txt", TEXT, "Russia said perhaps", None, None, None);
        assert!(!none.found);
        assert!(none.text.contains("is not verbatim"), "{}", none.text);
        let picked = report("t.txt", TEXT, "Russia said", Some("Then"), None, None);
        assert!(
            picked.found && picked.text.contains("once, at 1:22"),
            "{}",
            picked.text
        );
        let still = report("t.txt", TEXT, "Russia said", Some("Nowhere"), None, None);
        assert!(!still.found);
        assert!(
            still.text.contains("none has the given prefix/suffix"),
            "{}",
            still.text
        );
    }
}

//! The one place that knows which fuzzy matcher brief uses. fuzzy-matcher is
//! archived upstream; nucleo-matcher or frizbee would replace it here alone.
//!
//! Case and accents are folded before text reaches the matcher (see
//! `fold.rs`), so the matcher always compares exactly.

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;

pub struct Matcher {
    skim: SkimMatcherV2,
    /// For long texts: the linear match (fzf's v1) instead of the
    /// quadratic optimal one, as fzf itself does for long lines.
    linear: SkimMatcherV2,
}

/// Texts longer than this many bytes are matched linearly.
const LONG: usize = 96;

impl Default for Matcher {
    fn default() -> Self {
        // Respect case: smart case is decided per term by the query, and
        // SkimMatcherV2 only folds ASCII case.
        Matcher {
            skim: SkimMatcherV2::default().respect_case(),
            linear: SkimMatcherV2::default().respect_case().element_limit(1),
        }
    }
}

impl Matcher {
    /// The score of `needle` in `haystack`, higher is better, or `None`.
    pub fn score(&self, haystack: &str, needle: &str) -> Option<i64> {
        if !is_subsequence(haystack, needle) {
            return None;
        }
        self.pick(haystack)
            .fuzzy(haystack, needle, false)
            .map(|(score, _)| score)
    }

    /// The score and the char indices of `haystack` that matched.
    pub fn indices(&self, haystack: &str, needle: &str) -> Option<(i64, Vec<usize>)> {
        if !is_subsequence(haystack, needle) {
            return None;
        }
        self.pick(haystack).fuzzy(haystack, needle, true)
    }

    /// The same algorithm for scores and indices of one text, chosen by
    /// its length alone.
    fn pick(&self, haystack: &str) -> &SkimMatcherV2 {
        if haystack.len() > LONG {
            &self.linear
        } else {
            &self.skim
        }
    }
}

/// Points (1 to 25) of `needle` scattered through `hay`, or `None` if it
/// is not a subsequence: the tighter the letters, the more, and less in a
/// long text. Found by one greedy pass forward and one back, which gives a
/// tight window: a scattered match barely counts, so an optimal alignment
/// is not worth its cost (the fuzzy matcher still places the highlights).
pub fn scattered(hay: &str, needle: &str) -> Option<i64> {
    let length = |points: i64| (points * 60 / (hay.len() as i64).max(60)).max(1);
    let first = needle.chars().next()?;
    let last = needle.chars().next_back()?;
    // Forward, with memchr: most texts fail here, cheaply.
    let mut rest = hay;
    let mut start = None;
    for c in needle.chars() {
        let i = rest.find(c)?;
        start.get_or_insert(hay.len() - rest.len() + i);
        rest = &rest[i + c.len_utf8()..];
    }
    let end = hay.len() - rest.len();
    let n = needle.chars().count() as i64;
    // Initials are as tight as it gets: "sg" for "security guarantees".
    if let Some(words) = initials(hay, needle) {
        return Some(length((25 * n / words).clamp(1, 25)));
    }
    // Back from the end: the latest start that still holds every char.
    let mut head = &hay[..end - last.len_utf8()];
    for c in needle.chars().rev().skip(1) {
        let i = head.rfind(c)?;
        head = &hay[..i];
    }
    let from = head.len().max(start.unwrap_or(0));
    let span = hay[from..end].chars().count().max(1) as i64;
    debug_assert!(hay[from..].starts_with(first));
    Some(length((25 * n / span).clamp(1, 25)))
}

/// If every char of `needle` starts a word of `hay`, in order: how many
/// words, from the first matched to the last, that takes.
fn initials(hay: &str, needle: &str) -> Option<i64> {
    let mut want = needle.chars().peekable();
    let (mut first, mut at) = (None, 0i64);
    let mut prev_word = false;
    for c in hay.chars() {
        let word = is_word_char(c);
        if word && !prev_word {
            at += 1;
            if want.peek() == Some(&c) {
                want.next();
                let from = *first.get_or_insert(at);
                if want.peek().is_none() {
                    return Some(at - from + 1);
                }
            }
        }
        prev_word = word;
    }
    None
}

/// How a literal occurrence sits in its text's words: the more it is a
/// word of its own, the more it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fit {
    /// Inside a word ("sto" in "backstop").
    Inside,
    /// Ending a word ("stop" in "backstop").
    End,
    /// Starting a word ("troop" in "troops").
    Start,
    /// A whole word or words.
    Word,
}

impl Fit {
    /// Points of a match that fits so, out of 100.
    pub fn points(self) -> i64 {
        match self {
            Fit::Word => 100,
            Fit::Start => 80,
            Fit::End => 55,
            Fit::Inside => 40,
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether byte `i` of `hay` is not inside a word: at an end of the text
/// or next to a char that is not a letter or digit.
fn boundary_before(hay: &str, i: usize) -> bool {
    hay[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_char(c))
}

fn boundary_after(hay: &str, i: usize) -> bool {
    hay[i..].chars().next().is_none_or(|c| !is_word_char(c))
}

/// How the text at `range` of `hay` fits its words.
pub fn fit(hay: &str, range: &Range<usize>) -> Fit {
    match (
        boundary_before(hay, range.start),
        boundary_after(hay, range.end),
    ) {
        (true, true) => Fit::Word,
        (true, false) => Fit::Start,
        (false, true) => Fit::End,
        (false, false) => Fit::Inside,
    }
}

/// The best-fitting occurrence of `needle` in `hay`, if any. Looks at the
/// first few occurrences only: enough to find a word among them.
pub fn find_literal(hay: &str, needle: &str) -> Option<(Fit, Range<usize>)> {
    if needle.is_empty() {
        return None;
    }
    let mut best: Option<(Fit, Range<usize>)> = None;
    for (i, _) in hay.match_indices(needle).take(16) {
        let r = i..i + needle.len();
        let f = fit(hay, &r);
        if best.as_ref().is_none_or(|b| f > b.0) {
            best = Some((f, r));
            if f == Fit::Word {
                break;
            }
        }
    }
    best
}

/// `needle` at the start of `hay`, leading punctuation and spaces aside.
pub fn find_prefix(hay: &str, needle: &str) -> Option<(Fit, Range<usize>)> {
    let start = hay.len() - hay.trim_start_matches(|c: char| !is_word_char(c)).len();
    let start = if needle.starts_with(|c: char| !is_word_char(c)) {
        0
    } else {
        start
    };
    hay[start..].starts_with(needle).then(|| {
        let r = start..start + needle.len();
        (fit(hay, &r), r)
    })
}

/// `needle` at the end of `hay`, trailing punctuation and spaces aside.
pub fn find_suffix(hay: &str, needle: &str) -> Option<(Fit, Range<usize>)> {
    let end = if needle.ends_with(|c: char| !is_word_char(c)) {
        hay.len()
    } else {
        hay.trim_end_matches(|c: char| !is_word_char(c)).len()
    };
    hay[..end].ends_with(needle).then(|| {
        let r = end - needle.len()..end;
        (fit(hay, &r), r)
    })
}

/// `words` in this order in `hay`, each separated from the next by
/// anything but letters and digits ("first line of defence" in "first
/// line-of defence"). With `whole`, the phrase must start and end at word
/// boundaries. Returns the best occurrence among the first few.
pub fn find_phrase(hay: &str, words: &[String], whole: bool) -> Option<(Fit, Range<usize>)> {
    let (first, rest) = words.split_first()?;
    let mut best: Option<(Fit, Range<usize>)> = None;
    for (i, _) in hay.match_indices(first.as_str()).take(16) {
        let mut end = i + first.len();
        let mut ok = true;
        for w in rest {
            let gap = hay[end..]
                .char_indices()
                .find(|(_, c)| is_word_char(*c))
                .map_or(hay.len() - end, |(j, _)| j);
            if gap == 0 || !hay[end + gap..].starts_with(w.as_str()) {
                ok = false;
                break;
            }
            end += gap + w.len();
        }
        if !ok {
            continue;
        }
        let r = i..end;
        let f = fit(hay, &r);
        if whole && f != Fit::Word {
            continue;
        }
        if best.as_ref().is_none_or(|b| f > b.0) {
            best = Some((f, r));
            if f == Fit::Word {
                break;
            }
        }
    }
    best
}

/// A set of the chars in `s`, as bits: letters and digits one bit each,
/// other chars hashed onto the rest; spaces and ASCII punctuation ignored.
/// A needle can only match a text whose mask holds all of the needle's bits,
/// which one AND tells without touching the text.
pub fn char_mask(s: &str) -> u64 {
    let mut mask = 0u64;
    for c in s.chars() {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            'A'..='Z' => c as u32 - 'A' as u32,
            '0'..='9' => 26 + c as u32 - '0' as u32,
            c if c.is_ascii() => continue,
            c => 36 + (c as u32 % 28),
        };
        mask |= 1 << bit;
    }
    mask
}

/// Whether every char of `needle` occurs in `haystack` in order: a cheap
/// test every fuzzy matcher implies, done before the expensive scoring.
/// `str::find` with a char uses memchr for ASCII, which is most text.
pub fn is_subsequence(haystack: &str, needle: &str) -> bool {
    let mut rest = haystack;
    for c in needle.chars() {
        match rest.find(c) {
            Some(i) => rest = &rest[i + c.len_utf8()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contiguous_beats_scattered() {
        let m = Matcher::default();
        let contiguous = m.score("foreign troops in ukraine", "troops").unwrap();
        let scattered = m.score("the road to our old positions", "troops").unwrap();
        assert!(contiguous > scattered, "{contiguous} vs {scattered}");
        assert_eq!(m.score("troop", "troops"), None);
    }

    #[test]
    fn indices_are_char_positions() {
        let m = Matcher::default();
        let (_, idx) = m.indices("киев kyiv", "kyiv").unwrap();
        assert_eq!(idx, vec![5, 6, 7, 8]);
    }

    #[test]
    fn masks_rule_out_without_false_negatives() {
        // Masks are taken of lower-case text.
        let hay = char_mask(&"Захарова said: troops, 2025!".to_lowercase());
        for needle in ["troops", "зах", "2025", "said troops", "S"] {
            assert_eq!(char_mask(needle) & !hay, 0, "{needle}");
        }
        assert_ne!(char_mask("kyiv") & !hay, 0);
    }

    #[test]
    fn literal_fits() {
        let f = |hay: &str, n: &str| find_literal(hay, n).map(|x| x.0);
        assert_eq!(f("a backstop here", "backstop"), Some(Fit::Word));
        assert_eq!(f("backstops", "backstop"), Some(Fit::Start));
        assert_eq!(f("a backstop", "stop"), Some(Fit::End));
        assert_eq!(f("a backstop", "ckst"), Some(Fit::Inside));
        // A later whole word beats an earlier part of one.
        assert_eq!(
            find_literal("troopsy troops", "troops"),
            Some((Fit::Word, 8..14))
        );
        assert_eq!(f("nothing", "backstop"), None);
    }

    #[test]
    fn prefixes_suffixes_and_phrases() {
        assert!(find_prefix("“Fight on.”", "Fight").is_some());
        assert!(find_prefix("we fight on", "fight").is_none());
        assert_eq!(find_suffix("fight on.", "on").map(|x| x.1), Some(6..8));
        assert!(find_suffix("on the front", "on").is_none());
        let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        let hay = "the first line-of  defence, they said";
        assert_eq!(
            find_phrase(hay, &words("line of defence"), true).map(|x| x.1),
            Some(10..26)
        );
        assert!(find_phrase(hay, &words("defence they"), true).is_some());
        assert!(find_phrase(hay, &words("of the"), true).is_none());
        assert!(find_phrase("18 august", &words("18 aug"), true).is_none());
        assert_eq!(
            find_phrase("18 august", &words("18 aug"), false).map(|x| x.0),
            Some(Fit::Start)
        );
    }

    #[test]
    fn scattered_letters_count_by_how_tight_they_are() {
        let tight = scattered("a bxackstop here", "backstop").unwrap();
        let loose = scattered("backs a european effort: europeans", "backstop").unwrap();
        assert!(tight > loose, "{tight} {loose}");
        assert_eq!(scattered("nothing", "backstop"), None);
        // Initials count as tight.
        let sg = scattered("security guarantees", "sg").unwrap();
        assert!(sg > scattered("strong ceasefire talk", "sg").unwrap());
        assert_eq!(scattered("Ünïcode ok", "ok"), Some(25));
        let long = format!("{} troops", "x ".repeat(100));
        assert!(scattered(&long, "trps").unwrap() < scattered("troops", "trps").unwrap());
    }

    #[test]
    fn subsequence() {
        assert!(is_subsequence("zakharova", "zkv"));
        assert!(!is_subsequence("zakharova", "vz"));
        assert!(is_subsequence("anything", ""));
    }
}

//! "Did you mean …?": the known word nearest to a misspelt one.

/// The candidate nearest to `word`, if one is near enough to be a likely
/// misspelling: at most one edit (insert, delete, change or swap) per
/// three characters, case ignored; else the one candidate that has `word`
/// as a `-`-separated part (`zakharova` for `maria-zakharova`) or is a
/// part of it. Ties go to the first in alphabetical order.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let mut all: Vec<&str> = candidates
        .into_iter()
        .filter(|c| !c.is_empty() && *c != word)
        .collect();
    all.sort_unstable();
    all.dedup();
    let limit = (lower.chars().count() / 3).max(1);
    let nearest = all
        .iter()
        .map(|c| (strsim::damerau_levenshtein(&lower, &c.to_lowercase()), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c);
    if nearest.is_some() {
        return nearest;
    }
    let parts = |s: &str| s.split('-').map(str::to_string).collect::<Vec<_>>();
    let word_parts = parts(&lower);
    let related: Vec<&str> = all
        .iter()
        .filter(|c| {
            let c = c.to_lowercase();
            parts(&c).contains(&lower) || word_parts.contains(&c)
        })
        .copied()
        .collect();
    match related.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// `; did you mean `x`?` for a message, or nothing.
pub fn hint<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    did_you_mean(word, candidates)
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default()
}

/// A message of the TOML reader, with a did-you-mean where it names an
/// unknown field: "unknown field `nmae`: did you mean `name`? (expected one
/// of `id`, `name`, …)". Other messages are returned as they are.
pub fn unknown_field(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_string();
    };
    let Some((field, expected)) = rest.split_once('`') else {
        return message.to_string();
    };
    let choices: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    match did_you_mean(field, choices) {
        Some(near) => {
            let list = expected.trim_start_matches([',', ' ']);
            format!("unknown field `{field}`: did you mean `{near}`? ({list})")
        }
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_off_is_a_likely_misspelling() {
        let ids = ["brennan", "bremen", "putin"];
        assert_eq!(did_you_mean("brenan", ids), Some("brennan"));
        assert_eq!(
            did_you_mean("ptuin", ids),
            Some("putin"),
            "a swap is one edit"
        );
        assert_eq!(did_you_mean("Putin", ids), Some("putin"), "case is ignored");
    }

    #[test]
    fn far_words_suggest_nothing() {
        assert_eq!(did_you_mean("biden", ["brennan", "putin"]), None);
        assert_eq!(
            did_you_mean("eu", ["us", "un"]),
            None,
            "two edits in two letters"
        );
        assert_eq!(did_you_mean("x", std::iter::empty()), None);
    }

    #[test]
    fn a_part_of_an_id_points_at_the_whole_when_only_one_has_it() {
        let ids = ["maria-zakharova", "dmitry-peskov"];
        assert_eq!(did_you_mean("zakharova", ids), Some("maria-zakharova"));
        assert_eq!(did_you_mean("peskov-2025", ["peskov"]), Some("peskov"));
        assert_eq!(
            did_you_mean("paris", ["paris-summit", "paris-talks"]),
            None,
            "two would fit"
        );
    }

    #[test]
    fn unknown_fields_get_the_nearest_field() {
        assert_eq!(
            unknown_field("unknown field `nmae`, expected one of `id`, `name`, `kind`"),
            "unknown field `nmae`: did you mean `name`? (expected one of `id`, `name`, `kind`)"
        );
        assert_eq!(
            unknown_field("unknown field `zzz`, expected `id` or `name`"),
            "unknown field `zzz`, expected `id` or `name`"
        );
        assert_eq!(unknown_field("missing field `id`"), "missing field `id`");
    }

    #[test]
    fn hint_reads_as_the_end_of_a_message() {
        assert_eq!(
            hint("meting", ["meeting", "call"]),
            "; did you mean `meeting`?"
        );
        assert_eq!(hint("zzz", ["meeting"]), "");
    }
}

//! `brief check` on one small bad briefing per rule: every problem, with
//! its file:line:col, and the exit codes of the stable interface.

use std::path::Path;
use std::process::{Command, Output};

fn brief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("brief runs")
}

/// Runs `brief check` on a fixture and returns (exit code, header lines).
fn check(fixture: &str) -> (i32, Vec<String>) {
    let out = brief(&["check", &format!("tests/fixtures/{fixture}")]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let headers = stdout
        .lines()
        .filter(|l| {
            l.starts_with("tests/fixtures/")
                && (l.contains(": error: ") || l.contains(": warning: "))
        })
        .map(|l| {
            l.strip_prefix(&format!("tests/fixtures/{fixture}/"))
                .unwrap_or(l)
                .to_string()
        })
        .collect();
    (out.status.code().unwrap(), headers)
}

fn assert_reports(fixture: &str, code: i32, expected: &[&str]) {
    let (got_code, got) = check(fixture);
    assert_eq!(got, expected, "diagnostics of {fixture}");
    assert_eq!(got_code, code, "exit code of {fixture}");
}

#[test]
fn valid_fixture_is_clean() {
    assert_reports("valid", 0, &[]);
}

#[test]
fn toml_syntax_errors_are_all_reported() {
    assert_reports(
        "bad-syntax",
        1,
        &[
            "actors.toml:3:24: error: TOML syntax: invalid basic string, expected `\"`",
            "actors.toml:13:8: error: TOML syntax: extra `=`, expected nothing",
            "actors.toml:13:10: error: TOML syntax: unexpected key or value, expected newline, `#`",
        ],
    );
}

#[test]
fn unknown_missing_and_mistyped_fields() {
    assert_reports(
        "bad-fields",
        1,
        &[
            "actors.toml:3:1: error: unknown field `nmae`: did you mean `name`? (expected one of `id`, `name`, `kind`, `side`, `role`, `aliases`, `member_of`, `note`)",
            "actors.toml:12:8: error: invalid type: integer `3`, expected a string",
            "issues.toml:1:1: error: missing field `question`",
            "positions.toml:15:10: error: unknown stance `maybe`; expected one of `supports`, `opposes`, `demands`, `rules-out`, `conditional`, `open`, `ambiguous`, `expects`, `doubts`",
        ],
    );
}

#[test]
fn duplicate_and_malformed_ids() {
    assert_reports(
        "bad-duplicate-ids",
        1,
        &[
            "actors.toml:18:6: error: duplicate actor id `zakharova`: already defined at line 2",
            // One error, not a warning beside it that the issue has no position.
            "issues.toml:7:6: error: issue id `Foreign Troops` must be lower-case letters, digits and `-`, e.g. `foreign-troops`",
        ],
    );
}

#[test]
fn references_to_unknown_items() {
    assert_reports(
        "bad-references",
        1,
        &[
            "actors.toml:5:8: error: unknown side `kremlin`",
            "actors.toml:16:14: error: unknown actor `ukraine`",
            "events.toml:8:29: error: unknown actor `biden`",
            "positions.toml:9:11: error: unknown quote `zakharova-acceptable`; did you mean `zakharova-unacceptable`?",
            "positions.toml:19:24: error: unknown source `nope`",
            "quotes.toml:3:11: error: unknown actor `putin`",
            "quotes.toml:7:9: error: unknown event `rome`",
            "quotes.toml:8:11: error: unknown issue `sanctions`",
        ],
    );
}

#[test]
fn dates_that_do_not_exist_and_ranges_out_of_order() {
    assert_reports(
        "bad-dates",
        1,
        &[
            "events.toml:3:8: error: TOML syntax: invalid date, expected day between 01 and 28",
            "positions.toml:7:9: error: date range out of order: `from` 2025-08-31 is after `to` 2025-08-21",
            "positions.toml:17:9: error: `September` is not a date; write YYYY-MM-DD, \"YYYY-MM\" or \"YYYY\"",
            "quotes.toml:6:10: error: `2025-02-29` does not exist: Feb 2025 has no day 29",
            "sources.toml:5:13: error: a date table needs `text`, the source's own words; a date is 2025-08-18, \"2025-08\", \"2025\", \"unknown\", or a table with `text` and `on`, `about`, `from` or `to` (and optionally `inferred`)",
        ],
    );
}

#[test]
fn quotes_and_excerpts_must_be_verbatim_and_unambiguous() {
    assert_reports(
        "bad-anchors",
        1,
        &[
            "events.toml:10:42: error: excerpt occurs 2 times in source `article` but none has the given prefix/suffix",
            "positions.toml:19:42: error: excerpt occurs 2 times in source `article`; add `prefix` or `suffix` to pick one",
            "quotes.toml:4:8: error: quote not found verbatim in source `article`; nearest is line 4 of sources/article.txt: \"unacceptable foreign intervention\", and it has `intervention` where the words here have `interference`",
        ],
    );
}

#[test]
fn missing_and_non_utf8_source_files() {
    assert_reports(
        "bad-source-files",
        1,
        &[
            "sources.toml:7:8: error: source file `sources/missing.txt` not found",
            "sources.toml:7:8: warning: not checked, as the text of source `article` could not be read: 1 excerpt in events.toml, 1 excerpt in positions.toml, 1 quote in quotes.toml",
            "sources/latin1.txt:1:6: error: source file is not valid UTF-8",
        ],
    );
}

#[test]
fn control_characters_anywhere() {
    assert_reports(
        "bad-control-chars",
        1,
        &[
            "events.toml:4:20: error: ESC (U+001B) in text; it must never reach a terminal",
            "issues.toml:3:28: error: bidi control U+202E in text; it must never reach a terminal",
            "sources/article.txt:3:78: error: control character U+009B in source text",
        ],
    );
}

#[test]
fn reported_lines_never_carry_the_control_characters_themselves() {
    let out = brief(&["check", "tests/fixtures/bad-control-chars"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Kyiv welcomed it.�"), "{stdout}");
    assert!(
        !stdout.chars().any(brief::model::text::is_unsafe),
        "{stdout:?}"
    );
}

#[test]
fn sides_letters_and_colours() {
    assert_reports(
        "bad-sides",
        1,
        &[
            "briefing.toml:17:10: error: side letter `K` is already side `kyiv`'s, set at line 11; each side needs a letter of its own",
            "briefing.toml:18:9: error: colour `red` must be written \"#rrggbb\", e.g. \"#56b4e9\"",
            "briefing.toml:23:10: error: side letter `CW` must be one ASCII letter or digit, e.g. \"K\"",
            "briefing.toml:24:9: warning: side `coalition` has the colour of side `kyiv`, set at line 12; only their letters tell them apart",
        ],
    );
}

#[test]
fn every_kind_of_trust_checks_clean() {
    assert_reports("trust", 0, &[]);
}

#[test]
fn basis_is_required_and_only_assessed_positions_name_an_assessor() {
    // The last two positions name an actor and a source: both are fine.
    assert_reports(
        "bad-basis",
        1,
        &[
            "positions.toml:1:1: error: missing field `basis`",
            "positions.toml:15:9: error: unknown basis `claimed`; expected one of `stated`, `reported`, `assessed`",
            "positions.toml:25:9: error: an assessed position needs `assessed_by`: the actor or source id whose assessment it is",
            "positions.toml:36:15: error: `assessed_by` is only for `basis = \"assessed\"`; this position's basis is `stated`",
            "positions.toml:47:15: error: unknown actor or source `kremlinologist`",
            "positions.toml:58:15: error: `wire` is both an actor and a source id; rename one so that the assessor is clear",
        ],
    );
}

#[test]
fn forecast_issues_take_forecast_stances_and_no_other_issue_does() {
    // `ambiguous` fits both; `expects` on the forecast issue is fine.
    assert_reports(
        "bad-forecast",
        1,
        &[
            "positions.toml:5:10: error: stance `opposes` on forecast issue `troops-first`: a forecast takes `expects`, `doubts` or `ambiguous`",
            "positions.toml:15:10: error: stance `doubts` is for forecasts, and issue `foreign-troops` is not one (no `forecast = true`): use `supports`, `opposes`, `demands`, `rules-out`, `conditional`, `open` or `ambiguous`",
            "positions.toml:56:10: error: stance `expects` is for forecasts, and issue `foreign-troops` is not one (no `forecast = true`): use `supports`, `opposes`, `demands`, `rules-out`, `conditional`, `open` or `ambiguous`",
        ],
    );
}

#[test]
fn discrepancies_say_what_kind_they_are() {
    assert_reports(
        "bad-discrepancy-kind",
        1,
        &[
            "discrepancies.toml:1:1: error: missing field `kind`",
            "discrepancies.toml:17:8: error: unknown discrepancy kind `disagreement`; expected one of `contradiction`, `emphasis`, `change`, `detail`",
        ],
    );
}

#[test]
fn warnings_alone_exit_zero() {
    assert_reports(
        "warn-unused",
        0,
        &[
            "actors.toml:18:6: warning: actor `rutte` has no quote, position or event",
            "issues.toml:7:6: warning: issue `sanctions` has no position",
        ],
    );
}

#[test]
fn each_problem_shows_its_line_and_a_caret() {
    let out = brief(&["check", "tests/fixtures/bad-references"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let expected = "tests/fixtures/bad-references/actors.toml:5:8: error: unknown side `kremlin`\n  |\n5 | side = \"kremlin\"\n  |        ^^^^^^^^^\n";
    assert!(stdout.starts_with(expected), "{stdout}");
}

#[test]
fn a_single_file_is_checked_within_its_briefing() {
    let out = brief(&["check", "tests/fixtures/bad-references/quotes.toml"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout.contains("quotes.toml:3:11: error: unknown actor `putin`"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("actors.toml"),
        "only the named file's problems: {stdout}"
    );
    let clean = brief(&["check", "tests/fixtures/bad-references/issues.toml"]);
    assert_eq!(clean.status.code(), Some(0));
}

#[test]
fn several_paths_report_the_worst_status() {
    let out = brief(&["check", "tests/fixtures/valid", "tests/fixtures/bad-sides"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("tests/fixtures/valid: 0 error(s), 0 warning(s)"),
        "{stdout}"
    );
}

#[test]
fn usage_and_io_errors_exit_two() {
    let missing = brief(&["check", "tests/fixtures/does-not-exist"]);
    assert_eq!(missing.status.code(), Some(2));
    let stderr = String::from_utf8(missing.stderr).unwrap();
    assert!(
        stderr.contains("tests/fixtures/does-not-exist/briefing.toml: not found"),
        "{stderr}"
    );
    assert_eq!(brief(&["check", "--bogus"]).status.code(), Some(2));
}

#[test]
fn check_never_modifies_the_files_it_checks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let snapshot = || -> Vec<(String, Vec<u8>)> {
        let mut files = Vec::new();
        for dir in std::fs::read_dir(&root).unwrap() {
            let dir = dir.unwrap().path();
            for f in walk(&dir) {
                files.push((f.display().to_string(), std::fs::read(&f).unwrap()));
            }
        }
        files.sort();
        files
    };
    let before = snapshot();
    for dir in std::fs::read_dir(&root).unwrap() {
        brief(&["check", dir.unwrap().path().to_str().unwrap()]);
    }
    assert_eq!(before, snapshot());
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p))
        } else {
            out.push(p)
        }
    }
    out
}

#[test]
fn unknown_names_suggest_the_nearest_known_one() {
    assert_reports(
        "bad-spelling",
        1,
        &[
            "actors.toml:13:8: error: unknown side `kiyv`; did you mean `kyiv`?",
            "events.toml:5:8: error: unknown event kind `meting`: did you mean `meeting`? (expected one of `meeting`, `call`, `statement`, `report`, `decision`, `summit`, `other`)",
            "positions.toml:5:10: error: unknown stance `rule-out`: did you mean `rules-out`? (expected one of `supports`, `opposes`, `demands`, `rules-out`, `conditional`, `open`, `ambiguous`, `expects`, `doubts`)",
            "positions.toml:14:9: error: unknown issue `troops`; did you mean `foreign-troops`?",
            "positions.toml:19:24: error: unknown source `Article`; did you mean `article`?",
            "quotes.toml:3:11: error: unknown actor `zakharov`; did you mean `zakharova`?",
        ],
    );
}

#[test]
fn one_malformed_id_is_one_error() {
    // The quote names the actor as the id would be well formed, the
    // positions as it is written: neither is reported again, nor is the
    // actor reported as unused.
    assert_reports(
        "bad-cascade",
        1,
        &[
            "actors.toml:2:6: error: actor id `Maria Zakharova` must be lower-case letters, digits and `-`, e.g. `maria-zakharova`",
        ],
    );
}

#[test]
fn a_source_text_is_checked_with_its_briefing() {
    let out = brief(&["check", "tests/fixtures/bad-anchors/sources/article.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        "brief: tests/fixtures/bad-anchors/sources/article.txt is a text of the briefing tests/fixtures/bad-anchors, whose quotes and excerpts rest on it: checking the briefing\n"
    );
    assert!(
        stdout.ends_with("tests/fixtures/bad-anchors: 3 error(s), 0 warning(s)\n"),
        "{stdout}"
    );
    let stray = brief(&["check", "README.md"]);
    assert_eq!(stray.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(stray.stderr).unwrap(),
        "brief: README.md: not a briefing file; `brief check` takes a briefing directory or one of its .toml files\n"
    );
}

//! Trust on tests/fixtures/trust: corroboration counts, whose assessment a
//! position is, `brief check --stats`, and both exports.

use std::process::{Command, Output};

use brief::model::{Assessor, Basis, Briefing, DiscrepancyKind, Origin, Stance, load};

const FIXTURE: &str = "tests/fixtures/trust";

fn brief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("brief runs")
}

fn fixture() -> Briefing {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let loaded = load(&Origin::Dir(dir)).expect("the trust fixture loads");
    assert_eq!(loaded.errors(), 0, "{:?}", loaded.diagnostics);
    loaded.briefing
}

fn position(b: &Briefing, id: &str) -> usize {
    b.positions
        .iter()
        .position(|p| p.id == id)
        .unwrap_or_else(|| panic!("position {id}"))
}

#[test]
fn corroboration_counts_distinct_sources() {
    let b = fixture();
    // Two quotes of the same words, one in each source.
    let both = b.position_support(position(&b, "moscow-troops"));
    assert_eq!(both.sources, ["article", "wire"]);
    assert_eq!(both.count(), 2);
    assert!(!both.is_single_source());
    // Two excerpts, one in each source.
    let excerpts = b.position_support(position(&b, "kyiv-troops"));
    assert_eq!(excerpts.sources, ["article", "wire"]);
    // One excerpt.
    let one = b.position_support(position(&b, "zelensky-troops-first"));
    assert_eq!(one.sources, ["wire"]);
    assert!(one.is_single_source());
    // The event: an excerpt in each source, and a quote said at it in the
    // article, counted once.
    let event = b.event_support(0);
    assert_eq!(event.sources, ["article", "wire"]);
    // Out of range is nothing, not a panic.
    assert_eq!(b.event_support(99).count(), 0);
    assert_eq!(b.position_support(99).count(), 0);
}

#[test]
fn an_assessor_is_an_actor_or_a_source() {
    let b = fixture();
    let by_source = &b.positions[position(&b, "zelensky-troops-first")];
    assert_eq!(by_source.basis, Basis::Assessed);
    match b.assessor(by_source) {
        Some(a @ Assessor::Source(_)) => {
            assert_eq!(a.id(), "wire");
            assert_eq!(a.name(), "Ann Reporter");
        }
        other => panic!("{other:?}"),
    }
    let by_actor = &b.positions[position(&b, "moscow-troops-first")];
    match b.assessor(by_actor) {
        Some(a @ Assessor::Actor(_)) => assert_eq!(a.name(), "A senior European official"),
        other => panic!("{other:?}"),
    }
    let stated = &b.positions[position(&b, "moscow-troops")];
    assert_eq!(stated.basis, Basis::Stated);
    assert!(b.assessor(stated).is_none());
}

#[test]
fn forecast_words_and_discrepancy_kinds() {
    let b = fixture();
    assert!(
        b.issues
            .iter()
            .any(|i| i.id == "troops-first" && i.forecast)
    );
    assert!(Stance::Expects.is_forecast() && Stance::Doubts.is_forecast());
    assert!(!Stance::Opposes.is_forecast() && !Stance::Ambiguous.is_forecast());
    assert_eq!(
        Stance::vocabulary(true).collect::<Vec<_>>(),
        [Stance::Expects, Stance::Doubts, Stance::Ambiguous]
    );
    assert!(Stance::vocabulary(false).all(|s| !s.is_forecast()));
    assert_eq!(Stance::Doubts.word(), "doubts");
    let kinds: Vec<_> = b.discrepancies.iter().map(|d| d.kind).collect();
    assert_eq!(
        kinds,
        [DiscrepancyKind::Detail, DiscrepancyKind::Contradiction]
    );
    assert!(!b.discrepancies[0].is_contradiction());
    assert!(b.discrepancies[1].is_contradiction());
    let official = b.actor("official").unwrap();
    assert_eq!(
        official.note.as_deref(),
        Some("The same phrase may name two different people.")
    );
}

#[test]
fn check_stats_prints_an_aligned_table() {
    let out = brief(&["check", "--stats", FIXTURE]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "\
tests/fixtures/trust: 0 error(s), 0 warning(s)

                 items  single-source  multi-source
sources              2
actors               4
  with a note        1
issues               2
  forecast           1
events               1              0             1
quotes               2
positions            6              4             2
  stated             2              1             1
  reported           2              1             1
  assessed           2              2             0
discrepancies        2
  contradiction      1
  emphasis           0
  change             0
  detail             1
"
    );
}

#[test]
fn check_stats_as_json_keeps_stdout_for_json() {
    let out = brief(&["check", "--stats", "--format", "json", FIXTURE]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "one line per briefing: {stdout}");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(json["briefing"], FIXTURE);
    assert_eq!(json["errors"], 0);
    let stats = &json["stats"];
    assert_eq!(stats["sources"], 2);
    assert_eq!(stats["issues"]["forecast"], 1);
    assert_eq!(stats["events"]["multi_source"], 1);
    assert_eq!(stats["positions"]["items"], 6);
    assert_eq!(stats["positions"]["single_source"], 4);
    assert_eq!(
        stats["positions"]["by_basis"]["assessed"]["single_source"],
        2
    );
    assert_eq!(stats["discrepancies"]["by_kind"]["contradiction"], 1);
    // The problems and the summary go to stderr.
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("tests/fixtures/trust: 0 error(s), 0 warning(s)"),
        "{stderr}"
    );

    // With problems: still JSON on stdout, the problems on stderr, exit 1.
    let bad = brief(&[
        "check",
        "--stats",
        "--format",
        "json",
        "tests/fixtures/bad-basis",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&bad.stdout).expect("JSON");
    assert_eq!(json["errors"], 6);
    assert!(
        String::from_utf8(bad.stderr)
            .unwrap()
            .contains("missing field `basis`")
    );
}

#[test]
fn format_without_stats_is_a_usage_error() {
    let out = brief(&["check", "--format", "json", FIXTURE]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn json_export_carries_basis_assessor_corroboration_and_kind() {
    let out = brief(&["-b", FIXTURE, "export", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let positions = json["positions"].as_array().unwrap();
    let by_id = |id: &str| {
        positions
            .iter()
            .find(|p| p["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let assessed = by_id("zelensky-troops-first");
    assert_eq!(assessed["basis"], "assessed");
    assert_eq!(assessed["assessed_by"], "wire");
    assert_eq!(assessed["corroboration"]["count"], 1);
    assert_eq!(assessed["corroboration"]["single_source"], true);
    let stated = by_id("moscow-troops");
    assert_eq!(stated["basis"], "stated");
    assert!(stated.get("assessed_by").is_none(), "{stated}");
    assert_eq!(
        stated["corroboration"]["sources"],
        serde_json::json!(["article", "wire"])
    );
    assert_eq!(json["events"][0]["corroboration"]["count"], 2);
    assert_eq!(json["discrepancies"][1]["kind"], "contradiction");
    assert_eq!(json["issues"][1]["forecast"], true);
    assert!(json["issues"][0].get("forecast").is_none());
    assert_eq!(
        json["actors"][2]["note"],
        "The same phrase may name two different people."
    );
}

#[test]
fn markdown_export_says_the_basis_in_words_and_counts_sources() {
    let out = brief(&["-b", FIXTURE, "export", "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    for line in [
        "- **Maria Zakharova** — rules out (stated; 4 Sep 2025; 2 sources): Any Western troop presence would be foreign intervention. [1][2]",
        "- **Volodymyr Zelensky** — supports (reported; Sep 2025; 2 sources): Kyiv welcomed the meeting. [1][2]",
        "- **Volodymyr Zelensky** — expects (assessed by Ann Reporter [2]; 5 Sep 2025; 1 source): Counts on troops arriving before a ceasefire, in the reporter's reading. [2]",
        "- **Maria Zakharova** — doubts (assessed by A senior European official; 4 Sep 2025; 1 source): Moscow does not believe the troops will come before a ceasefire, the official said. [1]",
        "*contradiction*: the accounts cannot both be true.",
        "*detail*: compatible accounts, one with more or different detail.",
    ] {
        assert!(md.lines().any(|l| l == line), "missing {line:?} in\n{md}");
    }
}

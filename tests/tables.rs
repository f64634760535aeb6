//! Golden tests of `brief matrix` and `brief changes` on the bundled
//! briefing: the tables a written briefing takes, byte for byte.

use std::process::Command;

fn brief(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn matrix_as_of_the_briefing_by_side() {
    insta::assert_snapshot!(brief(&["matrix", "--by", "side"]));
}

#[test]
fn matrix_of_washington_moving_between_15_aug_and_6_sep() {
    let text = brief(&["matrix", "--as-of", "2025-09-06", "--since", "2025-08-15"]);
    // Trump's stance on a ceasefire first moved in that span.
    let trump: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "  Donald Trump")
        .skip(1)
        .take_while(|l| l.starts_with("    "))
        .collect();
    assert!(
        trump
            .iter()
            .any(|l| l.contains("Ceasefire first") && l.contains("Δ")),
        "{trump:?}"
    );
    insta::assert_snapshot!(text);
    insta::assert_snapshot!(
        "matrix_markdown",
        brief(&["matrix", "--since", "15 aug", "--format", "markdown"])
    );
}

#[test]
fn changes_since_15_august_with_their_evidence() {
    let text = brief(&["changes", "--since", "2025-08-15"]);
    assert!(!text.contains("(no position)"), "moves only by default");
    assert!(brief(&["changes", "--since", "2025-08-15", "--first"]).contains("(no position) →"));
    assert!(
        text.contains("Donald Trump on Ceasefire first: ✓ supports → ± ambiguous"),
        "{text}"
    );
    insta::assert_snapshot!(text);
    let json: serde_json::Value = serde_json::from_str(&brief(&[
        "changes",
        "--since",
        "2025-08-15",
        "--format",
        "json",
    ]))
    .unwrap();
    let moves = json["changes"].as_array().unwrap();
    assert!(
        moves
            .iter()
            .all(|c| !c["evidence"].as_array().unwrap().is_empty())
    );
    insta::assert_snapshot!(
        "changes_markdown",
        brief(&[
            "changes",
            "--since",
            "2025-08-15",
            "--until",
            "2025-09-06",
            "--format",
            "markdown"
        ])
    );
}

#[test]
fn output_is_deterministic_and_bad_dates_are_usage_errors() {
    let a = brief(&["matrix", "--format", "json", "--since", "aug 20"]);
    assert_eq!(
        a,
        brief(&["matrix", "--format", "json", "--since", "aug 20"])
    );
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["changes", "--since", "someday"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a date"));
}

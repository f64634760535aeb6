//! `brief search`: the palette's ranking for scripts, plain and JSON.

use std::process::Command;

use brief::model::{Origin, load};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid");

fn brief(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn plain_output_is_kind_id_label_score_best_first() {
    let out = brief(&["search", "-b", FIXTURE, "zakharova", "troops"]);
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert!(!rows.is_empty());
    assert_eq!(
        rows[0][..3],
        [
            "quote",
            "zakharova-unacceptable",
            "unacceptable foreign intervention"
        ]
    );
    let scores: Vec<i64> = rows.iter().map(|r| r[3].parse().unwrap()).collect();
    assert!(rows.iter().all(|r| r.len() == 4));
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn json_has_source_and_excerpt_for_sentences() {
    let out = brief(&[
        "search", "-b", FIXTURE, "--json", "--limit", "50", "t:troop",
    ]);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty());
    let text = std::fs::read_to_string(format!("{FIXTURE}/sources/article.txt")).unwrap();
    for r in rows {
        assert_eq!(r["kind"], "sentence");
        assert!(r["id"].as_str().unwrap().starts_with("article#"));
        assert_eq!(r["source"], "article");
        let excerpt = r["excerpt"].as_str().unwrap();
        assert!(
            text.contains(excerpt) && excerpt.contains("troop"),
            "{excerpt}"
        );
        assert!(r["score"].is_i64());
    }
    let quotes = brief(&["search", "-b", FIXTURE, "--json", "q:foreign"]);
    let quotes: serde_json::Value = serde_json::from_str(&quotes).unwrap();
    assert!(quotes[0].get("excerpt").is_none() && quotes[0]["kind"] == "quote");
}

#[test]
fn limit_caps_the_rows() {
    let all = brief(&["search", "-b", FIXTURE, "-n", "100", "a"])
        .lines()
        .count();
    assert!(all > 2);
    assert_eq!(
        brief(&["search", "-b", FIXTURE, "-n", "2", "a"])
            .lines()
            .count(),
        2
    );
}

#[test]
fn bundled_zakharova_troops_is_her_quote() {
    let b = load(&Origin::Bundled(&brief::bundled::UKRAINE))
        .unwrap()
        .briefing;
    let out = brief(&["search", "zakharova", "troops"]);
    let first: Vec<&str> = out.lines().next().unwrap().split('\t').collect();
    assert_eq!(first[0], "quote");
    let quote = b.quote(first[1]).expect("a quote id");
    assert_eq!(quote.speaker.as_str(), "zakharova");
}

#[test]
fn all_adds_the_results_below_the_cut_off_after_the_same_ones() {
    let shown = brief(&["search", "-n", "500", "backstop"]);
    let all = brief(&["search", "-n", "500", "--all", "backstop"]);
    assert!(all.lines().count() > shown.lines().count());
    assert!(all.starts_with(&shown));
}

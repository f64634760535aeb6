//! Several briefings: `brief list` shows the bundled one and the user's
//! (from $XDG_DATA_HOME/brief/briefings), `-b NAME` opens one of them, and
//! a directory of several is listed and checked, never opened as one.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A data home with one briefing, `city-budget`, made by `brief new`.
fn data_home(name: &str) -> PathBuf {
    let home = std::env::temp_dir().join(format!("brief-library-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    let dir = home.join("brief/briefings");
    std::fs::create_dir_all(&dir).unwrap();
    let out = brief(
        &home,
        &["new", "city-budget", "--dir", dir.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0));
    home
}

fn brief(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .env("XDG_DATA_HOME", home)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("brief runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn list_shows_the_bundled_briefing_and_the_users() {
    let home = data_home("list");
    let out = brief(&home, &["list"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("bundled      6 Sep 2025    Security guarantees for Ukraine"),
        "{text}"
    );
    assert!(lines[2].ends_with("· built in"), "{text}");
    assert!(
        lines[3].starts_with("city-budget  4 Mar 2026    city-budget"),
        "{text}"
    );
    assert!(
        lines[5]
            .trim_start()
            .starts_with("2 sources, 3 actors, 1 event, 2 quotes, 3 positions · "),
        "{text}"
    );

    let json = brief(&home, &["list", "--json"]);
    let entries: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(entries[0]["name"], "bundled");
    assert_eq!(entries[0]["path"], serde_json::Value::Null);
    assert_eq!(entries[1]["name"], "city-budget");
    assert_eq!(entries[1]["as_of"], "4 Mar 2026");
    assert_eq!(entries[1]["errors"], 0);
    assert_eq!(entries.as_array().unwrap().len(), 2);
}

#[test]
fn a_name_opens_a_briefing_of_the_users_directory() {
    let home = data_home("name");
    let out = brief(&home, &["-b", "city-budget", "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let dir = home.join("brief/briefings/city-budget");
    assert_eq!(
        stdout(&out),
        format!("{}: 0 error(s), 0 warning(s)\n", dir.display())
    );
    let search = brief(&home, &["-b", "city-budget", "search", "bridge"]);
    assert_eq!(search.status.code(), Some(0));
    assert!(
        stdout(&search).contains("The new bridge"),
        "{}",
        stdout(&search)
    );
}

#[test]
fn a_directory_of_several_is_listed_and_checked_not_opened() {
    let home = data_home("several");
    let out = brief(&home, &["list", "-b", "tests/fixtures"]);
    let text = stdout(&out);
    assert!(text.contains("\nharbour-street "), "{text}");
    assert!(text.contains("\nvalid "), "{text}");
    assert!(
        text.contains("error(s): brief check tests/fixtures/bad-sides"),
        "{text}"
    );

    let export = brief(&home, &["-b", "tests/fixtures", "export"]);
    assert_eq!(export.status.code(), Some(2));
    let err = String::from_utf8(export.stderr).unwrap();
    assert!(
        err.starts_with("brief: tests/fixtures holds ")
            && err.contains(" briefings (bad-anchors, "),
        "{err}"
    );
    assert!(
        err.ends_with("name one, e.g. -b tests/fixtures/bad-anchors, or list them: brief list -b tests/fixtures\n"),
        "{err}"
    );

    let check = brief(&home, &["check", "tests/fixtures"]);
    assert_eq!(check.status.code(), Some(1));
    let text = stdout(&check);
    assert!(
        text.contains("tests/fixtures/harbour-street: 0 error(s), 0 warning(s)"),
        "{text}"
    );
    assert!(text.contains("tests/fixtures/bad-sides: 3 error(s), 1 warning(s)"));
}

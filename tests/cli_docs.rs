//! Shell completions and manual pages, generated from the command line's
//! own definitions so that they never drift from it.

use std::process::{Command, Output};

fn brief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .output()
        .expect("brief runs")
}

const COMMANDS: [&str; 11] = [
    "check",
    "list",
    "config",
    "export",
    "search",
    "new",
    "anchor",
    "add-source",
    "completions",
    "man",
    "help",
];

#[test]
fn completions_know_every_command_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = brief(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        for command in COMMANDS {
            assert!(text.contains(command), "{shell} lacks {command}");
        }
    }
    let bash = String::from_utf8(brief(&["completions", "bash"]).stdout).unwrap();
    assert!(bash.contains("complete -F _brief"), "{bash}");
    assert!(bash.contains("--published"), "the options of add-source");
    let bad = brief(&["completions", "tcsh"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_manual_page_lists_every_command() {
    let out = brief(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with(".ie"), "roff: {page}");
    assert!(page.contains(".TH brief 1"), "{page}");
    for command in COMMANDS {
        let name = format!("brief\\-{}(1)", command.replace('-', "\\-"));
        assert!(page.contains(&name), "{name} in {page}");
    }
}

#[test]
fn man_dir_writes_a_page_per_command() {
    let dir = std::env::temp_dir().join(format!("brief-man-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let out = brief(&["man", "--dir", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    for page in [
        "brief.1",
        "brief-check.1",
        "brief-anchor.1",
        "brief-add-source.1",
    ] {
        let text = std::fs::read_to_string(dir.join(page)).unwrap();
        assert!(text.contains(".SH NAME"), "{page}");
    }
    let anchor = std::fs::read_to_string(dir.join("brief-anchor.1")).unwrap();
    assert!(anchor.contains("prefix"), "{anchor}");
}

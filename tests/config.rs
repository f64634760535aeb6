//! The user's settings ($XDG_CONFIG_HOME/brief/config.toml): `brief config`
//! reports their problems with file:line:col; the reader uses them and says
//! what is wrong before it takes the screen.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{Session, fixture};

fn config_home(name: &str, text: &str) -> PathBuf {
    let home = std::env::temp_dir().join(format!("brief-config-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(home.join("brief")).unwrap();
    std::fs::write(home.join("brief/config.toml"), text).unwrap();
    home
}

#[test]
fn brief_config_reports_each_problem_and_keeps_the_defaults() {
    let home = config_home("bad", "[colors]\nfocus = \"blue\"\nkey = \"#123456\"\n");
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("config")
        .env("XDG_CONFIG_HOME", &home)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let file = home.join("brief/config.toml");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.lines().next().unwrap(),
        format!(
            "{}:2:9: error: colour `blue` must be written \"#rrggbb\", e.g. \"#56b4e9\"",
            file.display()
        )
    );
    assert!(
        stdout.ends_with(&format!(
            "{}: 1 error(s); what is wrong keeps its default\n",
            file.display()
        )),
        "{stdout}"
    );

    let clean = config_home("clean", "[colors]\nfocus = \"#123456\"\n");
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("config")
        .env("XDG_CONFIG_HOME", &clean)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn brief_config_locates_bad_keys_and_prints_the_keys_in_force() {
    let home = config_home(
        "keys",
        "[keys]\nquit = [\"x\", \"ctrl-c\"]\nhelpp = \"h\"\npalette = \"hyper-p\"\n",
    );
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["config", "--keys"])
        .env("XDG_CONFIG_HOME", &home)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let file = home.join("brief/config.toml").display().to_string();
    let stdout = String::from_utf8(out.stdout).unwrap();
    for line in [
        format!(
            "{file}:2:1: warning: `clear-filters` has no key left (everywhere): `quit` took it"
        ),
        format!("{file}:3:1: error: unknown action `helpp` in [keys]; did you mean `help`?"),
        format!("{file}:4:11: error: unknown key `hyper-p`"),
        format!("{file}: 2 error(s); what is wrong keeps its default"),
        "[keys.everywhere]".to_string(),
        "quit = [\"x\", \"ctrl-c\"]  # quit".to_string(),
        "palette = [\"/\"]".to_string(),
        "[keys.typing]".to_string(),
    ] {
        assert!(stdout.contains(&line), "lacks {line}:\n{stdout}");
    }
}

fn has_fg(s: &Session, rgb: (u8, u8, u8)) -> bool {
    let parser = s.screen.lock().unwrap();
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    (0..rows.get()).any(|r| {
        (0..cols.get()).any(|c| {
            screen
                .cell(r, c)
                .is_some_and(|cell| cell.fgcolor() == vt100::Color::Rgb(rgb.0, rgb.1, rgb.2))
        })
    })
}

#[test]
fn the_reader_uses_the_configured_colours_and_names_bad_ones() {
    let home = config_home("reader", "[colors]\nfocus = \"#010203\"\nkey = \"navy\"\n");
    let home = home.display().to_string();
    let fixture = fixture();
    let mut s = Session::start_with(
        &["-b", &fixture],
        24,
        80,
        &[
            ("XDG_CONFIG_HOME", &home),
            ("COLORTERM", "truecolor"),
            ("BRIEF_COLORS", ""),
            ("BRIEF_BACKGROUND", ""),
        ],
    );
    s.wait_for("Timeline");
    let start = std::time::Instant::now();
    while !has_fg(&s, (1, 2, 3)) {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "{}",
            s.contents()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
    // The problem was said before the reader took the screen, and is
    // there again once it gives it back.
    s.wait_for("config.toml:3:7: error: colour `navy` must be written");
    s.wait_for("their defaults are in force (brief config)");
}

/// The real binary in a terminal: `[keys]` changes what a key does, the
/// footer and the help say so, and a warning is said before the screen.
#[test]
fn the_reader_follows_the_remapped_keys() {
    let home = config_home(
        "remap",
        "[keys]\nquit = [\"Q\", \"ctrl-c\"]\nhelp = \"H\"\n",
    );
    let home = home.display().to_string();
    let fixture = fixture();
    let mut s = Session::start_with(&["-b", &fixture], 30, 100, &[("XDG_CONFIG_HOME", &home)]);
    s.wait_for("Timeline");
    s.wait_for(" Q quit");
    s.wait_for(" H help ");
    // q is no longer quit: the reader is still there after it.
    s.press(b"q");
    s.press(b"H");
    s.wait_for("Help — keys");
    s.press(b"G");
    s.wait_for("Esc or H closes this help.");
    s.press(b"\x1b");
    s.wait_until_gone("closes this help");
    s.press(b"Q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

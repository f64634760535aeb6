//! The real binary in a pseudo-terminal before a briefing is open: the
//! picker of several briefings, and the loading gauge of a large one.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::Session;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fresh directory for one test, removed when dropped.
struct Temp(PathBuf);

impl Temp {
    fn new(name: &str) -> Temp {
        let dir = std::env::temp_dir().join(format!("brief-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Temp(dir)
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

#[test]
fn brief_with_briefings_of_its_own_opens_the_picker_and_enter_opens_one() {
    // The user's briefings directory holds one briefing besides the bundled one.
    let data = Temp::new("picker-data");
    copy_dir(
        &fixtures().join("harbour-street"),
        &data.0.join("brief/briefings/harbour-street"),
    );
    let xdg = data.0.display().to_string();
    let mut s = Session::start_with(&[], 30, 100, &[("XDG_DATA_HOME", &xdg)]);
    s.wait_for("Choose a briefing");
    // Each line is read in the background; the titles and counts arrive.
    s.wait_until_gone("reading…");
    let screen = s.contents();
    assert!(screen.contains("▶ bundled"), "{screen}");
    assert!(screen.contains("harbour-street"), "{screen}");
    assert!(screen.contains("built in"), "{screen}");
    assert!(screen.contains(" actors, "), "{screen}");
    // The footer names the keys in force.
    assert!(screen.contains("Enter open"), "{screen}");
    // Down to the second briefing, and open it.
    s.press(b"j");
    s.wait("the second line selected", |sc| {
        sc.contents().contains("▶ harbour-street")
    });
    s.press(b"\r");
    s.wait_for("Timeline");
    s.settle();
    let title = s.row(0);
    assert!(
        title.to_lowercase().contains("harbour"),
        "the chosen briefing is open: {title}"
    );
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn a_directory_of_several_opens_the_picker_and_a_broken_one_says_why() {
    let several = Temp::new("picker-several");
    copy_dir(&fixtures().join("valid"), &several.0.join("a-valid"));
    copy_dir(&fixtures().join("bad-syntax"), &several.0.join("b-broken"));
    let dir = several.0.display().to_string();
    let mut s = Session::start(&["-b", &dir], 30, 100);
    s.wait_for("Choose a briefing");
    s.wait_until_gone("reading…");
    assert!(
        s.contents().contains("error(s): brief check"),
        "{}",
        s.contents()
    );
    // The bundled briefing is always first; the broken one is third.
    s.press(b"jj");
    s.wait("the broken one selected", |sc| {
        sc.contents().contains("▶ b-broken")
    });
    s.press(b"\r");
    s.wait_for("can't be opened");
    // Still in the picker; Esc leaves.
    assert!(s.contents().contains("Choose a briefing"));
    s.press(b"\x1b");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn o_in_the_reader_opens_the_picker_with_this_briefing_selected() {
    let data = Temp::new("picker-switch");
    copy_dir(
        &fixtures().join("harbour-street"),
        &data.0.join("brief/briefings/harbour-street"),
    );
    let xdg = data.0.display().to_string();
    // Opened by name from the user's directory: no picker at first.
    let mut s = Session::start_with(
        &["-b", "harbour-street"],
        30,
        100,
        &[("XDG_DATA_HOME", &xdg)],
    );
    s.wait_for("Timeline");
    s.press(b"O");
    s.wait_for("Choose a briefing");
    s.wait_until_gone("reading…");
    assert!(
        s.contents().contains("▶ harbour-street"),
        "{}",
        s.contents()
    );
    assert!(s.contents().contains("Esc back"), "{}", s.contents());
    // Up to the bundled briefing, and open it.
    s.press(b"k");
    s.wait("the bundled one selected", |sc| {
        sc.contents().contains("▶ bundled")
    });
    s.press(b"\r");
    s.wait_for("Timeline");
    s.settle();
    assert!(s.row(0).contains("Ukraine"), "{}", s.row(0));
    // And back again, with Esc in the picker: what was open opens again.
    s.press(b"O");
    s.wait_for("Choose a briefing");
    s.press(b"\x1b");
    s.wait_for("Timeline");
    s.settle();
    assert!(s.row(0).contains("Ukraine"), "{}", s.row(0));
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

/// A generated briefing large enough that its load is seen.
fn large(test: &str) -> Temp {
    let t = Temp::new(test);
    let b = brief::synth::generate(20_000, 1);
    brief::synth::write_dir(&b, &t.0.join("large")).unwrap();
    t
}

#[test]
fn a_large_briefing_shows_a_gauge_at_once_and_q_leaves_while_it_loads() {
    let big = large("gauge-q");
    let dir = big.0.join("large").display().to_string();
    let started = Instant::now();
    let mut s = Session::start(&["-b", &dir], 30, 100);
    s.wait_for("Opening large");
    let first = started.elapsed();
    // The gauge is there before the briefing is (a debug build reads
    // 20,000 items in far more than the time the gauge takes to show).
    assert!(!s.contents().contains("Timeline"), "{}", s.contents());
    assert!(s.contents().contains('%'), "{}", s.contents());
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
    assert!(
        first < Duration::from_secs(5),
        "the gauge took {first:?} to show"
    );
}

#[test]
fn the_gauge_gives_way_to_the_reader_when_the_load_ends() {
    let big = large("gauge-ends");
    let dir = big.0.join("large").display().to_string();
    let mut s = Session::start(&["-b", &dir], 30, 100);
    s.wait_for("Opening large");
    // Loading a debug build's 20,000 items can take a while on a slow machine.
    let until = Instant::now() + Duration::from_secs(120);
    while !s.contents().contains("Timeline") {
        assert!(Instant::now() < until, "never opened:\n{}", s.contents());
        std::thread::sleep(Duration::from_millis(50));
    }
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn sigterm_while_loading_restores_the_terminal() {
    let big = large("gauge-term");
    let dir = big.0.join("large").display().to_string();
    let mut s = Session::start(&["-b", &dir], 30, 100);
    s.wait_for("Opening large");
    let pid = s.child.process_id().expect("a pid") as i32;
    // SAFETY: sends a signal to our own child.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    s.wait_exit();
    s.assert_restored();
}

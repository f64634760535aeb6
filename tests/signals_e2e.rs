//! The terminal is restored on every way out, read from the raw bytes brief
//! writes to a real pseudo-terminal: SIGHUP, SIGTERM and SIGINT from
//! outside, the terminal going away, and Ctrl-z / SIGTSTP and SIGCONT.

mod common;

use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use common::{Session, fixture};

/// One test at a time: a child spawned by one test inherits the pty
/// descriptors another test has open at that moment, which would keep a
/// "closed" terminal open.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// What brief writes to give the terminal back: mouse tracking off, the
/// main screen, the cursor shown.
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";
const LEAVE: &[u8] = b"\x1b[?1049l";
const ENTER: &[u8] = b"\x1b[?1049h";
const SHOW: &[u8] = b"\x1b[?25h";

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn started() -> Session {
    let s = Session::start(&["-b", &fixture()], 40, 120);
    s.wait_for("Timeline");
    s
}

fn raw_len(s: &Session) -> usize {
    s.raw.lock().unwrap().len()
}

fn kill(s: &Session, sig: i32) {
    let pid = s.child.process_id().expect("a pid") as i32;
    // SAFETY: sends a signal to our own child.
    assert_eq!(unsafe { libc::kill(pid, sig) }, 0);
}

/// Waits until the bytes written after `from` satisfy `done`.
fn wait_bytes(s: &Session, from: usize, what: &str, done: impl Fn(&[u8]) -> bool) -> Vec<u8> {
    let start = Instant::now();
    loop {
        let after = s.raw.lock().unwrap()[from..].to_vec();
        if done(&after) {
            return after;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "never wrote {what}; wrote {:?}",
            String::from_utf8_lossy(&after)
        );
        thread::sleep(Duration::from_millis(20));
    }
}

/// The bytes after `from` end by restoring everything, and nothing is
/// drawn after that.
fn assert_ends_restored(after: &[u8]) {
    let leave = rfind(after, LEAVE).expect("leaves the alternate screen");
    let mouse = rfind(after, MOUSE_OFF).expect("turns mouse tracking off");
    let show = rfind(after, SHOW).expect("shows the cursor");
    assert!(
        mouse < leave && leave < show,
        "{:?}",
        String::from_utf8_lossy(after)
    );
    assert!(
        after.ends_with(SHOW),
        "{:?}",
        String::from_utf8_lossy(after)
    );
}

fn ends_on(sig: i32) {
    let mut s = started();
    let from = raw_len(&s);
    kill(&s, sig);
    s.wait_exit();
    let after = wait_bytes(&s, from, "the restore", |b| b.ends_with(SHOW));
    assert_ends_restored(&after);
    s.assert_restored();
}

#[test]
fn sighup_restores_the_terminal_and_exits() {
    let _serial = serial();
    ends_on(libc::SIGHUP);
}

#[test]
fn sigterm_restores_the_terminal_and_exits() {
    let _serial = serial();
    ends_on(libc::SIGTERM);
}

#[test]
fn sigint_restores_the_terminal_and_exits() {
    let _serial = serial();
    ends_on(libc::SIGINT);
}

fn state(s: &Session) -> char {
    let pid = s.child.process_id().unwrap();
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // "pid (comm) S ...": the state follows the command's closing parenthesis.
    stat.rsplit(')')
        .next()
        .and_then(|r| r.trim_start().chars().next())
        .unwrap_or('?')
}

fn wait_state(s: &Session, want: char) {
    let start = Instant::now();
    while state(s) != want {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "state {} not {want}",
            state(s)
        );
        thread::sleep(Duration::from_millis(20));
    }
}

/// Suspends (by Ctrl-z or SIGTSTP), checks the terminal was given back
/// and brief stopped, continues it, and checks it re-entered and redrew.
fn suspend_and_continue(s: &mut Session, by_key: bool) {
    let from = raw_len(s);
    if by_key {
        s.press(b"\x1a");
    } else {
        kill(s, libc::SIGTSTP);
    }
    let after = wait_bytes(s, from, "the restore", |b| b.ends_with(SHOW));
    assert_ends_restored(&after);
    s.assert_restored();
    wait_state(s, 'T');
    let from = raw_len(s);
    kill(s, libc::SIGCONT);
    // Back on the alternate screen, in raw mode, with the whole screen drawn.
    let after = wait_bytes(s, from, "a redraw", |b| {
        find(b, ENTER).is_some() && find(b, b"Timeline").is_some()
    });
    assert!(find(&after, ENTER) < find(&after, b"Timeline"));
    s.wait("the reader again", |screen| {
        screen.alternate_screen() && screen.contents().contains("Timeline")
    });
}

#[test]
fn ctrl_z_suspends_and_sigcont_redraws() {
    let _serial = serial();
    let mut s = started();
    suspend_and_continue(&mut s, true);
    // Keys work again (raw mode is back): j moves, q quits.
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn sigtstp_from_outside_suspends_too() {
    let _serial = serial();
    let mut s = started();
    suspend_and_continue(&mut s, false);
    suspend_and_continue(&mut s, true);
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_closed_terminal_ends_the_reader_instead_of_spinning() {
    let _serial = serial();
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_brief"));
    cmd.args(["-b", &fixture()]);
    cmd.env("TERM", "xterm-256color");
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while find(&seen, b"Timeline").is_none() {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0);
        seen.extend_from_slice(&buf[..n]);
    }
    // The terminal goes away.
    drop(reader);
    drop(pty.master);
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "brief still runs"
        );
        thread::sleep(Duration::from_millis(20));
    }
}

/// `setsid brief </dev/null >/dev/tty`: output to a terminal, but no
/// controlling terminal to read keys from.
#[test]
fn without_a_controlling_terminal_brief_says_so_and_exits_2() {
    let _serial = serial();
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty fills two descriptors that we then own.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(rc, 0);
    // SAFETY: both descriptors are fresh and ours alone.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brief"));
    cmd.args(["-b", &fixture()])
        .stdin(Stdio::null())
        .stdout(Stdio::from(slave))
        .stderr(Stdio::piped());
    // SAFETY: setsid is async-signal-safe; it leaves brief with no
    // controlling terminal.
    unsafe {
        use std::os::unix::process::CommandExt;
        cmd.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    let out = cmd.output().unwrap();
    drop(master);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("no terminal to read keys from"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// Invisible characters a briefing may hold (they are warnings in source
/// texts) never reach the terminal as they are: the reader draws them as
/// �, and the raw bytes it writes hold none of them.
#[test]
fn no_invisible_character_reaches_the_terminal() {
    let _serial = serial();
    let bundled = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("briefings/ukraine-security-guarantees");
    let dir = std::env::temp_dir().join(format!("brief-e2e-{}-invisible", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    let hostile = "Hiddenmark zero\u{200b}width soft\u{ad}hyphen line\u{2028}sep tag\u{e0041}s \
                   filler\u{3164}x word\u{2060}joiner bom\u{feff}here \u{1f44d}\u{fe0f}.\n\n";
    for e in std::fs::read_dir(&bundled)
        .unwrap()
        .chain(std::fs::read_dir(bundled.join("sources")).unwrap())
    {
        let p = e.unwrap().path();
        if p.is_dir() {
            continue;
        }
        let rel = p.strip_prefix(&bundled).unwrap();
        let mut text = std::fs::read_to_string(&p).unwrap();
        if rel.starts_with("sources") {
            text.insert_str(0, hostile);
        }
        std::fs::write(dir.join(rel), text).unwrap();
    }
    // Warnings only: the reader opens.
    let check = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["check", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let mut s = Session::start(&["-b", dir.to_str().unwrap()], 40, 160);
    s.wait_for("Timeline");
    s.press(b"/");
    s.wait_for("Search everything");
    s.press(b"t:Hiddenmark");
    s.wait_for("Hiddenmark zero");
    s.press(b"\r");
    s.wait("the source at the hostile line", |screen| {
        let c = screen.contents();
        !c.contains("Search everything") && c.contains("Hiddenmark zero")
    });
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    for c in [
        '\u{200b}',
        '\u{ad}',
        '\u{2028}',
        '\u{e0041}',
        '\u{3164}',
        '\u{2060}',
        '\u{feff}',
    ] {
        assert!(!raw.contains(c), "U+{:04X} reached the terminal", c as u32);
    }
    // Each was drawn, as �: seven of them; the emoji keeps its selector.
    assert!(raw.matches('�').count() >= 7, "{raw:?}");
    assert!(raw.contains("\u{1f44d}\u{fe0f}"));
    let _ = std::fs::remove_dir_all(dir);
}

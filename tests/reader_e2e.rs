//! The real binary in a pseudo-terminal, used as a person would: keys in,
//! screen out (through vt100), then quit and check the terminal is restored.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);

fn fixture() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reader")
        .display()
        .to_string()
}

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
}

impl Session {
    fn start(args: &[&str], rows: u16, cols: u16) -> Session {
        Session::start_with(args, rows, cols, &[])
    }

    fn start_with(args: &[&str], rows: u16, cols: u16, env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_brief"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("brief starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let writer = pty.master.take_writer().expect("a writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
            0,
        )));
        let sink = Arc::clone(&screen);
        thread::spawn(move || {
            // Keep the master alive as long as we read from it.
            let _master = pty.master;
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        Session {
            screen,
            writer,
            child,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`, polling, and fails with the
    /// screen if it never does.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.contents().contains(text) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen never showed {text:?}:\n{}", self.contents());
    }

    fn wait_until_gone(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if !self.contents().contains(text) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen still shows {text:?}:\n{}", self.contents());
    }

    fn press(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("brief did not exit:\n{}", self.contents());
    }

    /// After exit: the main screen is back, the cursor shown, the mouse released.
    fn assert_restored(&self) {
        let start = Instant::now();
        loop {
            let parser = self.screen.lock().unwrap();
            let s = parser.screen();
            let restored = !s.alternate_screen()
                && !s.hide_cursor()
                && s.mouse_protocol_mode() == vt100::MouseProtocolMode::None;
            if restored {
                return;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "terminal not restored: alternate {}, cursor hidden {}, mouse {:?}",
                s.alternate_screen(),
                s.hide_cursor(),
                s.mouse_protocol_mode()
            );
            drop(parser);
            thread::sleep(Duration::from_millis(20));
        }
    }
}

#[test]
fn find_what_moscow_said_about_foreign_troops_then_quit() {
    let fixture = fixture();
    let mut s = Session::start(&["-b", &fixture], 24, 80);
    s.wait_for("Timeline");
    assert!(
        s.screen.lock().unwrap().screen().alternate_screen(),
        "the reader uses the alternate screen"
    );
    s.wait_for("? help");

    // 2: Moscow. The timeline is filtered, and the filter is shown.
    s.press(b"2");
    s.wait_for("filter: Russia");
    s.wait_for("Timeline · 2 of 4");
    // j j: onto Russia's current stance on foreign troops.
    s.press(b"jj");
    s.wait_for("› ⊘ rules out");
    s.wait_for("unacceptable foreign");
    {
        let parser = s.screen.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let mut reversed = String::new();
        for r in 0..rows.get() {
            for c in 0..cols.get() {
                if let Some(cell) = screen.cell(r, c)
                    && cell.inverse()
                {
                    reversed.push_str(cell.contents());
                }
            }
        }
        assert!(
            reversed.contains("unacceptable"),
            "the words are highlighted: {reversed:?}"
        );
    }

    // Help opens and Esc closes it; Esc again clears the filter.
    s.press(b"?");
    s.wait_for("Help — keys");
    s.press(b"\x1b");
    s.wait_until_gone("Help — keys");
    s.press(b"\x1b");
    s.wait_until_gone("filter: Russia");
    s.wait_for("all events");

    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn a_click_selects_a_row_and_the_wheel_scrolls() {
    let fixture = fixture();
    let mut s = Session::start(&["-b", &fixture], 24, 80);
    s.wait_for("Timeline");
    // The actors pane starts on row 13 (1-based): its border, Kyiv,
    // Zelensky, Moscow, then Russia on row 17. SGR mouse reports are 1-based.
    s.press(b"\x1b[<0;6;17M\x1b[<0;6;17m");
    s.wait_for("filter: Russia");
    s.wait_for("○ open");
    // A click on the source focuses it (g then goes to its top); the wheel
    // over it scrolls it down.
    s.press(b"\x1b[<0;50;12M\x1b[<0;50;12mg");
    s.wait_for("line 1/");
    s.press(b"\x1b[<65;50;15M");
    s.wait_for("line 4/");
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let fixture = fixture();
    let mut s = Session::start(&["-b", &fixture], 24, 80);
    s.wait_for("Timeline");
    s.press(b"\t\x03");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal_and_reports_it() {
    let fixture = fixture();
    let mut s = Session::start_with(
        &["-b", &fixture],
        24,
        80,
        &[("BRIEF_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")],
    );
    assert_ne!(s.wait_exit(), 0);
    s.assert_restored();
    s.wait_for("deliberate panic (BRIEF_TEST_PANIC)");
}

#[test]
fn a_small_terminal_says_so() {
    let fixture = fixture();
    let mut s = Session::start(&["-b", &fixture], 10, 40);
    s.wait_for("terminal too small (need 60×16)");
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn without_a_terminal_brief_suggests_export_and_exits_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["-b", &fixture()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not a terminal") && err.contains("brief export"),
        "{err}"
    );
}

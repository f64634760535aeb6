//! A real `brief` in a pseudo-terminal, read through vt100: what the
//! end-to-end tests drive.
// Each test binary uses a different part of this.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);
static SESSIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

pub fn fixture() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reader")
        .display()
        .to_string()
}

pub struct Session {
    pub screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte brief wrote, as written.
    pub raw: Arc<Mutex<Vec<u8>>>,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    master: Arc<Mutex<Box<dyn MasterPty + Send>>>,
    /// The session's own data directory (notes, reading place), removed
    /// when the session ends; None when the test named one.
    own_data: Option<std::path::PathBuf>,
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Some(d) = &self.own_data {
            let _ = std::fs::remove_dir_all(d);
        }
    }
}

impl Session {
    pub fn start(args: &[&str], rows: u16, cols: u16) -> Session {
        Session::start_with(args, rows, cols, &[])
    }

    pub fn start_with(args: &[&str], rows: u16, cols: u16, env: &[(&str, &str)]) -> Session {
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
        cmd.env_remove("TMUX");
        // Each session keeps its notes and reading place apart, unless the
        // test names a data directory.
        let data = std::env::temp_dir().join(format!(
            "brief-test-data-{}-{}",
            std::process::id(),
            SESSIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        cmd.env("BRIEF_DATA_DIR", &data);
        // Nor does the user's briefings directory change what opens.
        cmd.env("XDG_DATA_HOME", &data);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let own_data = (!env.iter().any(|(k, _)| *k == "BRIEF_DATA_DIR")).then_some(data);
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
        let raw = Arc::new(Mutex::new(Vec::new()));
        let raw_sink = Arc::clone(&raw);
        let master = Arc::new(Mutex::new(pty.master));
        let kept = Arc::clone(&master);
        thread::spawn(move || {
            // Keep the master alive as long as we read from it.
            let _master = kept;
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                raw_sink.lock().unwrap().extend_from_slice(&buf[..n]);
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        Session {
            screen,
            raw,
            writer,
            child,
            master,
            own_data,
        }
    }

    /// Resizes the terminal, as a user dragging its window would: brief
    /// gets SIGWINCH and redraws.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.screen.lock().unwrap().set_size(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
        );
        self.master
            .lock()
            .unwrap()
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("the pty resizes");
    }

    /// Waits until the screen has stopped changing (a frame may be drawn
    /// over several writes), so that what is read next is a whole frame.
    pub fn settle(&self) {
        let start = Instant::now();
        let mut last = self.contents();
        let mut still = 0;
        while start.elapsed() < TIMEOUT && still < 3 {
            thread::sleep(Duration::from_millis(40));
            let now = self.contents();
            if now == last {
                still += 1;
            } else {
                still = 0;
                last = now;
            }
        }
    }

    /// The text of one screen row, trimmed.
    pub fn row(&self, row: u16) -> String {
        let parser = self.screen.lock().unwrap();
        let cols = parser.screen().size().1;
        parser
            .screen()
            .contents_between(row, 0, row, cols.get())
            .trim()
            .to_string()
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Polls until `done` holds for the screen; fails with the screen.
    pub fn wait(&self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if done(self.screen.lock().unwrap().screen()) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen never showed {what}:\n{}", self.contents());
    }

    /// Waits until the screen shows `text`, polling, and fails with the
    /// screen if it never does.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.contents().contains(text) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen never showed {text:?}:\n{}", self.contents());
    }

    pub fn wait_until_gone(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if !self.contents().contains(text) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen still shows {text:?}:\n{}", self.contents());
    }

    pub fn press(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn wait_exit(&mut self) -> u32 {
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
    pub fn assert_restored(&self) {
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

//! The palette end to end: the real binary in a pseudo-terminal, typing
//! "/zakharova troops", Enter, and her words highlighted in the article.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
}

impl Session {
    fn start(rows: u16, cols: u16) -> Session {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pty = native_pty_system()
            .openpty(size)
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_brief"));
        cmd.env("TERM", "xterm-256color");
        let child = pty.slave.spawn_command(cmd).expect("brief starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let writer = pty.master.take_writer().expect("a writer");
        let parser = vt100::Parser::new(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
            0,
        );
        let screen = Arc::new(Mutex::new(parser));
        let sink = Arc::clone(&screen);
        thread::spawn(move || {
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

    /// Polls until `done` holds for the screen; fails with the screen.
    fn wait(&self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if done(self.screen.lock().unwrap().screen()) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen never showed {what}:\n{}", self.contents());
    }

    fn wait_for(&self, text: &str) {
        self.wait(text, |s| s.contents().contains(text));
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
}

/// Whether `word` shows somewhere with every cell in reverse video.
fn shown_reversed(s: &vt100::Screen, word: &str) -> bool {
    let (rows, cols) = (s.size().0.get(), s.size().1.get());
    let want: Vec<char> = word.chars().collect();
    (0..rows).any(|r| {
        let cells: Vec<(u16, String)> = (0..cols)
            .filter_map(|c| Some((c, s.cell(r, c)?.contents().to_string())))
            .collect();
        let chars: Vec<char> = cells
            .iter()
            .map(|(_, t)| t.chars().next().unwrap_or(' '))
            .collect();
        (0..chars.len().saturating_sub(want.len() - 1)).any(|x| {
            chars[x..x + want.len()] == want[..]
                && cells[x..x + want.len()]
                    .iter()
                    .all(|(c, _)| s.cell(r, *c).is_some_and(|cell| cell.inverse()))
        })
    })
}

#[test]
fn typing_zakharova_troops_and_enter_lands_on_her_words() {
    // What `brief search` ranks first is where Enter must land.
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["search", "-n", "1", "zakharova troops"])
        .output()
        .unwrap();
    let top = String::from_utf8(out.stdout).unwrap();
    let fields: Vec<&str> = top.trim_end().split('\t').collect();
    assert_eq!(fields[0], "quote", "{top}");
    let (id, words) = (fields[1].to_string(), fields[2].to_string());
    let b = brief::cli::open(None).unwrap();
    assert_eq!(b.quote(&id).unwrap().speaker.as_str(), "zakharova");

    let mut s = Session::start(40, 120);
    s.wait_for("Timeline");
    s.press(b"/");
    s.wait_for("Search everything");
    s.press(b"zakharova troops");
    let first = words.split_whitespace().next().unwrap().to_string();
    s.wait_for(&first);
    s.press(b"\r");
    s.wait("the palette closed", |screen| {
        !screen.contents().contains("Search everything")
    });
    for word in words.split_whitespace() {
        s.wait(&format!("{word:?} highlighted"), |screen| {
            shown_reversed(screen, word)
        });
    }
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
}

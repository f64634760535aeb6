//! Briefing prep in a real terminal: copying through OSC 52.

mod common;

use base64::Engine;
use common::{Session, fixture};

/// The text of every OSC 52 sequence brief wrote, decoded.
fn copied(raw: &[u8]) -> Vec<String> {
    let raw = String::from_utf8_lossy(raw);
    let mut out = Vec::new();
    for part in raw.split("\x1b]52;c;").skip(1) {
        let end = part.find(['\x1b', '\x07']).unwrap_or(part.len());
        let data = base64::engine::general_purpose::STANDARD
            .decode(&part[..end])
            .expect("OSC 52 holds base64");
        out.push(String::from_utf8(data).expect("UTF-8 text"));
    }
    out
}

#[test]
fn y_copies_the_current_quote_with_its_citation_through_osc52() {
    let fixture = fixture();
    let mut s = Session::start(&["-b", &fixture], 30, 100);
    s.wait_for("Details · Event");
    s.press(b"/zakharova troops");
    s.wait_for("unacceptable");
    s.press(b"\r");
    s.wait_for("Details · Quote");
    s.press(b"y");
    s.wait_for("copied as text");
    let texts = copied(&s.raw.lock().unwrap());
    assert_eq!(texts.len(), 1, "{texts:?}");
    let t = &texts[0];
    assert!(t.starts_with("“unacceptable foreign intervention”"), "{t}");
    assert!(t.contains(" — Maria Zakharova"), "{t}");
    assert!(
        t.contains("(Example Wire, “Talks in Paris”, 5 Sep 2025)"),
        "{t}"
    );
    // Y: the same as Markdown.
    s.press(b"Y");
    s.wait_for("copied as Markdown");
    let texts = copied(&s.raw.lock().unwrap());
    assert_eq!(texts.len(), 2);
    assert!(
        texts[1].starts_with("> “unacceptable foreign intervention”"),
        "{}",
        texts[1]
    );
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
}

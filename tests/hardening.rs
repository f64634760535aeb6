//! Hostile input, as issue 8 found it: each case here once hung, leaked or
//! broke the terminal. `brief` must answer each with a clear message.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn brief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .output()
        .expect("brief runs")
}

fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/ukraine-security-guarantees")
}

/// A fresh copy of the bundled briefing in a directory of its own.
fn copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brief-hardening-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("sources")).unwrap();
    for entry in walk(&bundled()) {
        let rel = entry.strip_prefix(bundled()).unwrap();
        fs::copy(&entry, dir.join(rel)).unwrap();
    }
    dir
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn append(path: &Path, text: &str) {
    let mut s = fs::read_to_string(path).unwrap();
    s.push_str(text);
    fs::write(path, s).unwrap();
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// No C0 (but tab and newline), DEL or C1 character: nothing a terminal
/// would act on.
fn assert_inert(what: &str, s: &str) {
    if let Some(c) = s.chars().find(|&c| brief::model::text::is_unsafe(c)) {
        panic!("{what} holds {c:?}:\n{s}");
    }
}

#[test]
fn many_problems_of_one_kind_are_counted_after_the_first_few() {
    let dir = copy("many-errors");
    let mut quotes = String::new();
    for i in 0..3_000 {
        quotes.push_str(&format!(
            "\n[[quotes]]\nid = \"q-{i}\"\nspeaker = \"nobody-{i}\"\ntext = \"fight on.\"\n\
             source = \"intellinews-2025-08-20\"\nprefix = \"told Zelenskiy to “\"\n"
        ));
    }
    append(&dir.join("quotes.toml"), &quotes);
    let out = brief(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let shown = text.matches("error: unknown actor `nobody-").count();
    assert_eq!(shown, brief::cli::SHOWN_PER_KIND, "{text}");
    // The first ones, in file order, each with its line and column.
    assert!(text.contains("quotes.toml:") && text.contains("unknown actor `nobody-0`"));
    let more = 3_000 - brief::cli::SHOWN_PER_KIND;
    assert!(
        text.contains(&format!(
            "… and {more} more errors like “unknown actor `…`”"
        )),
        "{text}"
    );
    assert!(text.contains(": 3000 error(s), 0 warning(s)"), "{text}");
    let _ = fs::remove_dir_all(dir);
}

/// `brief check` and `brief export` on `dir`, which must both refuse it
/// with `message` and export nothing.
fn assert_refused(dir: &Path, message: &str) {
    let out = brief(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains(message), "{}", stdout(&out));
    let out = brief(&["export", "-b", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
}

#[cfg(unix)]
#[test]
fn a_source_symlinked_outside_the_briefing_is_refused() {
    let dir = copy("symlink-out");
    let outside = dir.with_extension("outside.txt");
    fs::write(&outside, "secret words from outside the briefing\n").unwrap();
    let src = dir.join("sources/sme-2025-08-20.txt");
    fs::remove_file(&src).unwrap();
    std::os::unix::fs::symlink(&outside, &src).unwrap();
    assert_refused(&dir, "outside the briefing directory");
    let out = brief(&["check", dir.to_str().unwrap()]);
    assert!(stdout(&out).contains("sources.toml:"), "{}", stdout(&out));
    // A symlink that stays inside the briefing is fine.
    fs::remove_file(&src).unwrap();
    fs::copy(
        bundled().join("sources/sme-2025-08-20.txt"),
        dir.join("sme.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink("../sme.txt", &src).unwrap();
    let out = brief(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let _ = fs::remove_dir_all(&dir);
    let _ = fs::remove_file(outside);
}

#[cfg(unix)]
#[test]
fn a_symlinked_sources_directory_is_refused() {
    let dir = copy("symlink-dir");
    let outside = dir.with_extension("sources");
    let _ = fs::remove_dir_all(&outside);
    fs::rename(dir.join("sources"), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("sources")).unwrap();
    assert_refused(&dir, "outside the briefing directory");
    let _ = fs::remove_dir_all(&dir);
    let _ = fs::remove_dir_all(outside);
}

#[cfg(unix)]
#[test]
fn devices_fifos_and_huge_files_are_refused_without_reading_them() {
    let dir = copy("special");
    let src = dir.join("sources/sme-2025-08-20.txt");
    fs::remove_file(&src).unwrap();
    // /dev/zero, reached through a symlink inside the briefing: outside.
    std::os::unix::fs::symlink("/dev/zero", &src).unwrap();
    assert_refused(&dir, "outside the briefing directory");
    fs::remove_file(&src).unwrap();
    // A FIFO with no writer: reading it would wait forever.
    let made = Command::new("mkfifo").arg(&src).status().unwrap();
    assert!(made.success());
    assert_refused(&dir, "not a regular file");
    fs::remove_file(&src).unwrap();
    // A (sparse) file over the cap.
    let f = fs::File::create(&src).unwrap();
    f.set_len(brief::model::load::MAX_SOURCE_BYTES + 1).unwrap();
    drop(f);
    assert_refused(&dir, "larger than 32 MiB");
    // A TOML file that is a FIFO: an I/O error, exit 2, no hang.
    fs::remove_file(dir.join("issues.toml")).unwrap();
    assert!(
        Command::new("mkfifo")
            .arg(dir.join("issues.toml"))
            .status()
            .unwrap()
            .success()
    );
    let out = brief(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("issues.toml: is a device, FIFO or socket, not a regular file"),
        "{}",
        stderr(&out)
    );
    let _ = fs::remove_dir_all(&dir);
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let s = fs::read_to_string(path).unwrap();
    assert!(s.contains(from), "{from:?} not in {}", path.display());
    fs::write(path, s.replacen(from, to, 1)).unwrap();
}

#[test]
fn invisible_characters_in_fields_are_errors_pointed_at_where_written() {
    let dir = copy("invisible");
    let issues = dir.join("issues.toml");
    // Raw, and as escapes of several spellings.
    replace_in(
        &issues,
        "title = \"Security guarantees in a settlement\"",
        "title = \"Security\u{200b} guarantees \\u2060in a \\U000E0041settlement\\u00AD\"",
    );
    let out = brief(&["check", dir.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert_inert("check output", &text);
    let line = fs::read_to_string(&issues)
        .unwrap()
        .lines()
        .position(|l| l.contains("Security"))
        .unwrap()
        + 1;
    let raw = fs::read_to_string(&issues).unwrap();
    let row = raw.lines().nth(line - 1).unwrap();
    let col = |needle: &str| row[..row.find(needle).unwrap()].chars().count() + 1;
    for (needle, what) in [
        ("\u{200b}", "invisible character U+200B"),
        ("\\u2060", "invisible character U+2060"),
        ("\\U000E0041", "invisible character U+E0041"),
        ("\\u00AD", "soft hyphen U+00AD"),
    ] {
        let want = format!("issues.toml:{line}:{}: error: {what} in text", col(needle));
        assert!(text.contains(&want), "{want}\n{text}");
    }
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn every_control_character_of_a_source_is_reported_and_crlf_is_accepted() {
    let dir = copy("controls");
    let src = dir.join("sources/sme-2025-08-20.txt");
    let text = fs::read_to_string(&src).unwrap();
    // CRLF line ends everywhere, two controls and a soft hyphen.
    let crlf = text.replace('\n', "\r\n");
    fs::write(&src, &crlf).unwrap();
    let out = brief(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let bad = crlf
        .replacen("Slovakia", "Slo\u{1b}vakia\u{7}", 1)
        .replacen("Wednesday", "Wed\u{ad}nesday", 1);
    fs::write(&src, &bad).unwrap();
    let out = brief(&["check", dir.to_str().unwrap()]);
    let report = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{report}");
    assert_inert("check output", &report);
    assert!(
        report.contains("sme-2025-08-20.txt:5:4: error: ESC (U+001B) in source text"),
        "{report}"
    );
    assert!(
        report.contains("sme-2025-08-20.txt:5:10: error: BEL (U+0007) in source text"),
        "{report}"
    );
    assert!(
        report.contains("sme-2025-08-20.txt:7:4: warning: soft hyphen U+00AD in source text"),
        "{report}"
    );
    // The quotes still land on the same words, CR LF or not.
    fs::write(&src, &crlf).unwrap();
    let crlf_json = stdout(&brief(&["export", "-b", dir.to_str().unwrap()]));
    fs::write(&src, &text).unwrap();
    let lf_json = stdout(&brief(&["export", "-b", dir.to_str().unwrap()]));
    assert!(!crlf_json.is_empty());
    assert_eq!(crlf_json.replace("\\r\\n", "\\n"), lf_json);
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn an_escape_is_pointed_at_not_the_opening_quote() {
    let dir = copy("escape");
    replace_in(
        &dir.join("issues.toml"),
        "title = \"Security guarantees in a settlement\"",
        "title = \"Security \\b guarantees \\e[31m in a settlement\"",
    );
    let out = brief(&["check", dir.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(
        text.contains("issues.toml:3:19: error: backspace (U+0008) in text"),
        "{text}"
    );
    assert!(
        text.contains("issues.toml:3:33: error: ESC (U+001B) in text"),
        "{text}"
    );
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn dotted_keys_too_deep_get_a_line_and_column() {
    let dir = copy("dotted");
    let key = vec!["a"; 150].join(".");
    append(&dir.join("issues.toml"), &format!("\n{key} = 1\n"));
    let lines = fs::read_to_string(dir.join("issues.toml"))
        .unwrap()
        .lines()
        .count();
    let out = brief(&["check", dir.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(
        text.contains(&format!("issues.toml:{lines}:1: error: TOML syntax")),
        "{text}"
    );
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn paths_and_arguments_are_printed_inert() {
    let hostile = std::env::temp_dir().join(format!(
        "brief-\u{1b}]0;pwned\u{7}-{}\u{9b}31m",
        std::process::id()
    ));
    let _ = fs::remove_dir_all(&hostile);
    // A missing briefing: the `brief:` error names the path.
    let out = brief(&["check", hostile.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_inert("stderr", &stderr(&out));
    assert!(
        stderr(&out).contains("brief-␛]0;pwned␇"),
        "{}",
        stderr(&out)
    );
    // A real one: the summary line names it.
    fs::create_dir_all(hostile.join("sources")).unwrap();
    for entry in walk(&bundled()) {
        fs::copy(&entry, hostile.join(entry.strip_prefix(bundled()).unwrap())).unwrap();
    }
    let out = brief(&["check", hostile.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_inert("stdout", &stdout(&out));
    assert!(stdout(&out).contains("pwned␇"), "{}", stdout(&out));
    for args in [
        vec![
            "export",
            "-b",
            hostile.to_str().unwrap(),
            "--format",
            "nope\u{1b}[2J",
        ],
        vec!["\u{1b}]0;x\u{7}"],
    ] {
        let out = brief(&args);
        assert_eq!(out.status.code(), Some(2));
        assert_inert("stderr", &stderr(&out));
    }
    let _ = fs::remove_dir_all(hostile);
}

#[test]
fn markdown_export_escapes_markup_from_the_data() {
    let dir = copy("markup");
    replace_in(
        &dir.join("issues.toml"),
        "title = \"Security guarantees in a settlement\"",
        "title = \"<img src=x onerror=alert(1)>\\n# Injected heading\"",
    );
    let out = brief(&[
        "export",
        "-b",
        dir.to_str().unwrap(),
        "--format",
        "markdown",
    ]);
    let md = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Read by a CommonMark parser: no HTML, and no heading of the data's own.
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut in_heading = false;
    let mut headings = Vec::new();
    for event in Parser::new(&md) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("HTML from the data: {h}"),
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                headings.push(String::new());
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(t) if in_heading => headings.last_mut().unwrap().push_str(&t),
            _ => {}
        }
    }
    assert!(
        !headings.iter().any(|h| h.starts_with("Injected")),
        "{headings:?}"
    );
    assert!(
        headings.contains(&"<img src=x onerror=alert(1)> # Injected heading".to_string()),
        "the title reads as text: {headings:?}"
    );
    let _ = fs::remove_dir_all(dir);
}

/// Rows are measured as the terminal draws them: ❤️ (with U+FE0F) takes
/// two columns, so a row of them is cut where it fills the width, not one
/// column later; a CR LF line end is not shown.
#[test]
fn emoji_with_variation_selector_16_are_measured_two_wide() {
    use brief::app::wrap::wrap;
    use ratatui::text::Line;
    let text = "❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}";
    let rows = wrap(text, 6, false);
    let shown: Vec<&str> = rows.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(shown, ["❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}", "❤\u{fe0f}❤\u{fe0f}"]);
    for row in shown {
        assert!(Line::from(row).width() <= 6);
        assert_eq!(brief::model::text::width(row), Line::from(row).width());
    }
    let text = "one\r\ntwo\r\n";
    let rows: Vec<&str> = wrap(text, 10, false)
        .iter()
        .map(|r| &text[r.clone()])
        .collect();
    assert_eq!(rows, ["one", "two", ""]);
}

/// A tab or line break in a one-line field (an event's title) is drawn as
/// a space, never deleted so that words run together.
#[test]
fn tabs_and_newlines_in_one_line_fields_show_as_spaces() {
    use ratatui::{Terminal, backend::TestBackend, layout::Rect};
    let dir = copy("tabs");
    replace_in(
        &dir.join("events.toml"),
        "title = \"The 2022 Istanbul peace deal\"",
        "title = \"The 2022\\tIstanbul\\npeace deal\"",
    );
    let b = brief::cli::open(Some(&dir)).expect("valid");
    let app = brief::app::App::new(
        b,
        brief::ui::theme::Theme::new(false),
        Rect::new(0, 0, 200, 60),
    );
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    terminal.draw(|f| brief::ui::draw(f, &app)).unwrap();
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    // In the timeline and in the details' heading.
    assert_eq!(
        screen.matches("The 2022 Istanbul peace deal").count(),
        2,
        "{screen}"
    );
    assert!(!screen.contains("2022Istanbul") && !screen.contains("Istanbulpeace"));
    let _ = fs::remove_dir_all(dir);
}

/// Large files are parsed in parts; what is reported in a later part must
/// point at the same line and column as if the file were parsed whole, and
/// a syntax error anywhere must still be reported as such.
#[test]
fn large_files_read_in_parts_report_places_in_the_whole_file() {
    let dir = std::env::temp_dir().join(format!("brief-hardening-{}-parts", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let b = brief::synth::generate(8_000, 5);
    brief::synth::write_dir(&b, &dir).unwrap();
    let clean = brief::model::load(&brief::model::Origin::Dir(dir.clone())).unwrap();
    assert_eq!(clean.errors(), 0);
    assert_eq!(clean.briefing.quotes.len(), b.quotes.len());
    assert_eq!(clean.briefing.events.len(), b.events.len());
    let quotes = dir.join("quotes.toml");
    let text = fs::read_to_string(&quotes).unwrap();
    assert!(text.len() > 600_000, "{}", text.len());
    // The last quote's speaker, far past the first part.
    let at = text.rfind("speaker = \"").unwrap() + "speaker = ".len();
    let mut broken = text.clone();
    broken.insert_str(at + 1, "nobody-");
    // An escape in the summary of the last event.
    let events = dir.join("events.toml");
    let ev = fs::read_to_string(&events).unwrap();
    let at_ev = ev.rfind("summary = \"").unwrap() + "summary = \"".len();
    let mut ev_broken = ev.clone();
    ev_broken.insert_str(at_ev, "\\u001b");
    fs::write(&quotes, &broken).unwrap();
    fs::write(&events, &ev_broken).unwrap();
    let line_col = |s: &str, at: usize| {
        let before = &s[..at];
        (
            before.matches('\n').count() + 1,
            before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1,
        )
    };
    let out = brief(&["check", dir.to_str().unwrap()]);
    let report = stdout(&out);
    let (l, c) = line_col(&broken, at);
    assert!(
        report.contains(&format!(
            "quotes.toml:{l}:{c}: error: unknown actor `nobody-"
        )),
        "{report}"
    );
    let (l, c) = line_col(&ev_broken, at_ev);
    assert!(
        report.contains(&format!("events.toml:{l}:{c}: error: ESC (U+001B) in text")),
        "{report}"
    );
    // A syntax error in a late part: the whole file is read at once and
    // the error is reported where it is.
    let mut syntax = text.clone();
    let at_syn = text.rfind("\ntext = ").unwrap() + 1;
    syntax.insert_str(at_syn, "= = =\n");
    fs::write(&quotes, &syntax).unwrap();
    let out = brief(&["check", dir.to_str().unwrap()]);
    let report = stdout(&out);
    let (l, _) = line_col(&syntax, at_syn);
    assert!(
        report.contains(&format!("quotes.toml:{l}:1: error: TOML syntax")),
        "{report}"
    );
    let _ = fs::remove_dir_all(dir);
}

/// A joiner or variation selector shapes the character before it; one
/// that follows no visible character would reach the terminal invisible,
/// so it is an error, while emoji sequences pass.
#[test]
fn stray_joiners_are_errors_emoji_sequences_are_not() {
    let dir = copy("joiners");
    let src = dir.join("sources/sme-2025-08-20.txt");
    let text = fs::read_to_string(&src).unwrap();
    fs::write(
        &src,
        text.replacen("Slovakia", "Slovakia 👨\u{200d}👩\u{200d}👧 ❤\u{fe0f}", 1),
    )
    .unwrap();
    let out = brief(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    fs::write(&src, text.replacen("Slovakia", "Slovakia \u{200d}x", 1)).unwrap();
    let out = brief(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out)
            .contains("sme-2025-08-20.txt:5:10: error: joiner or variation selector U+200D"),
        "{}",
        stdout(&out)
    );
    let _ = fs::remove_dir_all(dir);
}

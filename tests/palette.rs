//! The `/` palette and find-in-source on `TestBackend`, keys going through
//! the reader's own key handling (`reader::action_for`) as a person's would.

use brief::app::{App, Pane};
use brief::model::Briefing;
use brief::search::{Corpus, Matcher, Target, search};
use brief::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Modifier;

fn bundled() -> Briefing {
    brief::cli::open(None).expect("the bundled briefing is valid")
}

fn app(width: u16, height: u16) -> App {
    App::new(bundled(), Theme::new(true), Rect::new(0, 0, width, height))
}

fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(a) = brief::reader::action_for(
        Event::Key(KeyEvent::new(code, modifiers)),
        app,
        brief::keymap::Keymap::builtin(),
    ) {
        app.update(a);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

fn screen(app: &App) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    t.draw(|f| ui::draw(f, app)).unwrap();
    t.backend().buffer().clone()
}

/// The screen's rows as text.
fn rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

/// Whether `words` show on screen with every cell carrying `modifier`.
fn shown_with(buf: &Buffer, words: &str, modifier: Modifier) -> bool {
    for (y, row) in rows(buf).iter().enumerate() {
        let cells: Vec<char> = row.chars().collect();
        let want: Vec<char> = words.chars().collect();
        for x in 0..cells.len().saturating_sub(want.len() - 1) {
            if cells[x..x + want.len()] == want[..]
                && (x..x + want.len())
                    .all(|cx| buf[(cx as u16, y as u16)].modifier.contains(modifier))
            {
                return true;
            }
        }
    }
    false
}

#[test]
fn zakharova_troops_enter_lands_on_her_words_highlighted() {
    let mut app = app(120, 40);
    key(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
    typed(&mut app, "zakharova troops");
    // The palette's first result is `brief search`'s first result.
    let corpus = Corpus::new(&app.briefing);
    let top = &search(&corpus, &Matcher::default(), "zakharova troops", 1)[0];
    let palette = app.search.palette.as_ref().expect("the palette is open");
    assert_eq!(palette.hits[0].item, top.item);
    let Target::Quote(q) = corpus.items[top.item].target else {
        panic!("the top result is a quote")
    };
    assert_eq!(app.briefing.quotes[q].speaker.as_str(), "zakharova");

    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(app.search.palette.is_none());
    assert_eq!(app.focus, Pane::Source);
    // Every pane is on her quote: Details, the actors pane, the timeline.
    assert_eq!(app.current, brief::app::current::Item::Quote(q));
    assert_eq!(
        app.details.of,
        Some(brief::app::current::Item::Quote(q)),
        "Details describes the quote"
    );
    assert_eq!(app.actor, brief::app::lists::ActorSel::Quote(q));
    let quote = &app.briefing.quotes[q];
    let current = &app.source.marks[app.source.current.expect("a current highlight")];
    assert_eq!(current.quote, Some(q));
    let text = &app.briefing.sources[app.source.source.unwrap()].text;
    assert_eq!(&text[current.range.clone()], quote.text.as_str());
    // On screen: her words in the source pane, in the current highlight
    // (word by word, as the pane wraps them).
    let buf = screen(&app);
    for word in quote.text.split_whitespace() {
        assert!(
            shown_with(&buf, word, Modifier::REVERSED),
            "{word:?} not highlighted:\n{}",
            rows(&buf).join("\n")
        );
    }
}

#[test]
fn esc_returns_to_exactly_where_you_were() {
    let mut app = app(100, 30);
    for code in [
        KeyCode::Char('j'),
        KeyCode::Char('j'),
        KeyCode::Tab,
        KeyCode::Char('j'),
    ] {
        key(&mut app, code, KeyModifiers::NONE);
    }
    let before = screen(&app);
    let (focus, timeline, source) = (app.focus, app.timeline, app.source.source);
    key(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
    typed(&mut app, "kyiv q");
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_ne!(screen(&app), before, "the palette shows");
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(
        (app.focus, app.timeline, app.source.source),
        (focus, timeline, source)
    );
    assert_eq!(screen(&app), before);
}

#[test]
fn arrows_and_ctrl_n_p_move_through_results() {
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
    typed(&mut app, "ukraine");
    let selected = |app: &App| app.search.palette.as_ref().unwrap().selected;
    assert!(app.search.palette.as_ref().unwrap().hits.len() > 3);
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(selected(&app), 2);
    key(&mut app, KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert_eq!(selected(&app), 1);
    key(&mut app, KeyCode::Up, KeyModifiers::NONE);
    key(&mut app, KeyCode::Up, KeyModifiers::NONE);
    assert_eq!(selected(&app), 0);
    // Keys that mean something elsewhere are text here.
    typed(&mut app, "q");
    assert_eq!(app.search.palette.as_ref().unwrap().input, "ukraineq");
    assert!(!app.quit);
    key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(app.search.palette.as_ref().unwrap().input, "ukraine");
    // Ctrl-c quits, always.
    key(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(app.quit);
}

#[test]
fn rows_show_kind_label_date_speaker_and_the_matched_characters() {
    let mut app = app(120, 40);
    key(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
    typed(&mut app, "q:unacceptable");
    let buf = screen(&app);
    let text = rows(&buf).join("\n");
    let row = text
        .lines()
        .find(|l| l.contains("unacceptable foreign intervention"))
        .expect("her quote listed");
    assert!(
        row.contains("quote") && row.contains("Maria Zakharova") && row.contains("2025"),
        "{row}"
    );
    assert!(shown_with(&buf, "unacceptable", Modifier::UNDERLINED));
    assert!(!shown_with(&buf, "foreign", Modifier::UNDERLINED));
    assert!(!shown_with(&buf, "Zakharova", Modifier::UNDERLINED));

    // A match in the speaker is highlighted in the speaker.
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
    typed(&mut app, "q:zakharova");
    let buf = screen(&app);
    assert!(rows(&buf).iter().any(|r| r.contains("Maria Zakharova")));
    assert!(shown_with(&buf, "Zakharova", Modifier::UNDERLINED));
}

#[test]
fn a_sentence_result_opens_its_source_at_the_sentence_with_the_match_highlighted() {
    let mut app = app(120, 40);
    key(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
    typed(&mut app, "t:promptly collapsed");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.focus, Pane::Source);
    let text = &app.briefing.sources[app.source.source.expect("a source open")].text;
    let found: String = app.source.found.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(found.replace(' ', ""), "promptlycollapsed");
    // Adjacent matched chars are one highlight: n/N step word by word here.
    assert_eq!(app.source.found.len(), 2);
    assert!(rows(&screen(&app)).join("").contains("1/2"));
    // The sentence is in view, and the matched words are highlighted on screen.
    let row = app
        .source
        .rows
        .iter()
        .position(|r| r.contains(&app.source.found[0].start))
        .unwrap();
    assert!(row >= app.source.scroll && row < app.source.scroll + 30);
    assert!(shown_with(&screen(&app), "promptly", Modifier::UNDERLINED));
}

#[test]
fn find_in_source_highlights_every_match_and_steps_with_n() {
    let mut app = app(120, 40);
    while app.focus != Pane::Source {
        key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    }
    key(&mut app, KeyCode::Char('f'), KeyModifiers::CONTROL);
    assert!(app.search.find.editing);
    typed(&mut app, "the");
    let text = app.briefing.sources[app.source.source.unwrap()]
        .text
        .to_lowercase();
    let total = text.matches("the").count();
    assert!(total > 2);
    assert_eq!(app.source.found.len(), total);
    let first = app.source.found_current.unwrap();
    assert!(
        rows(&screen(&app))
            .join("")
            .contains(&format!("{}/{total}", first + 1))
    );
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(!app.search.find.editing);
    key(&mut app, KeyCode::Char('n'), KeyModifiers::NONE);
    assert_eq!(app.source.found_current, Some((first + 1) % total));
    assert!(
        rows(&screen(&app))
            .join("")
            .contains(&format!("{}/{total}", (first + 1) % total + 1))
    );
    key(&mut app, KeyCode::Char('N'), KeyModifiers::SHIFT);
    assert_eq!(app.source.found_current, Some(first));
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(app.source.found.is_empty());
    assert!(!rows(&screen(&app)).join("").contains(&format!("/{total}")));
}

#[test]
fn moving_past_the_first_page_lists_more_results() {
    let mut app = app(80, 24);
    key(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
    typed(&mut app, "a");
    let page = app.search.palette.as_ref().unwrap().hits.len();
    assert!(page > 5 && app.search.palette.as_ref().unwrap().results.ranked.len() > 3 * page);
    key(&mut app, KeyCode::PageDown, KeyModifiers::NONE);
    key(&mut app, KeyCode::PageDown, KeyModifiers::NONE);
    let p = app.search.palette.as_ref().unwrap();
    assert_eq!(p.selected, 2 * page);
    assert!(p.hits.len() > p.selected);
    // The selected row is on screen, in the selection style (its kind
    // column is reversed only there).
    let corpus = &app.search.engine.as_ref().unwrap().corpus;
    let kind = corpus.items[p.hits[p.selected].item].kind.word();
    assert!(
        shown_with(&screen(&app), kind, Modifier::REVERSED),
        "{kind}"
    );
}

fn input(app: &App) -> (String, usize) {
    let p = app.search.palette.as_ref().expect("the palette is open");
    (p.input.clone(), p.cursor)
}

#[test]
fn readline_keys_edit_the_query() {
    let mut app = app(120, 40);
    key(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
    typed(&mut app, "zakharova troops");
    key(&mut app, KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(input(&app), ("zakharova ".into(), 10));
    typed(&mut app, "nato");
    key(&mut app, KeyCode::Char('a'), KeyModifiers::CONTROL);
    typed(&mut app, "'");
    assert_eq!(input(&app), ("'zakharova nato".into(), 1));
    key(&mut app, KeyCode::Right, KeyModifiers::NONE);
    key(&mut app, KeyCode::Right, KeyModifiers::NONE);
    key(&mut app, KeyCode::Left, KeyModifiers::NONE);
    assert_eq!(input(&app).1, 2);
    key(&mut app, KeyCode::Char('k'), KeyModifiers::CONTROL);
    assert_eq!(input(&app), ("'z".into(), 2));
    key(&mut app, KeyCode::Char('e'), KeyModifiers::CONTROL);
    typed(&mut app, "akharova");
    key(&mut app, KeyCode::Left, KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(input(&app), ("a".into(), 0));
    key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(input(&app), ("a".into(), 0), "nothing before the cursor");
    // The results follow every edit.
    key(&mut app, KeyCode::Char('e'), KeyModifiers::CONTROL);
    key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    typed(&mut app, "backstop");
    let p = app.search.palette.as_ref().unwrap();
    let corpus = &app.search.engine.as_ref().unwrap().corpus;
    assert_eq!(corpus.items[p.hits[0].item].id, "trump-backstop");
}

#[test]
fn the_last_query_comes_back_selected_and_history_steps_back() {
    let mut app = app(120, 40);
    key(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
    typed(&mut app, "alaska");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
    // Kept, selected, with its results listed.
    let p = app.search.palette.as_ref().unwrap();
    assert!(p.replace && p.input == "alaska" && !p.hits.is_empty());
    assert!(shown_with(&screen(&app), "alaska", Modifier::REVERSED));
    // Typing replaces it.
    typed(&mut app, "peskov");
    assert_eq!(input(&app).0, "peskov");
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
    assert_eq!(input(&app).0, "peskov");
    // An arrow keeps it and moves the cursor.
    key(&mut app, KeyCode::Left, KeyModifiers::NONE);
    typed(&mut app, "x");
    assert_eq!(input(&app).0, "peskoxv");
    // ↑ on the first row, then Ctrl-r, step back through the session's queries.
    key(&mut app, KeyCode::Up, KeyModifiers::NONE);
    assert_eq!(input(&app).0, "peskov");
    key(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(input(&app).0, "alaska");
    key(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(input(&app).0, "alaska", "no earlier query");
    // Below the first row, ↑ moves the selection.
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    key(&mut app, KeyCode::Up, KeyModifiers::NONE);
    assert_eq!(input(&app).0, "alaska");
    assert_eq!(app.search.palette.as_ref().unwrap().selected, 0);
}

#[test]
fn hidden_results_are_counted_and_shown_on_request() {
    let mut app = app(120, 40);
    key(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
    typed(&mut app, "backstop");
    let p = app.search.palette.as_ref().unwrap();
    let (shown, total) = (p.results.shown(), p.results.total());
    assert!(shown < total, "{shown} of {total}");
    let count = format!("{shown} shown · {} hidden", total - shown);
    assert!(rows(&screen(&app)).join("\n").contains(&count), "{count}");
    assert_eq!(p.listed(), shown);
    key(&mut app, KeyCode::Char('t'), KeyModifiers::CONTROL);
    let p = app.search.palette.as_ref().unwrap();
    assert_eq!(p.listed(), total.min(p.results.ranked.len()));
    // What is shown is what `brief search` prints, in the same order.
    key(&mut app, KeyCode::Char('t'), KeyModifiers::CONTROL);
    let p = app.search.palette.as_ref().unwrap();
    let corpus = Corpus::new(&app.briefing);
    let headless: Vec<usize> = search(&corpus, &Matcher::default(), "backstop", 100)
        .iter()
        .map(|h| h.item)
        .collect();
    let listed: Vec<usize> = p.hits.iter().map(|h| h.item).collect();
    assert_eq!(listed, headless[..listed.len()]);
    assert_eq!(headless.len(), shown.min(100));
}

#[test]
fn a_click_selects_a_result_and_a_second_click_goes_there() {
    let mut app = app(120, 40);
    key(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
    typed(&mut app, "q:zakharova");
    let buf = screen(&app);
    let corpus = app.search.engine.as_ref().unwrap().corpus.clone();
    let p = app.search.palette.as_ref().unwrap();
    let second = corpus.items[p.hits[1].item].label().to_string();
    let words: String = second.chars().take(10).collect();
    let (y, x) = rows(&buf)
        .iter()
        .enumerate()
        .find_map(|(y, r)| r.find(&words).map(|x| (y, r[..x].chars().count())))
        .expect("the second result on screen");
    let click = brief::app::Action::Click {
        column: x as u16,
        row: y as u16,
    };
    app.update(click);
    assert_eq!(app.search.palette.as_ref().unwrap().selected, 1);
    // The wheel moves through the results.
    app.update(brief::app::Action::Scroll {
        column: x as u16,
        row: y as u16,
        down: false,
    });
    assert_eq!(app.search.palette.as_ref().unwrap().selected, 0);
    app.update(click);
    app.update(click);
    assert!(app.search.palette.is_none(), "a double click goes to it");
    let Target::Quote(q) = corpus.items[p_item(&corpus, &second)].target else {
        panic!("a quote")
    };
    assert_eq!(app.source.marks[app.source.current.unwrap()].quote, Some(q));
}

fn p_item(corpus: &Corpus, label: &str) -> usize {
    corpus
        .items
        .iter()
        .position(|i| i.kind == brief::search::Kind::Quote && i.label() == label)
        .unwrap()
}

#[test]
fn palette_rows_snapshot() {
    let mut app = app(110, 30);
    key(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
    typed(&mut app, "@moscow troops");
    let mut t = Terminal::new(TestBackend::new(110, 30)).unwrap();
    t.draw(|f| ui::draw(f, &app)).unwrap();
    insta::assert_snapshot!(t.backend());
}

#[test]
fn a_discrepancy_is_found_with_d_and_becomes_current() {
    let mut app = app(120, 40);
    key(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
    typed(&mut app, "d:paris");
    let p = app.search.palette.as_ref().unwrap();
    let corpus = app.search.engine.as_ref().unwrap().corpus.clone();
    assert!(!p.hits.is_empty());
    assert!(
        p.hits
            .iter()
            .all(|h| corpus.items[h.item].kind == brief::search::Kind::Discrepancy)
    );
    let Target::Discrepancy(d) = corpus.items[p.hits[0].item].target else {
        panic!("a discrepancy")
    };
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.current, brief::app::current::Item::Discrepancy(d));
}

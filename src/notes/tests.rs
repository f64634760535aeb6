//! Notes storage: round trip, failed saves, corrupt files, orphans.

use std::fs;

use super::*;

fn fixture() -> Briefing {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reader");
    crate::cli::open(Some(&dir)).expect("the reader fixture is valid")
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

/// Notes with one of every kind of entry the fixture has, a heading and notes.
fn sample(b: &Briefing) -> Notes {
    let mut n = Notes::new();
    n.entries
        .push(Entry::heading("Opening — \"the ask\" # not a heading"));
    let q = n.pin(b, &Item::Quote(0)).unwrap();
    n.entries[q].note = "Lead with this.\nSecond line, with \"quotes\" and ''' and \\.".into();
    n.pin(b, &Item::Event(0)).unwrap();
    n.pin(b, &Item::Position(0)).unwrap();
    let text = &b.sources[0].text;
    let end = text.char_indices().nth(20).map_or(text.len(), |(i, _)| i);
    n.pin(
        b,
        &Item::Passage {
            source: 0,
            range: 0..end,
        },
    )
    .unwrap();
    n.place = Some(Place::of(
        b,
        &Item::Quote(0),
        Filter {
            actor: Some(0),
            side: None,
        },
        1,
        42,
    ));
    n
}

#[test]
fn notes_survive_a_save_and_a_reload() {
    let b = fixture();
    let dir = tmp();
    let notes = sample(&b);
    let store = Store::new(dir.path(), b.meta.id.as_str());
    store.save(&notes).unwrap();
    let opened = Store::new(dir.path(), b.meta.id.as_str()).open();
    assert_eq!(opened.warning, None);
    assert_eq!(opened.notes, notes);
    // Every pin resolves to the item it was made from.
    let items: Vec<Option<Item>> = opened.notes.entries.iter().map(|e| e.resolve(&b)).collect();
    assert_eq!(items[0], None, "a heading is no item");
    assert_eq!(items[1], Some(Item::Quote(0)));
    assert_eq!(items[2], Some(Item::Event(0)));
    assert_eq!(items[3], Some(Item::Position(0)));
    assert!(matches!(items[4], Some(Item::Passage { source: 0, .. })));
    let place = opened.notes.place.unwrap();
    assert_eq!(place.filter(&b).actor, Some(0));
    assert_eq!(place.item.unwrap().resolve(&b), Some(Item::Quote(0)));
    // Only the notes file is left: no temporary file.
    let names: Vec<_> = fs::read_dir(store.path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from(FILE)]);
}

#[test]
fn the_file_is_readable_toml_naming_items_by_id_with_their_words() {
    let b = fixture();
    let text = sample(&b).to_toml();
    let q = &b.quotes[0];
    assert!(text.contains("[[entry]]"), "{text}");
    assert!(text.contains("kind = \"quote\""), "{text}");
    assert!(
        text.contains(&format!("id = \"{}\"", q.id.as_str())),
        "{text}"
    );
    let parsed: toml::Table = toml::from_str(&text).unwrap();
    let entries = parsed["entry"].as_array().unwrap();
    assert_eq!(entries[1]["excerpt"].as_str(), Some(q.text.as_str()));
}

#[test]
fn a_save_that_fails_at_the_rename_leaves_the_old_file_whole() {
    let b = fixture();
    let dir = tmp();
    let store = Store::new(dir.path(), "x");
    let old = sample(&b);
    store.save(&old).unwrap();
    let before = fs::read(&store.path).unwrap();
    let mut new = old.clone();
    new.entries.clear();
    // The temporary file vanishes before the rename, so the rename itself
    // fails (as it does in a read-only directory, which root ignores).
    let err = store
        .save_with(&new, |tmp| fs::remove_file(tmp))
        .unwrap_err();
    assert!(err.contains("replacing the old file"), "{err}");
    assert_eq!(fs::read(&store.path).unwrap(), before);
    assert_eq!(Store::new(dir.path(), "x").open().notes, old);
}

#[test]
fn a_save_into_a_read_only_directory_fails_and_leaves_the_old_file_whole() {
    use std::os::unix::fs::PermissionsExt;
    let b = fixture();
    let dir = tmp();
    let store = Store::new(dir.path(), "x");
    let old = sample(&b);
    store.save(&old).unwrap();
    let parent = store.path.parent().unwrap().to_path_buf();
    fs::set_permissions(&parent, fs::Permissions::from_mode(0o555)).unwrap();
    // Root may write anyway; then the save succeeds whole, which is also
    // never a loss. Either way the file parses to old or new notes.
    let mut new = old.clone();
    new.entries.truncate(1);
    let result = store.save(&new);
    fs::set_permissions(&parent, fs::Permissions::from_mode(0o755)).unwrap();
    let now = Store::new(dir.path(), "x").open().notes;
    match result {
        Err(e) => {
            assert!(e.contains("could not save"), "{e}");
            assert_eq!(now, old);
        }
        Ok(()) => assert_eq!(now, new),
    }
}

#[test]
fn a_save_where_no_directory_can_be_made_reports_it() {
    let dir = tmp();
    // A file where the directory should be.
    fs::write(dir.path().join("x"), "in the way").unwrap();
    let err = Store::new(dir.path(), "x").save(&Notes::new()).unwrap_err();
    assert!(err.contains("creating the directory"), "{err}");
}

#[test]
fn a_corrupt_file_is_set_aside_never_overwritten() {
    let b = fixture();
    let dir = tmp();
    let store = Store::new(dir.path(), "x");
    fs::create_dir_all(store.path.parent().unwrap()).unwrap();
    let garbage = "[[entry]]\nkind = \"quote\"\nid = unterminated\n";
    fs::write(&store.path, garbage).unwrap();
    let opened = Store::new(dir.path(), "x").open();
    let warning = opened.warning.expect("the user is told");
    assert!(warning.contains("moved to"), "{warning}");
    assert_eq!(opened.notes, Notes::new());
    assert!(!store.path.exists());
    let aside: Vec<_> = fs::read_dir(store.path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(aside.len(), 1);
    let name = aside[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("notes.toml.corrupt-20"), "{name}");
    assert!(warning.contains(&name), "{warning}");
    assert_eq!(fs::read_to_string(&aside[0]).unwrap(), garbage);
    // Saving now writes a new file and leaves the set-aside one alone.
    opened.store.save(&sample(&b)).unwrap();
    assert_eq!(fs::read_to_string(&aside[0]).unwrap(), garbage);
}

#[test]
fn a_file_that_is_not_utf8_is_set_aside_too() {
    let dir = tmp();
    let store = Store::new(dir.path(), "x");
    fs::create_dir_all(store.path.parent().unwrap()).unwrap();
    fs::write(&store.path, [0xff, 0xfe, 0x00]).unwrap();
    let opened = Store::new(dir.path(), "x").open();
    assert!(opened.warning.unwrap().contains("not UTF-8"));
    assert!(!store.path.exists());
}

#[test]
fn a_pin_whose_id_is_gone_is_kept_as_an_orphan_with_its_words() {
    let b = fixture();
    let dir = tmp();
    let mut notes = sample(&b);
    notes.entries[1].id = "a-quote-no-longer-there".into();
    notes.entries[4].excerpt = "words the source no longer has".into();
    let store = Store::new(dir.path(), "x");
    store.save(&notes).unwrap();
    let back = Store::new(dir.path(), "x").open().notes;
    assert_eq!(back, notes, "orphans are kept as written");
    assert_eq!(back.entries[1].resolve(&b), None);
    assert_eq!(back.entries[4].resolve(&b), None);
    assert_eq!(back.entries[1].excerpt, b.quotes[0].text.as_str());
    // Saving again keeps them.
    store.save(&back).unwrap();
    assert_eq!(Store::new(dir.path(), "x").open().notes, notes);
}

#[test]
fn a_passage_is_found_again_when_its_source_moved() {
    let text = "Intro. The words here. More. The words here.";
    let at = text.find("The words").unwrap();
    let moved = format!("A new first line. {text}");
    // Still in place.
    assert_eq!(
        reanchor(text, "The words here.", Some([at, at + 15])),
        Some(at..at + 15)
    );
    // Moved: the occurrence nearest to where it was.
    let r = reanchor(&moved, "The words here.", Some([at, at + 15])).unwrap();
    assert_eq!(&moved[r.clone()], "The words here.");
    assert_eq!(r.start, at + "A new first line. ".len());
    assert_eq!(reanchor(text, "gone", None), None);
    assert_eq!(reanchor(text, "", None), None);
}

#[test]
fn pinning_twice_keeps_one_pin_and_entries_move() {
    let b = fixture();
    let mut n = Notes::new();
    assert_eq!(n.pin(&b, &Item::Event(0)), Some(0));
    assert_eq!(n.pin(&b, &Item::Quote(0)), Some(1));
    assert_eq!(n.pin(&b, &Item::Event(0)), Some(0));
    assert_eq!(n.entries.len(), 2);
    assert_eq!(n.move_entry(1, -1), 0);
    assert_eq!(n.entries[0].kind, Kind::Quote);
    assert_eq!(n.move_entry(0, -5), 0);
    assert_eq!(n.move_entry(0, 9), 1);
    assert_eq!(n.entries[1].kind, Kind::Quote);
}

#[test]
fn directory_names_never_climb() {
    assert_eq!(
        dir_name("ukraine-security-guarantees"),
        "ukraine-security-guarantees"
    );
    assert_eq!(dir_name("../etc"), ".._etc");
    assert_eq!(dir_name(".."), "_..");
    assert_eq!(dir_name(""), "_");
    assert_eq!(dir_name("a/b\\c"), "a_b_c");
}

#[test]
fn the_flag_wins_over_the_environment() {
    let flag = Path::new("/somewhere");
    assert_eq!(data_dir(Some(flag)), Some(flag.to_path_buf()));
}

#[test]
fn timestamps_are_utc_and_sortable() {
    let t = UNIX_EPOCH + std::time::Duration::from_secs(1_763_781_528);
    assert_eq!(timestamp(t), "20251122T031848Z");
    assert_eq!(timestamp(UNIX_EPOCH), "19700101T000000Z");
}

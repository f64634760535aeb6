//! The keymap resolves keys without a terminal.
use super::*;

fn press(code: KeyCode, modifiers: KeyModifiers, focus: Pane) -> Option<Action> {
    resolve(KeyEvent::new(code, modifiers), &Context { focus })
}

#[test]
fn movement_keys_and_arrows_agree() {
    for focus in Pane::ALL {
        assert_eq!(
            press(KeyCode::Char('j'), KeyModifiers::NONE, focus),
            Some(Action::Down)
        );
        assert_eq!(
            press(KeyCode::Down, KeyModifiers::NONE, focus),
            Some(Action::Down)
        );
        assert_eq!(
            press(KeyCode::Char('k'), KeyModifiers::NONE, focus),
            Some(Action::Up)
        );
        assert_eq!(
            press(KeyCode::Char('G'), KeyModifiers::SHIFT, focus),
            Some(Action::Bottom)
        );
        assert_eq!(
            press(KeyCode::Char('d'), KeyModifiers::CONTROL, focus),
            Some(Action::HalfDown)
        );
    }
}

#[test]
fn ctrl_c_and_q_quit_everywhere_and_c_alone_opens_the_changes() {
    let views = [
        Pane::Matrix,
        Pane::Changes,
        Pane::IssueView,
        Pane::Disagreements,
    ];
    for focus in Pane::ALL.into_iter().chain(views) {
        assert_eq!(
            press(KeyCode::Char('c'), KeyModifiers::CONTROL, focus),
            Some(Action::Quit)
        );
        assert_eq!(
            press(KeyCode::Char('q'), KeyModifiers::NONE, focus),
            Some(Action::Quit)
        );
        assert_eq!(
            press(KeyCode::Char('c'), KeyModifiers::NONE, focus),
            Some(Action::OpenView(Pane::Changes))
        );
    }
}

#[test]
fn the_matrix_has_its_own_keys() {
    for (code, action) in [
        (KeyCode::Char('l'), Action::Right),
        (KeyCode::Left, Action::Left),
        (KeyCode::Char('>'), Action::LaterDate),
        (KeyCode::Char('<'), Action::EarlierDate),
        (KeyCode::Char('t'), Action::TypeDate),
        (KeyCode::Char('s'), Action::MarkSince),
        (KeyCode::Char('v'), Action::ToggleBy),
        (KeyCode::Enter, Action::Open),
    ] {
        assert_eq!(press(code, KeyModifiers::NONE, Pane::Matrix), Some(action));
    }
    assert_eq!(
        press(KeyCode::Char('t'), KeyModifiers::NONE, Pane::Timeline),
        None
    );
    assert_eq!(
        press(KeyCode::Char('m'), KeyModifiers::NONE, Pane::Source),
        Some(Action::OpenView(Pane::Matrix))
    );
}

/// No key means two things in one place: the first binding would win
/// silently.
#[test]
fn no_key_is_bound_twice_in_one_scope() {
    use super::{KEYMAP, Scope};
    let views = [
        Pane::Matrix,
        Pane::Changes,
        Pane::IssueView,
        Pane::Disagreements,
    ];
    for focus in Pane::ALL.into_iter().chain(views) {
        let mut seen = Vec::new();
        for b in KEYMAP
            .iter()
            .filter(|b| matches!(b.scope, Scope::Everywhere) || b.scope == Scope::In(focus))
        {
            for k in b.keys {
                let twice = seen
                    .iter()
                    .any(|(key, scope)| key == k && *scope == b.scope);
                assert!(!twice, "{k:?} twice in {focus:?}");
                seen.push((*k, b.scope));
            }
        }
    }
}

#[test]
fn number_keys_pick_their_side() {
    assert_eq!(
        press(KeyCode::Char('2'), KeyModifiers::NONE, Pane::Timeline),
        Some(Action::Side(1))
    );
    assert_eq!(
        press(KeyCode::Char('4'), KeyModifiers::NONE, Pane::Source),
        Some(Action::Side(3))
    );
    assert_eq!(
        press(KeyCode::Char('9'), KeyModifiers::NONE, Pane::Source),
        Some(Action::Side(8))
    );
    assert_eq!(
        press(KeyCode::Char('0'), KeyModifiers::NONE, Pane::Source),
        None
    );
}

#[test]
fn back_and_forward_walk_the_jumps() {
    assert_eq!(
        press(KeyCode::Esc, KeyModifiers::NONE, Pane::Actors),
        Some(Action::Back)
    );
    assert_eq!(
        press(KeyCode::Char('o'), KeyModifiers::CONTROL, Pane::Timeline),
        Some(Action::JumpBack)
    );
    assert_eq!(
        press(KeyCode::Left, KeyModifiers::ALT, Pane::Source),
        Some(Action::JumpBack)
    );
    assert_eq!(
        press(KeyCode::Right, KeyModifiers::ALT, Pane::Details),
        Some(Action::JumpForward)
    );
}

#[test]
fn filters_reading_and_less_paging_have_keys() {
    assert_eq!(
        press(KeyCode::Char('f'), KeyModifiers::NONE, Pane::Actors),
        Some(Action::FilterActor)
    );
    assert_eq!(
        press(KeyCode::Char('F'), KeyModifiers::SHIFT, Pane::Timeline),
        Some(Action::FilterSide)
    );
    assert_eq!(
        press(KeyCode::Char('x'), KeyModifiers::NONE, Pane::Details),
        Some(Action::ClearFilters)
    );
    assert_eq!(
        press(KeyCode::Char('r'), KeyModifiers::NONE, Pane::Timeline),
        Some(Action::ToggleReading)
    );
    assert_eq!(
        press(KeyCode::Char(' '), KeyModifiers::NONE, Pane::Source),
        Some(Action::PageDown)
    );
    assert_eq!(
        press(KeyCode::Char('b'), KeyModifiers::NONE, Pane::Source),
        Some(Action::PageUp)
    );
    assert_eq!(
        press(KeyCode::Char('u'), KeyModifiers::NONE, Pane::Source),
        Some(Action::ToggleMentions)
    );
}

#[test]
fn highlight_keys_belong_to_the_source_pane() {
    assert_eq!(
        press(KeyCode::Char('n'), KeyModifiers::NONE, Pane::Source),
        Some(Action::NextHighlight)
    );
    assert_eq!(
        press(KeyCode::Char('N'), KeyModifiers::SHIFT, Pane::Source),
        Some(Action::PrevHighlight)
    );
    assert_eq!(
        press(KeyCode::Char('n'), KeyModifiers::NONE, Pane::Timeline),
        None
    );
}

#[test]
fn no_key_means_two_things_in_one_pane() {
    for focus in Pane::ALL {
        let ctx = Context { focus };
        let keys: Vec<Key> = KEYMAP
            .iter()
            .filter(|b| b.applies(&ctx))
            .flat_map(|b| b.keys.iter().copied())
            .collect();
        for (i, key) in keys.iter().enumerate() {
            assert!(
                !keys[i + 1..].contains(key),
                "{} bound twice in {focus:?}",
                key_name(key)
            );
        }
    }
}

#[test]
fn every_pane_footer_names_help_and_quit() {
    for focus in Pane::ALL {
        let hints = hints(&Context { focus });
        assert!(hints.contains(&("?", "help")) && hints.contains(&("q", "quit")));
    }
}

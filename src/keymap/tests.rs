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
    let views = [
        Pane::Matrix,
        Pane::Changes,
        Pane::IssueView,
        Pane::Disagreements,
    ];
    for focus in Pane::ALL.into_iter().chain(views) {
        let mut seen = Vec::new();
        for b in Keymap::builtin()
            .bindings()
            .iter()
            .filter(|b| matches!(b.scope, Scope::Everywhere) || b.scope == Scope::In(focus))
        {
            for k in &b.keys {
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
        let keys: Vec<Key> = Keymap::builtin()
            .bindings()
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
        let hints: Vec<(String, &str)> = Keymap::builtin()
            .hints(&Context { focus })
            .into_iter()
            .map(|h| (h.keys, h.words))
            .collect();
        assert!(hints.contains(&("?".into(), "help")) && hints.contains(&("q".into(), "quit")));
    }
}

#[test]
fn the_brief_view_has_its_own_x_and_capital_j_k() {
    let key = KeyCode::Char;
    assert_eq!(
        press(key('x'), KeyModifiers::NONE, Pane::Brief),
        Some(Action::Unpin)
    );
    assert_eq!(
        press(key('x'), KeyModifiers::NONE, Pane::Timeline),
        Some(Action::ClearFilters)
    );
    assert_eq!(
        press(key('K'), KeyModifiers::SHIFT, Pane::Brief),
        Some(Action::MoveEntryUp)
    );
    assert_eq!(
        press(key('J'), KeyModifiers::SHIFT, Pane::Brief),
        Some(Action::MoveEntryDown)
    );
    assert_eq!(
        press(key('j'), KeyModifiers::NONE, Pane::Brief),
        Some(Action::Down)
    );
    for focus in Pane::ALL {
        assert_eq!(
            press(key('p'), KeyModifiers::NONE, focus),
            Some(Action::Pin)
        );
        assert_eq!(
            press(key('y'), KeyModifiers::NONE, focus),
            Some(Action::Copy)
        );
        assert_eq!(
            press(key('B'), KeyModifiers::SHIFT, focus),
            Some(Action::OpenView(Pane::Brief))
        );
    }
}

/// A pane's own binding wins over an Everywhere one for the same key: in
/// the brief view `x` removes an entry, elsewhere it clears the filters.
#[test]
fn a_panes_own_key_wins_over_everywhere() {
    assert_eq!(
        press(KeyCode::Char('x'), KeyModifiers::NONE, Pane::Brief),
        Some(Action::Unpin)
    );
    assert_eq!(
        press(KeyCode::Char('x'), KeyModifiers::NONE, Pane::Timeline),
        Some(Action::ClearFilters)
    );
    // And no Everywhere key is shadowed by a pane's binding unknowingly:
    // every key bound both ways resolves to the pane's action in that pane.
    let views = [
        Pane::Matrix,
        Pane::Changes,
        Pane::IssueView,
        Pane::Disagreements,
        Pane::Brief,
    ];
    for focus in Pane::ALL.into_iter().chain(views) {
        for b in Keymap::builtin().in_scope(Scope::In(focus)) {
            for k in &b.keys {
                let event = ratatui::crossterm::event::KeyEvent::new(
                    k.code,
                    if k.ctrl {
                        KeyModifiers::CONTROL
                    } else if k.alt {
                        KeyModifiers::ALT
                    } else {
                        KeyModifiers::NONE
                    },
                );
                let got = super::resolve(event, &super::Context { focus });
                assert_eq!(got, Some(b.action), "{k:?} in {focus:?}");
            }
        }
    }
}

/// The panes and views, each with its own bindings.
const EVERY_PANE: [Pane; 9] = [
    Pane::Timeline,
    Pane::Actors,
    Pane::Details,
    Pane::Source,
    Pane::Matrix,
    Pane::Changes,
    Pane::IssueView,
    Pane::Disagreements,
    Pane::Brief,
];

#[test]
fn the_default_keymap_toml_reads_without_a_problem() {
    let (keymap, problems) = Keymap::parse(DEFAULT_TOML);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(keymap.bindings().len(), 79);
    assert_eq!(&keymap, Keymap::builtin());
}

/// What `the_data_keymap_behaves_as_the_old_table` proved against the old
/// const table (commit "Keys as data"), kept as known cases.
#[test]
fn known_footer_hints_and_typing_keys() {
    let hints = |focus| -> Vec<String> {
        Keymap::builtin()
            .hints(&Context { focus })
            .into_iter()
            .map(|h| format!("{} {}", h.keys, h.words))
            .collect()
    };
    assert_eq!(
        hints(Pane::Timeline),
        [
            "Enter read source",
            "1-9 sides",
            "j/k move",
            "f/F filter",
            "x clear filter",
            "r read",
            "[/] sources",
            "Tab pane",
            "Esc back",
            "m matrix",
            "d disagree",
            "/ search",
            "? help",
            "q quit",
        ]
    );
    assert_eq!(
        hints(Pane::Matrix)[..6],
        [
            "h/l issues",
            "</> date",
            "t type date",
            "s since",
            "v sides/actors",
            "Enter history"
        ]
    );
    assert_eq!(
        hints(Pane::Source)[..4],
        ["Enter quote", "u names", "n/N highlights", "Ctrl-f find"]
    );
    assert_eq!(
        hints(Pane::Brief)[..3],
        ["x remove", "K/J reorder", "h heading"]
    );
    let typing = |code, m| Keymap::builtin().resolve_typing(KeyEvent::new(code, m));
    assert_eq!(
        typing(KeyCode::Char('j'), KeyModifiers::NONE),
        Some(Action::Type('j'))
    );
    assert_eq!(
        typing(KeyCode::Char('n'), KeyModifiers::CONTROL),
        Some(Action::Down)
    );
    assert_eq!(
        typing(KeyCode::Char('c'), KeyModifiers::CONTROL),
        Some(Action::Quit)
    );
    assert_eq!(
        typing(KeyCode::Char('t'), KeyModifiers::CONTROL),
        Some(Action::Edit(Edit::ShowAll))
    );
    assert_eq!(
        typing(KeyCode::Home, KeyModifiers::NONE),
        Some(Action::Edit(Edit::Start))
    );
    assert_eq!(
        typing(KeyCode::PageDown, KeyModifiers::NONE),
        Some(Action::PageDown)
    );
    assert_eq!(typing(KeyCode::Char('x'), KeyModifiers::CONTROL), None);
}

/// Every action that has a name has a key in the default keymap, in the
/// scope it needs: nothing the old table reached became unreachable.
#[test]
fn every_named_action_is_bound() {
    for (name, action) in ACTIONS {
        let bound = Keymap::builtin()
            .bindings()
            .iter()
            .any(|b| b.action == action && !b.keys.is_empty());
        assert!(bound, "{name} has no key");
    }
    // And each of the nine panes and views reaches its own Enter.
    for focus in EVERY_PANE {
        assert_eq!(
            press(KeyCode::Enter, KeyModifiers::NONE, focus),
            Some(Action::Open),
            "{focus:?}"
        );
    }
}

/// Within one scope no key is given twice (the no_key tests above look at
/// each pane with everywhere; this looks at typing too).
#[test]
fn the_default_keymap_has_no_key_twice_in_a_scope() {
    for (name, scope) in SCOPES {
        let keys: Vec<Key> = Keymap::builtin()
            .in_scope(scope)
            .flat_map(|b| b.keys.iter().copied())
            .collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(
                !keys[i + 1..].contains(k),
                "{} twice in {name}",
                key_name(k)
            );
        }
    }
}

#[test]
fn key_names_read_back() {
    for b in Keymap::builtin().bindings() {
        for k in &b.keys {
            assert_eq!(parse_key(&key_spec(k)), Ok(*k), "{k:?}");
        }
    }
    let key = |s| parse_key(s).unwrap();
    assert_eq!(
        key("ctrl-c"),
        Key::of(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL))
    );
    assert_eq!(key("Ctrl-C"), key("ctrl-c"));
    assert_eq!(key("shift-tab").code, KeyCode::BackTab);
    assert_eq!(key("shift-g").code, KeyCode::Char('G'));
    assert_eq!(key("pgdn").code, KeyCode::PageDown);
    assert_eq!(key("space").code, KeyCode::Char(' '));
    assert_eq!(key("-").code, KeyCode::Char('-'));
    assert_eq!(
        key("alt--"),
        Key {
            code: KeyCode::Char('-'),
            ctrl: false,
            alt: true
        }
    );
    assert_eq!(key("f5").code, KeyCode::F(5));
    assert!(parse_key("ctrl-").is_err());
    assert!(parse_key("hyper-x").is_err());
    assert!(parse_key("shift-1").is_err());
    assert!(parse_key("").is_err());
}

#[test]
fn every_action_name_is_unique_and_reads_back() {
    for (i, (name, action)) in ACTIONS.iter().enumerate() {
        assert!(
            !ACTIONS[i + 1..]
                .iter()
                .any(|(n, a)| n == name || a == action),
            "{name}"
        );
        assert_eq!(action_name(*action), Some(*name));
        assert_eq!(action_named(name), Some(*action));
    }
    assert_eq!(action_name(Action::Side(4)), Some("side"));
}

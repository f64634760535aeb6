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
    assert_eq!(keymap.bindings().len(), 80);
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
    // Every pane can leave for the picker; typing an O is only text.
    for pane in EVERY_PANE {
        let ctx = Context { focus: pane };
        let key = KeyEvent::new(KeyCode::Char('O'), KeyModifiers::SHIFT);
        assert_eq!(
            Keymap::builtin().resolve(key, &ctx),
            Some(Action::Briefings)
        );
    }
    let typing = |code, m| Keymap::builtin().resolve_typing(KeyEvent::new(code, m));
    assert_eq!(
        typing(KeyCode::Char('O'), KeyModifiers::SHIFT),
        Some(Action::Type('O'))
    );
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

/// `[keys]` read from config.toml's text and applied to the defaults.
fn configured(text: &str) -> (Keymap, Vec<String>) {
    let (config, mut problems) = crate::config::parse("config.toml", text);
    let (keymap, more) = Keymap::configured("config.toml", &config.keys);
    problems.extend(more);
    problems.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    let headers = problems.iter().map(|d| d.header(Some(text))).collect();
    (keymap, headers)
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn a_remap_replaces_the_actions_keys_and_takes_them_from_others() {
    let text = r#"[keys]
quit = ["x", "ctrl-c", "K"]
palette = "ctrl-p"
brief.unpin = "D"
"#;
    let (keys, problems) = configured(text);
    assert_eq!(
        problems,
        ["config.toml:2:1: warning: `clear-filters` has no key left (everywhere): `quit` took it"]
    );
    let at = |code, focus| keys.resolve(key(code), &Context { focus });
    assert_eq!(at(KeyCode::Char('x'), Pane::Timeline), Some(Action::Quit));
    assert_eq!(
        at(KeyCode::Char('q'), Pane::Timeline),
        None,
        "q is not quit now"
    );
    assert_eq!(
        keys.resolve(
            KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
            &Context {
                focus: Pane::Source
            }
        ),
        Some(Action::Quit)
    );
    // A pane's own binding still wins in its pane; unpin has D instead
    // of x there, so x quits in the brief too.
    assert_eq!(
        at(KeyCode::Char('K'), Pane::Brief),
        Some(Action::MoveEntryUp)
    );
    assert_eq!(at(KeyCode::Char('K'), Pane::Timeline), Some(Action::Quit));
    assert_eq!(at(KeyCode::Char('D'), Pane::Brief), Some(Action::Unpin));
    assert_eq!(at(KeyCode::Char('x'), Pane::Brief), Some(Action::Quit));
    assert_eq!(
        keys.resolve(
            KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL),
            &Context {
                focus: Pane::Actors
            }
        ),
        Some(Action::OpenPalette)
    );
    assert_eq!(at(KeyCode::Char('/'), Pane::Actors), None);
    // The palette's own ctrl-c is typing's: still quits there.
    assert_eq!(
        keys.resolve_typing(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Some(Action::Quit)
    );
    // The footer names the keys in force.
    let hints: Vec<String> = keys
        .hints(&Context {
            focus: Pane::Timeline,
        })
        .into_iter()
        .map(|h| format!("{} {}", h.keys, h.words))
        .collect();
    assert!(hints.contains(&"x quit".to_string()), "{hints:?}");
    assert!(hints.contains(&"Ctrl-p search".to_string()), "{hints:?}");
    assert!(
        !hints.iter().any(|h| h.ends_with("clear filter")),
        "{hints:?}"
    );
    // One binding of quit in everywhere now, with both keys.
    let quits: Vec<&Binding> = keys
        .in_scope(Scope::Everywhere)
        .filter(|b| b.action == Action::Quit)
        .collect();
    assert_eq!(quits.len(), 1);
    assert_eq!(quits[0].keys.len(), 3);
}

#[test]
fn side_keys_and_pairs_follow_a_remap() {
    let (keys, problems) = configured(
        "[keys]\nside = [\"f1\", \"f2\", \"f3\"]\ndown = [\"ctrl-j\"]\nmatrix.left = \"H\"\ntyping.down = \"tab\"\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    let ctx = Context {
        focus: Pane::Timeline,
    };
    assert_eq!(
        keys.resolve(key(KeyCode::F(2)), &ctx),
        Some(Action::Side(1))
    );
    assert_eq!(keys.resolve(key(KeyCode::Char('2')), &ctx), None);
    let hints: Vec<String> = keys.hints(&ctx).into_iter().map(|h| h.keys).collect();
    assert!(hints.contains(&"F1".to_string()), "{hints:?}");
    assert!(hints.contains(&"Ctrl-j/k".to_string()), "{hints:?}");
    let matrix: Vec<String> = keys
        .hints(&Context {
            focus: Pane::Matrix,
        })
        .into_iter()
        .map(|h| h.keys)
        .collect();
    assert_eq!(matrix[0], "H/l");
    assert_eq!(keys.resolve_typing(key(KeyCode::Tab)), Some(Action::Down));
    assert_eq!(keys.resolve_typing(key(KeyCode::Down)), None);
    // Typing's down is not the everywhere one.
    assert_eq!(keys.resolve(key(KeyCode::Down), &ctx), None);
    // An empty list leaves the action without a key.
    let (keys, problems) = configured("[keys]\nmouse = []\n");
    assert!(problems.is_empty());
    assert_eq!(keys.resolve(key(KeyCode::Char('M')), &ctx), None);
}

#[test]
fn bad_entries_are_located_and_keep_their_defaults() {
    let text = r#"[keys]
quitt = "x"
help = ["hyper-h", "H"]
timelin.open = "o"
timeline.unpin = "u"
find = 7
copy = "C"
"#;
    let (keys, problems) = configured(text);
    assert_eq!(
        problems,
        [
            "config.toml:2:1: error: unknown action `quitt` in [keys]; did you mean `quit`? (the actions are listed in the README, \"Keys\")",
            "config.toml:3:9: error: unknown key `hyper-h`; a key is one character (\"q\", \"G\") or a name (space, enter, esc, tab, backspace, left, right, up, down, home, end, pgup, pgdn, f1…f12), after ctrl-, alt- or shift-",
            "config.toml:4:1: error: unknown scope `timelin` in [keys]; did you mean `timeline`?; a scope is one of everywhere, timeline, actors, details, source, matrix, changes, issue, disagreements, brief, typing",
            "config.toml:5:10: error: `unpin` has no keys in timeline to change; it has in: brief",
            "config.toml:6:8: error: `find` takes a key or a list of keys, e.g. \"ctrl-p\" or [\"x\", \"ctrl-c\"]",
        ]
    );
    let ctx = Context {
        focus: Pane::Timeline,
    };
    // Each wrong entry keeps its defaults; the right one applies.
    assert_eq!(
        keys.resolve(key(KeyCode::Char('q')), &ctx),
        Some(Action::Quit)
    );
    assert_eq!(
        keys.resolve(key(KeyCode::Char('x')), &ctx),
        Some(Action::ClearFilters)
    );
    assert_eq!(
        keys.resolve(key(KeyCode::Char('?')), &ctx),
        Some(Action::Help)
    );
    assert_eq!(keys.resolve(key(KeyCode::Char('H')), &ctx), None);
    assert_eq!(keys.resolve(key(KeyCode::Enter), &ctx), Some(Action::Open));
    assert_eq!(
        keys.resolve(key(KeyCode::Char('C')), &ctx),
        Some(Action::Copy)
    );
    assert_eq!(keys.resolve(key(KeyCode::Char('y')), &ctx), None);
}

#[test]
fn the_keys_in_force_print_as_toml_that_reads_back() {
    let (keys, _) = configured("[keys]\nquit = [\"x\", \"ctrl-c\"]\n");
    let text = format!("[keys]\n{}", keys.to_toml());
    let text = text.replacen("[keys]\n\n", "", 1);
    assert!(text.contains("[keys.everywhere]\n"), "{text}");
    assert!(
        text.contains("quit = [\"x\", \"ctrl-c\"]  # quit\n"),
        "{text}"
    );
    let (again, problems) = configured(&text);
    assert!(problems.is_empty(), "{problems:?}");
    for k in every_key_sample() {
        for focus in EVERY_PANE {
            let ctx = Context { focus };
            assert_eq!(
                again.resolve(k, &ctx),
                keys.resolve(k, &ctx),
                "{k:?} {focus:?}"
            );
        }
        assert_eq!(again.resolve_typing(k), keys.resolve_typing(k));
    }
}

fn every_key_sample() -> Vec<KeyEvent> {
    let mut codes: Vec<KeyCode> = (' '..='~').map(KeyCode::Char).collect();
    codes.extend([
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
    ]);
    let mods = [KeyModifiers::NONE, KeyModifiers::CONTROL, KeyModifiers::ALT];
    codes
        .iter()
        .flat_map(|c| mods.iter().map(|m| KeyEvent::new(*c, *m)))
        .collect()
}

/// One file with a bad colour, an unknown action and a bad key: each is
/// located, in the file's order, and each keeps its default.
#[test]
fn a_bad_colour_action_and_key_in_one_file_are_each_located() {
    let text = r##"[colors]
focus = "yellowish"
key = "#123456"

[keys]
pallete = "ctrl-p"
help = "ctl-h"
pin = "P"
"##;
    let (keys, problems) = configured(text);
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(
        problems[0].starts_with("config.toml:2:9: error: colour `yellowish`"),
        "{problems:?}"
    );
    assert!(
        problems[1].starts_with(
            "config.toml:6:1: error: unknown action `pallete` in [keys]; did you mean `palette`?"
        ),
        "{problems:?}"
    );
    assert!(
        problems[2].starts_with("config.toml:7:8: error: unknown key `ctl-h`"),
        "{problems:?}"
    );
    let (config, _) = crate::config::parse("config.toml", text);
    assert_eq!(config.colors.focus, None, "the default focus colour stays");
    assert_eq!(
        config.colors.key,
        Some(ratatui::style::Color::Rgb(0x12, 0x34, 0x56))
    );
    let ctx = Context {
        focus: Pane::Timeline,
    };
    assert_eq!(
        keys.resolve(key(KeyCode::Char('/')), &ctx),
        Some(Action::OpenPalette)
    );
    assert_eq!(
        keys.resolve(key(KeyCode::Char('?')), &ctx),
        Some(Action::Help)
    );
    assert_eq!(
        keys.resolve(key(KeyCode::Char('P')), &ctx),
        Some(Action::Pin)
    );
    assert_eq!(keys.resolve(key(KeyCode::Char('p')), &ctx), None);
}

#[test]
fn ctrl_with_shift_keeps_the_capital() {
    let k = parse_key("ctrl-shift-g").unwrap();
    assert_eq!((k.code, k.ctrl), (KeyCode::Char('G'), true));
    assert_eq!(parse_key("ctrl-G").unwrap().code, KeyCode::Char('g'));
}

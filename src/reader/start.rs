//! Before a briefing is open: the picker and the loading gauge drawn at
//! once, with keys, Ctrl-z and signals working while the briefing loads.

use std::io;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseEventKind};

use super::signals::{Input, Signal, Signals};
use super::{is_suspend, restore, retake, stop_and_retake};
use crate::app::Action;
use crate::app::start::{Startup, Step};
use crate::keymap::{Context, Keymap, Scope, key_name};
use crate::theme::Theme;
use crate::ui;

/// The picker and the loading gauge, until a briefing is ready or the
/// user leaves. A signal to end restores the terminal and dies of it here.
pub(super) fn starting(
    terminal: &mut DefaultTerminal,
    mut s: Startup,
    theme: Theme,
    keymap: &Keymap,
    input: &Input,
    signals: &Signals,
) -> io::Result<Step> {
    let draw = |terminal: &mut DefaultTerminal, s: &Startup| -> io::Result<()> {
        let hints = start_hints(s, keymap);
        terminal.draw(|frame| ui::start::draw(frame, s, theme, &hints))?;
        Ok(())
    };
    draw(terminal, &s)?;
    loop {
        for signal in signals.take() {
            match signal {
                Signal::Quit(sig) => {
                    restore();
                    let _ = signal_hook::low_level::emulate_default_handler(sig);
                    std::process::exit(128 + sig)
                }
                Signal::Stop => {
                    stop_and_retake(terminal)?;
                    draw(terminal, &s)?;
                }
                Signal::Continue => {
                    retake(terminal)?;
                    draw(terminal, &s)?;
                }
            }
        }
        if input.ended() {
            return Ok(Step::Quit);
        }
        match s.tick() {
            Step::Wait => {}
            step => return Ok(step),
        }
        // Redraw at least as often as the gauge can move visibly.
        let timeout = Duration::from_millis(if s.busy() { 30 } else { 200 });
        if event::poll(timeout)? {
            let ev = event::read()?;
            if is_suspend(&ev) {
                stop_and_retake(terminal)?;
            } else if let Some(action) = start_action(ev, keymap) {
                match s.update(action) {
                    Step::Wait => {}
                    step => return Ok(step),
                }
            }
        }
        draw(terminal, &s)?;
    }
}

/// The action for a key or the wheel before a briefing is open, by the
/// keymap in force (as in the timeline: moving, Enter, Esc and quitting).
fn start_action(event: Event, keymap: &Keymap) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => keymap.resolve(
            key,
            &Context {
                focus: crate::app::Pane::Timeline,
            },
        ),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// The start-up footer: the keys in force for what can be done now.
fn start_hints(s: &Startup, keymap: &Keymap) -> Vec<ui::start::Hint> {
    let mut wanted: Vec<(Action, &'static str)> = Vec::new();
    if s.loading.is_some() {
        if s.picker.is_some() {
            wanted.push((Action::Back, "back to the list"));
        }
    } else {
        wanted.extend([
            (Action::Down, "down"),
            (Action::Up, "up"),
            (Action::Open, "open"),
        ]);
        if s.can_go_back() {
            wanted.push((Action::Back, "back"));
        }
    }
    wanted.push((Action::Quit, "quit"));
    wanted
        .iter()
        .filter_map(|(action, words)| {
            let keys = keymap.keys_of(*action, Scope::In(crate::app::Pane::Timeline));
            let names: Vec<String> = keys.iter().take(2).map(key_name).collect();
            (!names.is_empty()).then(|| (names.join("/"), *words))
        })
        .collect()
}

//! One frame of the reader, and one key with its frame, at every size:
//! the bundled briefing and generated ones of 1k, 10k and 100k items
//! (`cargo bench --bench frame`). The budget: a frame at 200×60 in at most
//! 2 ms, a key with its frame in at most 4 ms, at every size.

use std::hint::black_box;

use brief::app::current::Item;
use brief::app::{Action, App, Pane};
use brief::model::Briefing;
use brief::theme::Theme;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn briefings() -> Vec<(String, Briefing)> {
    let mut out = vec![("bundled".to_string(), brief::cli::open(None).unwrap())];
    for n in [1_000, 10_000, 100_000] {
        out.push((format!("{}k", n / 1000), brief::synth::generate(n, 1)));
    }
    out
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group.sample_size(30);
    for (name, b) in briefings() {
        let mut app = App::new(b, Theme { color: true }, Rect::new(0, 0, 200, 60));
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        // A stance selected, as when reading an actor's positions.
        if let Some(p) = (0..app.briefing.positions.len()).next() {
            app.jump(Item::Position(p));
        }
        let views = [
            ("panes", None),
            ("matrix", Some(Pane::Matrix)),
            ("changes", Some(Pane::Changes)),
            ("issue", Some(Pane::IssueView)),
            ("disagreements", Some(Pane::Disagreements)),
        ];
        for (view, pane) in views {
            if let Some(pane) = pane {
                app.update(Action::OpenView(pane));
            }
            group.bench_with_input(BenchmarkId::new(view, &name), &(), |bench, _| {
                bench.iter(|| {
                    terminal
                        .draw(|f| brief::ui::draw(f, black_box(&app)))
                        .unwrap();
                })
            });
            if pane.is_some() {
                app.update(Action::Back);
            }
        }
        // `j` in the timeline and in the actors pane, each with its frame.
        for (pane, label) in [
            (Pane::Timeline, "key_j_timeline"),
            (Pane::Actors, "key_j_actors"),
        ] {
            app.focus = pane;
            group.bench_with_input(BenchmarkId::new(label, &name), &(), |bench, _| {
                let mut down = true;
                bench.iter(|| {
                    app.update(if down { Action::Down } else { Action::Up });
                    down = !down;
                    terminal.draw(|f| brief::ui::draw(f, &app)).unwrap();
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);

//! The real binary's first frame: from starting `brief -b DIR` in a
//! pseudo-terminal to the first frame on screen (the loading gauge), and
//! to the reader itself, at the bundled briefing and a generated one of
//! 100k items (`cargo bench --bench start`). The budget: a first frame
//! within 100 ms at any size.

use std::io::Read;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Runs brief on `dir` in a pty until its output holds `until`; the time taken.
fn time_until(dir: &str, until: &[u8]) -> Duration {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 60,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_brief"));
    cmd.args(["-b", dir]);
    cmd.env("TERM", "xterm-256color");
    cmd.env(
        "BRIEF_DATA_DIR",
        std::env::temp_dir().join("brief-bench-start-data"),
    );
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).expect("brief starts");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("a reader");
    let mut seen = Vec::new();
    let mut buf = [0u8; 65536];
    let took = loop {
        let n = reader.read(&mut buf).expect("brief writes");
        assert!(
            n > 0,
            "brief ended before showing {:?}",
            String::from_utf8_lossy(until)
        );
        seen.extend_from_slice(&buf[..n]);
        if seen.windows(until.len()).any(|w| w == until) {
            break start.elapsed();
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    took
}

fn generated(items: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brief-bench-start-{items}"));
    let _ = std::fs::remove_dir_all(&dir);
    let b = brief::synth::generate(items, 1);
    brief::synth::write_dir(&b, &dir).expect("writes the generated briefing");
    dir
}

fn start(c: &mut Criterion) {
    let mut g = c.benchmark_group("start");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5));
    let bundled =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("briefings/ukraine-security-guarantees");
    let sizes = [
        ("bundled".to_string(), bundled),
        ("100k".to_string(), generated(100_000)),
    ];
    for (name, dir) in &sizes {
        let dir = dir.display().to_string();
        g.bench_function(BenchmarkId::new("first_frame", name), |b| {
            b.iter_custom(|iters| (0..iters).map(|_| time_until(&dir, b"Opening")).sum())
        });
        g.bench_function(BenchmarkId::new("reader", name), |b| {
            b.iter_custom(|iters| (0..iters).map(|_| time_until(&dir, b"Timeline")).sum())
        });
    }
    g.finish();
}

criterion_group!(benches, start);
criterion_main!(benches);

//! Loading with validation against the `toml` crate parsing the same files,
//! side by side, at the bundled briefing and generated ones of 1k, 10k and
//! 100k items; plus the building blocks issue 8 made linear: finding actor
//! mentions in one pass, and anchoring a quote among 30,000 occurrences.
//!
//!     cargo bench --bench load
//!
//! `load/brief/N` is `brief::model::load` (read every file and source text,
//! parse, deserialize, validate, anchor every quote). `load/toml/N` reads
//! the same TOML files and parses each with `toml::de::DeTable::parse`, as
//! the loader does first; it neither reads the source texts nor checks.
//!
//! The two sides are not run the same way: `toml/N` parses on one thread,
//! while `load` shares its work out among the machine's cores (the files,
//! or the parts of large ones; the source texts; the anchoring, one source
//! at a time). On this 2-core machine that is up to two threads.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use brief::model::anchor::{Anchor, FoldedText};
use brief::model::load::FILES;
use brief::model::mentions::Mentions;
use brief::model::{Origin, load};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn generated(items: usize) -> PathBuf {
    // Written afresh each run: a briefing left by an older build may no
    // longer be valid.
    let dir = std::env::temp_dir().join(format!("brief-bench-{items}"));
    let _ = std::fs::remove_dir_all(&dir);
    let b = brief::synth::generate(items, 1);
    brief::synth::write_dir(&b, &dir).expect("writes the generated briefing");
    dir
}

fn toml_parse(dir: &Path) -> usize {
    let mut n = 0;
    for (file, _) in FILES {
        let Ok(text) = std::fs::read_to_string(dir.join(file)) else {
            continue;
        };
        let (table, errors) = toml::de::DeTable::parse_recoverable(&text);
        n += table.get_ref().len() + errors.len();
    }
    n
}

fn bench_load(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    let bundled =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/ukraine-security-guarantees");
    let sizes: Vec<(String, PathBuf)> = std::iter::once(("bundled".to_string(), bundled))
        .chain(
            [1_000, 10_000, 100_000]
                .into_iter()
                .filter(|&n| n < 100_000 || std::env::var_os("BRIEF_BENCH_SMALL").is_none())
                .map(|n| (format!("{}k", n / 1000), generated(n))),
        )
        .collect();
    for (name, dir) in &sizes {
        g.bench_function(BenchmarkId::new("toml", name), |b| {
            b.iter(|| toml_parse(black_box(dir)))
        });
        g.bench_function(BenchmarkId::new("brief", name), |b| {
            b.iter(|| {
                let loaded = load(&Origin::Dir(dir.clone())).expect("loads");
                assert_eq!(loaded.errors(), 0);
                loaded.briefing.quotes.len()
            })
        });
    }
    g.finish();
}

fn bench_mentions(c: &mut Criterion) {
    let b = brief::synth::generate(100_000, 1);
    let names: usize = b.actors.iter().map(|a| 1 + a.aliases.len()).sum();
    let text = &b.sources.iter().max_by_key(|s| s.text.len()).unwrap().text;
    let mut g = c.benchmark_group(format!(
        "mentions/100k ({names} names, {} KB)",
        text.len() / 1000
    ));
    g.sample_size(20).measurement_time(Duration::from_secs(3));
    g.bench_function("build", |bn| bn.iter(|| Mentions::new(black_box(&b))));
    let m = Mentions::new(&b);
    g.bench_function("one pass", |bn| bn.iter(|| m.find(black_box(text)).len()));
    // What the source pane did: one scan of the text per name.
    g.bench_function("one scan per name", |bn| {
        bn.iter(|| {
            let mut n = 0;
            for a in &b.actors {
                for name in std::iter::once(&a.name).chain(&a.aliases) {
                    n += black_box(text).match_indices(name.as_str()).count();
                }
            }
            n
        })
    });
    g.finish();
}

fn bench_anchor(c: &mut Criterion) {
    let para = "Officials said the troops would stay, and “troops” were seen. \
                Filler words about nothing in particular go here again and again. ";
    let text = para.repeat(2_400_000 / para.len() + 1);
    let mut g = c.benchmark_group("anchor/2.4MB, 30k occurrences");
    g.sample_size(10).measurement_time(Duration::from_secs(3));
    g.bench_function("fold", |b| b.iter(|| FoldedText::new(black_box(&text))));
    let folded = FoldedText::new(&text);
    g.bench_function("locate with an unmatched prefix", |b| {
        b.iter(|| {
            folded.locate(black_box(&Anchor {
                text: "troops",
                prefix: Some("no such words"),
                suffix: None,
            }))
        })
    });
    g.finish();
}

criterion_group!(benches, bench_load, bench_mentions, bench_anchor);
criterion_main!(benches);

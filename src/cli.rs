//! The command line: arguments and the headless commands, a stable
//! interface for scripts and tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::model::diagnostic::LineIndex;
use crate::model::text::{inert, one_line};
use crate::model::{Briefing, Diagnostic, Loaded, Origin, Severity, load};
use crate::{bundled, export};

/// brief: an offline terminal reader for curated briefings.
///
/// With no command, opens the reader on the briefing (the bundled one unless
/// -b names another); in the reader, `?` lists every key. The headless
/// commands check, export and search a briefing for scripts.
#[derive(Debug, Parser)]
#[command(name = "brief", version, about, long_about)]
pub struct Cli {
    /// A briefing directory to use instead of the bundled briefing.
    #[arg(short, long, global = true, value_name = "PATH")]
    pub briefing: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check briefings: syntax, fields, ids, references, dates, that every
    /// quote and excerpt is verbatim in its source, and unsafe characters.
    ///
    /// Prints each problem as `file:line:col: message` with the line and a
    /// caret. Exit status: 0 clean (warnings allowed), 1 problems found,
    /// 2 usage or I/O error. Never changes a file.
    Check {
        /// Briefing directories or single .toml files of a briefing
        /// (default: -b, else the bundled briefing).
        paths: Vec<PathBuf>,
        /// Also count the items of each kind: positions by basis, issues
        /// that are forecasts, discrepancies by kind, and the events and
        /// positions that one source supports (single-source) or several.
        #[arg(long)]
        stats: bool,
        /// How to write the counts: text, a table after the problems; json,
        /// one object per briefing on a line of its own, with the problems
        /// on standard error.
        #[arg(long, value_enum, default_value_t = StatsFormat::Text, requires = "stats")]
        format: StatsFormat,
    },
    /// Write the whole briefing to standard output.
    Export {
        /// json: one object with the arrays sources, actors, issues, events,
        /// quotes, positions and discrepancies; each event and position
        /// says how many sources support it (corroboration). markdown: a
        /// readable briefing grouped by issue and side, with quotes,
        /// citations, and each position's basis and count of sources.
        #[arg(short, long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Search the briefing the way the reader's `/` palette does.
    ///
    /// Every word must match; accents are ignored and case too unless a
    /// word has a capital. Filters: `@actor`, `#issue`, and a kind prefix:
    /// q: quotes, e: events, a: actors, p: positions, i: issues, s: sources,
    /// t: sentences of the source texts. Prints `kind<TAB>id<TAB>label<TAB>score`
    /// per result, best first.
    Search {
        /// The query; several words are joined with spaces.
        #[arg(required = true)]
        query: Vec<String>,
        /// At most this many results.
        #[arg(short = 'n', long, default_value_t = 20)]
        limit: usize,
        /// Write a JSON array of {kind, id, label, score}, plus source and
        /// excerpt for sentences.
        #[arg(long)]
        json: bool,
    },
    /// The stance matrix: every actor's (or side's) stance on every issue
    /// as of a date, by the one order of time.
    ///
    /// A cell is the latest position that can have begun by the date. Marks:
    /// `?` the position may not yet hold that day, `*` the stance changed
    /// before, `Δ` it differs from the --since date. A side's row is the one
    /// stance its actors share, or "mixed" when they differ. Dates:
    /// 2025-08-20, "20 aug", "aug 2025" (its last day).
    Matrix {
        /// The date (default: the briefing's as-of date).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Mark every cell whose stance differs from this date's.
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// One row per actor, or one per side.
        #[arg(long, value_enum, default_value_t = crate::tables::By::Actor)]
        by: crate::tables::By,
        #[arg(long, value_enum, default_value_t = crate::tables::TableFormat::Text)]
        format: crate::tables::TableFormat,
    },
    /// What changed: every move of an actor's stance on an issue after one
    /// date and by another, in the order of time, with its evidence.
    Changes {
        /// Changes after this date.
        #[arg(long, value_name = "DATE")]
        since: String,
        /// Up to this date (default: the briefing's as-of date).
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
        /// Also list first recorded positions (no earlier position to move from).
        #[arg(long)]
        first: bool,
        #[arg(long, value_enum, default_value_t = crate::tables::TableFormat::Text)]
        format: crate::tables::TableFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Json,
    Markdown,
}

/// Where the briefing comes from: a directory, or the bundled one.
pub fn origin(path: Option<&Path>) -> Origin {
    match path {
        Some(p) => Origin::Dir(p.to_path_buf()),
        None => Origin::Bundled(&bundled::UKRAINE),
    }
}

/// Loads a briefing for use; on problems prints them and says how to exit.
pub fn open(path: Option<&Path>) -> Result<Briefing, ExitCode> {
    let loaded = load(&origin(path)).map_err(|e| {
        eprintln!("brief: {}", inert(&e));
        ExitCode::from(2)
    })?;
    if loaded.errors() > 0 {
        let mut err = std::io::stderr().lock();
        let _ = write_diagnostics(&mut err, &loaded, None);
        let _ = writeln!(
            err,
            "brief: the briefing has {} error(s); run `brief check` for details",
            loaded.errors()
        );
        return Err(ExitCode::from(1));
    }
    Ok(loaded.briefing)
}

/// Parses the arguments; clap's own messages (which quote what was typed)
/// are printed inert too.
pub fn parse() -> Result<Cli, ExitCode> {
    Cli::try_parse().map_err(|e| {
        if e.use_stderr() {
            eprint!("{}", inert(&e.render().to_string()));
        } else {
            // --help and --version: our own text, styled as clap does.
            let _ = e.print();
        }
        ExitCode::from(e.exit_code().clamp(0, 255) as u8)
    })
}

pub fn run(cli: Cli) -> ExitCode {
    let briefing = cli.briefing.as_deref();
    match cli.command {
        Some(Command::Check {
            paths,
            stats,
            format,
        }) => check(briefing, &paths, stats.then_some(format)),
        Some(Command::Export { format }) => match open(briefing) {
            Ok(b) => {
                let text = match format {
                    Format::Json => export::json(&b),
                    Format::Markdown => export::markdown(&b),
                };
                print_or_fail(&text)
            }
            Err(code) => code,
        },
        Some(Command::Search { query, limit, json }) => match open(briefing) {
            Ok(b) => print_or_fail(&crate::search::output::render(
                &b,
                &query.join(" "),
                limit,
                json,
            )),
            Err(code) => code,
        },
        Some(Command::Matrix {
            as_of,
            since,
            by,
            format,
        }) => match open(briefing) {
            Ok(b) => {
                let days = (
                    as_of.map_or(Ok(crate::tables::briefing_day(&b)), |d| {
                        crate::tables::parse_day(&b, &d)
                    }),
                    since.map(|d| crate::tables::parse_day(&b, &d)).transpose(),
                );
                match days {
                    (Ok(day), Ok(since)) => {
                        print_or_fail(&crate::tables::matrix(&b, day, since, by, format))
                    }
                    (Err(e), _) | (_, Err(e)) => usage_error(&e),
                }
            }
            Err(code) => code,
        },
        Some(Command::Changes {
            since,
            until,
            first,
            format,
        }) => match open(briefing) {
            Ok(b) => {
                let since = crate::tables::parse_day(&b, &since);
                let until = until.map_or(Ok(crate::tables::briefing_day(&b)), |d| {
                    crate::tables::parse_day(&b, &d)
                });
                match (since, until) {
                    (Ok(since), Ok(until)) => {
                        print_or_fail(&crate::tables::changes(&b, since, until, first, format))
                    }
                    (Err(e), _) | (_, Err(e)) => usage_error(&e),
                }
            }
            Err(code) => code,
        },
        None => read(briefing),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("brief: {}", crate::model::text::inert(message));
    ExitCode::from(2)
}

/// The interactive reader; it needs a terminal on stdout.
fn read(briefing: Option<&Path>) -> ExitCode {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        eprintln!("{}", crate::strings::NOT_A_TERMINAL);
        return ExitCode::from(2);
    }
    match open(briefing) {
        Ok(b) => match crate::reader::run(b) {
            Ok(()) => ExitCode::SUCCESS,
            Err(crate::reader::Error::NoTerminal(e)) => {
                eprintln!("{}", inert(&crate::strings::no_terminal(&e.0)));
                ExitCode::from(2)
            }
            Err(crate::reader::Error::Io(e)) => {
                eprintln!("brief: {}", inert(&e.to_string()));
                ExitCode::from(2)
            }
        },
        Err(code) => code,
    }
}

/// Writes to stdout; a closed pipe (`brief export | head`) is not an error.
fn print_or_fail(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("brief: {}", inert(&e.to_string()));
            ExitCode::from(2)
        }
    }
}

/// `brief check`: every path checked, every problem printed, and with
/// `stats` the counts of each.
fn check(briefing: Option<&Path>, paths: &[PathBuf], stats: Option<StatsFormat>) -> ExitCode {
    let targets: Vec<Option<&Path>> = if paths.is_empty() {
        vec![briefing]
    } else {
        paths.iter().map(|p| Some(p.as_path())).collect()
    };
    let mut out = std::io::stdout().lock();
    let mut worst = 0u8;
    for target in targets {
        let code = match check_one(&mut out, target, stats) {
            Ok(code) => code,
            Err(e) if e.is_empty() => return ExitCode::from(worst), // stdout closed
            Err(e) => {
                let _ = out.flush();
                eprintln!("brief: {}", inert(&e));
                2
            }
        };
        worst = worst.max(code);
    }
    ExitCode::from(worst)
}

/// Checks one target; `Err("")` means stdout was closed (`brief check | head`).
/// With JSON stats, the problems go to stderr and stdout holds only JSON.
fn check_one(
    out: &mut impl Write,
    target: Option<&Path>,
    stats: Option<StatsFormat>,
) -> Result<u8, String> {
    let io = |e: std::io::Error| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            String::new()
        } else {
            e.to_string()
        }
    };
    // A single .toml file is checked in the context of its briefing; only
    // its own problems are reported.
    let (dir, only) = match target {
        Some(p) if p.is_file() || p.extension().is_some_and(|e| e == "toml") => {
            let dir = p.parent().map(Path::to_path_buf).unwrap_or_default();
            (Some(dir), Some(p.to_path_buf()))
        }
        Some(p) => (Some(p.to_path_buf()), None),
        None => (None, None),
    };
    if let Some(file) = &only
        && !file.exists()
    {
        return Err(format!("{}: no such file", file.display()));
    }
    let origin = origin(dir.as_deref());
    let loaded = load(&origin)?;
    let only_name = only.as_ref().map(|f| {
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        origin.display(&name)
    });
    let what = only_name.clone().unwrap_or_else(|| match &dir {
        Some(d) => d.display().to_string(),
        None => "the bundled briefing".into(),
    });
    let errors = if stats == Some(StatsFormat::Json) {
        let mut err = std::io::stderr().lock();
        let counts = write_diagnostics(&mut err, &loaded, only_name.as_deref())
            .and_then(|(e, w)| {
                let summary = format!("{what}: {e} error(s), {w} warning(s)");
                writeln!(err, "{}", one_line(&summary))?;
                Ok((e, w))
            })
            .map_err(|e| e.to_string())?;
        let json = serde_json::json!({
            "briefing": what,
            "errors": counts.0,
            "warnings": counts.1,
            "stats": crate::stats::Stats::of(&loaded.briefing),
        });
        let json = crate::export::escape_json(&json.to_string());
        writeln!(out, "{json}").map_err(io)?;
        counts.0
    } else {
        let (e, w) = write_diagnostics(out, &loaded, only_name.as_deref()).map_err(io)?;
        // The path is the user's and may hold anything: it is shown inert.
        let summary = format!("{what}: {e} error(s), {w} warning(s)");
        writeln!(out, "{}", one_line(&summary)).map_err(io)?;
        if stats.is_some() {
            let table = crate::stats::Stats::of(&loaded.briefing).table();
            write!(out, "\n{}", inert(&table)).map_err(io)?;
        }
        e
    };
    Ok(if errors > 0 { 1 } else { 0 })
}

/// How many problems of one kind are printed per file before the rest are
/// only counted, as compilers do.
pub const SHOWN_PER_KIND: usize = 20;

/// Prints diagnostics sorted by file and place; returns (errors, warnings).
/// Of many problems of one kind in one file, the first
/// [`SHOWN_PER_KIND`] are printed and the rest counted in one line.
pub fn write_diagnostics(
    out: &mut impl Write,
    loaded: &Loaded,
    only: Option<&str>,
) -> std::io::Result<(usize, usize)> {
    use std::collections::HashMap;
    let mut diags: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| only.is_none_or(|f| d.file == f))
        .collect();
    diags.sort_by(|a, b| {
        let at = |d: &Diagnostic| d.span.as_ref().map_or(0, |s| s.start);
        a.file.cmp(&b.file).then(at(a).cmp(&at(b)))
    });
    let mut index: Option<(&str, Option<LineIndex<'_>>)> = None;
    // Per file: how many of each (severity, kind) were seen, in first-seen order.
    let mut counts: Vec<((Severity, String), usize)> = Vec::new();
    let mut seen: HashMap<(Severity, String), usize> = HashMap::new();
    let mut i = 0;
    while i < diags.len() {
        let d = diags[i];
        if index.as_ref().is_none_or(|(f, _)| *f != d.file) {
            write_more(out, index.as_ref().map(|(f, _)| *f), &counts)?;
            counts.clear();
            seen.clear();
            let lines = loaded.text(&d.file).map(LineIndex::new);
            index = Some((d.file.as_str(), lines));
        }
        let key = (d.severity, d.kind());
        let n = *seen.entry(key.clone()).or_insert_with(|| {
            counts.push((key.clone(), 0));
            counts.len() - 1
        });
        counts[n].1 += 1;
        if counts[n].1 <= SHOWN_PER_KIND {
            let lines = index.as_ref().and_then(|(_, l)| l.as_ref());
            writeln!(out, "{}", d.render_in(lines))?;
        }
        i += 1;
    }
    write_more(out, index.as_ref().map(|(f, _)| *f), &counts)?;
    let errors = diags.iter().filter(|d| d.is_error()).count();
    Ok((errors, diags.len() - errors))
}

/// `file: note: … and 123 more errors like `unknown actor `…``, per kind cut.
fn write_more(
    out: &mut impl Write,
    file: Option<&str>,
    counts: &[((Severity, String), usize)],
) -> std::io::Result<()> {
    let Some(file) = file else { return Ok(()) };
    for ((severity, kind), n) in counts {
        if *n > SHOWN_PER_KIND {
            let what = match severity {
                Severity::Error => "errors",
                Severity::Warning => "warnings",
            };
            let line = format!(
                "{file}: note: … and {} more {what} like “{kind}”\n",
                n - SHOWN_PER_KIND
            );
            writeln!(out, "{}", inert(&line))?;
        }
    }
    Ok(())
}

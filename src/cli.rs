//! The command line: arguments and the headless commands, a stable
//! interface for scripts and tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::app::start::Startup;
use crate::keymap::Keymap;
use crate::library::Candidate;
use crate::model::diagnostic::LineIndex;
use crate::model::text::{inert, one_line};
use crate::model::{Briefing, Diagnostic, Loaded, Origin, Severity, load};
use crate::reader::Ended;
use crate::{bundled, export};

/// brief: an offline terminal reader for curated briefings.
///
/// With no command, opens the reader on the briefing (the bundled one unless
/// -b names another); in the reader, `?` lists every key. The headless
/// commands check, export and search a briefing for scripts.
#[derive(Debug, Parser)]
#[command(name = "brief", version, about, long_about)]
pub struct Cli {
    /// A briefing directory to use instead of the bundled briefing, or the
    /// name of one in the user's briefings directory (see `brief list`).
    #[arg(short, long, global = true, value_name = "PATH")]
    pub briefing: Option<PathBuf>,

    /// Where pins, notes and the reading place are kept (default:
    /// $BRIEF_DATA_DIR, else $XDG_DATA_HOME/brief, else ~/.local/share/brief).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

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
    /// Write the whole briefing to standard output (or to -o FILE).
    Export {
        /// json: one object with the arrays sources, actors, issues, events,
        /// quotes, positions and discrepancies; each event and position
        /// says how many sources support it (corroboration). markdown: a
        /// briefing to send: a title block, your pins (--pinned), the
        /// stance table, each issue by side with quotes and numbered
        /// citations, the timeline, where the sources disagree, the sources.
        #[arg(short, long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Markdown: your pinned items first, in your order (from the
        /// data directory, see --data-dir).
        #[arg(long)]
        pinned: bool,
        /// Markdown: with your notes on the pinned items.
        #[arg(long)]
        notes: bool,
        /// Markdown: only this actor (an id; again for more).
        #[arg(long = "actor", value_name = "ID")]
        actors: Vec<String>,
        /// Markdown: only the actors of this side (an id; again for more).
        #[arg(long = "side", value_name = "ID")]
        sides: Vec<String>,
        /// Markdown: only this issue (an id; again for more).
        #[arg(long = "issue", value_name = "ID")]
        issues: Vec<String>,
        /// Markdown: only what can fall on or after this date.
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// Markdown: only what can fall by this date; the stance table is
        /// as of it (default: the briefing's date).
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Search the briefing the way the reader's `/` palette does: the same
    /// results in the same order.
    ///
    /// fzf's extended syntax: every word must match; `'word` exactly,
    /// `'word'` as a whole word, `^word` at the start, `word$` at the end,
    /// `!word` leaves out, `a | b` either, `"a phrase"` in order. Dates such
    /// as `18 aug`, `august 18`, `2025-08-18` or `aug 2025` find what
    /// happened then. Accents are ignored, and case too unless a word has a
    /// capital. Filters: `@side` or `@actor` (with its members), `#issue`,
    /// and a kind prefix: q: quotes, e: events, a: actors, p: positions,
    /// i: issues, s: sources, t: sentences of the source texts,
    /// d: discrepancies. Results below the cut-off (scattered letters when
    /// words matched, or a quarter of the best score) are left out unless
    /// --all. Prints `kind<TAB>id<TAB>label<TAB>score` per result, best first.
    Search {
        /// The query; several words are joined with spaces.
        #[arg(required = true)]
        query: Vec<String>,
        /// At most this many results.
        #[arg(short = 'n', long, default_value_t = 20)]
        limit: usize,
        /// Include the results below the cut-off (the palette's Ctrl-t).
        #[arg(short, long)]
        all: bool,
        /// Write a JSON array of {kind, id, label, score}, plus source and
        /// excerpt for sentences.
        #[arg(long)]
        json: bool,
    },
    /// Start a new briefing with an example of every kind of entry.
    ///
    /// Writes the directory DIR/NAME with a working, commented example of
    /// every kind of entry, which `brief check` passes as it is. Never
    /// writes into a directory that has files.
    New {
        /// The briefing's id and directory name: lower-case letters,
        /// digits and `-`.
        name: String,
        /// Where to make it.
        #[arg(long, value_name = "DIR", default_value = ".")]
        dir: PathBuf,
    },
    /// Is a phrase verbatim in a source, and what prefix or suffix picks it out?
    ///
    /// Says where and how often it occurs (by the matcher `brief check`
    /// uses for quotes and excerpts) and, when it occurs more than once,
    /// the shortest prefix or suffix that picks out each occurrence. Words
    /// that are not there get the nearest passage of the source.
    ///
    /// Exit status: 0 when the phrase (with --prefix/--suffix: exactly one
    /// occurrence) is found, 1 when not, 2 on a usage or I/O error.
    Anchor {
        /// A source text file, or the id of a source of the briefing (-b,
        /// else the bundled one).
        source: String,
        /// The words to find.
        phrase: String,
        /// Words just before the phrase, as an item's `prefix`.
        #[arg(long)]
        prefix: Option<String>,
        /// Words just after the phrase, as an item's `suffix`.
        #[arg(long)]
        suffix: Option<String>,
        /// Only this occurrence (1 is the first).
        #[arg(short = 'n', long, value_name = "N")]
        occurrence: Option<usize>,
    },
    /// List the briefings there are, with title, subject, as-of date and counts.
    ///
    /// The bundled one, those in the user's briefings directory
    /// ($XDG_DATA_HOME/brief/briefings, by default
    /// ~/.local/share/brief/briefings; open one with -b NAME), and -b DIR,
    /// which may be one briefing or a directory of several.
    List {
        /// Write a JSON array of {name, path, title, subject, as_of,
        /// sources, actors, events, quotes, positions, errors}.
        #[arg(long)]
        json: bool,
    },
    /// Check the user's settings (colours, the terminal's depth and background, keys).
    ///
    /// $XDG_CONFIG_HOME/brief/config.toml (by default
    /// ~/.config/brief/config.toml): the terminal's colours and
    /// background, the colours of focus, keys, filter, stances and
    /// sides, and the keys ([keys]). Prints each problem as
    /// `file:line:col: message`; what is wrong keeps its default. Exit 0
    /// clean or no file, 1 problems found.
    Config {
        /// Also print the keys in force (the defaults as [keys] changed
        /// them), as [keys.SCOPE] tables that config.toml can take.
        #[arg(long)]
        keys: bool,
    },
    /// Write a shell completion script to standard output.
    ///
    /// e.g. `brief completions bash > ~/.local/share/bash-completion/completions/brief`.
    Completions {
        /// bash, elvish, fish, powershell or zsh.
        shell: clap_complete::Shell,
    },
    /// Write brief's manual page (roff) to standard output.
    ///
    /// e.g. `brief man > ~/.local/share/man/man1/brief.1`; with --dir, write
    /// it and a page for each command (brief-check.1, …) into DIR.
    Man {
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Add an article's text and metadata to a briefing.
    ///
    /// To the briefing -b DIR, else the current directory: copies FILE to
    /// its sources/ as ID.txt and appends a [[sources]] entry to its
    /// sources.toml. Changes nothing if anything is wrong.
    AddSource {
        /// The article's text, UTF-8.
        file: PathBuf,
        /// The source's id (default: from FILE's name).
        #[arg(long)]
        id: Option<String>,
        /// The article's title.
        #[arg(long)]
        title: String,
        /// The outlet that published it ("unknown" when it does not say).
        #[arg(long)]
        outlet: String,
        /// When it was published: YYYY-MM-DD, YYYY-MM, YYYY or unknown.
        #[arg(long)]
        published: String,
        #[arg(long)]
        author: Option<String>,
        #[arg(long)]
        url: Option<String>,
        /// BCP 47 language tag.
        #[arg(long, default_value = "en")]
        language: String,
        /// How the metadata was found, if not from the article itself.
        #[arg(long)]
        note: Option<String>,
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
    if let Some(msg) = path.and_then(crate::library::several) {
        eprintln!("brief: {msg}");
        return Err(ExitCode::from(2));
    }
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
    let user = crate::library::user_dir();
    let resolved = cli
        .briefing
        .as_deref()
        .map(|p| crate::library::resolve(p, user.as_deref()));
    let briefing = resolved.as_deref();
    match cli.command {
        Some(Command::Check {
            paths,
            stats,
            format,
        }) => check(briefing, &paths, stats.then_some(format)),
        Some(Command::Export {
            format,
            pinned,
            notes,
            actors,
            sides,
            issues,
            since,
            until,
            output,
        }) => match open(briefing) {
            Ok(b) => {
                let text = match format {
                    Format::Json => export::json(&b),
                    Format::Markdown => {
                        let opts = export_options(&b, actors, sides, issues, since, until)
                            .map(|o| export::Options { pinned, notes, ..o });
                        let opts = match opts {
                            Ok(o) => o,
                            Err(e) => return usage_error(&e),
                        };
                        let kept = (pinned || notes)
                            .then(|| crate::notes::open_for(&b, cli.data_dir.as_deref()))
                            .flatten();
                        if let Some(w) = kept.as_ref().and_then(|k| k.warning.as_deref()) {
                            eprintln!("brief: {}", crate::model::text::inert(w));
                        }
                        export::briefing(&b, kept.as_ref().map(|k| &k.notes), &opts)
                    }
                };
                match output {
                    Some(path) => {
                        match crate::notes::write_atomic(&path, text.as_bytes(), |_| Ok(())) {
                            Ok(()) => ExitCode::SUCCESS,
                            Err(e) => {
                                eprintln!("brief: {}", crate::model::text::inert(&e));
                                ExitCode::from(2)
                            }
                        }
                    }
                    None => print_or_fail(&text),
                }
            }
            Err(code) => code,
        },
        Some(Command::Search {
            query,
            limit,
            all,
            json,
        }) => match open(briefing) {
            Ok(b) => print_or_fail(&crate::search::output::render(
                &b,
                &query.join(" "),
                limit,
                all,
                json,
            )),
            Err(code) => code,
        },
        Some(Command::New { name, dir }) => match crate::author::new::create(&name, &dir) {
            Ok(root) => {
                let root = root.display();
                println!(
                    "brief: wrote {root}, a briefing with an example of every kind of entry\n\
                     next: `brief check {root}`, then `brief -b {root}` to read it"
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("brief: {e}");
                ExitCode::from(2)
            }
        },
        Some(Command::Anchor {
            source,
            phrase,
            prefix,
            suffix,
            occurrence,
        }) => anchor(
            briefing,
            &source,
            &phrase,
            prefix.as_deref(),
            suffix.as_deref(),
            occurrence,
        ),
        Some(Command::AddSource {
            file,
            id,
            title,
            outlet,
            published,
            author,
            url,
            language,
            note,
        }) => {
            let meta = crate::author::add_source::Meta {
                id,
                title,
                outlet,
                published,
                author,
                url,
                language,
                note,
            };
            let dir = briefing.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
            match crate::author::add_source::add(&dir, &file, &meta) {
                Ok(added) => {
                    print!(
                        "brief: copied the text to {}\nbrief: added to {}:\n\n{}",
                        added.text.display(),
                        dir.join("sources.toml").display(),
                        added.entry
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("brief: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Some(Command::List { json }) => {
            let entries = crate::library::list(user.as_deref(), briefing);
            let text = if json {
                format!(
                    "{}\n",
                    serde_json::to_string_pretty(&entries).unwrap_or_default()
                )
            } else {
                crate::library::render(&entries)
            };
            print_or_fail(&text)
        }
        Some(Command::Config { keys }) => config(keys),
        Some(Command::Completions { shell }) => {
            let mut text = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "brief", &mut text);
            print_or_fail(&String::from_utf8_lossy(&text))
        }
        Some(Command::Man { dir: Some(dir) }) => {
            match clap_mangen::generate_to(Cli::command(), &dir) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("brief: {}: {e}", dir.display());
                    ExitCode::from(2)
                }
            }
        }
        Some(Command::Man { dir: None }) => {
            let mut text = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut text) {
                Ok(()) => print_or_fail(&String::from_utf8_lossy(&text)),
                Err(e) => {
                    eprintln!("brief: {e}");
                    ExitCode::from(2)
                }
            }
        }
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
        None => read(briefing, cli.data_dir.as_deref()),
    }
}

/// `brief anchor`: the source is a file if one is there by that name, else
/// a source id of the briefing.
fn anchor(
    briefing: Option<&Path>,
    source: &str,
    phrase: &str,
    prefix: Option<&str>,
    suffix: Option<&str>,
    occurrence: Option<usize>,
) -> ExitCode {
    if phrase.trim().is_empty() {
        eprintln!("brief: give the words to find, e.g. brief anchor {source} \"the words\"");
        return ExitCode::from(2);
    }
    let path = Path::new(source);
    let (name, text) = if path.is_file() {
        match std::fs::read(path).map(String::from_utf8) {
            Ok(Ok(text)) => (source.to_string(), text),
            Ok(Err(_)) => {
                eprintln!("brief: {source}: not UTF-8");
                return ExitCode::from(2);
            }
            Err(e) => {
                eprintln!("brief: {source}: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        let loaded = match load(&origin(briefing)) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("brief: {e}");
                return ExitCode::from(2);
            }
        };
        let b = loaded.briefing;
        match b.source(source) {
            Some(s) if !s.text.is_empty() => {
                (format!("{} ({})", s.file.value, s.id.value), s.text.clone())
            }
            Some(s) => {
                eprintln!(
                    "brief: the text of source `{source}` ({}) could not be read; run `brief check`",
                    s.file.value
                );
                return ExitCode::from(2);
            }
            None => {
                let hint =
                    crate::model::suggest::hint(source, b.sources.iter().map(|s| s.id.as_str()));
                eprintln!(
                    "brief: `{source}` is neither a file nor a source id of the briefing{hint}"
                );
                return ExitCode::from(2);
            }
        }
    };
    let report = crate::author::anchor::report(&name, &text, phrase, prefix, suffix, occurrence);
    match print_or_fail(&report.text) {
        code if code != ExitCode::SUCCESS => code,
        _ if report.found => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    }
}

/// Prints the config's problems to `out`; returns how many errors there
/// were, and the keymap in force.
fn config_problems(out: &mut impl Write) -> (usize, Keymap) {
    let (config, mut problems, file) = crate::config::load();
    let name = file.as_ref().map_or("config.toml", |(n, _)| n.as_str());
    let (keymap, key_problems) = Keymap::configured(name, &config.keys);
    problems.extend(key_problems);
    problems.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    for d in &problems {
        let text = file.as_ref().map(|(_, t)| t.as_str());
        let _ = writeln!(out, "{}", d.render(text));
    }
    (problems.iter().filter(|d| d.is_error()).count(), keymap)
}

/// `brief config`: where the settings are, and their problems; with
/// `keys`, the keys in force.
fn config(keys: bool) -> ExitCode {
    let Some(path) = crate::config::path() else {
        println!("brief: this platform has no config directory; the defaults are in force");
        if keys {
            print!("{}", Keymap::builtin().to_toml());
        }
        return ExitCode::SUCCESS;
    };
    if !path.exists() {
        println!("brief: no {}; the defaults are in force", path.display());
        if keys {
            print!("{}", Keymap::builtin().to_toml());
        }
        return ExitCode::SUCCESS;
    }
    let mut out = std::io::stdout().lock();
    let (n, keymap) = config_problems(&mut out);
    let _ = writeln!(
        out,
        "{}: {n} error(s){}",
        path.display(),
        if n > 0 {
            "; what is wrong keeps its default"
        } else {
            ""
        }
    );
    if keys {
        let _ = write!(out, "{}", keymap.to_toml());
    }
    ExitCode::from(u8::from(n > 0))
}

/// The Markdown export's filters, each id checked against the briefing.
fn export_options(
    b: &Briefing,
    actors: Vec<String>,
    sides: Vec<String>,
    issues: Vec<String>,
    since: Option<String>,
    until: Option<String>,
) -> Result<export::Options, String> {
    let unknown = |ids: &[String], known: &dyn Fn(&str) -> bool, what: &str| match ids
        .iter()
        .find(|id| !known(id))
    {
        Some(id) => Err(format!("no {what} `{id}` in this briefing")),
        None => Ok(()),
    };
    unknown(&actors, &|id| b.actor_index(id).is_some(), "actor")?;
    unknown(&sides, &|id| b.side_index(id).is_some(), "side")?;
    unknown(&issues, &|id| b.issue_index(id).is_some(), "issue")?;
    // A month or a year: from its first day, until its last.
    let year = crate::tables::briefing_day(b).year;
    let first = |d: &str| {
        crate::model::time::parse_loose(d, year)
            .map(|(first, _)| first)
            .ok_or_else(|| {
                format!("`{d}` is not a date; try 2025-08-20, \"20 aug\" or \"aug 2025\"")
            })
    };
    let since = since.map(|d| first(&d)).transpose()?;
    let day = |d: Option<String>| d.map(|d| crate::tables::parse_day(b, &d)).transpose();
    Ok(export::Options {
        actors,
        sides,
        issues,
        since,
        until: day(until)?,
        ..Default::default()
    })
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("brief: {}", crate::model::text::inert(message));
    ExitCode::from(2)
}

/// The interactive reader; it needs a terminal on stdout.
fn read(briefing: Option<&Path>, data_dir: Option<&Path>) -> ExitCode {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        eprintln!("{}", crate::strings::NOT_A_TERMINAL);
        return ExitCode::from(2);
    }
    // Said before the reader takes the screen, and still there after it.
    let (problems, keymap) = config_problems(&mut std::io::stderr().lock());
    if problems > 0 {
        eprintln!(
            "brief: the settings have {problems} error(s); their defaults are in force (brief config)"
        );
    }
    let (startup, candidates) = match startup(briefing) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match crate::reader::run(startup, &candidates, data_dir, &keymap) {
        Ok(Ended::Quit) => ExitCode::SUCCESS,
        Ok(Ended::Invalid(loaded)) => {
            let mut err = std::io::stderr().lock();
            let _ = write_diagnostics(&mut err, &loaded, None);
            let _ = writeln!(
                err,
                "brief: the briefing has {} error(s); run `brief check` for details",
                loaded.errors()
            );
            ExitCode::from(1)
        }
        Ok(Ended::Failed(e)) => {
            eprintln!("brief: {}", inert(&e));
            ExitCode::from(2)
        }
        Err(crate::reader::Error::NoTerminal(e)) => {
            eprintln!("{}", inert(&crate::strings::no_terminal(&e.0)));
            ExitCode::from(2)
        }
        Err(crate::reader::Error::Io(e)) => {
            eprintln!("brief: {}", inert(&e.to_string()));
            ExitCode::from(2)
        }
    }
}

/// What the reader starts with: the briefing named, or the picker when
/// there are several (a `-b` directory that holds several, or briefings
/// in the user's directory besides the bundled one). A path that is no
/// briefing at all is refused before the screen is taken. With it, every
/// briefing there is, for choosing another later.
fn startup(briefing: Option<&Path>) -> Result<(Startup, Vec<Candidate>), ExitCode> {
    use crate::library::{candidates, is_briefing, several};
    let user = crate::library::user_dir();
    let all = candidates(user.as_deref(), briefing);
    let start = match briefing {
        Some(p) if several(p).is_some() => Startup::pick(all.clone()),
        Some(p) => {
            if !is_briefing(p) {
                open(Some(p))?;
            }
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string());
            Startup::open(&Candidate {
                name,
                path: Some(p.to_path_buf()),
            })
        }
        None => match all.as_slice() {
            [only] => Startup::open(only),
            _ => Startup::pick(all.clone()),
        },
    };
    Ok((start, all))
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
    // A directory of several briefings stands for each of them.
    let named: Vec<PathBuf> = if paths.is_empty() {
        briefing.map(Path::to_path_buf).into_iter().collect()
    } else {
        paths.to_vec()
    };
    let expanded: Vec<PathBuf> = named
        .into_iter()
        .flat_map(|p| match crate::library::several(&p) {
            Some(_) => crate::library::briefings_in(&p),
            None => vec![p],
        })
        .collect();
    let targets: Vec<Option<&Path>> = if expanded.is_empty() {
        vec![None]
    } else {
        expanded.iter().map(|p| Some(p.as_path())).collect()
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
    // A source text is checked with the briefing it belongs to.
    let found_dir: PathBuf;
    let target = match target {
        Some(p) if p.is_file() && p.extension().is_none_or(|e| e != "toml") => {
            // Search the named path's own parents first, so that messages
            // name files as the user does; then, for `check x.txt` inside
            // a briefing, the real ones.
            let named = p
                .ancestors()
                .skip(1)
                .filter(|d| !d.as_os_str().is_empty())
                .find(|d| d.join("briefing.toml").is_file())
                .map(Path::to_path_buf);
            let real = || {
                let real = p.canonicalize().ok()?;
                real.ancestors()
                    .skip(1)
                    .find(|d| d.join("briefing.toml").is_file())
                    .map(Path::to_path_buf)
            };
            let Some(dir) = named.or_else(real) else {
                return Err(format!(
                    "{}: not a briefing file; `brief check` takes a briefing directory or one of its .toml files",
                    p.display()
                ));
            };
            eprintln!(
                "brief: {} is a text of the briefing {}, whose quotes and excerpts rest on it: checking the briefing",
                p.display(),
                dir.display()
            );
            found_dir = dir;
            Some(found_dir.as_path())
        }
        other => other,
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
    if let Some(msg) = dir.as_deref().and_then(crate::library::several) {
        return Err(msg);
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

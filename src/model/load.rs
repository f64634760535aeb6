//! Reading a briefing's files into items, collecting every problem on the way
//! instead of stopping at the first.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::de::DeserializeOwned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::diagnostic::Diagnostic;
use super::diagnostic::Severity;
use super::progress::{CHECKING, PARSING, Progress, SOURCES};
use super::text::{Class, class, describe, first_unsafe, problems};
use super::{Briefing, validate};

/// Where a briefing's files come from.
pub enum Origin {
    /// Compiled into the binary.
    Bundled(&'static include_dir::Dir<'static>),
    /// A directory on disk.
    Dir(PathBuf),
}

/// The most a briefing's TOML file may hold.
pub const MAX_TOML_BYTES: u64 = 512 << 20;
/// The most a source text may hold: a long book, far more than an article.
pub const MAX_SOURCE_BYTES: u64 = 32 << 20;

impl Origin {
    /// The bytes of a file relative to the briefing, or `None` if it is
    /// absent. On disk the file must resolve inside the briefing directory,
    /// be a regular file, and hold at most `limit` bytes.
    fn read(
        &self,
        rel: &str,
        limit: u64,
        resolver: &mut Resolver,
    ) -> Result<Option<Vec<u8>>, String> {
        match self {
            Origin::Bundled(dir) => Ok(dir.get_file(rel).map(|f| f.contents().to_vec())),
            Origin::Dir(root) => read_inside(root, rel, limit, resolver),
        }
    }

    /// A file's size in bytes, 0 when it is absent or can't be seen.
    pub fn size(&self, rel: &str) -> u64 {
        match self {
            Origin::Bundled(dir) => dir.get_file(rel).map_or(0, |f| f.contents().len() as u64),
            Origin::Dir(root) => std::fs::metadata(root.join(rel)).map_or(0, |m| m.len()),
        }
    }

    /// How a file is named in messages.
    pub fn display(&self, rel: &str) -> String {
        match self {
            Origin::Bundled(_) => format!("<bundled>/{rel}"),
            Origin::Dir(root) => root.join(rel).display().to_string(),
        }
    }
}

/// Reads `root/rel`, refusing what resolves outside `root` (through a
/// symlink, or a symlinked directory), what is not a regular file (a FIFO
/// would block, a device never end) and what is larger than `limit`.
fn read_inside(
    root: &Path,
    rel: &str,
    limit: u64,
    resolver: &mut Resolver,
) -> Result<Option<Vec<u8>>, String> {
    use std::io::Read;
    let path = root.join(rel);
    let shown = || path.display().to_string();
    let io = |e: std::io::Error| format!("{}: {e}", shown());
    let real = match resolver.real_path(&path) {
        Ok(real) => real,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(e)),
    };
    let real_root = resolver
        .root(root)
        .map_err(|e| format!("{}: {e}", root.display()))?;
    if !real.starts_with(real_root) {
        return Err(format!(
            "{}: resolves to {}, outside the briefing directory; a briefing may only read its own files",
            shown(),
            real.display()
        ));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Opening a FIFO for reading would wait for a writer.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(&real).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        let kind = if meta.is_dir() {
            "a directory"
        } else {
            "a device, FIFO or socket"
        };
        return Err(format!("{}: is {kind}, not a regular file", shown()));
    }
    let too_big = || {
        format!(
            "{}: larger than {} MiB, the most brief reads from one file",
            shown(),
            limit >> 20
        )
    };
    if meta.len() > limit {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The size can change while reading: never read past the cap.
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(Some(bytes))
}

/// Real (canonical) paths, with the directories resolved once each rather
/// than once per file: thousands of sources share one directory.
#[derive(Default)]
struct Resolver {
    root: Option<PathBuf>,
    dirs: std::collections::HashMap<PathBuf, PathBuf>,
}

impl Resolver {
    fn root(&mut self, root: &Path) -> std::io::Result<&Path> {
        if self.root.is_none() {
            self.root = Some(root.canonicalize()?);
        }
        Ok(self.root.as_deref().expect("just set"))
    }

    /// The path with every symlink resolved, as `canonicalize` gives it.
    fn real_path(&mut self, path: &Path) -> std::io::Result<PathBuf> {
        let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
            return path.canonicalize();
        };
        if name == "." || name == ".." {
            return path.canonicalize();
        }
        // The file itself: a symlink is resolved fully; anything else lies
        // in its (resolved) directory.
        if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
            return path.canonicalize();
        }
        let real_dir = match self.dirs.get(dir) {
            Some(d) => d.clone(),
            None => {
                let d = dir.canonicalize()?;
                self.dirs.insert(dir.to_path_buf(), d.clone());
                d
            }
        };
        Ok(real_dir.join(name))
    }
}

/// A briefing as far as it could be read, every problem found, and the text
/// of every file read, for showing the lines the problems point at.
pub struct Loaded {
    pub briefing: Briefing,
    pub diagnostics: Vec<Diagnostic>,
    /// The TOML files (and any file that is not UTF-8, lossily), by name.
    pub files: BTreeMap<String, String>,
    /// Source texts by name, as indexes into `briefing.sources`: their
    /// text is kept there only, not copied.
    pub source_files: BTreeMap<String, usize>,
}

impl Loaded {
    /// The text of a file that was read, by the name diagnostics give.
    pub fn text(&self, file: &str) -> Option<&str> {
        self.files.get(file).map(String::as_str).or_else(|| {
            let i = *self.source_files.get(file)?;
            Some(self.briefing.sources.get(i)?.text.as_str())
        })
    }

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// The files of a briefing and the one top-level key each holds.
pub const FILES: [(&str, &str); 8] = [
    ("briefing.toml", "briefing"),
    ("sources.toml", "sources"),
    ("actors.toml", "actors"),
    ("issues.toml", "issues"),
    ("events.toml", "events"),
    ("quotes.toml", "quotes"),
    ("positions.toml", "positions"),
    ("discrepancies.toml", "discrepancies"),
];

/// Reads and checks a briefing. Fails only when there is no briefing to
/// speak of (no `briefing.toml`, or it can't be read): a usage or I/O error.
pub fn load(origin: &Origin) -> Result<Loaded, String> {
    load_with(origin, &Progress::default())
}

/// `load`, moving `progress` forward as it goes (for a gauge on another
/// thread).
pub fn load_with(origin: &Origin, progress: &Progress) -> Result<Loaded, String> {
    progress.at(0, "reading the briefing's files");
    let mut reader = Reader::new(origin);
    if origin
        .read("briefing.toml", MAX_TOML_BYTES, &mut reader.resolver)?
        .is_none()
    {
        return Err(format!(
            "{}: not found; a briefing is a directory with a briefing.toml",
            origin.display("briefing.toml")
        ));
    }
    // Each file is read on its own, the large ones side by side on the
    // machine's cores; what each gave is then taken in file order, so
    // that the problems are listed as one reader would find them.
    let mut b = Briefing::default();
    for (read, (_, key)) in read_files(origin).into_iter().zip(FILES) {
        let (part, mut one) = read?;
        reader.diagnostics.append(&mut one.diagnostics);
        reader.unreadable.append(&mut one.unreadable);
        reader.files.append(&mut one.files);
        if key == "briefing" {
            b.meta = part.meta;
        }
        b.sides.extend(part.sides);
        b.sources.extend(part.sources);
        b.actors.extend(part.actors);
        b.issues.extend(part.issues);
        b.events.extend(part.events);
        b.quotes.extend(part.quotes);
        b.positions.extend(part.positions);
        b.discrepancies.extend(part.discrepancies);
    }
    progress.at(PARSING, "reading source texts");
    reader.read_source_texts(&mut b)?;
    progress.at(PARSING + SOURCES, "finding quotes in their sources");
    let names: BTreeMap<&str, String> =
        FILES.iter().map(|(f, _)| (*f, origin.display(f))).collect();
    let unreadable = validate::Unreadable {
        ids: reader.unreadable.into_iter().collect(),
    };
    reader.diagnostics.extend(validate::validate(
        &mut b,
        &unreadable,
        &|f| names[f].clone(),
        &reader.files,
    ));
    progress.at(PARSING + SOURCES + CHECKING, "indexing");
    b.build_index();
    reader
        .diagnostics
        .extend(super::order::time_warnings(&b, &|f| names[f].clone()));
    Ok(Loaded {
        briefing: b,
        diagnostics: reader.diagnostics,
        files: reader.files,
        source_files: reader.source_files,
    })
}

/// Each of [`FILES`], read by [`read_file`], in file order. With more than
/// one core, the files are read side by side; but when one is large
/// enough to be read in parts, the files are read one by one and the
/// parts of each side by side, which shares the work out more evenly
/// (the files differ widely in size) and keeps fewer parsed tables in
/// memory at once.
fn read_files(origin: &Origin) -> Vec<Result<(Briefing, Reader<'_>), String>> {
    let texts: Vec<_> = FILES
        .iter()
        .map(|(file, _)| {
            let mut reader = Reader::new(origin);
            let text = reader.read_text(file);
            (reader, text)
        })
        .collect();
    let len = |t: &Result<Option<String>, String>| {
        t.as_ref().map_or(0, |t| t.as_ref().map_or(0, String::len))
    };
    let large = texts.iter().any(|(_, t)| len(t) > 2 * PART_BYTES);
    // The largest first, so that no thread is left with one at the end.
    let mut largest: Vec<usize> = (0..FILES.len()).collect();
    largest.sort_by_key(|&i| std::cmp::Reverse(len(&texts[i].1)));
    let slots: Vec<_> = texts.into_iter().map(Mutex::new).collect();
    let read = |i: usize| {
        let (reader, text) = std::mem::replace(
            &mut *slots[i].lock().unwrap_or_else(|e| e.into_inner()),
            (Reader::new(origin), Ok(None)),
        );
        read_file(reader, text, FILES[i].0, FILES[i].1)
    };
    if large {
        return (0..FILES.len()).map(read).collect();
    }
    let mut out: Vec<_> = FILES.iter().map(|_| None).collect();
    let read = super::par::map_ordered(FILES.len(), |k| read(largest[k]));
    for (i, r) in largest.into_iter().zip(read) {
        out[i] = Some(r);
    }
    out.into_iter()
        .map(|r| r.expect("every file was read"))
        .collect()
}

/// One TOML file's items (in a briefing otherwise empty) and what its
/// reader found: problems, the file's text, its unreadable items.
fn read_file<'a>(
    mut reader: Reader<'a>,
    text: Result<Option<String>, String>,
    file: &str,
    key: &str,
) -> Result<(Briefing, Reader<'a>), String> {
    let origin = reader.origin;
    let mut b = Briefing::default();
    let Some(text) = text? else {
        return Ok((b, reader));
    };
    // Items are taken out of the parsed tables, not copied; the text
    // is kept for showing the lines problems point at.
    match key {
        "briefing" => {
            let mut table = reader.parse(file, &text);
            reader.unknown_keys(file, &table);
            if let Some(meta) = reader.single(&mut table, file, "briefing") {
                b.meta = meta;
            }
            b.sides = reader.items(&mut table, file, "sides");
        }
        "sources" => b.sources = reader.file_items(file, &text, key),
        "actors" => b.actors = reader.file_items(file, &text, key),
        "issues" => b.issues = reader.file_items(file, &text, key),
        "events" => b.events = reader.file_items(file, &text, key),
        "quotes" => b.quotes = reader.file_items(file, &text, key),
        "positions" => b.positions = reader.file_items(file, &text, key),
        _ => b.discrepancies = reader.file_items(file, &text, key),
    }
    reader.files.insert(origin.display(file), text);
    Ok((b, reader))
}

struct Reader<'a> {
    origin: &'a Origin,
    diagnostics: Vec<Diagnostic>,
    files: BTreeMap<String, String>,
    source_files: BTreeMap<String, usize>,
    resolver: Resolver,
    /// Where the part of the file being read starts: spans from the parser
    /// count from there.
    at: usize,
    /// (file, id) of items that could not be read, so that references to
    /// them are not reported again as unknown.
    unreadable: Vec<(String, String)>,
    /// Whether the file being read has syntax errors: its field errors would
    /// only echo them, so they are not reported.
    syntax_errors: bool,
}

type Table<'i> = toml::Spanned<DeTable<'i>>;

impl<'a> Reader<'a> {
    fn new(origin: &'a Origin) -> Self {
        Reader {
            origin,
            diagnostics: Vec::new(),
            files: BTreeMap::new(),
            source_files: BTreeMap::new(),
            resolver: Resolver::default(),
            at: 0,
            unreadable: Vec::new(),
            syntax_errors: false,
        }
    }

    fn error(&mut self, rel: &str, span: Option<std::ops::Range<usize>>, msg: impl Into<String>) {
        let name = self.origin.display(rel);
        self.diagnostics.push(Diagnostic::error(&name, span, msg));
    }

    /// A file's text, or `None` when it is absent or not UTF-8 (reported).
    fn read_text(&mut self, rel: &str) -> Result<Option<String>, String> {
        let Some(bytes) = self.origin.read(rel, MAX_TOML_BYTES, &mut self.resolver)? else {
            return Ok(None);
        };
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Some(text)),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
                self.files.insert(self.origin.display(rel), lossy);
                self.error(rel, Some(at..at + 1), "file is not valid UTF-8");
                Ok(None)
            }
        }
    }

    fn shift(&self, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
        r.start + self.at..r.end + self.at
    }

    /// The items under `key` of a whole file. A large file is parsed in
    /// parts cut before its top-level `[[key]]` lines, each part on its
    /// own: a parsed table takes over ten times the memory of its text, so
    /// this keeps only one part's at a time. If any part has a syntax
    /// error (a cut can only fall inside a multi-line string or array of a
    /// broken file) the parts are forgotten and the whole file is parsed
    /// at once, so problems are reported exactly as they are.
    fn file_items<T: DeserializeOwned + Send>(
        &mut self,
        rel: &str,
        text: &str,
        key: &str,
    ) -> Vec<T> {
        let parts = parts(text, key);
        if parts.len() > 1 {
            // The parts are read side by side on the machine's cores, each
            // by a reader of its own; what each found is taken in order.
            let origin = self.origin;
            let read = super::par::map_ordered(parts.len(), |i| {
                let part = parts[i].clone();
                let (mut table, errors) = DeTable::parse_recoverable(&text[part.clone()]);
                if !errors.is_empty() {
                    return None;
                }
                let mut r = Reader::new(origin);
                r.at = part.start;
                r.unsafe_chars(rel, text, part, &table);
                r.unknown_keys(rel, &table);
                let items = r.items::<T>(&mut table, rel, key);
                Some((r.diagnostics, r.unreadable, items))
            });
            if read.iter().all(Option::is_some) {
                let n = read.iter().flatten().map(|r| r.2.len()).sum();
                let mut out = Vec::with_capacity(n);
                for (mut diagnostics, mut unreadable, items) in read.into_iter().flatten() {
                    self.diagnostics.append(&mut diagnostics);
                    self.unreadable.append(&mut unreadable);
                    out.extend(items);
                }
                return out;
            }
        }
        let mut table = self.parse(rel, text);
        self.unknown_keys(rel, &table);
        self.items(&mut table, rel, key)
    }

    /// Parses one TOML file, reporting every syntax error and every unsafe
    /// character; what could be parsed is still returned.
    fn parse<'i>(&mut self, rel: &str, text: &'i str) -> Table<'i> {
        let (table, errors) = DeTable::parse_recoverable(text);
        self.syntax_errors = !errors.is_empty();
        for e in errors {
            // The parser gives no place for nesting too deep (dotted keys,
            // arrays or inline tables 100 levels down): point at the most
            // deeply nested line.
            let span = e.span().or_else(|| Some(deepest_line(text)));
            self.error(rel, span, format!("TOML syntax: {}", e.message().trim()));
        }
        self.unsafe_chars(rel, text, 0..text.len(), &table);
        table
    }

    /// Every character of every string and key that may not pass (see
    /// `model::text`), each pointed at where it is written: the character
    /// itself, or its escape.
    fn unsafe_chars(
        &mut self,
        rel: &str,
        text: &str,
        part: std::ops::Range<usize>,
        table: &Table<'_>,
    ) {
        let at = self.at;
        if !may_hold_unsafe(text.get(part).unwrap_or("")) {
            return;
        }
        let mut found = Vec::new();
        walk_strings(table.get_ref(), &mut |s, span| {
            let span = span.start + at..span.end + at;
            if first_unsafe(s).is_none() {
                return;
            }
            let raw = text.get(span.clone()).unwrap_or("");
            let offsets = raw_offsets(raw, s);
            for (i, c, _) in problems(s) {
                let at = offsets
                    .as_ref()
                    .and_then(|o| o.get(&i))
                    .map_or(span.start, |&r| span.start + r);
                found.push((at, c));
            }
        });
        for (at, c) in found {
            let len = text[at..].chars().next().map_or(1, char::len_utf8);
            self.error(
                rel,
                Some(at..at + len),
                format!("{} in text; it must never reach a terminal", describe(c)),
            );
        }
    }

    /// The table under `key` as one item, taken out of `table`.
    fn single<T: DeserializeOwned>(
        &mut self,
        table: &mut Table<'_>,
        rel: &str,
        key: &str,
    ) -> Option<T> {
        match table.get_mut().remove(key) {
            None => {
                self.error(rel, Some(0..0), format!("missing table [{key}]"));
                None
            }
            Some(v) => self.item(rel, v),
        }
    }

    /// Every item of the array of tables under `key`, each read on its own so
    /// that one bad item does not hide the problems of the others. The
    /// items are taken out of `table`.
    fn items<T: DeserializeOwned>(
        &mut self,
        table: &mut Table<'_>,
        rel: &str,
        key: &str,
    ) -> Vec<T> {
        let Some(value) = table.get_mut().remove(key) else {
            return Vec::new();
        };
        let span = self.shift(value.span());
        match value.into_inner() {
            DeValue::Array(items) => items
                .into_iter()
                .filter_map(|v| self.item(rel, v))
                .collect(),
            other => {
                let msg = format!(
                    "`{key}` must be an array of tables ([[{key}]]), found {}",
                    other.type_str()
                );
                self.error(rel, Some(span), msg);
                Vec::new()
            }
        }
    }

    fn item<'i, T: DeserializeOwned>(
        &mut self,
        rel: &str,
        value: toml::Spanned<DeValue<'i>>,
    ) -> Option<T> {
        // The id, in case the item can't be read: references to it are
        // then not reported again as unknown.
        let id = match value.get_ref().get("id").map(|v| v.get_ref()) {
            Some(DeValue::String(id)) => Some(id.clone()),
            _ => None,
        };
        let span = self.shift(value.span());
        let at = self.at;
        match super::located::with_offset(at, || T::deserialize(ValueDeserializer::from(value))) {
            Ok(item) => Some(item),
            Err(e) => {
                self.unreadable.push((
                    rel.to_string(),
                    id.map(|id| id.into_owned()).unwrap_or_default(),
                ));
                if !self.syntax_errors {
                    let span = e.span().map(|s| self.shift(s)).or(Some(span));
                    self.error(rel, span, super::suggest::unknown_field(e.message().trim()));
                }
                None
            }
        }
    }

    fn unknown_keys(&mut self, rel: &str, table: &Table<'_>) {
        let allowed: &[&str] = match rel {
            "briefing.toml" => &["briefing", "sides"],
            _ => &[FILES
                .iter()
                .find(|(f, _)| *f == rel)
                .map_or("", |(_, k)| *k)],
        };
        let unknown: Vec<_> = table
            .get_ref()
            .keys()
            .filter(|k| !allowed.contains(&k.get_ref().as_ref()))
            .map(|k| (self.shift(k.span()), k.get_ref().to_string()))
            .collect();
        for (span, key) in unknown {
            let msg = format!("unknown key `{key}`; {rel} holds {}", allowed.join(" and "));
            self.error(rel, Some(span), msg);
        }
    }

    /// Reads each source's text file: it must exist, be UTF-8 and hold no
    /// unsafe characters. The files are read side by side on the
    /// machine's cores, in runs of sources; what each gave is taken in
    /// source order.
    fn read_source_texts(&mut self, b: &mut Briefing) -> Result<(), String> {
        const RUN: usize = 256;
        let origin = self.origin;
        let sources = &b.sources;
        let runs = sources.len().div_ceil(RUN);
        let read = super::par::map_ordered(runs, |r| {
            let mut resolver = Resolver::default();
            sources[r * RUN..sources.len().min((r + 1) * RUN)]
                .iter()
                .map(|source| read_source(origin, &mut resolver, source))
                .collect::<Vec<_>>()
        });
        for (i, read) in read.into_iter().flatten().enumerate() {
            let SourceRead {
                mut diagnostics,
                text,
                lossy,
            } = read;
            self.diagnostics.append(&mut diagnostics);
            if let Some((name, lossy)) = lossy {
                self.files.insert(name, lossy);
            }
            if let Some((name, text)) = text {
                self.source_files.insert(name, i);
                b.sources[i].text = text;
            }
        }
        Ok(())
    }
}

/// What reading one source's text gave: its problems, and the text by its
/// name in messages (or the lossy text of a file that is not UTF-8).
struct SourceRead {
    diagnostics: Vec<Diagnostic>,
    text: Option<(String, String)>,
    lossy: Option<(String, String)>,
}

fn read_source(origin: &Origin, resolver: &mut Resolver, source: &super::Source) -> SourceRead {
    let mut out = SourceRead {
        diagnostics: Vec::new(),
        text: None,
        lossy: None,
    };
    let error = |out: &mut SourceRead, rel: &str, span, msg: String| {
        let name = origin.display(rel);
        out.diagnostics.push(Diagnostic::error(&name, span, msg));
    };
    let rel = source.file.value.as_str();
    let span = Some(source.file.span.clone());
    if Path::new(rel).is_absolute() || rel.split('/').any(|p| p == "..") {
        let msg = format!("source file `{rel}` must be a path inside the briefing");
        error(&mut out, "sources.toml", span, msg);
        return out;
    }
    let bytes = match origin.read(rel, MAX_SOURCE_BYTES, resolver) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            let msg = format!("source file `{rel}` not found");
            error(&mut out, "sources.toml", span, msg);
            return out;
        }
        Err(e) => {
            error(&mut out, "sources.toml", span, e);
            return out;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => {
            if text.trim().is_empty() {
                let msg = format!("source file `{rel}` is empty");
                error(&mut out, "sources.toml", span, msg);
            }
            for (at, c, class) in problems(&text) {
                let (severity, what) = match class {
                    // A stray joiner would reach the terminal as it is:
                    // the source pane draws a character at a time.
                    Class::Control | Class::Bidi | Class::Joiner => {
                        (Severity::Error, "in source text")
                    }
                    Class::Invisible => (
                        Severity::Warning,
                        "in source text; the reader shows it as �, and quotes must match it",
                    ),
                };
                out.diagnostics.push(Diagnostic {
                    severity,
                    file: origin.display(rel),
                    span: Some(at..at + c.len_utf8()),
                    message: format!("{} {what}", describe(c)),
                });
            }
            out.text = Some((origin.display(rel), text));
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            out.lossy = Some((
                origin.display(rel),
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
            ));
            error(
                &mut out,
                rel,
                Some(at..at + 1),
                "source file is not valid UTF-8".into(),
            );
        }
    }
    out
}

/// For a string or key written as `raw` whose value is `value`: the offset
/// in `raw` where each char of `value` (by byte offset) is written, its
/// escape included. `None` when `raw` does not read back as `value`.
fn raw_offsets(raw: &str, value: &str) -> Option<std::collections::HashMap<usize, usize>> {
    let trim_newline = |b: &'_ str| {
        let b2 = b.strip_prefix("\r\n").or_else(|| b.strip_prefix('\n'));
        b2.unwrap_or(b).len()
    };
    let (body, escapes) = if let Some(b) = raw.strip_prefix("\"\"\"") {
        (&b[b.len() - trim_newline(b)..], true)
    } else if let Some(b) = raw.strip_prefix("'''") {
        (&b[b.len() - trim_newline(b)..], false)
    } else if let Some(b) = raw.strip_prefix('"') {
        (b, true)
    } else if let Some(b) = raw.strip_prefix('\'') {
        (b, false)
    } else {
        (raw, false)
    };
    let base = raw.len() - body.len();
    let mut out = std::collections::HashMap::new();
    let mut want = value.char_indices();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let decoded = if escapes && c == '\\' {
            let (_, e) = chars.next()?;
            let mut hex = |n: usize| {
                let mut v = 0u32;
                for _ in 0..n {
                    v = v * 16 + chars.next()?.1.to_digit(16)?;
                }
                char::from_u32(v)
            };
            match e {
                'u' => hex(4)?,
                'U' => hex(8)?,
                'x' => hex(2)?,
                'e' => '\u{1b}',
                'b' => '\u{8}',
                'f' => '\u{c}',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                c if c.is_whitespace() => {
                    // A line-ending backslash: the whitespace after it goes.
                    while chars.next_if(|x| x.1.is_whitespace()).is_some() {}
                    continue;
                }
                c => c,
            }
        } else {
            c
        };
        let Some((at, expected)) = want.next() else {
            // The closing quotes.
            break;
        };
        if expected != decoded {
            return None;
        }
        out.insert(at, base + i);
    }
    Some(out)
}

/// Whether any string of a TOML text might hold a character that may not
/// pass: only if the text holds one itself (or a joiner, which a string
/// may begin with), or an escape that can write one. Most files hold
/// neither, and their strings need not be walked.
fn may_hold_unsafe(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Whether a byte needs a closer look: anything but printable ASCII
    // other than `\\`, tab and newline.
    let notable = |b: u8| !(b' '..=b'~').contains(&b) && b != b'\t' && b != b'\n' || b == b'\\';
    let mut i = 0;
    while i < bytes.len() {
        // Most of a file is plain ASCII: skipped a block at a time.
        if let Some(block) = bytes.get(i..i + 32)
            && !block.iter().fold(false, |any, &b| any | notable(b))
        {
            i += 32;
            continue;
        }
        let b = bytes[i];
        if b.is_ascii() {
            match b {
                b'\\'
                    if matches!(
                        bytes.get(i + 1),
                        Some(b'u' | b'U' | b'x' | b'e' | b'b' | b'f' | b'r')
                    ) =>
                {
                    return true;
                }
                b' '..=b'~' | b'\t' | b'\n' => {}
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {}
                _ => return true,
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            return true;
        };
        if class(c).is_some() {
            return true;
        }
        i += c.len_utf8();
    }
    false
}

/// About how much text one part holds; see `Reader::file_items`.
const PART_BYTES: usize = 256 << 10;

/// Byte ranges that cover `text`, cut before lines that are exactly
/// `[[key]]`, each at least [`PART_BYTES`] long (but the last).
fn parts(text: &str, key: &str) -> Vec<std::ops::Range<usize>> {
    // Only the lines that begin with the header can be cuts: they are
    // found with one search for a line break before it.
    let header = format!("\n[[{key}]]");
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for nl in memchr::memmem::find_iter(bytes, header.as_bytes()) {
        let line = nl + 1;
        if line - start < PART_BYTES {
            continue;
        }
        let end = memchr::memchr(b'\n', &bytes[line..]).map_or(text.len(), |n| line + n + 1);
        if text[line..end].trim_end() == &header[1..] {
            out.push(start..line);
            start = line;
        }
    }
    out.push(start..text.len());
    out
}

/// The line with the most nesting punctuation (`.`, `[`, `{`), as a span
/// of its first non-blank char: where a "recursion limit" comes from.
fn deepest_line(text: &str) -> std::ops::Range<usize> {
    let mut best = (0, 0..0);
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        // Outside quoted strings: prose has full stops.
        let mut quote = None;
        let mut depth = 0;
        for b in line.bytes() {
            match (quote, b) {
                (None, b'"' | b'\'') => quote = Some(b),
                (Some(q), b) if b == q => quote = None,
                (None, b'.' | b'[' | b'{') => depth += 1,
                _ => {}
            }
        }
        if depth > best.0 {
            let at = start + (line.len() - line.trim_start().len());
            best = (depth, at..at + 1);
        }
        start += line.len();
    }
    best.1
}

/// Calls `f` with every string (keys included) and its span.
fn walk_strings(table: &DeTable<'_>, f: &mut dyn FnMut(&str, std::ops::Range<usize>)) {
    for (k, v) in table.iter() {
        f(k.get_ref(), k.span());
        walk_value(v, f);
    }
}

fn walk_value(v: &toml::Spanned<DeValue<'_>>, f: &mut dyn FnMut(&str, std::ops::Range<usize>)) {
    match v.get_ref() {
        DeValue::String(s) => f(s, v.span()),
        DeValue::Array(a) => a.iter().for_each(|v| walk_value(v, f)),
        DeValue::Table(t) => walk_strings(t, f),
        _ => {}
    }
}

//! A value with the byte span it came from in its TOML file, so that the
//! checker can point at it. Reads like the value itself everywhere else.

use std::cell::Cell;
use std::fmt;
use std::ops::{Deref, Range};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Default)]
pub struct Located<T> {
    pub value: T,
    pub span: Range<usize>,
}

impl<T> Located<T> {
    /// A value with no place in a file (made by code, not read).
    pub fn new(value: T) -> Self {
        Located { value, span: 0..0 }
    }
}

impl<T> Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

thread_local! {
    /// Where the text being deserialized starts in its file.
    static OFFSET: Cell<usize> = const { Cell::new(0) };
}

/// Runs `f` with the spans it reads shifted by `by`: for a part of a file
/// parsed on its own, so that spans still count from the file's start.
pub(crate) fn with_offset<R>(by: usize, f: impl FnOnce() -> R) -> R {
    let before = OFFSET.replace(by);
    let r = f();
    OFFSET.set(before);
    r
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = toml::Spanned::<T>::deserialize(d)?;
        let at = OFFSET.get();
        let span = spanned.span();
        let span = span.start + at..span.end + at;
        Ok(Located {
            value: spanned.into_inner(),
            span,
        })
    }
}

impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl<T: fmt::Debug> fmt::Debug for Located<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: fmt::Display> fmt::Display for Located<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: PartialEq> PartialEq for Located<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl PartialEq<str> for Located<String> {
    fn eq(&self, other: &str) -> bool {
        self.value == other
    }
}

impl PartialEq<&str> for Located<String> {
    fn eq(&self, other: &&str) -> bool {
        self.value == *other
    }
}

//! The briefing compiled into the binary, so that `brief` works offline
//! from any directory.

use include_dir::{Dir, include_dir};

pub static UKRAINE: Dir<'static> =
    include_dir!("$CARGO_MANIFEST_DIR/briefings/ukraine-security-guarantees");

//! The bundled briefing is compiled in by `include_dir!`, which cargo does
//! not know to watch: rebuild whenever a file under `briefings/` changes.
fn main() {
    println!("cargo:rerun-if-changed=briefings");
}

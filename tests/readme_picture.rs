//! The README's picture of the reader is what the reader draws now: the
//! committed SVG is drawn again and compared byte for byte, so it never
//! drifts from the program.

use std::path::Path;

use brief::picture::{readme, svg};

#[test]
fn the_readme_picture_is_the_reader_as_it_draws_now() {
    let briefing = brief::cli::open(None).expect("the bundled briefing is valid");
    let drawn = svg(&readme::frame(briefing));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(readme::PATH);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != drawn {
        let line = committed
            .lines()
            .zip(drawn.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(drawn.lines().count()));
        panic!(
            "{} is not the reader as it draws now (first difference on line {}); \
             draw it again with\n\n    {}\n\nand commit it",
            readme::PATH,
            line + 1,
            readme::COMMAND,
        );
    }
}

#[test]
fn the_readme_shows_the_picture_and_how_to_draw_it() {
    let readme_md =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .expect("README.md");
    assert!(
        readme_md.contains(&format!("]({})", readme::PATH)),
        "README.md shows {}",
        readme::PATH
    );
    assert!(
        readme_md.contains(readme::COMMAND),
        "README.md says how to draw it again: {}",
        readme::COMMAND
    );
}

#[test]
fn the_picture_is_the_same_every_time() {
    let draw = || svg(&readme::frame(brief::cli::open(None).unwrap()));
    assert_eq!(draw(), draw());
}

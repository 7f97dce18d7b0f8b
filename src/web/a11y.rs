//! The screen-reader path: the canvas's role and accessible name, a live region
//! for keyboard and touch announcements, and a real data table, visually hidden.
//! Every string comes from `words` and reaches the DOM through `textContent`.

use web_sys::{HtmlCanvasElement, HtmlElement};

use crate::data::Dataset;
use crate::words;
use crate::locale::Lang;

pub fn label_canvas(canvas: &HtmlCanvasElement, data: &Dataset, lang: Lang, view: crate::layout::View) {
    // An image, named by its summary and its keys. (Tried as an application, which
    // NVDA and JAWS are said to hand their keys to in browse mode: Orca 43 with
    // Chromium took it for an embedded document, said nothing on reaching it and kept
    // the keys; as an image it reads the name, and the keys work in its focus mode.)
    let _ = canvas.set_attribute("role", "img");
    let _ = canvas.set_attribute("aria-label", &[&words::summary(data, lang, view), " ", lang.text().keys].concat());
    // One tab stop; arrows then move from region to region.
    let _ = canvas.set_attribute("tabindex", "0");
}

/// Fills the visually hidden box with a `<table>` of every row: region, persons,
/// share, reported or computed, then the national total (the cells written by the
/// core, the elements made by the shell's script).
pub fn fill_table(wrap: &HtmlElement, data: &Dataset, lang: Lang, view: crate::layout::View) {
    let (headers, rows) = words::table(data, lang);
    let mut cells: Vec<&str> = headers.to_vec();
    for row in &rows {
        cells.extend(row.iter().map(String::as_str));
    }
    super::shell::table(wrap, &words::table_caption(data, lang, view), headers.len() as u32, &cells.join("\u{1f}"));
}

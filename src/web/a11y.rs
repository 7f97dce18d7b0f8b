//! The screen-reader path: the canvas's role and accessible name, a live region
//! for keyboard and touch announcements, and a real data table, visually hidden.
//! Every string comes from `words` and reaches the DOM through `textContent`.

use wasm_bindgen::JsError;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement};

use crate::data::Dataset;
use crate::words;
use crate::locale::Lang;

use super::dom::{self, VISUALLY_HIDDEN};
use super::error;

pub fn label_canvas(canvas: &HtmlCanvasElement, data: &Dataset, lang: Lang, view: crate::layout::View) {
    let _ = canvas.set_attribute("role", "img");
    let _ = canvas.set_attribute("aria-label", &words::summary(data, lang, view));
    // One tab stop; arrows then move from region to region.
    let _ = canvas.set_attribute("tabindex", "0");
}

/// The polite live region the keyboard highlight is announced in.
pub fn live_region(doc: &Document) -> Result<HtmlElement, JsError> {
    let live: HtmlElement = dom::create(doc, "div")?;
    let _ = live.set_attribute("aria-live", "polite");
    let _ = live.set_attribute("aria-atomic", "true");
    live.set_class_name("mali-idp-chart__live");
    dom::style(&live, VISUALLY_HIDDEN);
    // The theme reads system colours through it (see `View::resolve_theme`).
    dom::style(&live, &[("forced-color-adjust", "none")]);
    Ok(live)
}

/// The visually hidden box the data table lives in (a table itself grows to fit its
/// cells, whatever width it is given).
pub fn hidden_box(doc: &Document) -> Result<HtmlElement, JsError> {
    let wrap: HtmlElement = dom::create(doc, "div")?;
    wrap.set_class_name("mali-idp-chart__data");
    dom::style(&wrap, VISUALLY_HIDDEN);
    Ok(wrap)
}

/// Replaces the box's content with a `<table>` of every row: region, persons,
/// share, reported or computed, then the national total.
pub fn fill_table(doc: &Document, wrap: &HtmlElement, data: &Dataset, lang: Lang, view: crate::layout::View) -> Result<(), JsError> {
    wrap.set_text_content(None);
    let table: HtmlElement = dom::create(doc, "table")?;
    append(wrap, &table)?;
    dom::append_text(doc, &table, "caption", &words::table_caption(data, lang, view))?;
    let (headers, rows) = words::table(data, lang);
    let head: Element = dom::create::<HtmlElement>(doc, "thead")?.into();
    let tr: Element = dom::create::<HtmlElement>(doc, "tr")?.into();
    for h in headers {
        let th = dom::append_text(doc, &tr, "th", h)?;
        let _ = th.set_attribute("scope", "col");
    }
    append(&head, &tr)?;
    append(&table, &head)?;
    let body: Element = dom::create::<HtmlElement>(doc, "tbody")?.into();
    for row in rows {
        let tr: Element = dom::create::<HtmlElement>(doc, "tr")?.into();
        let th = dom::append_text(doc, &tr, "th", &row[0])?;
        let _ = th.set_attribute("scope", "row");
        for cell in &row[1..] {
            dom::append_text(doc, &tr, "td", cell)?;
        }
        append(&body, &tr)?;
    }
    append(&table, &body)?;
    Ok(())
}

fn append(parent: &Element, child: &Element) -> Result<(), JsError> {
    parent.append_child(child).map(|_| ()).map_err(|_| error("cannot build the data table"))
}

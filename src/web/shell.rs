//! The shell's DOM plumbing written in JavaScript (`shell.js`): the widget's
//! elements, its data table and its failure box, made in a few calls from words the
//! core wrote. No rule is decided there.

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

#[wasm_bindgen(module = "/src/web/shell.js")]
extern "C" {
    /// The widget's elements (see `Widget::build` for their order), its stylesheet
    /// adopted where `host` is.
    pub fn build(host: &Element, css: &str, width: u32) -> js_sys::Array;
    /// A table in `wrap`: `caption`, then rows of `cols` cells separated by U+001F.
    pub fn table(wrap: &HtmlElement, caption: &str, cols: u32, cells: &str);
    /// An error box in `host`, where the chart would have been.
    pub fn failure(host: &Element, css: &str, message: &str);
    /// Sets the CSS property `prop` of `el` to `n` pixels: a number crosses, not text
    /// the wasm would have to write (and allocate) for every overlay, tooltip and label.
    pub fn px(el: &HtmlElement, prop: &str, n: f64);
    /// Sets the colour property `prop` of `el` to `rgb` (0xRRGGBB); `outline` gets a
    /// 2 px ring of it.
    pub fn color(el: &HtmlElement, prop: &str, rgb: u32);
    /// Removes the children of `host` that have the class `class`.
    #[wasm_bindgen(js_name = removeChildren)]
    pub fn remove_children(host: &Element, class: &str);
    /// The media query that matches at `dpr` device pixels per CSS pixel (its
    /// `change` says the ratio changed).
    #[wasm_bindgen(js_name = ratioQuery)]
    pub fn ratio_query(dpr: f64) -> web_sys::MediaQueryList;
    /// The footer's links: the CSV (`csv` as a data URL, with a byte-order mark so that
    /// spreadsheets read it as UTF-8) and the image, a link until it is followed
    /// (`View::image_url` draws it then), each with its words and file name.
    #[allow(clippy::too_many_arguments)]
    pub fn links(csv_link: &web_sys::HtmlAnchorElement, image_link: &web_sys::HtmlAnchorElement, csv_text: &str, csv_file: &str, csv: &str, image_text: &str, image_file: &str, listen: &HtmlElement, listen_text: &str);
    /// Starts a tune `lead` ms from now on `player`'s AudioContext (made then); `step`
    /// gets each tone's code as it starts, and -1 when the last one ends.
    pub fn play(player: &JsValue, lead: u32, step: &js_sys::Function);
    /// One tone of that tune (`sound::Note`): `hz` from `start` ms for `ms` ms;
    /// `step(code)` as it starts.
    pub fn tone(player: &JsValue, hz: f64, start: u32, ms: u32, computed: bool, code: i32);
    /// Stops the tones and timers `play` started.
    pub fn stop(player: &JsValue);
    /// Stops, and closes `player`'s AudioContext.
    pub fn close(player: &JsValue);
    /// The computed value of the CSS property `prop` on `el`, trimmed.
    pub fn computed(el: &HtmlElement, prop: &str) -> String;
    /// The page's colour for the custom property `prop` on `el`, normalised by the
    /// canvas context `ctx`: 0xRRGGBB, or -1 when unset or invalid.
    #[wasm_bindgen(js_name = pageColor)]
    pub fn page_color(el: &HtmlElement, ctx: &web_sys::CanvasRenderingContext2d, prop: &str) -> i32;
    /// The system colour `keyword` (forced colours) as the browser has it now, read on
    /// `el`: 0xRRGGBB.
    #[wasm_bindgen(js_name = systemColor)]
    pub fn system_color(el: &HtmlElement, keyword: &str) -> i32;
    /// Sets the aspect ratio of `el` to `w` / `h`.
    pub fn aspect(el: &HtmlElement, w: f64, h: f64);
    /// Moves `el` by `x`, `y` pixels with a transform.
    pub fn translate(el: &HtmlElement, x: f64, y: f64);
    /// `chart.bars()`'s objects from rows `[name, persons, computed, x, y, width,
    /// height]` (serde-wasm-bindgen writes tuples as arrays with less code than maps).
    #[wasm_bindgen(js_name = barObjects)]
    pub fn bar_objects(rows: JsValue) -> JsValue;
}

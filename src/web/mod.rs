//! The browser shell: mounts the chart into an element, sizes the canvas for the
//! screen, draws through plotters-canvas, and hands JS a handle to destroy it.
//! Thin by design: geometry, text and drawing all come from the pure core.

use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, Document, Element, HtmlCanvasElement, HtmlElement};

use crate::data::Dataset;
use crate::layout::{self, Font, Layout, Measure};
use crate::locale::Lang;
use crate::render::{self, LIGHT};

/// Width used when the container reports none (not yet in the layout tree).
const FALLBACK_WIDTH: f64 = 640.0;

/// An error for JS, prefixed so a newsroom developer knows where it came from.
fn error(msg: impl AsRef<str>) -> JsError {
    JsError::new(&format!("mali-idp-chart: {}", msg.as_ref()))
}

fn document() -> Result<Document, JsError> {
    web_sys::window().and_then(|w| w.document()).ok_or_else(|| error("no document: mount must run in a page"))
}

fn describe(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if value.is_undefined() {
        "undefined".into()
    } else if let Some(s) = value.as_string() {
        format!("the string {s:?}")
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

/// Accepts an Element, or a CSS selector naming one.
fn resolve_target(doc: &Document, target: &JsValue) -> Result<Element, JsError> {
    if let Some(el) = target.dyn_ref::<Element>() {
        return Ok(el.clone());
    }
    if let Some(selector) = target.as_string() {
        return match doc.query_selector(&selector) {
            Ok(Some(el)) => Ok(el),
            Ok(None) => Err(error(format!("mount: no element matches the selector {selector:?}"))),
            Err(_) => Err(error(format!("mount: {selector:?} is not a valid CSS selector"))),
        };
    }
    Err(error(format!(
        "mount: the target must be an Element or a CSS selector string, got {}",
        describe(target)
    )))
}

/// Measures text with the canvas's own font engine: exact for the font in use,
/// and no forced page layout (plotters' web text sizing inserts a <span> per label).
struct CanvasMeasure {
    ctx: CanvasRenderingContext2d,
}

impl Measure for CanvasMeasure {
    fn width(&self, text: &str, font: Font) -> f64 {
        // Integer sizes only: formatting an f64 would link float printing (~5 KB gz).
        let spec = format!("{}{}px sans-serif", if font.bold { "bold " } else { "" }, font.size as u32);
        self.ctx.set_font(&spec);
        self.ctx.measure_text(text).map(|m| m.width()).unwrap_or(0.0)
    }
}

fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsError> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| error("this browser gives no 2D canvas context"))
}

/// Options accepted by `mount`. Unknown fields are rejected by name.
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Options {
    lang: Option<String>,
}

const OPTION_FIELDS: &[&str] = &["lang"];

fn parse_options(value: &JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() {
        return Err(error(format!("options: must be an object, got {}", describe(value))));
    }
    // serde-wasm-bindgen reads only the fields a struct declares, so
    // `deny_unknown_fields` never fires: look at the object's own keys ourselves.
    for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_FIELDS.contains(&key.as_str()) {
            return Err(error(format!("options.{key}: unknown option (known: {})", OPTION_FIELDS.join(", "))));
        }
    }
    serde_wasm_bindgen::from_value(value.clone()).map_err(|e| error(format!("options: {e}")))
}

/// A chart on the page. `destroy()` removes it and everything it attached.
#[wasm_bindgen]
pub struct Chart {
    root: Option<HtmlElement>,
    canvas: HtmlCanvasElement,
    layout: Layout,
    dpr: f64,
}

/// Draws the chart into `target` (an Element or a CSS selector) and returns its
/// handle. `options` is optional: `{ lang: "fr" | "en" }`.
#[wasm_bindgen]
pub fn mount(target: JsValue, options: JsValue) -> Result<Chart, JsError> {
    let doc = document()?;
    let host = resolve_target(&doc, &target)?;
    let options = parse_options(&options)?;
    let lang = match options.lang.as_deref() {
        None => Lang::Fr,
        Some(tag) => Lang::from_tag(tag)
            .ok_or_else(|| error(format!("options.lang: must be \"fr\" or \"en\", got {tag:?}")))?,
    };
    let data = Dataset::article(lang);

    let root: HtmlElement = doc.create_element("div").map_err(|_| error("cannot create elements"))?.unchecked_into();
    root.set_class_name("mali-idp-chart");
    let canvas: HtmlCanvasElement = doc.create_element("canvas").map_err(|_| error("cannot create a canvas"))?.unchecked_into();
    let style = canvas.style();
    let _ = style.set_property("display", "block");
    root.append_child(&canvas).map_err(|_| error("cannot build the chart"))?;

    let width = match host.client_width() {
        w if w > 0 => w as f64,
        _ => FALLBACK_WIDTH,
    };
    let dpr = web_sys::window().map(|w| w.device_pixel_ratio()).filter(|r| *r > 0.0).unwrap_or(1.0);
    let ctx = context_2d(&canvas)?;
    let layout = layout::compute(&data, lang, width, &CanvasMeasure { ctx });
    let chart = Chart { root: Some(root.clone()), canvas, layout, dpr };
    chart.paint()?;
    // Attached last: a mount that fails leaves nothing in the page.
    host.append_child(&root).map_err(|_| error("mount: cannot append to the target element"))?;
    Ok(chart)
}

impl Chart {
    /// Sizes the canvas (backing store = CSS size × devicePixelRatio) and draws.
    fn paint(&self) -> Result<(), JsError> {
        let (w, h) = render::backing_size(&self.layout, self.dpr);
        self.canvas.set_width(w);
        self.canvas.set_height(h);
        let style = self.canvas.style();
        let _ = style.set_property("width", &format!("{}px", self.layout.width as u32));
        let _ = style.set_property("height", &format!("{}px", self.layout.height as u32));
        let mut backend =
            CanvasBackend::with_canvas_object(self.canvas.clone()).ok_or_else(|| error("cannot draw on the canvas"))?;
        render::draw(&mut backend, &self.layout, &LIGHT, self.dpr, None).map_err(|e| error(format!("drawing failed: {e}")))
    }

    /// The geometry the chart was drawn with (for tests and hit testing).
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    pub fn canvas(&self) -> &HtmlCanvasElement {
        &self.canvas
    }

    pub fn device_pixel_ratio(&self) -> f64 {
        self.dpr
    }
}

#[wasm_bindgen]
impl Chart {
    /// Removes the chart from the page. Calling it again does nothing.
    pub fn destroy(&mut self) {
        if let Some(root) = self.root.take() {
            root.remove();
        }
    }
}

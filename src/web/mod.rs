//! The browser shell: mounts the chart into an element, sizes the canvases for the
//! screen, draws through plotters-canvas, wires reading interactions, and hands JS a
//! handle whose `destroy()` releases everything. Thin by design: geometry, text and
//! drawing all come from the pure core.

mod a11y;
mod dom;
mod interact;

use std::cell::{Cell, Ref, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement};

use crate::data::Dataset;
use crate::layout;
use crate::locale::Lang;
use crate::render::{self, LIGHT};

use dom::{CanvasMeasure, create, style};
use interact::{Shared, State, View};

pub use interact::Source;

/// Width used when the container reports none (not yet in the layout tree).
const FALLBACK_WIDTH: f64 = 640.0;

/// An error for JS, prefixed so a newsroom developer knows where it came from.
pub(crate) fn error(msg: impl AsRef<str>) -> JsError {
    JsError::new(&format!("mali-idp-chart: {}", msg.as_ref()))
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
    Err(error(format!("mount: the target must be an Element or a CSS selector string, got {}", describe(target))))
}

/// Options accepted by `mount`.
#[derive(serde::Deserialize, Default)]
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
    shared: Option<Shared>,
    /// Owned listeners: dropping them removes them from their targets.
    listeners: Vec<EventListener>,
    events: Rc<Cell<u32>>,
}

/// Draws the chart into `target` (an Element or a CSS selector) and returns its
/// handle. `options` is optional: `{ lang: "fr" | "en" }`.
#[wasm_bindgen]
pub fn mount(target: JsValue, options: JsValue) -> Result<Chart, JsError> {
    let doc = dom::document()?;
    let host = resolve_target(&doc, &target)?;
    let options = parse_options(&options)?;
    let lang = match options.lang.as_deref() {
        None => Lang::Fr,
        Some(tag) => Lang::from_tag(tag)
            .ok_or_else(|| error(format!("options.lang: must be \"fr\" or \"en\", got {tag:?}")))?,
    };
    let data = Dataset::article(lang);
    let view = build(&doc, &host, data, lang)?;
    let shared: Shared = Rc::new(RefCell::new(State::new(view)));
    let events = Rc::new(Cell::new(0));
    let listeners = interact::attach(&shared, &events);
    // Attached last: a mount that fails leaves nothing in the page.
    let root = shared.borrow().view.root.clone();
    host.append_child(&root).map_err(|_| error("mount: cannot append to the target element"))?;
    Ok(Chart { shared: Some(shared), listeners, events })
}

/// Creates the chart's elements, lays it out at the host's width and paints it.
fn build(doc: &Document, host: &Element, data: Dataset, lang: Lang) -> Result<View, JsError> {
    let root: HtmlElement = create(doc, "div")?;
    root.set_class_name("mali-idp-chart");
    let _ = root.set_attribute("lang", lang.tag());
    style(&root, &[("position", "relative"), ("box-sizing", "border-box")]);

    let canvas: HtmlCanvasElement = create(doc, "canvas")?;
    style(canvas.unchecked_ref(), &[("display", "block")]);
    a11y::label_canvas(&canvas, &data, lang);
    let overlay: HtmlCanvasElement = create(doc, "canvas")?;
    let _ = overlay.set_attribute("aria-hidden", "true");
    style(overlay.unchecked_ref(), &[("position", "absolute"), ("left", "0"), ("top", "0"), ("pointer-events", "none")]);

    let tooltip: HtmlElement = create(doc, "div")?;
    tooltip.set_class_name("mali-idp-chart__tooltip");
    let _ = tooltip.set_attribute("role", "tooltip");
    style(&tooltip, &[
        ("position", "absolute"),
        ("display", "none"),
        ("pointer-events", "none"),
        ("z-index", "1"),
        ("box-sizing", "border-box"),
        ("max-width", "280px"),
        ("padding", "6px 9px"),
        ("background", "#ffffff"),
        ("color", "#1a1a1a"),
        ("border", "1px solid #b8c0ca"),
        ("border-radius", "4px"),
        ("box-shadow", "0 2px 6px rgba(0,0,0,.18)"),
        ("font", "13px/1.4 sans-serif"),
        ("text-align", "left"),
        ("overflow-wrap", "anywhere"),
    ]);
    let live = a11y::live_region(doc)?;
    let table = a11y::data_table(doc, &data, lang)?;
    for child in [canvas.unchecked_ref::<Element>(), overlay.unchecked_ref(), tooltip.unchecked_ref(), live.unchecked_ref(), table.unchecked_ref()] {
        root.append_child(child).map_err(|_| error("cannot build the chart"))?;
    }

    let width = match host.client_width() {
        w if w > 0 => w as f64,
        _ => FALLBACK_WIDTH,
    };
    let dpr = web_sys::window().map(|w| w.device_pixel_ratio()).filter(|r| *r > 0.0).unwrap_or(1.0);
    let layout = layout::compute(&data, lang, width, &CanvasMeasure { ctx: dom::context_2d(&canvas)? });
    let overlay_ctx = dom::context_2d(&overlay)?;
    let view = View {
        overlay_backend: CanvasBackend::with_canvas_object(overlay.clone()).ok_or_else(|| error("cannot draw on the canvas"))?,
        data,
        lang,
        theme: LIGHT,
        layout,
        dpr,
        root,
        canvas,
        overlay,
        overlay_ctx,
        tooltip,
        live,
    };
    paint(&view)?;
    Ok(view)
}

/// Sizes both canvases (backing store = CSS size × devicePixelRatio) and draws.
fn paint(view: &View) -> Result<(), JsError> {
    let (w, h) = render::backing_size(&view.layout, view.dpr);
    let (css_w, css_h) = (format!("{}px", view.layout.width as u32), format!("{}px", view.layout.height as u32));
    for c in [&view.canvas, &view.overlay] {
        c.set_width(w);
        c.set_height(h);
        style(c.unchecked_ref(), &[("width", &css_w), ("height", &css_h)]);
    }
    let mut backend =
        CanvasBackend::with_canvas_object(view.canvas.clone()).ok_or_else(|| error("cannot draw on the canvas"))?;
    render::draw(&mut backend, &view.layout, &view.theme, view.dpr, None).map_err(|e| error(format!("drawing failed: {e}")))
}

/// Rust-side accessors, for the browser tests. They panic on a destroyed chart.
impl Chart {
    fn state(&self) -> Ref<'_, State> {
        self.shared.as_ref().expect("chart was destroyed").borrow()
    }
    /// The geometry the chart was drawn with.
    pub fn layout(&self) -> layout::Layout {
        self.state().view.layout.clone()
    }
    pub fn canvas(&self) -> HtmlCanvasElement {
        self.state().view.canvas.clone()
    }
    pub fn overlay(&self) -> HtmlCanvasElement {
        self.state().view.overlay.clone()
    }
    pub fn root(&self) -> HtmlElement {
        self.state().view.root.clone()
    }
    pub fn tooltip(&self) -> HtmlElement {
        self.state().view.tooltip.clone()
    }
    pub fn live_region(&self) -> HtmlElement {
        self.state().view.live.clone()
    }
    pub fn device_pixel_ratio(&self) -> f64 {
        self.state().view.dpr
    }
    /// The highlighted row (index into `layout().rows`) and what set it.
    pub fn highlighted(&self) -> (Option<usize>, Option<Source>) {
        let s = self.state();
        (s.shown, s.source)
    }
    /// How many times the highlight overlay was repainted.
    pub fn overlay_paints(&self) -> u32 {
        self.state().overlay_paints
    }
    /// A counter of events the chart's listeners handled; it outlives the chart.
    pub fn event_counter(&self) -> Rc<Cell<u32>> {
        self.events.clone()
    }
    pub fn listener_count(&self) -> usize {
        self.listeners.len()
    }
}

/// One bar as JS sees it: where it is on the canvas (CSS pixels) and what it shows.
#[derive(serde::Serialize)]
struct BarInfo<'a> {
    name: &'a str,
    persons: u64,
    computed: bool,
    x: f64,
    y: f64,
    width: f64,
    height: f64,
}

#[wasm_bindgen]
impl Chart {
    /// The bars as drawn, top to bottom: `{ name, persons, computed, x, y, width,
    /// height }`, in CSS pixels from the canvas's top-left corner (for annotations,
    /// and for tests that probe the page where the chart painted).
    pub fn bars(&self) -> Result<JsValue, JsError> {
        let shared = self.shared.as_ref().ok_or_else(|| error("bars: this chart was destroyed"))?;
        let s = shared.borrow();
        let bars: Vec<BarInfo> = s
            .view
            .layout
            .rows
            .iter()
            .map(|row| {
                let r = &s.view.data.regions[row.region];
                let b = row.bar;
                BarInfo { name: &r.name, persons: r.persons, computed: r.computed, x: b.x, y: b.y, width: b.w, height: b.h }
            })
            .collect();
        serde_wasm_bindgen::to_value(&bars).map_err(|e| error(format!("bars: {e}")))
    }

    /// Removes the chart from the page with every listener and pending frame it
    /// holds. Calling it again does nothing.
    pub fn destroy(&mut self) {
        self.listeners.clear();
        if let Some(shared) = self.shared.take() {
            let mut s = shared.borrow_mut();
            s.cancel_frame();
            s.view.root.remove();
        }
    }
}

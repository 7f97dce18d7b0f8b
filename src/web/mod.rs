//! The browser shell: mounts the chart into an element, sizes the canvases for the
//! screen, draws through plotters-canvas, wires reading interactions, and hands JS a
//! handle whose `destroy()` releases everything. Thin by design: geometry, text and
//! drawing all come from the pure core.

mod a11y;
mod dom;
mod interact;
mod panic;
mod view;
mod watch;

use std::cell::{Cell, Ref, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement};

use crate::layout;
use crate::options::{self, Value};

use view::{Settings, Shared, State};

pub use interact::Source;

/// An error for JS, prefixed so a newsroom developer knows where it came from.
#[inline]
pub(crate) fn error(msg: impl AsRef<str>) -> JsError {
    prefixed_error(msg.as_ref())
}

fn prefixed_error(msg: &str) -> JsError {
    JsError::new(&format!("mali-idp-chart: {msg}"))
}

fn describe(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if value.is_undefined() {
        "undefined".into()
    } else if let Some(s) = value.as_string() {
        format!("the string \"{s}\"")
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
            Ok(None) => Err(error(format!("mount: no element matches the selector \"{selector}\""))),
            Err(_) => Err(error(format!("mount: \"{selector}\" is not a valid CSS selector"))),
        };
    }
    Err(error(format!("mount: the target must be an Element or a CSS selector string, got {}", describe(target))))
}

/// Deepest nesting read from an options object (a cycle would never end).
const MAX_DEPTH: u32 = 16;

/// A JS value as the pure core's `Value`, by hand rather than through
/// serde-wasm-bindgen's deserializer: its fallback error path formats serde's
/// `Unexpected`, which links Rust's float formatting (~5 KB of gzipped wasm, a third
/// of our budget) for a message we word better ourselves, with the field's path.
/// (serde-wasm-bindgen still serializes `bars()`, where it costs little.)
fn js_to_value(v: &JsValue, path: &mut String, depth: u32) -> Result<Value, String> {
    if v.is_null() || v.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(n) = v.as_f64() {
        return Ok(Value::Number(n));
    }
    if let Some(s) = v.as_string() {
        return Ok(Value::String(s));
    }
    if depth >= MAX_DEPTH {
        return Err(format!("{}: nested too deeply (more than {MAX_DEPTH} levels)", shown(path)));
    }
    let mark = path.len();
    if js_sys::Array::is_array(v) {
        let mut items = Vec::new();
        for (i, item) in js_sys::Array::from(v).iter().enumerate() {
            path.push('[');
            path.push_str(&i.to_string());
            path.push(']');
            items.push(js_to_value(&item, path, depth + 1)?);
            path.truncate(mark);
        }
        return Ok(Value::Array(items));
    }
    if v.is_object() && !v.is_function() {
        let mut entries = Vec::new();
        for pair in js_sys::Object::entries(v.unchecked_ref()).iter() {
            let pair = js_sys::Array::from(&pair);
            let key = pair.get(0).as_string().unwrap_or_default();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&key);
            let value = js_to_value(&pair.get(1), path, depth + 1)?;
            path.truncate(mark);
            entries.push((key, value));
        }
        return Ok(Value::Object(entries));
    }
    let kind = v.js_typeof().as_string().unwrap_or_default();
    Err(format!("{}: a {kind} is not a valid value", shown(path)))
}

/// A value's path for messages, as `validate` writes them ("data.regions[2]").
fn shown(path: &str) -> &str {
    if path.is_empty() { "options" } else { path }
}

/// JS options into the pure core's `Value`, then validated there (the same code the
/// native tests and fuzzer run).
fn parse_options(value: &JsValue) -> Result<options::Options, JsError> {
    let mut path = String::new();
    let value = js_to_value(value, &mut path, 0).map_err(error)?;
    options::validate(&value).map_err(|e| error(e.to_string()))
}

/// The message of a JS error value.
fn message_of(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| describe(e))
}

const FAILED_CLASS: &str = "mali-idp-chart--failed";

/// Shows why no chart could be drawn, where it would have been: never a blank box.
fn show_failure(doc: &Document, host: &Element, message: &str) {
    if let Ok(el) = dom::create::<HtmlElement>(doc, "div") {
        el.set_class_name(&format!("mali-idp-chart {FAILED_CLASS}"));
        let _ = el.set_attribute("role", "alert");
        el.set_text_content(Some(message));
        dom::style(&el, view::ERROR_STYLE);
        let _ = host.append_child(&el);
    }
}

fn clear_failures(host: &Element) {
    if let Ok(list) = host.query_selector_all(&format!(":scope > .{FAILED_CLASS}")) {
        for i in 0..list.length() {
            if let Some(n) = list.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                n.remove();
            }
        }
    }
}

/// A chart on the page. `destroy()` removes it and everything it attached.
#[wasm_bindgen]
pub struct Chart {
    shared: Option<Shared>,
    /// Owned listeners: dropping them removes them from their targets.
    listeners: Vec<EventListener>,
    width_watch: Option<watch::WidthWatch>,
    events: Rc<Cell<u32>>,
    /// Registration with the panic hook, undone on destroy.
    panic_id: u32,
}

/// Draws the chart into `target` (an Element or a CSS selector) and returns its
/// handle. `options` (optional): `{ lang: "fr" | "en", theme: "auto" | "light" |
/// "dark", data: { title, subtitle?, source, total, households?, increase?,
/// regions: [{ name, persons, computed? }], showRest? } }`.
///
/// Bad options throw an Error naming the field and the problem, and the same message
/// is shown in the target in place of the chart.
#[wasm_bindgen]
pub fn mount(target: JsValue, options: JsValue) -> Result<Chart, JsValue> {
    let doc = dom::document()?;
    let host = resolve_target(&doc, &target)?;
    clear_failures(&host);
    mount_into(&doc, &host, &options).map_err(|e| {
        let e = JsValue::from(e);
        show_failure(&doc, &host, &message_of(&e));
        e
    })
}

fn mount_into(doc: &Document, host: &Element, options: &JsValue) -> Result<Chart, JsError> {
    panic::install();
    let mut settings = Settings::default();
    settings.merge(parse_options(options)?);
    let state = view::build(doc, settings)?;
    let root = state.view.root.clone();
    // In the page first, so the layout gets the width the page gives us.
    host.append_child(&root).map_err(|_| error("mount: cannot append to the target element"))?;
    let shared: Shared = Rc::new(RefCell::new(state));
    if let Err(e) = view::render(&mut shared.borrow_mut()) {
        root.remove(); // a mount that fails leaves nothing of ours but the message
        return Err(e);
    }
    watch::watch_ratio(&mut shared.borrow_mut(), &Rc::downgrade(&shared));
    let events = Rc::new(Cell::new(0));
    let mut listeners = interact::attach(&shared, &events);
    listeners.extend(watch::watch_scheme(&shared));
    listeners.extend(watch::watch_zoom(&shared));
    let width_watch = watch::WidthWatch::new(&shared);
    let panic_id = {
        let s = shared.borrow();
        panic::register(&s.view.alert, s.settings.lang == crate::locale::Lang::Fr)
    };
    Ok(Chart { shared: Some(shared), listeners, width_watch, events, panic_id })
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
    /// Charts the panic hook would report to (destroyed ones are not among them).
    pub fn panic_registrations() -> usize {
        panic::registered()
    }
    pub fn listener_count(&self) -> usize {
        self.listeners.len() + self.width_watch.is_some() as usize
    }
    /// Full renders so far (mount, updates, resizes, ratio and scheme changes).
    pub fn renders(&self) -> u32 {
        self.state().renders
    }
    pub fn alert(&self) -> HtmlElement {
        self.state().view.alert.clone()
    }
    pub fn theme(&self) -> crate::theme::Theme {
        self.state().view.theme.clone()
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
    fn live(&self, method: &str) -> Result<&Shared, JsValue> {
        self.shared.as_ref().ok_or_else(|| error(format!("{method}: this chart was destroyed")).into())
    }

    /// Changes some options (the others stay) and redraws. Bad options throw, are
    /// shown in the widget above the chart, and leave the chart as it was.
    pub fn update(&mut self, options: JsValue) -> Result<(), JsValue> {
        let shared = self.live("update")?.clone();
        let mut st = shared.borrow_mut();
        let parsed = match parse_options(&options) {
            Ok(o) => o,
            Err(e) => {
                let e = JsValue::from(e);
                view::show_alert(&st.view, Some(&message_of(&e)));
                return Err(e);
            }
        };
        st.settings.merge(parsed);
        st.cancel_pointer_frame();
        view::render(&mut st)?;
        view::show_alert(&st.view, None);
        watch::watch_ratio(&mut st, &Rc::downgrade(&shared));
        Ok(())
    }

    /// The bars as drawn, top to bottom: `{ name, persons, computed, x, y, width,
    /// height }`, in CSS pixels from the canvas's top-left corner (for annotations,
    /// and for tests that probe the page where the chart painted).
    pub fn bars(&self) -> Result<JsValue, JsValue> {
        let shared = self.live("bars")?;
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
        serde_wasm_bindgen::to_value(&bars).map_err(|e| error(format!("bars: {e}")).into())
    }

    /// Removes the chart from the page with every listener and pending frame it
    /// holds. Calling it again does nothing.
    pub fn destroy(&mut self) {
        panic::unregister(self.panic_id);
        self.listeners.clear();
        self.width_watch = None;
        if let Some(shared) = self.shared.take() {
            let mut s = shared.borrow_mut();
            s.cancel_frames();
            s.view.root.remove();
        }
    }
}

//! Helpers shared by the browser test files: containers, pixel read-back, synthetic
//! pointer and keyboard events, and waiting for an animation frame.
#![allow(dead_code)]

use mali_idp_chart::layout::Rect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement, KeyboardEvent, KeyboardEventInit, PointerEvent,
    PointerEventInit,
};

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh, visible container of a known width, attached to the page.
pub fn container(width: u32) -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    el.style().set_property("width", &format!("{width}px")).unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// The RGBA of the device pixel under a CSS-pixel point of `canvas`.
pub fn rgba(canvas: &HtmlCanvasElement, dpr: f64, css_x: f64, css_y: f64) -> [u8; 4] {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let d = ctx.get_image_data((css_x * dpr).floor(), (css_y * dpr).floor(), 1.0, 1.0).unwrap().data();
    [d[0], d[1], d[2], d[3]]
}

/// Points well inside a rectangle: its centre and near its four corners.
pub fn inner_points(r: &Rect) -> Vec<(f64, f64)> {
    let (m, (cx, cy)) = (2.5, r.center());
    vec![(cx, cy), (r.x + m, r.y + m), (r.right() - m, r.y + m), (r.x + m, r.bottom() - m), (r.right() - m, r.bottom() - m)]
}

/// Resolves on the next animation frame, after the chart's own frame callbacks.
pub async fn next_frame() {
    for _ in 0..2 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
        });
        JsFuture::from(promise).await.unwrap();
    }
}

/// Dispatches a pointer event at a point given in the canvas's CSS pixels. Returns
/// false if a listener called preventDefault.
pub fn pointer(canvas: &HtmlCanvasElement, kind: &str, pointer_type: &str, x: f64, y: f64) -> bool {
    let r = canvas.get_bounding_client_rect();
    let init = PointerEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_pointer_type(pointer_type);
    init.set_is_primary(true);
    init.set_client_x((r.left() + x).round() as i32);
    init.set_client_y((r.top() + y).round() as i32);
    let e = PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
    canvas.dispatch_event(&e).unwrap()
}

/// Dispatches a keydown; returns false if the chart prevented its default action.
pub fn key(target: &HtmlElement, key: &str) -> bool {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let e = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&e).unwrap()
}

pub fn shown(el: &HtmlElement) -> bool {
    web_sys::window().unwrap().get_computed_style(el).unwrap().unwrap().get_property_value("display").unwrap() != "none"
}

pub fn text(el: &HtmlElement) -> String {
    el.text_content().unwrap_or_default()
}

pub fn inside(inner: &web_sys::DomRect, outer: &web_sys::DomRect) -> bool {
    inner.left() >= outer.left() - 0.5
        && inner.top() >= outer.top() - 0.5
        && inner.right() <= outer.right() + 0.5
        && inner.bottom() <= outer.bottom() + 0.5
}

pub fn js_error_message(value: JsValue) -> String {
    value.dyn_into::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default()
}

/// The canvas's width on the page, in CSS pixels (the artboard scaled to the container).
pub fn shown_width(chart: &mali_idp_chart::web::Chart) -> f64 {
    chart.canvas().get_bounding_client_rect().width()
}

/// Layout (artboard) pixels to the CSS pixels the canvas is shown at.
pub fn to_css(chart: &mali_idp_chart::web::Chart, p: (f64, f64)) -> (f64, f64) {
    let k = shown_width(chart) / chart.layout().width;
    (p.0 * k, p.1 * k)
}

/// The highlight overlay's pixel over a layout point of the chart (the overlay is one
/// bar in size and moves; outside it, transparent).
pub fn overlay_rgba(chart: &mali_idp_chart::web::Chart, x: f64, y: f64) -> [u8; 4] {
    let (ox, oy) = chart.overlay_at();
    let dpr = chart.device_pixel_ratio();
    let ctx: CanvasRenderingContext2d = chart.overlay().get_context("2d").unwrap().unwrap().unchecked_into();
    let d = ctx.get_image_data((x * dpr).floor() - ox as f64, (y * dpr).floor() - oy as f64, 1.0, 1.0).unwrap().data();
    [d[0], d[1], d[2], d[3]]
}

/// Counts listeners attached through EventTarget, whoever attaches them.
pub fn install_listener_counter() {
    js_sys::Function::new_no_args(
        r#"
        if (window.__listeners !== undefined) return;
        window.__listeners = 0;
        const live = new WeakMap();
        const add = EventTarget.prototype.addEventListener, remove = EventTarget.prototype.removeEventListener;
        const key = (t, o) => t + '|' + (typeof o === 'boolean' ? o : !!(o && o.capture));
        EventTarget.prototype.addEventListener = function (t, f, o) {
          let m = live.get(this); if (!m) live.set(this, m = new Map());
          const k = key(t, o); let s = m.get(k); if (!s) m.set(k, s = new Set());
          if (f && !s.has(f)) { s.add(f); window.__listeners++; }
          return add.call(this, t, f, o);
        };
        EventTarget.prototype.removeEventListener = function (t, f, o) {
          const s = live.get(this)?.get(key(t, o));
          if (s && s.delete(f)) window.__listeners--;
          return remove.call(this, t, f, o);
        };"#,
    )
    .call0(&JsValue::NULL)
    .unwrap();
}

pub fn listeners() -> f64 {
    js_sys::Reflect::get(&web_sys::window().unwrap(), &"__listeners".into()).unwrap().as_f64().unwrap()
}

/// Counts animation frames asked for and neither run nor cancelled yet, whoever asks.
pub fn install_frame_counter() {
    js_sys::Function::new_no_args(
        r#"
        if (window.__frames !== undefined) return;
        window.__frames = new Set();
        const ask = window.requestAnimationFrame.bind(window), cancel = window.cancelAnimationFrame.bind(window);
        window.requestAnimationFrame = (f) => { const id = ask((t) => { window.__frames.delete(id); f(t); }); window.__frames.add(id); return id; };
        window.cancelAnimationFrame = (id) => { window.__frames.delete(id); cancel(id); };"#,
    )
    .call0(&JsValue::NULL)
    .unwrap();
}

pub fn pending_frames() -> f64 {
    let set = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__frames".into()).unwrap();
    js_sys::Reflect::get(&set, &"size".into()).unwrap().as_f64().unwrap()
}

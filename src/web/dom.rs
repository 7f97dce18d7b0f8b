//! Small DOM helpers for the shell: element creation, styles set through the CSSOM
//! (allowed under a strict `style-src 'self'` CSP, unlike style attributes or
//! <style> elements), the canvas's 2D context, the owned listener and callback types,
//! and what the page says (media queries, the pixel ratio).

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Document, Element, HtmlCanvasElement, HtmlElement};


use super::error;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The page's global object, which in a page is its window.
    #[wasm_bindgen(thread_local_v2, js_name = globalThis)]
    static GLOBAL: web_sys::Window;
}

/// The page's window, read through one import: `web_sys::window()` looks for the
/// global object among four candidates and checks it with `instanceof Window`, which
/// cost ~0.4 KB of wasm and glue. The chart only ever runs in a page.
pub fn window() -> web_sys::Window {
    GLOBAL.with(web_sys::Window::clone)
}

/// An event listener the chart owns: dropping it removes it from its target, so
/// `destroy()` leaves nothing attached and no closure is leaked. (gloo-events'
/// `EventListener` did the same, building an options object per listener through
/// three more imports: ours passes the capture flag alone, and no listener of ours
/// needs more. Measured: 388 B gzip less.)
pub struct Listener {
    target: web_sys::EventTarget,
    kind: &'static str,
    capture: bool,
    callback: Callback,
}

/// The one closure type the shell hands to JS (listeners, animation frames, the
/// resize observer), its argument cast where it is used: wasm-bindgen makes an
/// export and a wrapper in the glue per closure signature.
pub type Callback = wasm_bindgen::closure::Closure<dyn FnMut(wasm_bindgen::JsValue)>;

impl Listener {
    /// Listens for `kind` on `target` (`capture`: in the capture phase).
    pub fn new(target: &web_sys::EventTarget, kind: &'static str, capture: bool, mut f: impl FnMut(&web_sys::Event) + 'static) -> Listener {
        let callback = Callback::new(move |e: wasm_bindgen::JsValue| f(e.unchecked_ref()));
        let _ = target.add_event_listener_with_callback_and_bool(kind, callback.as_ref().unchecked_ref(), capture);
        Listener { target: target.clone(), kind, capture, callback }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(self.kind, self.callback.as_ref().unchecked_ref(), self.capture);
    }
}

/// A ResizeObserver watching one element, and its callback, owned: dropping it
/// disconnects the observer and frees the closure.
pub struct Observer {
    observer: web_sys::ResizeObserver,
    _callback: Callback,
}

impl Observer {
    pub fn new(target: &Element, f: impl FnMut(wasm_bindgen::JsValue) + 'static) -> Option<Observer> {
        let callback = Callback::new(f);
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(target);
        Some(Observer { observer, _callback: callback })
    }
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

pub fn document() -> Result<Document, wasm_bindgen::JsError> {
    window().document().ok_or_else(|| error("no document: mount must run in a page"))
}

/// Creates `<tag>` as type `T`, or says which element could not be made. Unchecked
/// cast: in an HTML document `createElement` returns the interface of the tag (our
/// own tag names, each matched to its type at the call), and an `instanceof` test
/// per type would cost an import and its glue for nothing.
#[inline]
pub fn create<T: JsCast>(doc: &Document, tag: &str) -> Result<T, wasm_bindgen::JsError> {
    create_element(doc, tag).map(JsCast::unchecked_into)
}

/// The one copy of the work and its error message, whatever the type asked for.
fn create_element(doc: &Document, tag: &str) -> Result<Element, wasm_bindgen::JsError> {
    doc.create_element(tag).map_err(|_| error(["cannot create a <", tag, "> element"].concat()))
}

/// Sets CSS properties, marked `!important`: an inline important declaration beats
/// any page rule (`canvas { width: 50% !important }` included), so the page's CSS
/// cannot distort the chart or break hit testing. Our own values are always valid,
/// so failures are ignored.
pub fn style(el: &HtmlElement, props: &[(&str, &str)]) {
    let s = el.style();
    for (k, v) in props {
        let _ = s.set_property_with_priority(k, v, "important");
    }
}

pub fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, wasm_bindgen::JsError> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        // getContext("2d") returns a CanvasRenderingContext2D or null.
        .map(JsCast::unchecked_into::<CanvasRenderingContext2d>)
        .ok_or_else(|| error("this browser gives no 2D canvas context"))
}

/// What the page says: the reader's colour scheme, a media query, the screen's
/// pixel ratio (1 if the browser reports none).
pub fn prefers_dark() -> bool {
    matches_media("(prefers-color-scheme: dark)")
}

pub fn matches_media(query: &str) -> bool {
    window().match_media(query).ok().flatten().is_some_and(|m| m.matches())
}

pub fn device_pixel_ratio() -> f64 {
    Some(window().device_pixel_ratio()).filter(|r| r.is_finite() && *r > 0.0).unwrap_or(1.0)
}

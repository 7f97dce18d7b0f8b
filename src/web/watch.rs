//! Following the page: the widget's width (ResizeObserver), the screen's pixel ratio
//! (a `resolution` media query, re-armed at each new ratio: browser zoom, another
//! screen) and the reader's colour scheme. Each change asks for one re-render on
//! the next animation frame; many changes in a frame give one render.

use std::rc::{Rc, Weak};

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{ResizeObserver, ResizeObserverEntry};

use super::view::{self, Shared, State};

/// Re-renders on the next frame (once, however often it is asked in a frame).
/// Rendering in a frame rather than in the observer's callback also keeps a height
/// change of ours from re-triggering the observer in the same frame.
pub fn request_render(shared: &Shared) {
    view::once_next_frame(shared, |s| &mut s.render_frame, rerender);
}

/// Renders now; shows a failure in the widget (there is no caller to throw to).
pub fn rerender(st: &mut State, weak: &Weak<std::cell::RefCell<State>>) {
    match view::render(st) {
        Ok(()) => view::show_alert(&st.view, None),
        Err(e) => {
            let msg = JsValue::from(e).dyn_into::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
            view::show_alert(&st.view, Some(&msg));
        }
    }
    watch_ratio(st, weak);
}

/// Arms a listener for the current devicePixelRatio changing (if not armed for it).
pub fn watch_ratio(st: &mut State, weak: &Weak<std::cell::RefCell<State>>) {
    let dpr = st.view.screen_dpr;
    if st.ratio_watch.as_ref().is_some_and(|(watched, _)| *watched == dpr) {
        return;
    }
    let Some(win) = web_sys::window() else { return };
    // The ratio as JS prints it (no Rust float formatting in the wasm).
    let ratio = js_sys::Number::from(dpr).to_string_with_radix(10).map(String::from).unwrap_or_else(|_| "1".into());
    let Ok(Some(query)) = win.match_media(&format!("(resolution: {ratio}dppx)")) else { return };
    let weak = weak.clone();
    let listener = EventListener::new(&query, "change", move |_| {
        if let Some(shared) = weak.upgrade() {
            request_render(&shared);
        }
    });
    st.ratio_watch = Some((dpr, listener));
}

/// A window resize with a new ratio (browser zoom does both): a second way to see a
/// ratio change, for browsers and emulators that do not fire the media query's.
pub fn watch_zoom(shared: &Shared) -> Option<EventListener> {
    let weak = Rc::downgrade(shared);
    let win = web_sys::window()?;
    Some(EventListener::new(&win, "resize", move |_| {
        if let Some(shared) = weak.upgrade() {
            if shared.borrow().view.screen_dpr != view::device_pixel_ratio() {
                request_render(&shared);
            }
        }
    }))
}

/// Listens for the reader's colour scheme changing (only "auto" follows it).
pub fn watch_scheme(shared: &Shared) -> Option<EventListener> {
    let query = web_sys::window()?.match_media("(prefers-color-scheme: dark)").ok()??;
    let weak = Rc::downgrade(shared);
    Some(EventListener::new(&query, "change", move |_| {
        if let Some(shared) = weak.upgrade() {
            if shared.borrow().settings.theme == crate::theme::ThemeChoice::Auto {
                request_render(&shared);
            }
        }
    }))
}

/// Watches the widget's own width. The chart owns the observer and its closure;
/// `disconnect()` and dropping both detach it.
pub struct WidthWatch {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl WidthWatch {
    pub fn new(shared: &Shared) -> Option<WidthWatch> {
        let weak = Rc::downgrade(shared);
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Some(shared) = weak.upgrade() else { return };
            let width = entries
                .get(0)
                .dyn_into::<ResizeObserverEntry>()
                .map(|e| e.content_rect().width())
                .unwrap_or(0.0);
            // Our own height changes land here too; the follower keeps only real
            // width changes and stops a scrollbar from flipping us every frame.
            let target = shared.borrow().follower.observe(width, js_sys::Date::now());
            if let Some(w) = target {
                shared.borrow_mut().target_width = Some(w);
                request_render(&shared);
            }
        });
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(&shared.borrow().view.root);
        Some(WidthWatch { observer, _callback: callback })
    }
}

impl Drop for WidthWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

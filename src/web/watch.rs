//! Following the page: the widget's width (ResizeObserver), the screen's pixel ratio
//! (a `resolution` media query, re-armed at each new ratio: browser zoom, another
//! screen) and the reader's colour scheme. Each change asks for one redraw of the
//! geometry (and of the colours, for the scheme) on the next animation frame.

use std::rc::{Rc, Weak};

use super::dom::Listener;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{ResizeObserver, ResizeObserverEntry};

use crate::theme::ThemeChoice;

use super::state::{Shared, State, request_render};
use super::view::device_pixel_ratio;

/// Arms a listener for the current devicePixelRatio changing (if not armed for it).
pub fn watch_ratio(st: &mut State, weak: &Weak<std::cell::RefCell<State>>) {
    let dpr = st.view().screen_dpr();
    if st.ratio_watched() == Some(dpr) {
        return;
    }
    let query = super::shell::ratio_query(dpr);
    let weak = weak.clone();
    st.watch_ratio_with(dpr, Listener::new(&query, "change", false, move |_| {
        if let Some(shared) = weak.upgrade() {
            request_render(&shared, false);
        }
    }));
}

/// A window resize with a new ratio (browser zoom does both): a second way to see a
/// ratio change, for browsers and emulators that do not fire the media query's.
pub fn watch_zoom(shared: &Shared) -> Option<Listener> {
    let weak = Rc::downgrade(shared);
    let win = super::dom::window();
    Some(Listener::new(&win, "resize", false, move |_| {
        let Some(shared) = weak.upgrade() else { return };
        super::state::send(&shared, crate::highlight::Input::Resized); // the page may have reflowed
        let stale = shared.borrow().view().screen_dpr() != device_pixel_ratio();
        if stale {
            request_render(&shared, false);
        }
    }))
}

/// Listens for the colour scheme the chart is drawn in changing (only "auto" follows
/// it): the reader's (a media query), and the page's own (a site's dark-mode switch
/// setting `color-scheme`), which no event reports: the zero-high canvas's colour is
/// `light-dark()` with a 1 ms transition (`style::WIDGET_CSS`), whose end bubbles to
/// the root. Either redraws only if the scheme is not the one drawn: a redraw clears
/// the highlight, and the transition also ends for other reasons (forced colours;
/// the reader's scheme, already seen by the media query). (The media query stays for
/// a chart hidden at the time: no transition runs in a box that is not shown.)
pub fn watch_scheme(shared: &Shared, out: &mut Vec<Listener>) {
    let follow = |target: &web_sys::EventTarget, kind: &'static str| {
        let weak = Rc::downgrade(shared);
        Listener::new(target, kind, false, move |_| {
            let Some(shared) = weak.upgrade() else { return };
            let follows = {
                let st = shared.borrow();
                st.settings().theme() == ThemeChoice::Auto && st.scheme_changed()
            };
            if follows {
                request_render(&shared, true);
            }
        })
    };
    if let Ok(Some(query)) = super::dom::window().match_media("(prefers-color-scheme: dark)") {
        out.push(follow(&query, "change"));
    }
    let root: web_sys::EventTarget = shared.borrow().view().root().clone().into();
    out.push(follow(&root, "transitionend"));
}

/// Watches the page being printed (the `print` media query: fired when printing
/// starts and ends, in Chromium and Firefox, and under print emulation): the chart
/// is redrawn for paper at once, then back.
pub fn watch_print(shared: &Shared) -> Option<Listener> {
    let query = super::dom::window().match_media("print").ok()??;
    let weak = Rc::downgrade(shared);
    Some(Listener::new(&query, "change", false, move |_| {
        if let Some(shared) = weak.upgrade() {
            shared.borrow_mut().set_printing(super::view::matches_media("print"));
        }
    }))
}

/// Watches forced colours (Windows high contrast) turning on or off: whatever the
/// theme asked for, the chart redraws with the system palette, or without it.
pub fn watch_forced(shared: &Shared) -> Option<Listener> {
    let query = super::dom::window().match_media("(forced-colors: active)").ok()??;
    let weak = Rc::downgrade(shared);
    Some(Listener::new(&query, "change", false, move |_| {
        if let Some(shared) = weak.upgrade() {
            request_render(&shared, true);
        }
    }))
}

/// Watches the widget's own width. The chart owns the observer and its closure;
/// `disconnect()` and dropping both detach it.
pub struct WidthWatch {
    observer: ResizeObserver,
    _callback: super::dom::Callback,
}

impl WidthWatch {
    pub fn new(shared: &Shared) -> Option<WidthWatch> {
        let weak = Rc::downgrade(shared);
        let callback = super::dom::Callback::new(move |entries: JsValue| {
            let entries: &js_sys::Array = entries.unchecked_ref();
            let Some(shared) = weak.upgrade() else { return };
            // The observer hands its callback ResizeObserverEntry objects only.
            let width = entries.get(0).unchecked_into::<ResizeObserverEntry>().content_rect().width();
            // Our own height changes land here too; the follower keeps only real
            // width changes and stops a scrollbar from flipping us every frame.
            let follow = shared.borrow_mut().observe_width(width);
            if follow {
                request_render(&shared, false);
            }
        });
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(shared.borrow().view().root());
        Some(WidthWatch { observer, _callback: callback })
    }
}

impl Drop for WidthWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

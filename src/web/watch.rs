//! Following the page: the listeners that decode what it reports (the widget's
//! width, browser zoom, the colour scheme, forced colours, print) into the redraw
//! rules' changes (`redraw::Change`) and hand them to `state::follow`, which does
//! what the rules answer. (The pixel ratio's own media query, re-armed at each
//! ratio, is the state's: `state::watch_ratio`.)

use std::rc::Rc;

use super::dom::{Listener, Observer};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::ResizeObserverEntry;

use crate::redraw::Change;

use super::state::{Shared, follow};
use super::dom::device_pixel_ratio;

/// A window resize with a new ratio (browser zoom does both): a second way to see a
/// ratio change, for browsers and emulators that do not fire the media query's.
pub fn watch_zoom(shared: &Shared) -> Option<Listener> {
    let weak = Rc::downgrade(shared);
    let win = super::dom::window();
    Some(Listener::new(&win, "resize", false, move |_| {
        let Some(shared) = weak.upgrade() else { return };
        super::state::send(&shared, crate::highlight::Input::Resized); // the page may have reflowed
        follow(&shared, Change::Ratio(device_pixel_ratio()));
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
pub fn watch_scheme(shared: &Shared) -> Vec<Listener> {
    let mut out = Vec::new();
    let follow = |target: &web_sys::EventTarget, kind: &'static str| {
        let weak = Rc::downgrade(shared);
        Listener::new(target, kind, false, move |_| {
            let Some(shared) = weak.upgrade() else { return };
            let dark = shared.borrow().dark();
            follow(&shared, Change::Scheme { dark });
        })
    };
    if let Ok(Some(query)) = super::dom::window().match_media("(prefers-color-scheme: dark)") {
        out.push(follow(&query, "change"));
    }
    let root: web_sys::EventTarget = shared.borrow().widget().root().clone().into();
    out.push(follow(&root, "transitionend"));
    out
}

/// Watches the page being printed (the `print` media query: fired when printing
/// starts and ends, in Chromium and Firefox, and under print emulation): the chart
/// is redrawn for paper at once, then back.
pub fn watch_print(shared: &Shared) -> Option<Listener> {
    let query = super::dom::window().match_media("print").ok()??;
    let weak = Rc::downgrade(shared);
    Some(Listener::new(&query, "change", false, move |_| {
        if let Some(shared) = weak.upgrade() {
            follow(&shared, Change::Print(super::dom::matches_media("print")));
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
            follow(&shared, Change::ForcedColors);
        }
    }))
}

/// Watches the widget's own width (a ResizeObserver on its root).
pub fn watch_width(shared: &Shared) -> Option<Observer> {
    let weak = Rc::downgrade(shared);
    let root = shared.borrow().widget().root().clone();
    Observer::new(&root, move |entries: JsValue| {
        let entries: &js_sys::Array = entries.unchecked_ref();
        let Some(shared) = weak.upgrade() else { return };
        // The observer hands its callback ResizeObserverEntry objects only.
        let width = entries.get(0).unchecked_into::<ResizeObserverEntry>().content_rect().width();
        // Our own height changes land here too: the rules keep only real width
        // changes (`redraw`).
        follow(&shared, Change::Width { width, now: js_sys::Date::now() });
    })
}

//! The browser shell: mounts the chart into an element and hands JS a handle whose
//! `destroy()` releases everything. Thin by design: settings, geometry, words, the
//! reading rules and drawing all come from the pure core; this module and its
//! children create elements, decode events and apply what the core answers.

mod a11y;
mod dom;
mod interact;
mod js;
mod panic;
mod shell;
mod sound;
#[cfg(feature = "probes")]
mod probes;
mod state;
mod types;
mod widget;
mod watch;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::settings::Settings;

pub(crate) use js::error;
#[cfg(feature = "picture")]
pub(crate) use js::data_value;
use js::{message_of, parse_options, resolve_target};
#[cfg(feature = "probes")]
pub use state::Probes;
use state::{EventCount, Shared, State};
use widget::Widget;

/// Shows why no chart could be drawn, where it would have been: never a blank box.
fn show_failure(host: &Element, message: &str) {
    shell::failure(host, crate::style::WIDGET_CSS, message);
}

fn clear_failures(host: &Element) {
    remove_children(host, crate::style::FAILED_CLASS);
}

/// Removes the host's children of class `class`.
fn remove_children(host: &Element, class: &str) {
    shell::remove_children(host, class);
}

/// A chart on the page. `destroy()` removes it and everything it attached.
#[wasm_bindgen]
pub struct Chart {
    shared: Option<Shared>,
    #[cfg_attr(not(feature = "probes"), allow(dead_code))]
    events: EventCount,
    /// Registration with the panic hook, undone on destroy.
    panic_id: u32,
    /// The steps of the mount still to take (`step`): 0 once the chart is live.
    left: u32,
    /// Where and what to draw, until the mount's first step builds the chart.
    mounting: Option<(Element, Settings)>,
}

/// Draws the chart into `target` (an Element or a CSS selector) and returns its
/// handle. `options` (optional): see `MountOptions`.
///
/// Bad options throw an Error naming the field and the problem, and the same message
/// is shown in the target in place of the chart.
#[wasm_bindgen]
pub fn mount(
    #[wasm_bindgen(unchecked_param_type = "Element | string")] target: JsValue,
    #[wasm_bindgen(unchecked_param_type = "MountOptions")] options: JsValue,
) -> Result<Chart, JsValue> {
    let mut chart = start(target, options)?;
    while chart.step()? > 0 {}
    Ok(chart)
}

/// Begins drawing the chart into `target`, as `mount` does, in steps a page can run
/// in tasks of their own (`chart.step()` until it answers 0), so that no task of the
/// upgrade is long enough for a reader to feel (50 ms on a phone). Only the options
/// are read here; the chart's box is in the page but takes no room and shows nothing
/// until the step that swaps it in for the static picture (the one after which 1 step
/// is left), which also makes it answer the reader; the last step follows the page
/// (width, ratio, colour scheme, print, forced colours).
#[wasm_bindgen]
pub fn start(
    #[wasm_bindgen(unchecked_param_type = "Element | string")] target: JsValue,
    #[wasm_bindgen(unchecked_param_type = "MountOptions")] options: JsValue,
) -> Result<Chart, JsValue> {
    let doc = dom::document()?;
    let host = resolve_target(&doc, &target)?;
    clear_failures(&host);
    start_in(&host, &options).map_err(|e| fail(&host, e.into()))
}

/// Shows `e` where the chart would have been, and passes it on.
fn fail(host: &Element, e: JsValue) -> JsValue {
    show_failure(host, &message_of(&e));
    e
}

fn start_in(host: &Element, options: &JsValue) -> Result<Chart, JsError> {
    panic::install();
    let options = parse_options(options)?;
    Settings::default().check(&options).map_err(|e| error(e.message()))?;
    let settings = Settings::new(options);
    let events = EventCount::default();
    Ok(Chart { shared: None, mounting: Some((host.clone(), settings)), events, panic_id: 0, left: 10 })
}

/// The mount's first step: the chart's elements, in the page first, so the layout gets
/// the width the page gives us, but taking no height and unseen until the swap
/// (`shell::build` made it so).
fn build_state(host: &Element, settings: Settings) -> Result<Shared, JsError> {
    let widget = Widget::build(host)?;
    host.append_child(widget.root()).map_err(|_| error("mount: cannot append to the target element"))?;
    let shared: Shared = Rc::new(RefCell::new(State::new(widget, settings)));
    state::make_frame_loops(&shared);
    Ok(shared)
}

impl Chart {
    /// The mount's next step (see `start`).
    fn next_step(&mut self, shared: &Shared) -> Result<(), JsError> {
        match self.left {
            // The words around the canvas: its name, the data table, the CSV link.
            9 => shared.borrow_mut().content(),
            // The colours, read from the page.
            8 => {
                shared.borrow_mut().colours();
                Ok(())
            }
            // Laid out at the width the page gives, then drawn in steps, still unseen:
            // a map's land (without a map, no such step), the figures' shapes, half
            // the texts, the rest. A map's ground (the canvas's first fill, which
            // allocates its pixels: 15-25 ms of a phone's) is painted with the layout,
            // not with the land: together they took 19-86 ms at 4× CPU, apart at most
            // 41 and 16.
            7 => {
                let mut st = shared.borrow_mut();
                st.lay_out();
                if st.widget().layout().map().is_none() {
                    self.left -= 1;
                    Ok(())
                } else {
                    st.paint_step(7)
                }
            }
            3..=6 => shared.borrow_mut().paint_step(self.left),
            // The live chart replaces the static picture in this one task: no frame
            // shows both, and the picture had the same height, so nothing below
            // moves. From here it answers the reader.
            2 => {
                let st = shared.borrow();
                let host = st.widget().root().parent_element();
                st.widget().show();
                if let Some(host) = host {
                    remove_children(&host, crate::style::PICTURE_CLASS);
                }
                drop(st);
                let listeners = interact::attach(shared, &self.events);
                shared.borrow_mut().hold(listeners);
                Ok(())
            }
            // Following the page.
            _ => {
                state::watch_ratio(&mut shared.borrow_mut(), &Rc::downgrade(shared));
                let mut listeners = watch::watch_scheme(shared);
                listeners.extend(watch::watch_forced(shared));
                listeners.extend(watch::watch_print(shared));
                listeners.extend(watch::watch_zoom(shared));
                let width = watch::watch_width(shared);
                let mut st = shared.borrow_mut();
                st.hold(listeners);
                st.hold_width_watch(width);
                drop(st);
                self.panic_id = panic::register(shared.borrow().widget().alert());
                Ok(())
            }
        }
    }

    /// Takes every step of the mount left (an `update()` during one, say).
    fn finish(&mut self) -> Result<(), JsValue> {
        while self.step()? > 0 {}
        Ok(())
    }
}

/// Freeing the handle from JavaScript (`chart.free()`, or the garbage collector
/// through `FinalizationRegistry`) also removes the chart from the page, as
/// `destroy()` does.
impl Drop for Chart {
    fn drop(&mut self) {
        self.destroy();
    }
}

#[wasm_bindgen]
impl Chart {
    fn live(&self, method: &str) -> Result<&Shared, JsValue> {
        self.shared.as_ref().ok_or_else(|| error([method, ": this chart was destroyed"].concat()).into())
    }

    /// Takes the next step of a mount begun by `start` and answers how many are
    /// left (0: the chart is live; nothing to do then). A step that fails removes
    /// the chart, shows why where it would have been, and throws.
    pub fn step(&mut self) -> Result<u32, JsValue> {
        if self.left == 0 {
            return Ok(0);
        }
        if let Some((host, settings)) = self.mounting.take() {
            self.shared = Some(build_state(&host, settings).map_err(|e| {
                self.left = 0;
                fail(&host, e.into())
            })?);
            self.left -= 1;
            return Ok(self.left);
        }
        let shared = self.live("step")?.clone();
        if let Err(e) = self.next_step(&shared) {
            let host = shared.borrow().widget().root().parent_element();
            self.destroy(); // a mount that fails leaves nothing of ours but the message
            return Err(match host {
                Some(host) => fail(&host, e.into()),
                None => e.into(),
            });
        }
        self.left -= 1;
        Ok(self.left)
    }

    /// Changes some options (the others stay) and redraws. Bad options throw, are
    /// shown in the widget above the chart, and leave the chart as it was.
    pub fn update(&mut self, #[wasm_bindgen(unchecked_param_type = "MountOptions")] options: JsValue) -> Result<(), JsValue> {
        self.finish()?;
        let shared = self.live("update")?.clone();
        let mut st = shared.borrow_mut();
        let parsed = parse_options(&options).map_err(|e| {
            let e = JsValue::from(e);
            st.show_alert(Some(&message_of(&e)));
            e
        })?;
        st.update(parsed)?;
        st.show_alert(None);
        state::watch_ratio(&mut st, &Rc::downgrade(&shared));
        Ok(())
    }

    /// The bars as drawn, top to bottom: `{ name, persons, computed, x, y, width,
    /// height }`, in CSS pixels from the canvas's top-left corner (for annotations,
    /// and for tests that probe the page where the chart painted).
    #[wasm_bindgen(unchecked_return_type = "Bar[]")]
    pub fn bars(&mut self) -> Result<JsValue, JsValue> {
        self.finish()?;
        let shared = self.live("bars")?;
        let s = shared.borrow();
        // One bar as JS sees it: what it shows, and where it is on the canvas in CSS
        // pixels. The figure as a JS number, exact (validated figures are below 2^53):
        // serializing a u64 links an out-of-range message and formatting with it.
        let rows: Vec<(&str, f64, bool, f64, f64, f64, f64)> = s
            .widget()
            .layout()
            .rows
            .iter()
            .map(|row| {
                let r = &s.settings().dataset().regions[row.region];
                // Layout (artboard) pixels to the CSS pixels the canvas is shown at.
                let (b, k) = (row.bar, s.widget().frame().scale);
                (r.name.as_str(), r.persons as f64, r.computed, b.x * k, b.y * k, b.w * k, b.h * k)
            })
            .collect();
        // Numbers and strings into fresh arrays: nothing here can fail but the JS
        // engine itself, whose error is passed on as it is.
        let rows = serde::Serialize::serialize(&rows, &serde_wasm_bindgen::Serializer::new()).map_err(JsValue::from)?;
        Ok(shell::bar_objects(rows))
    }

    /// Removes the chart from the page with every listener and pending frame it
    /// holds. Calling it again does nothing.
    pub fn destroy(&mut self) {
        self.left = 0;
        self.mounting = None;
        panic::unregister(self.panic_id);
        if let Some(shared) = self.shared.take() {
            let mut s = shared.borrow_mut();
            s.detach();
            s.widget().root().remove();
        }
    }
}

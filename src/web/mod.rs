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
mod state;
mod view;
mod watch;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Element;
#[cfg(feature = "probes")]
use web_sys::HtmlElement;

use crate::settings::Settings;

pub(crate) use js::error;
use js::{message_of, parse_options, resolve_target};
#[cfg(feature = "probes")]
pub use state::Probes;
use state::{EventCount, Shared, State};
use view::View;

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

/// The options and results as TypeScript types, for the shipped `.d.ts` (written at
/// build time: nothing of this is in the wasm). `tools/types.mjs` then makes
/// `mount`'s options optional.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** One region of custom figures. */
export interface RegionInput {
    name: string;
    /** A whole number from 0 to 2^53 - 1. */
    persons: number;
    /** Derived rather than reported: drawn muted and footnoted. */
    computed?: boolean | null;
}
/** Custom figures, replacing the article's. On the map, regions named as one of its regions (French or English, case and accents ignored) are placed there; the others are listed under it. */
export interface DataInput {
    title: string;
    subtitle?: string | null;
    source: string;
    total: number;
    households?: number | null;
    increase?: number | null;
    regions: RegionInput[];
    /** Draw what the regions leave of the total as a computed "other regions" bar. */
    showRest?: boolean | null;
}
/** Options of `mount` and `update`: left out, an option keeps its value; `null` puts it back to its default. */
export interface MountOptions {
    lang?: "fr" | "en" | null;
    theme?: "auto" | "light" | "dark" | null;
    view?: "bars" | "map" | "both" | null;
    data?: DataInput | null;
}
/** A bar as drawn, in CSS pixels from the canvas's top-left corner. */
export interface Bar {
    name: string;
    persons: number;
    computed: boolean;
    x: number;
    y: number;
    width: number;
    height: number;
}
"#;

/// The static picture for any figures (the npm package's `picture` command, run by
/// Node; not in the builds pages fetch): `data` as the `data` option or as the text of
/// the chart's own CSV (then `title` gives its title), validated as `data` is, drawn
/// by the same code as `make fallback`: `{ html, element, svg }`: the picture, the
/// element to paste (the data as its inline JSON, the picture inside), and the SVG
/// fallback at `width` CSS pixels.
#[cfg(feature = "picture")]
#[wasm_bindgen]
pub fn picture(
    #[wasm_bindgen(unchecked_param_type = "DataInput | string")] data: JsValue,
    title: Option<String>,
    lang: &str,
    view: &str,
    width: f64,
) -> Result<JsValue, JsError> {
    use crate::options::{Value, validate};
    let data = match data.as_string() {
        Some(csv) => crate::words::read_csv(&csv, title.as_deref()).map_err(|e| error(e.message()))?,
        None => js::data_value(&data)?,
    };
    let given = data.clone();
    let options = Value::Object(vec![("data".into(), data), ("lang".into(), Value::String(lang.into())), ("view".into(), Value::String(view.into()))]);
    let settings = Settings::new(validate(&options).map_err(|e| error(e.message()))?);
    let (d, lang, view) = (settings.dataset(), settings.lang(), settings.view());
    let theme = &crate::render::LIGHT;
    let html = crate::svg::picture_view(d, lang, view, theme).map_err(error)?;
    let (svg, _) = crate::svg::render_view(d, lang, view, width.clamp(200.0, 4000.0), theme).map_err(error)?;
    let element = crate::svg::element(&given, lang, view, &html);
    let out = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&out, &"html".into(), &html.into());
    let _ = js_sys::Reflect::set(&out, &"element".into(), &element.into());
    let _ = js_sys::Reflect::set(&out, &"svg".into(), &svg.into());
    Ok(out.into())
}

/// A chart on the page. `destroy()` removes it and everything it attached.
#[wasm_bindgen]
pub struct Chart {
    shared: Option<Shared>,
    /// Owned listeners: dropping them removes them from their targets.
    listeners: Vec<dom::Listener>,
    width_watch: Option<watch::WidthWatch>,
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
    Ok(Chart { shared: None, mounting: Some((host.clone(), settings)), listeners: Vec::new(), width_watch: None, events, panic_id: 0, left: 10 })
}

/// The mount's first step: the chart's elements, in the page first, so the layout gets
/// the width the page gives us, but taking no height and unseen until the swap
/// (`shell::build` made it so).
fn build_state(host: &Element, settings: Settings) -> Result<Shared, JsError> {
    let view = View::build(host)?;
    host.append_child(view.root()).map_err(|_| error("mount: cannot append to the target element"))?;
    let shared: Shared = Rc::new(RefCell::new(State::new(view, settings)));
    state::arm(&shared);
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
                if st.view().layout().map().is_none() {
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
                let host = st.view().root().parent_element();
                st.view().show();
                if let Some(host) = host {
                    remove_children(&host, crate::style::PICTURE_CLASS);
                }
                drop(st);
                self.listeners = interact::attach(shared, &self.events);
                Ok(())
            }
            // Following the page.
            _ => {
                state::watch_ratio(&mut shared.borrow_mut(), &Rc::downgrade(shared));
                watch::watch_scheme(shared, &mut self.listeners);
                self.listeners.extend(watch::watch_forced(shared));
                self.listeners.extend(watch::watch_print(shared));
                self.listeners.extend(watch::watch_zoom(shared));
                self.width_watch = watch::WidthWatch::new(shared);
                self.panic_id = panic::register(shared.borrow().view().alert());
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

/// Rust-side accessors for the browser tests, compiled in with the `probes` feature
/// only (the shipped wasm has none). They panic on a destroyed chart.
#[cfg(feature = "probes")]
impl Chart {
    fn state(&self) -> std::cell::Ref<'_, State> {
        self.shared.as_ref().expect("chart was destroyed").borrow()
    }
    /// The geometry the chart was drawn with.
    pub fn layout(&self) -> crate::layout::Layout {
        self.state().view().layout().clone()
    }
    pub fn canvas(&self) -> web_sys::HtmlCanvasElement {
        self.state().view().canvas().clone()
    }
    pub fn overlay(&self) -> web_sys::HtmlCanvasElement {
        self.state().view().parts().0.clone()
    }
    /// The overlay's top-left corner in the chart canvas's device pixels.
    pub fn overlay_at(&self) -> (i32, i32) {
        self.state().view().overlay_at()
    }
    pub fn root(&self) -> HtmlElement {
        self.state().view().root().clone()
    }
    pub fn tooltip(&self) -> HtmlElement {
        self.state().view().parts().1.clone()
    }
    pub fn live_region(&self) -> HtmlElement {
        self.state().view().parts().2.clone()
    }
    pub fn alert(&self) -> HtmlElement {
        self.state().view().parts().3.clone()
    }
    /// Layout pixels to device pixels: the screen's ratio × the artboard's scale.
    pub fn device_pixel_ratio(&self) -> f64 {
        self.state().view().parts().4
    }
    pub fn theme(&self) -> crate::theme::Theme {
        self.state().view().theme_colors().clone()
    }
    /// The highlighted row (index into `layout().rows`) and what set it.
    pub fn highlighted(&self) -> (Option<usize>, Option<crate::highlight::Source>) {
        self.state().highlighted()
    }
    /// Overlay repaints, layouts drawn and content rebuilds so far.
    pub fn probes(&self) -> state::Probes {
        self.state().probes()
    }
    pub fn overlay_paints(&self) -> u32 {
        self.probes().overlay_paints
    }
    pub fn renders(&self) -> u32 {
        self.probes().geometry_renders
    }
    /// A counter of events the chart's listeners handled; it outlives the chart.
    pub fn event_counter(&self) -> EventCount {
        self.events.clone()
    }
    /// Charts the panic hook would report to (destroyed ones are not among them).
    pub fn panic_registrations() -> usize {
        panic::registered()
    }
    /// What the panic hook would write in this chart's alert box now.
    pub fn panic_message(&self) -> String {
        self.shared.as_ref().map(|s| panic::message(s.borrow().view().alert()).into()).unwrap_or_default()
    }
    pub fn listener_count(&self) -> usize {
        let ratio = self.shared.as_ref().is_some_and(|s| s.borrow().ratio_watched());
        self.listeners.len() + self.width_watch.is_some() as usize + ratio as usize
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
            let host = shared.borrow().view().root().parent_element();
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
            .view()
            .layout()
            .rows
            .iter()
            .map(|row| {
                let r = &s.settings().dataset().regions[row.region];
                // Layout (artboard) pixels to the CSS pixels the canvas is shown at.
                let (b, k) = (row.bar, s.view().frame().scale);
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
        self.listeners.clear();
        self.width_watch = None;
        if let Some(shared) = self.shared.take() {
            let mut s = shared.borrow_mut();
            s.cancel_frames();
            s.view().root().remove();
        }
    }
}

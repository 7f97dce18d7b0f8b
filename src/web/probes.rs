//! Rust-side accessors for the browser tests (`tests/*.rs`), compiled in with the
//! `probes` feature only: the shipped wasm has none of them.

use web_sys::HtmlElement;

use super::Chart;
use super::state::{EventCount, State};

/// Rust-side accessors for the browser tests, compiled in with the `probes` feature
/// only (the shipped wasm has none). They panic on a destroyed chart.
impl Chart {
    fn state(&self) -> std::cell::Ref<'_, State> {
        self.shared.as_ref().expect("chart was destroyed").borrow()
    }
    /// The geometry the chart was drawn with.
    pub fn layout(&self) -> crate::layout::Layout {
        self.state().widget().layout().clone()
    }
    pub fn canvas(&self) -> web_sys::HtmlCanvasElement {
        self.state().widget().canvas().clone()
    }
    pub fn overlay(&self) -> web_sys::HtmlCanvasElement {
        self.state().widget().overlay_canvas().clone()
    }
    /// The overlay's top-left corner in the chart canvas's device pixels.
    pub fn overlay_at(&self) -> (i32, i32) {
        self.state().widget().overlay_at()
    }
    pub fn root(&self) -> HtmlElement {
        self.state().widget().root().clone()
    }
    pub fn tooltip(&self) -> HtmlElement {
        self.state().widget().tooltip_element().clone()
    }
    pub fn live_region(&self) -> HtmlElement {
        self.state().widget().live_region().clone()
    }
    pub fn alert(&self) -> HtmlElement {
        self.state().widget().alert().clone()
    }
    /// Layout pixels to device pixels: the screen's ratio × the artboard's scale.
    pub fn device_pixel_ratio(&self) -> f64 {
        self.state().widget().device_pixels_per_layout_pixel()
    }
    pub fn theme(&self) -> crate::theme::Theme {
        self.state().widget().theme_colors().clone()
    }
    /// The highlighted row (index into `layout().rows`) and what set it.
    pub fn highlighted(&self) -> (Option<usize>, Option<crate::highlight::Source>) {
        self.state().highlighted()
    }
    /// Overlay repaints, layouts drawn and content rebuilds so far.
    pub fn probes(&self) -> super::state::Probes {
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
        super::panic::registered()
    }
    /// What the panic hook would write in this chart's alert box now.
    pub fn panic_message(&self) -> String {
        self.shared.as_ref().map(|s| super::panic::message(s.borrow().widget().alert()).into()).unwrap_or_default()
    }
    pub fn listener_count(&self) -> usize {
        self.shared.as_ref().map_or(0, |s| s.borrow().listener_count())
    }
}

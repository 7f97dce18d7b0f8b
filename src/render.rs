//! Drawing: paints a [`Layout`] on any plotters `DrawingBackend` (the canvas in the
//! browser, SVG natively, a recording backend in tests), and the one rounding from
//! CSS to device pixels. Depends on `layout` and `theme`.
//!
//! We use backend primitives (`draw_rect`, `draw_text`) rather than `ChartBuilder`:
//! a news bar chart needs no axes or mesh, and the builder costs ~14 KB gzip.
//! Layout is in CSS pixels; `scale` (the devicePixelRatio) maps it to device pixels,
//! so font sizes and edges are scaled here rather than by `ctx.scale`.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendColor, BackendCoord, DrawingErrorKind, FontFamily, FontStyle};

// Font family: a `FontFamily::Name` built directly from the theme's string costs
// nothing; only plotters' `FontFamily::from(&str)` lowercases through Unicode tables
// (+8 KB gzip), so it is never called.

use crate::layout::{Align, Layout, Rect, Row, TextItem, TextRole};
pub use crate::theme::{DARK, LIGHT, Rgb, Theme};

fn color(rgb: Rgb) -> BackendColor {
    BackendColor { alpha: 1.0, rgb }
}

/// CSS pixels to device pixels: the one rounding every drawing and clearing uses.
fn px(v: f64, scale: f64) -> i32 {
    (v * scale).round() as i32
}

/// A rectangle's device-pixel corners, as drawn.
pub fn corners(r: &Rect, scale: f64) -> (BackendCoord, BackendCoord) {
    ((px(r.x, scale), px(r.y, scale)), (px(r.right(), scale), px(r.bottom(), scale)))
}

/// The fill of a row's bar when not highlighted.
pub fn bar_color(theme: &Theme, row: &Row) -> Rgb {
    if row.computed { theme.bar_computed } else { theme.bar }
}

/// Paints one bar. Used for the full drawing and, alone, for the hover highlight.
pub fn draw_bar<DB: DrawingBackend>(
    backend: &mut DB,
    row: &Row,
    fill: Rgb,
    scale: f64,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let (a, b) = corners(&row.bar, scale);
    if b.0 > a.0 && b.1 > a.1 {
        backend.draw_rect(a, b, &color(fill), true)?;
    }
    Ok(())
}

fn text_color(theme: &Theme, role: TextRole) -> Rgb {
    match role {
        TextRole::Title | TextRole::Name | TextRole::Value => theme.text,
        TextRole::Subtitle | TextRole::Note | TextRole::Source => theme.muted,
    }
}

fn draw_text<DB: DrawingBackend>(
    backend: &mut DB,
    t: &TextItem,
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let weight = if t.font.bold { FontStyle::Bold } else { FontStyle::Normal };
    let h = match t.align {
        Align::Left => HPos::Left,
        Align::Right => HPos::Right,
    };
    let style = TextStyle {
        font: FontDesc::new(FontFamily::Name(&theme.font), t.font.size * scale, weight),
        color: color(text_color(theme, t.role)),
        pos: Pos::new(h, VPos::Center),
    };
    backend.draw_text(&t.text, &style, (px(t.x, scale), px(t.y, scale)))
}

/// Paints the whole chart: background, bars, texts. (The highlight is painted apart,
/// on an overlay, with [`draw_bar`].)
pub fn draw<DB: DrawingBackend>(
    backend: &mut DB,
    layout: &Layout,
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let (w, h) = backend.get_size();
    backend.draw_rect((0, 0), (w as i32, h as i32), &color(theme.background), true)?;
    for row in &layout.rows {
        draw_bar(backend, row, bar_color(theme, row), scale)?;
    }
    for t in &layout.texts {
        draw_text(backend, t, theme, scale)?;
    }
    backend.present()
}

/// Largest canvas side browsers accept (Chromium and Firefox: 32 767 px).
pub const MAX_CANVAS_SIDE: f64 = 32_000.0;

/// The device-pixel ratio to draw at: the screen's, unless the canvas would exceed
/// what browsers accept (a very long chart on a dense screen), then as much as fits.
pub fn effective_scale(layout: &Layout, dpr: f64) -> f64 {
    let dpr = if dpr.is_finite() && dpr > 0.0 { dpr } else { 1.0 };
    dpr.min(MAX_CANVAS_SIDE / layout.height.max(1.0)).min(MAX_CANVAS_SIDE / layout.width.max(1.0))
}

/// Device-pixel size of the canvas for a layout at `scale`: CSS size × ratio.
pub fn backing_size(layout: &Layout, scale: f64) -> (u32, u32) {
    ((layout.width * scale).round() as u32, (layout.height * scale).round() as u32)
}

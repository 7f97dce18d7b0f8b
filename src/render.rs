//! Drawing: paints a [`Layout`] on any plotters `DrawingBackend` (the canvas in the
//! browser, SVG natively, a recording backend in tests), and the one rounding from
//! CSS to device pixels. Depends on `layout`, `map` (its circles and outlines) and
//! `theme`.
//!
//! We use backend primitives (`draw_rect`, `draw_text`) rather than `ChartBuilder`:
//! a news bar chart needs no axes or mesh, and the builder costs ~14 KB gzip.
//! Layout is in CSS pixels; `scale` (the devicePixelRatio) maps it to device pixels,
//! so font sizes and edges are scaled here rather than by `ctx.scale`.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, DrawingErrorKind, FontFamily, FontStyle};

// Font family: a `FontFamily::Name` built directly from the theme's string costs
// nothing; only plotters' `FontFamily::from(&str)` lowercases through Unicode tables
// (+8 KB gzip), so it is never called.

use crate::layout::{Align, Layout, Rect, Row, TextItem, TextRole};
use crate::map::{Circle, MapLayout};
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

/// Paints one bar, in the full drawing (the highlight is `draw_highlight`'s).
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

/// The colour a text of this role is drawn in.
pub fn text_color(theme: &Theme, role: TextRole) -> Rgb {
    match role {
        TextRole::Title | TextRole::Name | TextRole::Value | TextRole::MapFigure => theme.text,
        TextRole::Subtitle | TextRole::Note | TextRole::Source | TextRole::MapName => theme.muted,
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

/// A line `width` device pixels wide.
struct Stroke(BackendColor, u32);

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.0
    }
    fn stroke_width(&self) -> u32 {
        self.1
    }
}

/// `a` moved towards `b` by `t`: the map's land is the background with a
/// little of the muted text colour, so every theme and CSS colour carries over.
/// `t` is in 256ths (integer arithmetic: smaller wasm than float rounding).
pub fn mix(a: Rgb, b: Rgb, t: u32) -> Rgb {
    let m = |x: u8, y: u8| ((x as u32 * (256 - t) + y as u32 * t + 128) >> 8) as u8;
    (m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// The map's land: the background with a little of the muted text colour.
pub fn land_color(theme: &Theme) -> Rgb {
    mix(theme.background, theme.muted, 36)
}

/// A region with a figure of its own: the background with a little of the bars'.
pub fn tinted_color(theme: &Theme) -> Rgb {
    mix(theme.background, theme.bar, 56)
}

/// A ring in device pixels, less `offset`, closed: one shape of argument for every
/// polygon and path call (each distinct one is another copy of plotters' code).
fn device_ring(ring: &[(f64, f64)], scale: f64, offset: BackendCoord) -> Vec<BackendCoord> {
    let mut out = Vec::with_capacity(ring.len() + 1);
    for &(x, y) in ring {
        out.push((px(x, scale) - offset.0, px(y, scale) - offset.1));
    }
    out.push(out[0]);
    out
}

fn line(rgb: Rgb, width: f64) -> Stroke {
    Stroke(color(rgb), width.round().max(1.0) as u32)
}

/// The map's land: every region filled (those with a figure tinted with the bar
/// colour), with borders in the background colour.
pub fn draw_land<DB: DrawingBackend>(
    backend: &mut DB,
    map: &MapLayout,
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let (land, tinted) = (line(land_color(theme), 1.0), line(tinted_color(theme), 1.0));
    let n = map.regions.len();
    // Bamako (first) sits in Koulikoro's hole: painted last. Outer rings filled; the
    // one hole (Koulikoro's) is Bamako, painted over it.
    for k in 0..n {
        let i = (k + 1) % n;
        let fill = if map.figured[i].is_some() { &tinted } else { &land };
        backend.fill_polygon(device_ring(&map.regions[i][0], scale, (0, 0)), fill)?;
    }
    let border = line(theme.background, scale);
    for ring in map.regions.iter().flatten() {
        backend.draw_path(device_ring(ring, scale, (0, 0)), &border)?;
    }
    Ok(())
}

/// The map's marks: Bamako's dot and the circles, largest first.
fn draw_marks<DB: DrawingBackend>(
    backend: &mut DB,
    map: &MapLayout,
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let (cx, cy) = map.capital;
    backend.draw_circle((px(cx, scale), px(cy, scale)), px(3.0, scale) as u32, &line(theme.text, 1.0), true)?;
    for &((x0, y0), (x1, y1)) in &map.leaders {
        backend.draw_path([(px(x0, scale), px(y0, scale)), (px(x1, scale), px(y1, scale))], &line(theme.muted, scale))?;
    }
    for c in &map.circles {
        draw_circle(backend, c, theme.bar, theme, scale, (0, 0))?;
    }
    Ok(())
}

/// One figure's circle, with a ring in the background colour that sets it apart
/// from the land and from a circle under it.
fn draw_circle<DB: DrawingBackend>(
    backend: &mut DB,
    c: &Circle,
    fill: Rgb,
    theme: &Theme,
    scale: f64,
    offset: BackendCoord,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let center = (px(c.center.0, scale) - offset.0, px(c.center.1, scale) - offset.1);
    let r = px(c.r, scale).max(1) as u32;
    backend.draw_circle(center, r, &Stroke(BackendColor { alpha: 0.88, rgb: fill }, 1), true)?;
    backend.draw_circle(center, r, &line(theme.background, scale), false)
}

/// What item `item`'s highlight paints: its bar, its circle, its region's outline
/// (a map region without a figure). The one source of both the paint
/// ([`draw_highlight`]) and the box the overlay must cover ([`highlight_box`]).
struct HighlightParts<'l> {
    bar: Option<&'l crate::geometry::Rect>,
    circle: Option<&'l crate::map::Circle>,
    rings: &'l [Vec<(f64, f64)>],
}

fn highlight_parts(layout: &Layout, item: usize) -> HighlightParts<'_> {
    let map = layout.map();
    HighlightParts {
        bar: layout.rows.get(item).map(|row| &row.bar),
        circle: map.and_then(|m| m.circle(item)),
        rings: match (map, crate::data::Item::of(item, layout.figures)) {
            (Some(m), crate::data::Item::Shape(shape)) => m.regions.get(shape).map_or(&[], |r| &r[..]),
            _ => &[],
        },
    }
}

/// Paints item `item` highlighted ([`highlight_parts`]). `offset` is subtracted from
/// every device coordinate, so the overlay can sit anywhere over the chart with the
/// chart's own rounding.
pub fn draw_highlight<DB: DrawingBackend>(
    backend: &mut DB,
    layout: &Layout,
    theme: &Theme,
    item: usize,
    scale: f64,
    offset: BackendCoord,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let shift = |(x, y): BackendCoord| (x - offset.0, y - offset.1);
    let parts = highlight_parts(layout, item);
    if let Some(bar) = parts.bar {
        let (a, b) = corners(bar, scale);
        if b.0 > a.0 && b.1 > a.1 {
            backend.draw_rect(shift(a), shift(b), &color(theme.bar_highlight), true)?;
        }
    }
    if let Some(c) = parts.circle {
        draw_circle(backend, c, theme.bar_highlight, theme, scale, offset)?;
    }
    let outline = line(theme.bar_highlight, 2.0 * scale);
    for ring in parts.rings {
        backend.draw_path(device_ring(ring, scale, offset), &outline)?;
    }
    Ok(())
}

/// The device-pixel box `draw_highlight` paints in for `item` (empty: nothing),
/// with a margin for strokes (a circle's ring, a region's outline reach `scale`
/// device pixels past the shape) and a pixel of anti-aliasing.
pub fn highlight_box(layout: &Layout, item: usize, scale: f64) -> (BackendCoord, BackendCoord) {
    let mut lo = (i32::MAX, i32::MAX);
    let mut hi = (i32::MIN, i32::MIN);
    let mut add = |x: f64, y: f64| {
        let (x, y) = (px(x, scale), px(y, scale));
        lo = (lo.0.min(x), lo.1.min(y));
        hi = (hi.0.max(x), hi.1.max(y));
    };
    let parts = highlight_parts(layout, item);
    if let Some(bar) = parts.bar {
        add(bar.x, bar.y);
        add(bar.right(), bar.bottom());
    }
    if let Some(c) = parts.circle {
        add(c.center.0 - c.r, c.center.1 - c.r);
        add(c.center.0 + c.r, c.center.1 + c.r);
    }
    for &(x, y) in parts.rings.iter().flatten() {
        add(x, y);
    }
    if lo.0 > hi.0 {
        return ((0, 0), (0, 0));
    }
    let m = scale.ceil() as i32 + 1;
    ((lo.0 - m, lo.1 - m), (hi.0 + m, hi.1 + m))
}

/// The highlight overlay's backing size: as large as the largest highlight's device
/// box (a bar, a circle, a bar and its circle, a region's outline), at least 1×1.
pub fn overlay_size(layout: &Layout, scale: f64) -> (i32, i32) {
    let (mut w, mut h) = (1, 1);
    for item in 0..layout.items() {
        let ((x0, y0), (x1, y1)) = highlight_box(layout, item, scale);
        w = w.max(x1 - x0);
        h = h.max(y1 - y0);
    }
    (w, h)
}


/// Paints the whole chart: background, bars, texts. (The highlight is painted apart,
/// on an overlay, with [`draw_highlight`], inside [`highlight_box`].)
pub fn draw<DB: DrawingBackend>(
    backend: &mut DB,
    layout: &Layout,
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    draw_parts(backend, layout, theme, scale, &Parts::ALL)?;
    backend.present()
}

/// Which parts of the drawing a call paints, in this order: the background, the
/// map's land (if the layout has a map), the figures' shapes (the map's marks, the
/// bars), the texts in a range (clamped). A mount paints them in tasks of its own:
/// a canvas's first fill (its backing store made), the map's land (560 vertices, a
/// call each) and the first texts (fonts looked up, glyphs drawn) each cost a phone
/// tens of milliseconds. (One function for every part: one copy of the drawing code
/// per backend.)
pub struct Parts {
    pub ground: bool,
    pub land: bool,
    pub figures: bool,
    pub texts: std::ops::Range<usize>,
}

impl Parts {
    /// Every part: the whole drawing.
    pub const ALL: Parts = Parts { ground: true, land: true, figures: true, texts: 0..usize::MAX };
}

/// Paints `parts` of the drawing.
pub fn draw_parts<DB: DrawingBackend>(
    backend: &mut DB,
    layout: &Layout,
    theme: &Theme,
    scale: f64,
    parts: &Parts,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    if parts.ground {
        let (w, h) = backend.get_size();
        backend.draw_rect((0, 0), (w as i32, h as i32), &color(theme.background), true)?;
    }
    if let Some(map) = layout.map() {
        if parts.land {
            draw_land(backend, map, theme, scale)?;
        }
        if parts.figures {
            draw_marks(backend, map, theme, scale)?;
        }
    }
    for row in layout.rows.iter().filter(|_| parts.figures) {
        draw_bar(backend, row, bar_color(theme, row), scale)?;
    }
    let texts = &layout.texts;
    for t in &texts[parts.texts.start.min(texts.len())..parts.texts.end.min(texts.len())] {
        draw_text(backend, t, theme, scale)?;
    }
    Ok(())
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

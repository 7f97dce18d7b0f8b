//! The tooltip: its numbers (one source for the size measured here and the live
//! chart's stylesheet), its size from its text, and where it goes next to a pointer.
//! Also the one conversion between layout coordinates and the chart's box.
//! Pure; depends on `format`, `text` and `geometry`.

use super::Rect;
use crate::text::{Font, Measure, wrap};

/// The tooltip's type and box, in whole CSS pixels. The size measured here and the
/// stylesheet's tooltip rules both come from `tooltip_px!`, so they cannot drift.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooltipStyle {
    pub font_px: u32,
    pub line_px: u32,
    /// Horizontal and vertical padding inside the border.
    pub pad: (u32, u32),
    pub border_px: u32,
    pub max_width: u32,
    /// Gap between the pointer and the tooltip.
    pub offset: u32,
}

/// The tooltip's numbers, once: `TOOLTIP` is made of them, and so is the live
/// chart's stylesheet (`style::WIDGET_CSS`, built by `concat!` at compile time).
macro_rules! tooltip_px {
    (font) => {
        13
    };
    (line) => {
        18
    };
    (pad_x) => {
        9
    };
    (pad_y) => {
        6
    };
    (border) => {
        1
    };
    (max_width) => {
        280
    };
}
pub(crate) use tooltip_px;

/// 13 px text on 18 px lines, 9 × 6 px padding, a 1 px border, at most 280 px wide.
pub const TOOLTIP: TooltipStyle = TooltipStyle {
    font_px: tooltip_px!(font),
    line_px: tooltip_px!(line),
    pad: (tooltip_px!(pad_x), tooltip_px!(pad_y)),
    border_px: tooltip_px!(border),
    max_width: tooltip_px!(max_width),
    offset: 12,
};

impl TooltipStyle {
    /// Border and padding on both sides of each axis.
    fn chrome(&self) -> (f64, f64) {
        let b = 2 * self.border_px;
        ((2 * self.pad.0 + b) as f64, (2 * self.pad.1 + b) as f64)
    }

    /// The outer size for a bold name and plain lines, measured rather than read back
    /// from the page: showing a tooltip then forces no layout.
    pub fn size(&self, name: &str, lines: &[String], measure: &dyn Measure) -> (f64, f64) {
        let chrome = self.chrome();
        let max_text = self.max_width as f64 - chrome.0;
        let (mut width, mut count) = (0.0f64, 0u32);
        let texts = std::iter::once((name, true)).chain(lines.iter().map(|l| (l.as_str(), false)));
        for (text, bold) in texts {
            let font = Font { size: self.font_px as f64, bold };
            for (_, line_w) in wrap(text, max_text, font, measure) {
                width = width.max(line_w);
                count += 1;
            }
        }
        // One pixel of slack, so sub-pixel rounding never wraps a line the page's way.
        ((width.ceil() + 1.0).min(max_text) + chrome.0, (count * self.line_px) as f64 + chrome.1)
    }

    /// The CSS of the tooltip's box (colours aside) and of each of its lines, as the
    /// stylesheet must say them (its tests read them there).
    #[cfg(test)]
    pub(crate) fn css(&self) -> ([(&'static str, String); 5], [(&'static str, String); 2]) {
        let px = |v: u32| [crate::format::digits(v as u64), "px".into()].concat();
        let text = [("font-size", px(self.font_px)), ("line-height", px(self.line_px))];
        let [font, line] = text.clone();
        (
            [font, line, ("padding", [px(self.pad.1), " ".into(), px(self.pad.0)].concat()), ("border-width", px(self.border_px)), ("max-width", px(self.max_width))],
            text,
        )
    }

    /// Where a tooltip of size `tip` goes for a pointer at `at`: below and right of
    /// it (left in a right-to-left chart, `rtl`), flipped to the other side or above
    /// when that would cross the edge of `area` (the part of the chart's box inside
    /// the viewport), then clamped into it. Same coordinates in and out.
    pub fn place(&self, at: (f64, f64), tip: (f64, f64), area: Rect, rtl: bool) -> (f64, f64) {
        let gap = self.offset as f64;
        let axis = |p: f64, size: f64, lo: f64, hi: f64, backward: bool| {
            let after = p + gap;
            let before = p - gap - size;
            let (fits_after, fits_before) = (after + size <= hi, before >= lo);
            let v = match (backward, fits_after, fits_before) {
                (false, true, _) | (true, true, false) => after,
                (_, _, true) => before,
                (false, ..) => hi - size, // neither side fits: as far as the far edge allows
                (true, ..) => lo,
            };
            // When the tip is larger than the area, its start stays visible.
            v.max(lo)
        };
        (axis(at.0, tip.0, area.x, area.right(), rtl), axis(at.1, tip.1, area.y, area.bottom(), false))
    }
}

/// Where the canvas is, as read from the page at most once per frame (two bounding
/// boxes, read while layout is clean): its top-left corner in the viewport and in
/// the chart box's coordinates (where the tooltip is positioned), and its size as
/// shown. The one conversion between what the page reports (pointer positions in the
/// viewport) and layout coordinates, for every input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CanvasFrame {
    /// The canvas's top-left corner in the viewport (a pointer's clientX/Y space).
    pub client: (f64, f64),
    /// The same corner in the chart box's coordinates.
    pub origin: (f64, f64),
    pub shown: (f64, f64),
    /// Shown width over laid-out width: the artboard's scale.
    pub scale: f64,
}

impl CanvasFrame {
    /// From the canvas's box and the chart box's corner, both in the viewport.
    pub fn new(canvas: Rect, box_at: (f64, f64), layout_width: f64) -> CanvasFrame {
        let scale = if canvas.w > 0.0 && layout_width > 0.0 { canvas.w / layout_width } else { 1.0 };
        CanvasFrame { client: (canvas.x, canvas.y), origin: (canvas.x - box_at.0, canvas.y - box_at.1), shown: (canvas.w, canvas.h), scale }
    }

    /// A pointer's viewport position (clientX, clientY) in layout coordinates.
    pub fn to_layout(&self, client: (f64, f64)) -> (f64, f64) {
        ((client.0 - self.client.0) / self.scale, (client.1 - self.client.1) / self.scale)
    }

    /// A layout point in the chart box's coordinates.
    pub fn to_box(&self, p: (f64, f64)) -> (f64, f64) {
        (self.origin.0 + p.0 * self.scale, self.origin.1 + p.1 * self.scale)
    }

    /// CSS pixels per device pixel of a canvas drawn at `dpr` device pixels per
    /// layout pixel and shown as this one is (1 / the screen's ratio, but for a
    /// chart capped in size or drawn for paper at 2×).
    pub fn css_per_device(&self, dpr: f64) -> f64 {
        self.scale / dpr
    }

    /// Where a device pixel `at` of the chart canvas is, in the chart box's
    /// coordinates: the highlight overlay's place for an item whose device box
    /// starts there (see `render::highlight_box`).
    pub fn device_to_box(&self, at: (i32, i32), dpr: f64) -> (f64, f64) {
        let k = self.css_per_device(dpr);
        (self.origin.0 + at.0 as f64 * k, self.origin.1 + at.1 as f64 * k)
    }

    /// The canvas's part that is inside the viewport (of size `viewport`), in the
    /// chart box's coordinates.
    pub fn visible(&self, viewport: (f64, f64)) -> Rect {
        let box_at = (self.client.0 - self.origin.0, self.client.1 - self.origin.1);
        let left = self.origin.0.max(-box_at.0);
        let top = self.origin.1.max(-box_at.1);
        let right = (self.origin.0 + self.shown.0).min(viewport.0 - box_at.0);
        let bottom = (self.origin.1 + self.shown.1).min(viewport.1 - box_at.1);
        Rect { x: left, y: top, w: (right - left).max(0.0), h: (bottom - top).max(0.0) }
    }
}

#[cfg(test)]
mod frame_tests {
    use super::*;

    #[test]
    fn device_pixels_land_where_the_chart_shows_them() {
        // A 400 px artboard shown 300 px wide, 20 px into its box, drawn at 2x the
        // layout: each device pixel is 300 / 400 / 2 CSS pixels.
        let frame = CanvasFrame::new(Rect { x: 120.0, y: 70.0, w: 300.0, h: 150.0 }, (100.0, 50.0), 400.0);
        assert_eq!(frame.css_per_device(2.0), 0.375);
        assert_eq!(frame.device_to_box((0, 0), 2.0), (20.0, 20.0));
        assert_eq!(frame.device_to_box((80, 40), 2.0), (50.0, 35.0));
        // The same point reached from layout pixels: device = layout × dpr.
        assert_eq!(frame.device_to_box((80, 40), 2.0), frame.to_box((40.0, 20.0)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Mono;

    #[test]
    fn tooltips_flip_near_edges_and_never_leave_the_area() {
        let area = Rect { x: 0.0, y: 0.0, w: 400.0, h: 300.0 };
        assert_eq!(TOOLTIP.place((100.0, 100.0), (80.0, 40.0), area, false), (112.0, 112.0));
        // Near the right edge: to the left of the pointer.
        assert_eq!(TOOLTIP.place((390.0, 100.0), (80.0, 40.0), area, false), (298.0, 112.0));
        // Near the bottom: above it.
        assert_eq!(TOOLTIP.place((100.0, 290.0), (80.0, 40.0), area, false), (112.0, 238.0));
        // Flipping is not enough near the top-left corner of a tiny area: clamped.
        let small = Rect { x: 0.0, y: 0.0, w: 100.0, h: 50.0 };
        assert_eq!(TOOLTIP.place((50.0, 25.0), (90.0, 40.0), small, false), (10.0, 10.0));
        // Larger than the area: its start stays visible.
        assert_eq!(TOOLTIP.place((50.0, 25.0), (300.0, 40.0), small, false), (0.0, 10.0));
        // An area that starts off-origin (chart scrolled partly out of view).
        let shifted = Rect { x: 0.0, y: 150.0, w: 400.0, h: 150.0 };
        assert_eq!(TOOLTIP.place((100.0, 120.0), (80.0, 40.0), shifted, false).1, 150.0);
        // Right to left: below and left of the pointer, flipped right near the left edge.
        assert_eq!(TOOLTIP.place((100.0, 100.0), (80.0, 40.0), area, true), (8.0, 112.0));
        assert_eq!(TOOLTIP.place((50.0, 100.0), (80.0, 40.0), area, true), (62.0, 112.0));
        assert_eq!(TOOLTIP.place((50.0, 25.0), (90.0, 40.0), small, true), (0.0, 10.0));
    }

    #[test]
    fn tooltip_size_fits_its_longest_line_and_wraps_long_ones() {
        let (w, h) = TOOLTIP.size("Abc", &["12345".into()], &Mono);
        assert_eq!(w, 5.0 * 13.0 + 1.0 + 20.0);
        assert_eq!(h, 2.0 * 18.0 + 14.0);
        let long = "x".repeat(100);
        let (w, h) = TOOLTIP.size(&long, &[], &Mono);
        assert_eq!(w, 280.0);
        assert!(h > 3.0 * 18.0, "a long name wraps over several lines");
    }

    #[test]
    fn the_css_says_what_the_size_assumes() {
        let (boxed, line) = TOOLTIP.css();
        let get = |k: &str| boxed.iter().find(|(p, _)| *p == k).map(|(_, v)| v.clone()).unwrap();
        assert_eq!(get("font-size"), "13px");
        assert_eq!(get("line-height"), "18px");
        assert_eq!(get("padding"), "6px 9px");
        assert_eq!(get("border-width"), "1px");
        assert_eq!(get("max-width"), "280px");
        assert_eq!(line.to_vec(), boxed[..2].to_vec());
        // A style with other numbers measures and writes other numbers.
        let big = TooltipStyle { font_px: 20, line_px: 30, pad: (1, 2), border_px: 0, max_width: 500, offset: 0 };
        assert_eq!(big.size("ab", &[], &Mono), (2.0 * 20.0 + 1.0 + 2.0, 30.0 + 4.0));
        assert_eq!(big.css().0[2].1, "2px 1px");
    }

    #[test]
    fn one_conversion_between_the_page_and_the_layout() {
        // A box at (100, -30) in the viewport; its canvas 5 px right and 40 px down in
        // it, shown at half its laid-out width.
        let canvas = Rect { x: 105.0, y: 10.0, w: 320.0, h: 100.0 };
        let f = CanvasFrame::new(canvas, (100.0, -30.0), 640.0);
        assert_eq!((f.scale, f.origin), (0.5, (5.0, 40.0)));
        assert_eq!(f.to_layout((205.0, 20.0)), (200.0, 20.0));
        assert_eq!(f.to_box((200.0, 20.0)), (105.0, 50.0));
        // Round trip: a pointer in the viewport, to layout, to the box = where it is
        // in the box (viewport position minus the box's corner).
        assert_eq!(f.to_box(f.to_layout((138.0, 17.0))), (38.0, 47.0));
        // The box starts 30 px above the viewport: the canvas (40 px down) is whole.
        assert_eq!(f.visible((1000.0, 1000.0)), Rect { x: 5.0, y: 40.0, w: 320.0, h: 100.0 });
        let higher = CanvasFrame::new(Rect { y: -20.0, ..canvas }, (100.0, -60.0), 640.0);
        assert_eq!(higher.visible((1000.0, 1000.0)).y, 60.0, "its top 20 px are above the viewport");
        assert_eq!(f.visible((300.0, 1000.0)).w, 195.0, "cut at the viewport's right edge");
        // A canvas not laid out yet never divides by zero.
        assert_eq!(CanvasFrame::new(Rect::default(), (0.0, 0.0), 0.0).scale, 1.0);
    }
}

//! Bar geometry: where every bar and text goes, in CSS pixels, from a dataset, a
//! locale and a width. Pure f64 arithmetic; depends on `data`, `format`, `locale`,
//! `geometry`, `text`, `map` and its own submodules (artboards, the tooltip, width
//! following). `map` does not depend on it: the shapes both use are in `geometry`.
//!
//! This is the single source of truth for bar geometry: `render` paints these
//! rectangles and `hit` tests pointers against them, so what is drawn is what is hit.
//! Text widths come through [`Measure`]: the browser and the static picture both use
//! the conservative estimate ([`Estimate`]), so both lay out alike and the page is
//! never asked to measure text. Depends on `map` too, for the map views (`MapLayout`).

pub mod artboard;
pub mod follow;
pub mod tooltip;

pub use artboard::{ARTBOARDS, artboard, natural_width};
pub use follow::WidthFollower;
pub use crate::geometry::{Align, Rect, TextItem, TextRole};
pub use crate::text::{Estimate, Font, Measure, wrap};
pub use tooltip::{CanvasFrame, TOOLTIP, TooltipStyle};

use crate::data::Dataset;
use crate::format;
use crate::locale::Lang;
use crate::map::MapLayout;

/// What the chart shows: the bars (the default), the map, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Bars,
    Map,
    Both,
}

impl View {
    pub fn from_name(name: &str) -> Option<View> {
        Some(match name {
            "bars" => View::Bars,
            "map" => View::Map,
            "both" => View::Both,
            _ => return None,
        })
    }
    /// Whether this view draws a map: never in a build without the `map` feature
    /// (the bars build), so that everything the map needs is left out of it.
    pub fn has_map(self) -> bool {
        cfg!(feature = "map") && self != View::Bars
    }
}

/// One region's row: its bar, and the band a pointer may land on to pick it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Index into `Dataset::regions`.
    pub region: usize,
    pub bar: Rect,
    /// The bar's whole row, label included: a generous pointer target. Rows never
    /// overlap; the gaps between them belong to no region.
    pub hit: Rect,
    pub computed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub rows: Vec<Row>,
    pub texts: Vec<TextItem>,
    /// Names above their bars (narrow screens) rather than beside them.
    pub stacked: bool,
    /// The padding around the content, for the widget's other parts to align with.
    pub pad: f64,
    /// The map, in the map views.
    pub map: Option<MapLayout>,
    /// How many items carry a figure (the dataset's regions, bars or not): items
    /// numbered past them are the map's shapes (`data::Item`).
    pub figures: usize,
    /// Laid out right to left (`mirrored`): its texts are drawn as right-to-left
    /// text (`render`). Read through [`Layout::is_rtl`].
    pub rtl: bool,
}

impl Layout {
    /// Whether the chart is laid out right to left: a constant false in a build
    /// without Arabic, so that it links nothing of right-to-left drawing.
    #[inline]
    pub fn is_rtl(&self) -> bool {
        cfg!(feature = "ar") && self.rtl
    }
}

impl Layout {
    /// Every item a reader can highlight: the figures, then the map's shapes.
    pub fn items(&self) -> usize {
        self.figures + self.map().map_or(0, |m| m.regions.len())
    }
}

impl Layout {
    /// Makes this the same chart for a right-to-left language (Arabic: `Lang::rtl`,
    /// which `compute_view` applies): every bar, pointer band and text mirrored across the
    /// chart's width and each text anchored at its other end, so the title, notes and
    /// source sit on the right, bars grow leftward from the right, names are on the
    /// right and each figure at its bar's left end; hit testing reads the mirrored
    /// bands, so it follows. A map is geography and is not mirrored: `compute_view`
    /// lays it out, with its labels, in its column's mirrored place (the right one,
    /// beside the bars), and this leaves it there.
    pub fn mirror(&mut self) {
        let width = self.width;
        let flip = |r: &mut Rect| r.x = width - r.x - r.w;
        for row in &mut self.rows {
            flip(&mut row.bar);
            flip(&mut row.hit);
        }
        // The map itself was laid out in its mirrored column (`compute_view`); the
        // lines under it are text, mirrored with the rest.
        for (_, r) in self.map.iter_mut().flat_map(|m| &mut m.unplaced) {
            flip(r);
        }
        for t in &mut self.texts {
            // Right-to-left text whatever the surface's own direction (an SVG's is
            // left to right, a canvas's may not be known yet): isolated (RLI … PDI),
            // so a line mixing Arabic, Latin names and numbers reads in Arabic's
            // order. Zero-width marks: the measured width holds.
            t.text.insert(0, '\u{2067}');
            t.text.push('\u{2069}');
            if matches!(t.role, TextRole::MapName | TextRole::MapFigure) {
                continue;
            }
            t.x = width - t.x;
            t.align = match t.align {
                Align::Left => Align::Right,
                Align::Right => Align::Left,
            };
        }
        self.rtl = !self.rtl;
    }

    /// The map, in the map views; always `None` in the bars build, where the
    /// constant lets the compiler drop every map branch that reads it.
    #[inline]
    pub fn map(&self) -> Option<&MapLayout> {
        if cfg!(feature = "map") { self.map.as_ref() } else { None }
    }
}

/// Spacing and sizes at one width. Narrow screens get smaller type and padding.
struct Metrics {
    pad: f64,
    title: Font,
    subtitle: Font,
    name: Font,
    value: Font,
    small: Font,
    bar_h: f64,
    row_gap: f64,
}

/// Beyond this many rows, bars get thinner so a long list stays a readable height
/// (and within what a canvas can hold).
pub const COMPACT_ROWS: usize = 40;

impl Metrics {
    fn new(width: f64, rows: usize) -> Metrics {
        let mut m = Metrics::for_width(width);
        if rows > COMPACT_ROWS {
            m.name.size = 12.0;
            m.value.size = 12.0;
            m.bar_h = 12.0;
            m.row_gap = 4.0;
        }
        m
    }

    fn for_width(width: f64) -> Metrics {
        let narrow = width < NARROW_BELOW;
        let f = |size, bold| Font { size, bold };
        Metrics {
            pad: pad_for(width),
            title: f(if narrow { 17.0 } else { 20.0 }, true),
            subtitle: f(if narrow { 13.0 } else { 15.0 }, false),
            name: f(if narrow { 13.0 } else { 14.0 }, false),
            value: f(if narrow { 13.0 } else { 14.0 }, true),
            small: f(12.0, false),
            bar_h: if narrow { 20.0 } else { 24.0 },
            row_gap: if narrow { 10.0 } else { 12.0 },
        }
    }
}

/// Below this width, smaller type and padding.
pub const NARROW_BELOW: f64 = 480.0;

/// The padding around the content at `width` (also the footer's, below the canvas).
pub fn pad_for(width: f64) -> f64 {
    if width < NARROW_BELOW { 8.0 } else { 12.0 }
}

/// Gap between a bar's end and its figure, and between a name and its bar.
const LABEL_GAP: f64 = 6.0;
/// Names beside bars may take at most this share of the inner width.
const MAX_NAME_SHARE: f64 = 0.36;
/// Narrowest width laid out; a smaller container is drawn at this width and clipped.
pub const MIN_WIDTH: f64 = 200.0;

/// The displayed name of a row: computed rows carry the footnote's asterisk.
pub fn row_name(data: &Dataset, region: usize) -> String {
    let r = &data.regions[region];
    if r.computed { [r.name.as_str(), "*"].concat() } else { r.name.clone() }
}

/// Lays the bar chart out at `width` CSS pixels; the height follows from the content.
pub fn compute(data: &Dataset, lang: Lang, width: f64, measure: &dyn Measure) -> Layout {
    compute_view(data, lang, View::Bars, width, measure)
}

/// The width a chart is laid out at when none is given: the live chart's while its
/// container has none (a hidden tab; redrawn when shown), the picture command's default.
pub const DEFAULT_WIDTH: f64 = 640.0;

/// Below this inner width, "both" stacks the map above the bars.
pub const SIDE_BY_SIDE_FROM: f64 = 640.0;
/// The map is never wider than this (a taller one would push the page's text away).
pub const MAP_MAX_WIDTH: f64 = 560.0;
const COLUMN_GAP: f64 = 24.0;

/// Lays out `view` at `width` CSS pixels; the height follows from the content.
pub fn compute_view(data: &Dataset, lang: Lang, view: View, width: f64, measure: &dyn Measure) -> Layout {
    let width = if width.is_finite() { width.max(MIN_WIDTH) } else { MIN_WIDTH };
    let m = Metrics::new(width, data.regions.len());
    let inner = width - 2.0 * m.pad;
    let left = m.pad;
    let mut texts = Vec::new();
    let mut y = m.pad;

    // One closure for every paragraph, in a column (x, width): one copy of its code.
    let paragraph = |texts: &mut Vec<TextItem>, y: &mut f64, text: &str, role, font: Font, (x, w): (f64, f64)| {
        *y = lines(texts, text, role, font, (x, *y, w), measure);
    };

    paragraph(&mut texts, &mut y, &data.title, TextRole::Title, m.title, (left, inner));
    y += 4.0;
    paragraph(&mut texts, &mut y, &format::subtitle(data, lang), TextRole::Subtitle, m.subtitle, (left, inner));
    y += 16.0;

    let mut rows = Vec::new();
    let mut stacked = false;
    let mut map = None;
    let side = view.has_map() && view == View::Both && inner >= SIDE_BY_SIDE_FROM;
    let top = y;
    if view.has_map() {
        let column = if side { (inner - COLUMN_GAP) / 2.0 } else { inner };
        let w = column.min(MAP_MAX_WIDTH);
        let x = if view == View::Map { left + (inner - w) / 2.0 } else { left };
        // Right to left, the map's column is the mirror of this one (`Layout::mirror`
        // mirrors everything else): the map is laid out there, not mirrored.
        let mirrored = |x: f64, w: f64| if lang.rtl() { width - x - w } else { x };
        let mut ml = MapLayout::new(data, (mirrored(x, w), y), w);
        y = ml.frame.bottom() + 8.0;
        // Each figure with no place on the map, on a line of its own under it: also
        // a target, so that every figure can be read on the map alone. A computed
        // rest is not broken down; a region's name matched none of the map's.
        for (item, r) in data.regions.iter().enumerate().filter(|(_, r)| r.place.is_none()) {
            let colon = lang.colon();
            let why = if r.computed { lang.map_text().unplaced } else { lang.map_text().unmatched };
            let text = [&row_name(data, item), " ", &format::int(r.persons, lang), colon, why].concat();
            let start = texts.len();
            let line_top = y;
            y = lines(&mut texts, &text, TextRole::Note, m.small, (left, y, column), measure);
            let w = texts[start..].iter().map(|t| t.width).fold(0.0, f64::max);
            ml.unplaced.push((item, Rect { x: left, y: line_top, w, h: y - line_top }));
        }
        let bounds = Rect { x: mirrored(left, column), y: top, w: column, h: ml.frame.bottom() - top };
        texts.extend(ml.labels(data, lang, bounds, measure));
        map = Some(ml);
        if !side {
            y += 16.0;
        }
    }
    // The map's column ends here (its unplaced lines included).
    let y_after_map = y;
    if side {
        y = top;
    }
    // The notes and the source: under everything, or, with the map and the bars side
    // by side, in the bars' column under the bars, where the map's height leaves room:
    // one figure, no empty half-column.
    let mut notes_at = (left, inner);
    let right_from = texts.len();
    if view != View::Map {
        let (x, w, from) = if side { (left + (inner + COLUMN_GAP) / 2.0, (inner - COLUMN_GAP) / 2.0, top) } else { (left, inner, y) };
        let (bottom, s) = bars(data, lang, &m, (x, from, w), measure, &mut rows, &mut texts);
        stacked = s;
        if side {
            notes_at = (x, w);
        }
        y = bottom;
    }
    let map_bottom = if side { map.as_ref().map_or(0.0, |_| y_after_map) } else { 0.0 };

    y += 4.0;
    if data.has_computed() {
        paragraph(&mut texts, &mut y, &["* ", lang.text().computed_note].concat(), TextRole::Note, m.small, notes_at);
        y += 2.0;
    }
    if view.has_map() {
        paragraph(&mut texts, &mut y, lang.map_text().map_note, TextRole::Note, m.small, notes_at);
        y += 2.0;
    }
    paragraph(&mut texts, &mut y, &data.source, TextRole::Source, m.small, notes_at);
    if side && map_bottom > y {
        // The bars' column, shorter than the map's, centred beside it.
        let dy = ((map_bottom - y) / 2.0).floor();
        for r in &mut rows {
            r.bar.y += dy;
            r.hit.y += dy;
        }
        for t in &mut texts[right_from..] {
            t.y += dy;
        }
        y += dy;
    }
    y = y.max(map_bottom) + m.pad;

    let mut layout = Layout { width, height: y.ceil(), rows, texts, stacked, pad: m.pad, map, figures: data.regions.len(), rtl: false };
    if lang.rtl() {
        layout.mirror();
    }
    layout
}

/// `text` wrapped to `width` in lines from `(left, top)`: answers the bottom of the
/// last line.
#[inline(never)]
fn lines(texts: &mut Vec<TextItem>, text: &str, role: TextRole, font: Font, (left, top, width): (f64, f64, f64), measure: &dyn Measure) -> f64 {
    let mut y = top;
    for (line, w) in wrap(text, width, font, measure) {
        let h = font.size * 1.3;
        texts.push(TextItem { text: line, role, x: left, y: y + h / 2.0, font, align: Align::Left, width: w });
        y += h;
    }
    y
}

/// The bars in the column `(left, top, inner)`: rows and their texts; answers the
/// bottom of the last row's gap and whether names sit above their bars.
fn bars(
    data: &Dataset,
    lang: Lang,
    m: &Metrics,
    (left, top, inner): (f64, f64, f64),
    measure: &dyn Measure,
    rows: &mut Vec<Row>,
    texts: &mut Vec<TextItem>,
) -> (f64, bool) {
    let mut y = top;
    let names: Vec<String> = (0..data.regions.len()).map(|i| row_name(data, i)).collect();
    let values: Vec<String> = data.regions.iter().map(|r| format::int(r.persons, lang)).collect();
    // Each measured once: widths are reused for the rows below.
    let name_ws: Vec<f64> = names.iter().map(|n| measure.width(n, m.name)).collect();
    let value_ws: Vec<f64> = values.iter().map(|v| measure.width(v, m.value)).collect();
    let name_w = name_ws.iter().copied().fold(0.0, f64::max);
    let value_w = value_ws.iter().copied().fold(0.0, f64::max);
    let stacked = name_w + LABEL_GAP > inner * MAX_NAME_SHARE;
    let bar_x = if stacked { left } else { left + name_w + LABEL_GAP };
    let bar_span = (inner - (bar_x - left) - LABEL_GAP - value_w).max(1.0);
    let max = data.max_persons() as f64;

    rows.reserve(data.regions.len());
    for (i, region) in data.regions.iter().enumerate() {
        let row_top = y;
        if stacked {
            // Name lines above the bar, wrapped if a name is wider than the chart.
            y = lines(texts, &names[i], TextRole::Name, m.name, (left, y, inner), measure) + 2.0;
        }
        let bar_len = bar_span * region.persons as f64 / max;
        let bar = Rect { x: bar_x, y, w: bar_len, h: m.bar_h };
        let mid = y + m.bar_h / 2.0;
        if !stacked {
            texts.push(TextItem { text: names[i].clone(), role: TextRole::Name, x: bar_x - LABEL_GAP, y: mid, font: m.name, align: Align::Right, width: name_ws[i] });
        }
        texts.push(TextItem { text: values[i].clone(), role: TextRole::Value, x: bar.right() + LABEL_GAP, y: mid, font: m.value, align: Align::Left, width: value_ws[i] });
        y += m.bar_h;
        rows.push(Row { region: i, bar, hit: Rect { x: left, y: row_top, w: inner, h: y - row_top }, computed: region.computed });
        y += m.row_gap;
    }
    (y, stacked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "map")]
    fn the_map_views_are_drawn_by_the_map_build() {
        // The same table as the pages' rule (www/element/builds.js, tests/tools/).
        let mut cases = 0;
        for line in include_str!("../../tests/views.txt").lines().filter(|l| !l.starts_with('#')) {
            let (view, build) = line.split_once('\t').expect("view, a tab, the build");
            let has_map = View::from_name(view).unwrap_or_else(|| panic!("{view}: not a view")).has_map();
            assert_eq!(if has_map { "map" } else { "bars" }, build, "{view}");
            cases += 1;
        }
        assert_eq!(cases, 3, "every view, once");
    }

    #[test]
    fn rect_contains_is_half_open() {
        let r = Rect { x: 10.0, y: 10.0, w: 10.0, h: 5.0 };
        assert!(r.contains(10.0, 10.0));
        assert!(!r.contains(20.0, 12.0));
        assert!(!r.contains(15.0, 15.0));
        assert!(r.contains(19.99, 14.99));
    }
}

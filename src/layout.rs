//! Geometry: where every bar and text goes, in CSS pixels, from a dataset, a locale
//! and a width. Pure f64 arithmetic; depends on `data`, `format` and `locale`.
//!
//! This is the single source of truth for bar geometry: `render` paints these
//! rectangles and `hit` tests pointers against them, so what is drawn is what is hit.
//! Text widths come through [`Measure`], so the browser measures with the canvas
//! (exact for the font in use) and native code with a conservative estimate.

use crate::data::Dataset;
use crate::format;
use crate::locale::Lang;

/// An axis-aligned rectangle in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    /// Half-open on the far edges, so adjacent rectangles never both claim a point.
    pub fn contains(&self, px: f64, py: f64) -> bool {
        px >= self.x && px < self.right() && py >= self.y && py < self.bottom()
    }
    pub fn center(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

/// What a text is, which sets its colour when drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRole {
    Title,
    Subtitle,
    Name,
    Value,
    Note,
    Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `x` is the left edge of the text.
    Left,
    /// `x` is the right edge of the text.
    Right,
}

/// A font request: the family comes from the theme, so layout only needs these.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    pub size: f64,
    pub bold: bool,
}

/// One line of text, vertically centred on `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct TextItem {
    pub text: String,
    pub role: TextRole,
    pub x: f64,
    pub y: f64,
    pub font: Font,
    pub align: Align,
    /// Measured width, kept so tests and the renderer know the text's extent.
    pub width: f64,
}

impl TextItem {
    /// The box the text occupies (line height 1.2 × size).
    pub fn bounds(&self) -> Rect {
        let x = match self.align {
            Align::Left => self.x,
            Align::Right => self.x - self.width,
        };
        let h = self.font.size * 1.2;
        Rect { x, y: self.y - h / 2.0, w: self.width, h }
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
}

/// Measures a text's advance width in CSS pixels.
pub trait Measure {
    fn width(&self, text: &str, font: Font) -> f64;
}

/// A conservative width estimate for a generic sans-serif (close to DejaVu Sans,
/// the widest common default): used natively, where no font engine is at hand.
pub struct Estimate;

impl Measure for Estimate {
    fn width(&self, text: &str, font: Font) -> f64 {
        let em: f64 = text
            .chars()
            .map(|c| match c {
                ' ' | '\u{A0}' | '\u{202F}' => 0.32,
                'i' | 'j' | 'l' | 't' | 'f' | 'r' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | '(' | ')'
                | '[' | ']' | 'I' => 0.42,
                'm' | 'w' | 'M' | 'W' | '%' | '@' => 1.0,
                '0'..='9' | 'a'..='z' => 0.64,
                'A'..='Z' => 0.76,
                c if (c as u32) < 0x2E80 => 0.7,
                _ => 1.05, // CJK, emoji: about one em
            })
            .sum();
        em * font.size * if font.bold { 1.1 } else { 1.0 }
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
        let narrow = width < 480.0;
        let f = |size, bold| Font { size, bold };
        Metrics {
            pad: if narrow { 8.0 } else { 12.0 },
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

/// Gap between a bar's end and its figure, and between a name and its bar.
const LABEL_GAP: f64 = 6.0;
/// Names beside bars may take at most this share of the inner width.
const MAX_NAME_SHARE: f64 = 0.36;
/// Narrowest width laid out; a smaller container is drawn at this width and clipped.
pub const MIN_WIDTH: f64 = 200.0;

/// The displayed name of a row: computed rows carry the footnote's asterisk.
pub fn row_name(data: &Dataset, region: usize) -> String {
    let r = &data.regions[region];
    if r.computed { format!("{}*", r.name) } else { r.name.clone() }
}

/// Lays the chart out at `width` CSS pixels; the height follows from the content.
pub fn compute(data: &Dataset, lang: Lang, width: f64, measure: &dyn Measure) -> Layout {
    let width = if width.is_finite() { width.max(MIN_WIDTH) } else { MIN_WIDTH };
    let m = Metrics::new(width, data.regions.len());
    let inner = width - 2.0 * m.pad;
    let left = m.pad;
    let mut texts = Vec::new();
    let mut y = m.pad;

    let paragraph = |texts: &mut Vec<TextItem>, y: &mut f64, text: &str, role, font: Font| {
        for (line, width) in wrap(text, inner, font, measure) {
            let h = font.size * 1.3;
            texts.push(TextItem { text: line, role, x: left, y: *y + h / 2.0, font, align: Align::Left, width });
            *y += h;
        }
    };

    paragraph(&mut texts, &mut y, &data.title, TextRole::Title, m.title);
    y += 4.0;
    paragraph(&mut texts, &mut y, &format::subtitle(data, lang), TextRole::Subtitle, m.subtitle);
    y += 16.0;

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

    let mut rows = Vec::with_capacity(data.regions.len());
    for (i, region) in data.regions.iter().enumerate() {
        let row_top = y;
        if stacked {
            // Name lines above the bar, wrapped if a name is wider than the chart.
            for (line, width) in wrap(&names[i], inner, m.name, measure) {
                let h = m.name.size * 1.3;
                texts.push(TextItem { text: line, role: TextRole::Name, x: left, y: y + h / 2.0, font: m.name, align: Align::Left, width });
                y += h;
            }
            y += 2.0;
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

    y += 4.0;
    if data.has_computed() {
        let note = format!("* {}", lang.text().computed_note);
        paragraph(&mut texts, &mut y, &note, TextRole::Note, m.small);
        y += 2.0;
    }
    paragraph(&mut texts, &mut y, &data.source, TextRole::Source, m.small);
    y += m.pad;

    Layout { width, height: y.ceil(), rows, texts, stacked, pad: m.pad }
}

/// Decides which container widths to lay out. A chart's height change can toggle the
/// page's scrollbar, which changes the chart's width, which changes its height: a
/// loop, one render per frame. A width that returns to the one just left, within
/// `FLIP_MS`, is such a flip: the chart settles at the narrower of the two (it fits
/// either way) instead of following.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WidthFollower {
    current: f64,
    previous: f64,
    changed_at: f64,
}

pub const FLIP_MS: f64 = 500.0;

impl WidthFollower {
    /// Records the width laid out at time `now` (ms).
    pub fn laid_out(&mut self, width: f64, now: f64) {
        if (width - self.current).abs() >= 1.0 {
            self.previous = self.current;
            self.current = width;
            self.changed_at = now;
        }
    }

    /// The width to lay out for an observed container `width`, if any.
    pub fn observe(&self, width: f64, now: f64) -> Option<f64> {
        let width = width.floor();
        if !(width > 0.0) || (width - self.current).abs() < 1.0 {
            return None;
        }
        let flip = (width - self.previous).abs() < 1.0 && now - self.changed_at < FLIP_MS;
        if flip && width > self.current {
            return None;
        }
        Some(width)
    }
}

/// Gap between the pointer and the tooltip.
pub const TOOLTIP_OFFSET: f64 = 12.0;

/// Where a tooltip of size `tip` goes for a pointer at `at`: below and right of it,
/// flipped left or above when that would cross the edge of `area` (the part of the
/// chart's box inside the viewport), then clamped into it. Same coordinates in and out.
pub fn place_tooltip(at: (f64, f64), tip: (f64, f64), area: Rect) -> (f64, f64) {
    let axis = |p: f64, size: f64, lo: f64, hi: f64| {
        let after = p + TOOLTIP_OFFSET;
        let before = p - TOOLTIP_OFFSET - size;
        let v = if after + size <= hi {
            after
        } else if before >= lo {
            before
        } else {
            hi - size // neither side fits: as far as the far edge allows
        };
        // When the tip is larger than the area, its start stays visible.
        v.max(lo)
    };
    (axis(at.0, tip.0, area.x, area.right()), axis(at.1, tip.1, area.y, area.bottom()))
}

/// The tooltip's type and box: 13 px text, line height 1.4, 9 × 6 px padding, a 1 px
/// border, at most 280 px wide. The web shell styles it with these very numbers.
pub const TIP_FONT: f64 = 13.0;
pub const TIP_LINE: f64 = 1.4;
pub const TIP_PAD: (f64, f64) = (9.0, 6.0);
pub const TIP_MAX_WIDTH: f64 = 280.0;

/// The tooltip's outer size for a bold name and plain lines, measured rather than
/// read back from the page: showing a tooltip then forces no layout.
pub fn tooltip_size(name: &str, lines: &[String], measure: &dyn Measure) -> (f64, f64) {
    let chrome = (2.0 * (TIP_PAD.0 + 1.0), 2.0 * (TIP_PAD.1 + 1.0));
    let max_text = TIP_MAX_WIDTH - chrome.0;
    let (mut width, mut count) = (0.0f64, 0usize);
    let texts = std::iter::once((name, true)).chain(lines.iter().map(|l| (l.as_str(), false)));
    for (text, bold) in texts {
        let font = Font { size: TIP_FONT, bold };
        for (_, line_w) in wrap(text, max_text, font, measure) {
            width = width.max(line_w);
            count += 1;
        }
    }
    // One pixel of slack, so sub-pixel rounding never wraps a line the page's way.
    ((width.ceil() + 1.0).min(max_text) + chrome.0, count as f64 * TIP_FONT * TIP_LINE + chrome.1)
}

/// Greedy word wrap to `max` pixels, each line with its measured width; a word wider
/// than a line is cut between characters, so no line ever overflows (and a long name
/// is never lost). Measuring text is the costliest step of a first render in the
/// browser, so a text that fits is measured once, whole; one that does not has each
/// word measured once, lines summed from word and space widths, and each line it
/// ends with measured whole for its exact width.
pub fn wrap(text: &str, max: f64, font: Font, measure: &dyn Measure) -> Vec<(String, f64)> {
    let mut whole = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !whole.is_empty() {
            whole.push(' ');
        }
        whole.push_str(word);
    }
    let mut lines = Vec::new();
    let whole_w = measure.width(&whole, font);
    if whole_w <= max {
        lines.push((whole, whole_w));
        return lines;
    }
    let finish = |lines: &mut Vec<(String, f64)>, line: String| {
        let w = measure.width(&line, font);
        lines.push((line, w));
    };
    let space = measure.width(" ", font);
    let mut line = String::new();
    let mut line_w = 0.0;
    for word in whole.split(' ') {
        let word_w = measure.width(word, font);
        let candidate_w = if line.is_empty() { word_w } else { line_w + space + word_w };
        if candidate_w <= max {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            line_w = candidate_w;
            continue;
        }
        if !line.is_empty() {
            finish(&mut lines, std::mem::take(&mut line));
        }
        line_w = word_w;
        if word_w <= max {
            line.push_str(word);
            continue;
        }
        // The word alone is too wide: cut it between characters.
        for c in word.chars() {
            line.push(c);
            if line.chars().count() > 1 && measure.width(&line, font) > max {
                line.pop();
                finish(&mut lines, std::mem::replace(&mut line, c.to_string()));
            }
        }
        line_w = measure.width(&line, font);
    }
    if !line.is_empty() {
        finish(&mut lines, line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: Font = Font { size: 10.0, bold: false };

    /// Every character is 10 px wide at size 10: easy arithmetic.
    struct Mono;
    impl Measure for Mono {
        fn width(&self, text: &str, font: Font) -> f64 {
            text.chars().count() as f64 * font.size
        }
    }

    /// Counts measurements (the costly call in a browser).
    struct Counting(std::cell::Cell<u32>);
    impl Measure for Counting {
        fn width(&self, text: &str, font: Font) -> f64 {
            self.0.set(self.0.get() + 1);
            Mono.width(text, font)
        }
    }

    #[test]
    fn a_text_that_fits_is_measured_once_and_a_wrapped_one_once_per_word_and_line() {
        let m = Counting(std::cell::Cell::new(0));
        assert_eq!(wrap("aa bb cc", 100.0, F, &m), [("aa bb cc".to_string(), 80.0)]);
        assert_eq!(m.0.get(), 1);
        m.0.set(0);
        assert_eq!(wrap("aa bb cc", 50.0, F, &m).len(), 2);
        // whole text, space, three words, two lines
        assert_eq!(m.0.get(), 7);
    }

    #[test]
    fn wrap_breaks_at_spaces_and_cuts_words_longer_than_a_line() {
        let lines = |text, max| -> Vec<String> { wrap(text, max, F, &Mono).into_iter().map(|(l, _)| l).collect() };
        assert_eq!(lines("aa bb cc", 50.0), ["aa bb", "cc"]);
        assert_eq!(lines("abcdefgh", 30.0), ["abc", "def", "gh"]);
        assert_eq!(lines("", 30.0), [""]);
        assert_eq!(lines("a  b", 100.0), ["a b"]);
        assert_eq!(lines(" a  b ", 30.0), ["a b"]);
        // Widths are each line's own measure.
        assert_eq!(wrap("aa bb cc", 50.0, F, &Mono), [("aa bb".to_string(), 50.0), ("cc".to_string(), 20.0)]);
    }

    #[test]
    fn tooltips_flip_near_edges_and_never_leave_the_area() {
        let area = Rect { x: 0.0, y: 0.0, w: 400.0, h: 300.0 };
        assert_eq!(place_tooltip((100.0, 100.0), (80.0, 40.0), area), (112.0, 112.0));
        // Near the right edge: to the left of the pointer.
        assert_eq!(place_tooltip((390.0, 100.0), (80.0, 40.0), area), (298.0, 112.0));
        // Near the bottom: above it.
        assert_eq!(place_tooltip((100.0, 290.0), (80.0, 40.0), area), (112.0, 238.0));
        // Flipping is not enough near the top-left corner of a tiny area: clamped.
        let small = Rect { x: 0.0, y: 0.0, w: 100.0, h: 50.0 };
        assert_eq!(place_tooltip((50.0, 25.0), (90.0, 40.0), small), (10.0, 10.0));
        // Larger than the area: its start stays visible.
        assert_eq!(place_tooltip((50.0, 25.0), (300.0, 40.0), small), (0.0, 10.0));
        // An area that starts off-origin (chart scrolled partly out of view).
        let shifted = Rect { x: 0.0, y: 150.0, w: 400.0, h: 150.0 };
        assert_eq!(place_tooltip((100.0, 120.0), (80.0, 40.0), shifted).1, 150.0);
    }

    #[test]
    fn tooltip_size_fits_its_longest_line_and_wraps_long_ones() {
        let (w, h) = tooltip_size("Abc", &["12345".into()], &Mono);
        assert_eq!(w, 5.0 * 13.0 + 1.0 + 20.0);
        assert_eq!(h, 2.0 * 13.0 * 1.4 + 14.0);
        let long = "x".repeat(100);
        let (w, h) = tooltip_size(&long, &[], &Mono);
        assert_eq!(w, TIP_MAX_WIDTH);
        assert!(h > 3.0 * 13.0 * 1.4, "a long name wraps over several lines");
    }

    #[test]
    fn widths_are_followed_but_a_scrollbar_flip_settles_on_the_narrower() {
        let mut f = WidthFollower::default();
        f.laid_out(490.0, 0.0);
        assert_eq!(f.observe(490.4, 10.0), None, "same width: nothing to do");
        assert_eq!(f.observe(475.0, 16.0), Some(475.0), "a scrollbar appeared");
        f.laid_out(475.0, 16.0);
        assert_eq!(f.observe(490.0, 33.0), None, "it went away because we got shorter: stay");
        assert_eq!(f.observe(490.0, 16.0 + FLIP_MS + 1.0), Some(490.0), "later, a real resize back");
        assert_eq!(f.observe(600.0, 40.0), Some(600.0), "any other width is followed");
        assert_eq!(f.observe(0.0, 40.0), None, "hidden: keep the last layout");
        let mut g = WidthFollower::default();
        g.laid_out(490.0, 0.0);
        g.laid_out(505.0, 10.0);
        assert_eq!(g.observe(490.0, 20.0), Some(490.0), "flipping back to a narrower width is allowed");
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

//! Hit testing: which region a pointer is on, from the very rows `render` painted,
//! and the bars as `highlight::Targets`. Pure; depends on `layout` and `highlight`.
//! Coordinates are CSS pixels relative to the canvas's top-left corner, whatever the
//! devicePixelRatio: layout is in CSS pixels.

use crate::highlight::Targets;
use crate::layout::{Layout, Rect};

/// The index (into `Layout::rows`) of the row under the pointer, if any. Rows are
/// sorted top to bottom and never overlap, so a binary search finds it in O(log n).
pub fn row_at(layout: &Layout, x: f64, y: f64) -> Option<usize> {
    if !(x.is_finite() && y.is_finite()) {
        return None;
    }
    let rows = &layout.rows;
    let i = rows.partition_point(|r| r.hit.bottom() <= y);
    rows.get(i).filter(|r| r.hit.contains(x, y)).map(|_| i)
}

/// The chart as the reading rules see it: one item per region of the dataset (a
/// bar, a circle, or both), in the bars' order; on a map, past those, one item per
/// region without a figure (pointer only: the keyboard walks the figures).
impl Targets for Layout {
    fn figures(&self) -> usize {
        self.figures
    }
    fn item_at(&self, at: (f64, f64)) -> Option<usize> {
        row_at(self, at.0, at.1).or_else(|| self.map()?.item_at(at, self.figures))
    }
    /// The end of the bar, half-way down it; on the map alone, the circle's right
    /// edge, or the end of the line of the figure that has no place. Right to left,
    /// the ends are on the left.
    fn anchor(&self, item: usize) -> (f64, f64) {
        let end = |r: &Rect| if self.is_rtl() { r.x } else { r.right() };
        if let Some(r) = self.rows.get(item) {
            return (end(&r.bar), r.bar.center().1);
        }
        let Some(map) = self.map() else { return (0.0, 0.0) };
        if let Some(c) = map.circle(item) {
            return (c.center.0 + if self.is_rtl() { -c.r } else { c.r }, c.center.1);
        }
        match map.unplaced.iter().find(|(i, _)| *i == item) {
            Some((_, r)) => (end(r), r.center().1),
            None => map.frame.center(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;
    use crate::layout::{self, Estimate};
    use crate::locale::Lang;

    #[test]
    fn the_bars_targets_are_their_rows_and_keyboard_tooltips_sit_at_bar_ends() {
        let l = layout::compute(&Dataset::article(Lang::Fr), Lang::Fr, 640.0, &Estimate);
        assert_eq!(l.figures(), 4);
        for (i, r) in l.rows.iter().enumerate() {
            assert_eq!(l.item_at(r.bar.center()), Some(i));
            // The name's side of the row counts too; the gap below it does not.
            assert_eq!(l.item_at((r.hit.x + 1.0, r.hit.center().1)), Some(i));
            assert_eq!(l.item_at((r.hit.x + 1.0, r.hit.bottom() + 0.5)), None);
            assert_eq!(l.anchor(i), (r.bar.right(), r.bar.y + r.bar.h / 2.0));
        }
        assert_eq!(l.item_at((f64::NAN, 1.0)), None);
    }
}

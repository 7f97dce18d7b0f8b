//! Hit testing: which region a pointer is on, from the very rows `render` painted.
//! Pure; depends on `layout` only. Coordinates are CSS pixels relative to the
//! canvas's top-left corner, whatever the devicePixelRatio: layout is in CSS pixels.

use crate::layout::Layout;

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

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

/// A key that moves the keyboard highlight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Next,
    Previous,
    First,
    Last,
    Clear,
}

impl Step {
    /// The step for a `KeyboardEvent.key` value; `None` for keys the chart leaves alone.
    pub fn from_key(key: &str) -> Option<Step> {
        Some(match key {
            "ArrowDown" | "ArrowRight" => Step::Next,
            "ArrowUp" | "ArrowLeft" => Step::Previous,
            "Home" => Step::First,
            "End" => Step::Last,
            "Escape" | "Esc" => Step::Clear,
            _ => return None,
        })
    }

    /// The highlighted row after this step, among `len` rows. Stops at the ends
    /// (no wrap-around, so holding a key never loops silently).
    pub fn apply(self, current: Option<usize>, len: usize) -> Option<usize> {
        if len == 0 {
            return None;
        }
        match (self, current) {
            (Step::Clear, _) => None,
            (Step::First, _) | (Step::Next, None) => Some(0),
            (Step::Last, _) | (Step::Previous, None) => Some(len - 1),
            (Step::Next, Some(i)) => Some((i + 1).min(len - 1)),
            (Step::Previous, Some(i)) => Some(i.saturating_sub(1).min(len - 1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_move_the_highlight_and_stop_at_the_ends() {
        let next = Step::from_key("ArrowDown").unwrap();
        assert_eq!(next.apply(None, 4), Some(0));
        assert_eq!(next.apply(Some(2), 4), Some(3));
        assert_eq!(next.apply(Some(3), 4), Some(3));
        let prev = Step::from_key("ArrowLeft").unwrap();
        assert_eq!(prev.apply(None, 4), Some(3));
        assert_eq!(prev.apply(Some(0), 4), Some(0));
        assert_eq!(Step::from_key("End").unwrap().apply(Some(0), 4), Some(3));
        assert_eq!(Step::from_key("Home").unwrap().apply(Some(3), 4), Some(0));
        assert_eq!(Step::from_key("Escape").unwrap().apply(Some(3), 4), None);
        assert_eq!(Step::from_key("Tab"), None);
        assert_eq!(next.apply(None, 0), None, "no rows, no highlight");
    }
}

//! Width following: which observed container widths the chart lays out, so a
//! scrollbar toggled by the chart's own height cannot make it re-render every frame.
//! Pure; depends on nothing.

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


#[cfg(test)]
mod tests {
    use super::*;

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
}

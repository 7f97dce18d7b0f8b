//! The redraw rules, as a sans-I/O value beside the reading rules (`highlight`):
//! what the page reports (the widget's width, the screen's pixel ratio, its colour
//! scheme, forced colours, print) goes in through [`Redraw::handle`], and what the
//! shell must do comes out as a [`Redo`]: lay out and draw again on the next frame,
//! read the colours again first, or draw at once (for paper). The shell tells the
//! rules what it drew ([`Redraw::laid_out`], [`Redraw::themed`]), asks which pixel
//! ratio to watch next ([`Redraw::ratio_to_watch`]) and at what scale paper is drawn
//! ([`Redraw::paper_scale`]). Pure; depends on `layout::WidthFollower` and
//! `theme::ThemeChoice`.

use crate::layout::WidthFollower;
use crate::theme::ThemeChoice;

/// Device pixels per CSS pixel on paper, at least.
pub const PRINT_SCALE: f64 = 2.0;

/// What the page reported.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change {
    /// The widget's width, observed at `now` (ms).
    Width { width: f64, now: f64 },
    /// The screen's pixel ratio now (its media query fired, or the window was
    /// resized, as browser zoom does).
    Ratio(f64),
    /// The colour scheme may have changed (the reader's, or the page's own switch):
    /// whether it is dark now.
    Scheme { dark: bool },
    /// Forced colours turned on or off.
    ForcedColors,
    /// Printing started (`true`) or ended.
    Print(bool),
}

/// What the shell must do for a change. Nothing, by default.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Redo {
    /// Lay out and draw again on the next animation frame.
    pub frame: bool,
    /// Read the page's colours again before drawing.
    pub theme: bool,
    /// Draw now rather than on a frame (no frame runs while a page is printed),
    /// with the focus ring off.
    pub at_once: bool,
}

/// The redraw rules' state: what was drawn, for which page.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Redraw {
    follower: WidthFollower,
    /// The width the next layout is to be at (a followed change), if any.
    target_width: Option<f64>,
    /// The screen's pixel ratio at the last layout.
    drawn_ratio: f64,
    /// The pixel ratio a change of which is being watched.
    watched_ratio: Option<f64>,
    /// Whether the colours were last read for a dark scheme.
    drawn_dark: bool,
    printing: bool,
}

impl Redraw {
    /// What to do for `change`, for a chart that asked for `theme`.
    pub fn handle(&mut self, change: Change, theme: ThemeChoice) -> Redo {
        let frame = Redo { frame: true, ..Redo::default() };
        match change {
            // Only real width changes: the follower stops a scrollbar that the chart's
            // own height toggles from flipping it every frame.
            Change::Width { width, now } => match self.follower.observe(width, now) {
                Some(w) => {
                    self.target_width = Some(w);
                    frame
                }
                None => Redo::default(),
            },
            Change::Ratio(ratio) if ratio != self.drawn_ratio => frame,
            Change::Ratio(_) => Redo::default(),
            // Only "auto" follows the scheme, and only a real change redraws (a redraw
            // clears what a reader points at, and the events come for other reasons).
            Change::Scheme { dark } if theme == ThemeChoice::Auto && dark != self.drawn_dark => Redo { theme: true, ..frame },
            Change::Scheme { .. } => Redo::default(),
            // Whatever the theme asked for: the system's palette, or not any more.
            Change::ForcedColors => Redo { theme: true, ..frame },
            Change::Print(printing) if printing != self.printing => {
                self.printing = printing;
                Redo { theme: true, at_once: true, frame: false }
            }
            Change::Print(_) => Redo::default(),
        }
    }

    /// The width the next layout is to be at, taken (a followed change), if any:
    /// otherwise the widget's own.
    pub fn take_width(&mut self) -> Option<f64> {
        self.target_width.take()
    }

    /// The shell laid out at `width` for a screen of `ratio`, at `now` (ms).
    pub fn laid_out(&mut self, width: f64, ratio: f64, now: f64) {
        self.follower.laid_out(width, now);
        self.drawn_ratio = ratio;
    }

    /// The shell read the colours for a dark scheme (`true`) or a light one.
    pub fn themed(&mut self, dark: bool) {
        self.drawn_dark = dark;
    }

    /// Whether the page is being printed.
    pub fn printing(&self) -> bool {
        self.printing
    }

    /// On paper, device pixels per CSS pixel at least; on a screen, `None`.
    pub fn paper_scale(&self) -> Option<f64> {
        self.printing.then_some(PRINT_SCALE)
    }

    /// The pixel ratio to watch a change of from now on, if the watch must be armed
    /// anew for the screen's `ratio` (the first time, and after each change).
    pub fn ratio_to_watch(&mut self, ratio: f64) -> Option<f64> {
        if self.watched_ratio == Some(ratio) {
            return None;
        }
        self.watched_ratio = Some(ratio);
        Some(ratio)
    }

    /// The watch is gone (the chart destroyed): the next call arms it again.
    pub fn unwatched(&mut self) {
        self.watched_ratio = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: Redo = Redo { frame: false, theme: false, at_once: false };
    const FRAME: Redo = Redo { frame: true, theme: false, at_once: false };
    const THEMED_FRAME: Redo = Redo { frame: true, theme: true, at_once: false };

    fn drawn(width: f64, ratio: f64) -> Redraw {
        let mut r = Redraw::default();
        r.laid_out(width, ratio, 0.0);
        r
    }

    #[test]
    fn a_new_width_is_laid_out_on_the_next_frame_and_a_scrollbar_flip_is_not() {
        let mut r = drawn(600.0, 1.0);
        assert_eq!(r.handle(Change::Width { width: 600.4, now: 10.0 }, ThemeChoice::Auto), NONE, "the same width");
        assert_eq!(r.take_width(), None);
        assert_eq!(r.handle(Change::Width { width: 583.0, now: 20.0 }, ThemeChoice::Auto), FRAME);
        assert_eq!(r.take_width(), Some(583.0));
        assert_eq!(r.take_width(), None, "taken once");
        r.laid_out(583.0, 1.0, 20.0);
        // The chart's new height brought the scrollbar back: the width it just left,
        // wider, within the flip window, is not followed.
        assert_eq!(r.handle(Change::Width { width: 600.0, now: 40.0 }, ThemeChoice::Auto), NONE);
        assert_eq!(r.handle(Change::Width { width: 600.0, now: 40.0 + crate::layout::follow::FLIP_MS }, ThemeChoice::Auto), FRAME);
    }

    #[test]
    fn a_new_pixel_ratio_redraws_and_is_watched_once() {
        let mut r = drawn(600.0, 2.0);
        assert_eq!(r.ratio_to_watch(2.0), Some(2.0), "armed the first time");
        assert_eq!(r.ratio_to_watch(2.0), None, "not twice for one ratio");
        assert_eq!(r.handle(Change::Ratio(2.0), ThemeChoice::Auto), NONE, "a resize that kept the ratio");
        assert_eq!(r.handle(Change::Ratio(2.5), ThemeChoice::Auto), FRAME, "zoomed in");
        r.laid_out(600.0, 2.5, 1.0);
        assert_eq!(r.handle(Change::Ratio(2.5), ThemeChoice::Auto), NONE, "drawn for it now");
        assert_eq!(r.ratio_to_watch(2.5), Some(2.5), "armed anew for the new ratio");
        r.unwatched();
        assert_eq!(r.ratio_to_watch(2.5), Some(2.5), "and again once unwatched");
    }

    #[test]
    fn only_auto_follows_the_scheme_and_only_when_it_changed() {
        let mut r = drawn(600.0, 1.0);
        r.themed(false);
        assert_eq!(r.handle(Change::Scheme { dark: false }, ThemeChoice::Auto), NONE, "no change");
        assert_eq!(r.handle(Change::Scheme { dark: true }, ThemeChoice::Light), NONE, "light stays light");
        assert_eq!(r.handle(Change::Scheme { dark: true }, ThemeChoice::Dark), NONE);
        assert_eq!(r.handle(Change::Scheme { dark: true }, ThemeChoice::Auto), THEMED_FRAME);
        r.themed(true);
        assert_eq!(r.handle(Change::Scheme { dark: true }, ThemeChoice::Auto), NONE, "read for it already");
        assert_eq!(r.handle(Change::Scheme { dark: false }, ThemeChoice::Auto), THEMED_FRAME, "and back");
    }

    #[test]
    fn forced_colours_always_read_the_colours_again() {
        for theme in [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark] {
            assert_eq!(drawn(600.0, 1.0).handle(Change::ForcedColors, theme), THEMED_FRAME, "{theme:?}");
        }
    }

    #[test]
    fn print_draws_at_once_on_paper_at_twice_the_pixels_then_back() {
        let mut r = drawn(600.0, 1.0);
        assert_eq!(r.paper_scale(), None);
        let at_once = Redo { frame: false, theme: true, at_once: true };
        assert_eq!(r.handle(Change::Print(true), ThemeChoice::Dark), at_once, "no frame runs while printing");
        assert!(r.printing());
        assert_eq!(r.paper_scale(), Some(PRINT_SCALE));
        assert_eq!(r.handle(Change::Print(true), ThemeChoice::Dark), NONE, "once per change");
        assert_eq!(r.handle(Change::Print(false), ThemeChoice::Dark), at_once, "back to the screen");
        assert_eq!(r.paper_scale(), None);
        assert_eq!(r.handle(Change::Print(false), ThemeChoice::Dark), NONE);
    }
}

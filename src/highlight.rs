//! The reading rules, as a sans-I/O state machine: which item is highlighted and
//! what set it. Every input the shell decodes (a pointer moving or leaving, a tap, a
//! key, focus lost, a scroll, the chart redrawn) goes through [`Highlight::handle`],
//! which answers with the [`Effects`] the shell must apply: repaint these items, show
//! the tooltip for this item at this point, announce this item, ask for a frame.
//! Pure; depends on the [`Targets`] a view gives it and on `layout::CanvasFrame`.
//!
//! Items are indices in the dataset's order (the bars' order, top to bottom). A view
//! (the bars; the map) answers which item is under a point and where a keyboard
//! tooltip goes, so the same rules serve every view. Points are layout coordinates,
//! but for a pointer move: its viewport position is kept as it is and converted on
//! the frame that reads it, with the canvas's frame read then (layout is clean at
//! the start of a frame, so a move costs no page reads at all).

use crate::layout::CanvasFrame;

/// What last set the highlight: it decides what clears it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Mouse,
    Touch,
    Keyboard,
}

/// What the rules need to know of a view's shapes.
pub trait Targets {
    /// How many items carry a figure: the keyboard walks them, and stops at the ends
    /// (items past them, a map's shapes without a figure, answer the pointer only).
    fn figures(&self) -> usize;
    /// The item under a point, if any.
    fn item_at(&self, at: (f64, f64)) -> Option<usize>;
    /// Where an item's tooltip goes when no pointer placed it (the keyboard's).
    fn anchor(&self, item: usize) -> (f64, f64);
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
    /// The step for a `KeyboardEvent.key` value; `None` for keys the chart leaves to
    /// the page: any other key, and any key held with Alt, Ctrl or Meta (browser and
    /// screen-reader shortcuts). ← and → follow the reading direction: in a
    /// right-to-left chart (`rtl`) ← goes on to the next item.
    pub fn from_key(key: &str, with_modifier: bool, rtl: bool) -> Option<Step> {
        if with_modifier {
            return None;
        }
        let (right, left) = if rtl { (Step::Previous, Step::Next) } else { (Step::Next, Step::Previous) };
        Some(match key {
            "ArrowDown" => Step::Next,
            "ArrowUp" => Step::Previous,
            "ArrowRight" => right,
            "ArrowLeft" => left,
            "Home" => Step::First,
            "End" => Step::Last,
            "Escape" | "Esc" => Step::Clear,
            _ => return None,
        })
    }

    /// The highlighted item after this step, among `len` items. Stops at the ends
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

/// Everything that can change what is highlighted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Input {
    /// A mouse or pen moved over the canvas, to this viewport position (clientX,
    /// clientY). Moves are coalesced: the latest one is kept and read on the next
    /// [`Input::Frame`].
    PointerMove((f64, f64)),
    /// A mouse or pen left the canvas.
    PointerLeave,
    /// The animation frame the shell was asked for, with where the canvas is now.
    Frame(CanvasFrame),
    /// A finger lifted on the canvas (a tap; a scroll gets `TouchCancel` instead).
    Tap((f64, f64)),
    /// The browser took a touch over (a scroll or zoom began).
    TouchCancel,
    /// A pointer went down outside the chart.
    PressOutside,
    /// The page scrolled: the canvas moved under the pointer.
    Scroll,
    /// A pointer came onto the canvas: where the canvas is is read once per visit.
    PointerEnter,
    /// The window was resized (or zoomed): the page may have reflowed.
    Resized,
    Key(Step),
    /// The chart heard (`sound`): the tone of this item began (its tooltip shows at its
    /// anchor, as the keyboard shows it, and with `say` it is announced: the shape's
    /// tones only light their items), or the tune ended or was stopped (`None`: what it
    /// highlighted is cleared).
    Play(Option<usize>, bool),
    /// The chart lost keyboard focus.
    Blur,
    /// The chart was drawn anew (new data, language, size or colours): nothing is
    /// highlighted on the new drawing.
    Redrawn,
}

/// A pointer event on the canvas, as the shell receives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointerEvent {
    Move,
    Leave,
    /// The pointer went up (a finger lifted): read, not `pointerdown`, because a
    /// finger that starts a scroll gets `Cancel` instead.
    Up,
    Cancel,
}

/// Which pointers read how: a mouse or a pen reads while it moves and stops when it
/// leaves; a finger covers what it points at, so it reads on tap (`Up`), its moves
/// and leaves mean nothing, and the browser taking it over (`Cancel`) ends its
/// reading. `pointer_type` is the event's `pointerType` ("mouse", "pen", "touch",
/// or "" where unknown: read as a mouse); `client` its viewport position, which a
/// tap needs in layout pixels (`to_layout`, called only for a tap).
pub fn pointer_input(event: PointerEvent, pointer_type: &str, client: (f64, f64), to_layout: impl FnOnce((f64, f64)) -> (f64, f64)) -> Option<Input> {
    let touch = pointer_type == "touch";
    match event {
        PointerEvent::Move if !touch => Some(Input::PointerMove(client)),
        PointerEvent::Leave if !touch => Some(Input::PointerLeave),
        PointerEvent::Up if touch => Some(Input::Tap(to_layout(client))),
        PointerEvent::Cancel => Some(Input::TouchCancel),
        _ => None,
    }
}

/// The tooltip, as the shell must show it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Tooltip {
    /// Leave it as it is.
    #[default]
    Keep,
    Hide,
    /// Show `item`'s tooltip next to `at`. `fresh`: the item changed, so its words
    /// must be written; otherwise it only moves.
    Show { item: usize, at: (f64, f64), fresh: bool },
}

/// What to say in the live region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Announce {
    Item(usize),
    /// Empty it (nothing is highlighted any more, or the chart changed under it).
    Silence,
}

/// What the shell must do after an input. The default does nothing.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Effects {
    /// Repaint the highlight: `(clear, fill)`, each an item or nothing.
    pub repaint: Option<(Option<usize>, Option<usize>)>,
    pub tooltip: Tooltip,
    pub announce: Option<Announce>,
    /// Ask for one animation frame (then send [`Input::Frame`] from it).
    pub request_frame: bool,
    /// Where the canvas is may have changed: read it again before it is next used
    /// (reading it at once would force a layout for nothing).
    pub frame_moved: bool,
}

/// How far above a finger a tap's tooltip goes: the finger covers what is below it.
pub const FINGER_CLEARANCE: f64 = 48.0;

/// The highlight and the pointer move waiting for its frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlight {
    shown: Option<usize>,
    source: Option<Source>,
    /// The latest pointer position not yet read (`Some(None)`: the pointer left).
    pending: Option<Option<(f64, f64)>>,
}

impl Highlight {
    /// The highlighted item, if any.
    pub fn shown(&self) -> Option<usize> {
        self.shown
    }

    /// What set the highlight (`None` when nothing is highlighted).
    pub fn source(&self) -> Option<Source> {
        self.source
    }

    /// Applies one input under the rules, on `targets`'s shapes.
    pub fn handle(&mut self, input: Input, targets: &dyn Targets) -> Effects {
        match input {
            Input::PointerMove(at) => self.queue(Some(at)),
            Input::PointerLeave => self.queue(None),
            Input::Frame(frame) => match self.pending.take() {
                // A mouse leaving clears only what a mouse set.
                Some(None) if self.source.is_some_and(|s| s != Source::Mouse) => Effects::default(),
                Some(None) => self.set(None, (0.0, 0.0), Source::Mouse),
                Some(Some(client)) => {
                    let at = frame.to_layout(client);
                    self.set(targets.item_at(at), at, Source::Mouse)
                }
                None => Effects::default(),
            },
            Input::Tap(at) => {
                self.pending = None;
                let hit = targets.item_at(at);
                // A second tap on the same item, or a tap on nothing, hides it.
                let next = if hit == self.shown { None } else { hit };
                self.set(next, (at.0, at.1 - FINGER_CLEARANCE), Source::Touch)
            }
            Input::TouchCancel | Input::PressOutside => self.clear_if(Source::Touch),
            Input::Scroll => Effects { frame_moved: true, ..self.clear_if(Source::Touch) },
            Input::PointerEnter | Input::Resized => Effects { frame_moved: true, ..Effects::default() },
            Input::Key(step) => {
                self.pending = None;
                let next = step.apply(self.shown, targets.figures());
                let at = next.map(|i| targets.anchor(i)).unwrap_or_default();
                let mut fx = self.set(next, at, Source::Keyboard);
                // Nothing: silence; the same item (a key past either end): said again,
                // so that a key is never met with nothing.
                fx.announce = Some(next.map_or(Announce::Silence, Announce::Item));
                fx
            }
            Input::Play(Some(item), say) if item < targets.figures() => {
                self.pending = None;
                let fx = self.set(Some(item), targets.anchor(item), Source::Keyboard);
                // Said even when already lit (a single region: lit by the shape).
                Effects { announce: say.then_some(Announce::Item(item)), ..fx }
            }
            Input::Play(..) => {
                let mut fx = self.clear_if(Source::Keyboard);
                fx.announce = fx.announce.or(Some(Announce::Silence));
                fx
            }
            Input::Blur => self.clear_if(Source::Keyboard),
            Input::Redrawn => {
                *self = Highlight::default();
                Effects { tooltip: Tooltip::Hide, announce: Some(Announce::Silence), ..Effects::default() }
            }
        }
    }

    /// Keeps the latest pointer position for the next frame; asks for a frame only
    /// when none is pending (many moves, one update).
    fn queue(&mut self, at: Option<(f64, f64)>) -> Effects {
        let request_frame = self.pending.is_none();
        self.pending = Some(at);
        Effects { request_frame, ..Effects::default() }
    }

    /// Clears the highlight if `source` set it (a touch highlight survives a mouse
    /// leaving; a keyboard one survives a scroll).
    fn clear_if(&mut self, source: Source) -> Effects {
        if self.source == Some(source) { self.set(None, (0.0, 0.0), source) } else { Effects::default() }
    }

    /// Highlights `next` (or nothing), with its tooltip at `at`. Only a change
    /// repaints or rewrites words; a mouse never announces (it reads the tooltip).
    fn set(&mut self, next: Option<usize>, at: (f64, f64), source: Source) -> Effects {
        let changed = self.shown != next;
        let mut fx = Effects::default();
        if changed {
            fx.repaint = Some((self.shown, next));
        }
        self.shown = next;
        self.source = next.map(|_| source);
        match next {
            Some(item) => {
                fx.tooltip = Tooltip::Show { item, at, fresh: changed };
                if changed && source != Source::Mouse {
                    fx.announce = Some(Announce::Item(item));
                }
            }
            None if changed => fx.tooltip = Tooltip::Hide,
            None => {}
        }
        fx
    }
}

#[cfg(test)]
mod pointer_tests {
    use super::*;

    #[test]
    fn a_mouse_or_a_pen_reads_as_it_moves_and_a_finger_on_tap() {
        let at = (10.0, 20.0);
        let layout = |(x, y): (f64, f64)| (x / 2.0, y / 2.0);
        for mouse in ["mouse", "pen", ""] {
            assert_eq!(pointer_input(PointerEvent::Move, mouse, at, layout), Some(Input::PointerMove(at)), "{mouse:?}");
            assert_eq!(pointer_input(PointerEvent::Leave, mouse, at, layout), Some(Input::PointerLeave), "{mouse:?}");
            // A click is no tap: a mouse has already read by moving there.
            assert_eq!(pointer_input(PointerEvent::Up, mouse, at, |_| panic!("no layout for a click")), None, "{mouse:?}");
        }
        // A finger: its moves and leaves mean nothing; lifting it taps, where the
        // layout says; the browser taking it over cancels.
        assert_eq!(pointer_input(PointerEvent::Move, "touch", at, layout), None);
        assert_eq!(pointer_input(PointerEvent::Leave, "touch", at, layout), None);
        assert_eq!(pointer_input(PointerEvent::Up, "touch", at, layout), Some(Input::Tap((5.0, 10.0))));
        assert_eq!(pointer_input(PointerEvent::Cancel, "touch", at, layout), Some(Input::TouchCancel));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Rect;

    /// The canvas at the viewport's corner, shown at its laid-out size: client
    /// positions are layout positions.
    const AT_CORNER: CanvasFrame = CanvasFrame { client: (0.0, 0.0), origin: (0.0, 0.0), shown: (100.0, 80.0), scale: 1.0 };

    /// Four rows 10 px high at y = 0, 20, 40, 60 (gaps between them), 100 px wide.
    struct Rows;
    impl Targets for Rows {
        fn figures(&self) -> usize {
            4
        }
        fn item_at(&self, (x, y): (f64, f64)) -> Option<usize> {
            let i = (y / 20.0).floor();
            (x >= 0.0 && x < 100.0 && y >= 0.0 && i < 4.0 && y - i * 20.0 < 10.0).then_some(i as usize)
        }
        fn anchor(&self, item: usize) -> (f64, f64) {
            (100.0, item as f64 * 20.0 + 5.0)
        }
    }

    fn on(row: usize) -> (f64, f64) {
        (50.0, row as f64 * 20.0 + 5.0)
    }
    const GAP: (f64, f64) = (50.0, 15.0);

    /// A pointer move read on its frame.
    fn hover(h: &mut Highlight, at: (f64, f64)) -> Effects {
        assert!(h.handle(Input::PointerMove(at), &Rows).request_frame);
        h.handle(Input::Frame(AT_CORNER), &Rows)
    }

    #[test]
    fn a_scroll_a_pointer_entering_and_a_resize_make_the_canvas_be_found_again() {
        for input in [Input::Scroll, Input::PointerEnter, Input::Resized] {
            let mut h = Highlight::default();
            assert!(h.handle(input, &Rows).frame_moved, "{input:?}");
            h.handle(Input::Key(Step::First), &Rows);
            let fx = h.handle(input, &Rows);
            assert!(fx.frame_moved, "{input:?}");
            assert_eq!(h.shown(), Some(0), "{input:?} leaves a keyboard highlight as it is");
            if input != Input::Scroll {
                assert_eq!(fx, Effects { frame_moved: true, ..Effects::default() }, "{input:?} changes nothing else");
            }
        }
        for input in [Input::PointerMove(on(0)), Input::Key(Step::Next), Input::Blur, Input::Redrawn] {
            assert!(!Highlight::default().handle(input, &Rows).frame_moved, "{input:?}");
        }
    }

    #[test]
    fn a_move_is_read_in_the_frame_where_the_canvas_is_then() {
        let mut h = Highlight::default();
        // The pointer at (260, 90) in the viewport; by the frame, the canvas is at
        // (200, 50) shown at twice its laid-out size: layout point (30, 20), row 1.
        h.handle(Input::PointerMove((260.0, 90.0)), &Rows);
        let frame = CanvasFrame::new(Rect { x: 200.0, y: 50.0, w: 200.0, h: 160.0 }, (0.0, 0.0), 100.0);
        let fx = h.handle(Input::Frame(frame), &Rows);
        assert_eq!(fx.tooltip, Tooltip::Show { item: 1, at: (30.0, 20.0), fresh: true });
    }

    #[test]
    fn pointing_at_a_row_highlights_it_with_a_tooltip_and_no_announcement() {
        let mut h = Highlight::default();
        let fx = hover(&mut h, on(1));
        assert_eq!(fx.repaint, Some((None, Some(1))));
        assert_eq!(fx.tooltip, Tooltip::Show { item: 1, at: on(1), fresh: true });
        assert_eq!(fx.announce, None, "a mouse reads the tooltip; nothing is announced");
        assert_eq!((h.shown(), h.source()), (Some(1), Some(Source::Mouse)));
    }

    #[test]
    fn moving_within_a_row_only_moves_the_tooltip() {
        let mut h = Highlight::default();
        hover(&mut h, on(2));
        let fx = hover(&mut h, (80.0, 47.0));
        assert_eq!(fx, Effects { tooltip: Tooltip::Show { item: 2, at: (80.0, 47.0), fresh: false }, ..Effects::default() });
    }

    #[test]
    fn moves_are_coalesced_to_one_update_per_frame() {
        let mut h = Highlight::default();
        assert!(h.handle(Input::PointerMove(on(0)), &Rows).request_frame);
        for row in [1, 2, 3] {
            assert!(!h.handle(Input::PointerMove(on(row)), &Rows).request_frame, "one frame is already asked for");
        }
        let fx = h.handle(Input::Frame(AT_CORNER), &Rows);
        assert_eq!(fx.repaint, Some((None, Some(3))), "only the latest move counts");
        assert_eq!(h.handle(Input::Frame(AT_CORNER), &Rows), Effects::default(), "a frame with nothing pending does nothing");
        assert!(h.handle(Input::PointerMove(on(0)), &Rows).request_frame, "the next move asks again");
    }

    #[test]
    fn moving_to_another_row_repaints_both_and_a_gap_or_leaving_hides() {
        let mut h = Highlight::default();
        hover(&mut h, on(0));
        assert_eq!(hover(&mut h, on(3)).repaint, Some((Some(0), Some(3))));
        let fx = hover(&mut h, GAP);
        assert_eq!((fx.repaint, fx.tooltip), (Some((Some(3), None)), Tooltip::Hide), "gaps belong to no row");
        assert_eq!(hover(&mut h, GAP), Effects::default(), "nothing to hide twice");
        hover(&mut h, on(1));
        h.handle(Input::PointerLeave, &Rows);
        assert_eq!(h.handle(Input::Frame(AT_CORNER), &Rows).tooltip, Tooltip::Hide);
        assert_eq!(h.shown(), None);
    }

    #[test]
    fn a_tap_shows_a_row_above_the_finger_and_announces_it() {
        let mut h = Highlight::default();
        let fx = h.handle(Input::Tap(on(2)), &Rows);
        assert_eq!(fx.repaint, Some((None, Some(2))));
        assert_eq!(fx.tooltip, Tooltip::Show { item: 2, at: (50.0, 45.0 - FINGER_CLEARANCE), fresh: true });
        assert_eq!(fx.announce, Some(Announce::Item(2)));
        assert_eq!(h.source(), Some(Source::Touch));
    }

    #[test]
    fn a_second_tap_on_the_same_row_or_a_tap_on_nothing_hides_it() {
        let mut h = Highlight::default();
        h.handle(Input::Tap(on(2)), &Rows);
        assert_eq!(h.handle(Input::Tap(on(2)), &Rows).tooltip, Tooltip::Hide);
        h.handle(Input::Tap(on(2)), &Rows);
        assert_eq!(h.handle(Input::Tap(on(1)), &Rows).repaint, Some((Some(2), Some(1))), "another row moves it");
        assert_eq!(h.handle(Input::Tap(GAP), &Rows).tooltip, Tooltip::Hide);
        assert_eq!(h.shown(), None);
    }

    #[test]
    fn a_touch_tooltip_goes_on_a_cancelled_gesture_a_scroll_or_a_press_outside() {
        for input in [Input::TouchCancel, Input::Scroll, Input::PressOutside] {
            let mut h = Highlight::default();
            h.handle(Input::Tap(on(0)), &Rows);
            assert_eq!(h.handle(input, &Rows).tooltip, Tooltip::Hide, "{input:?}");
            assert_eq!(h.shown(), None, "{input:?}");
        }
    }

    #[test]
    fn a_touch_tooltip_survives_a_mouse_leaving() {
        let mut h = Highlight::default();
        h.handle(Input::Tap(on(0)), &Rows);
        h.handle(Input::PointerLeave, &Rows);
        assert_eq!(h.handle(Input::Frame(AT_CORNER), &Rows), Effects::default());
        assert_eq!(h.shown(), Some(0));
    }

    #[test]
    fn a_tap_drops_a_pointer_move_still_waiting_for_its_frame() {
        let mut h = Highlight::default();
        h.handle(Input::PointerMove(on(3)), &Rows);
        h.handle(Input::Tap(on(1)), &Rows);
        assert_eq!(h.handle(Input::Frame(AT_CORNER), &Rows), Effects::default());
        assert_eq!(h.shown(), Some(1));
    }

    #[test]
    fn keys_walk_the_rows_announce_each_and_stop_at_the_ends() {
        let mut h = Highlight::default();
        let fx = h.handle(Input::Key(Step::Next), &Rows);
        assert_eq!(fx.tooltip, Tooltip::Show { item: 0, at: Rows.anchor(0), fresh: true }, "at the bar's end");
        assert_eq!(fx.announce, Some(Announce::Item(0)));
        h.handle(Input::Key(Step::Last), &Rows);
        assert_eq!(h.shown(), Some(3));
        let fx = h.handle(Input::Key(Step::Next), &Rows);
        // Stops at the end and says it again: a screen reader's user pressing on met
        // silence (a trial with Orca), as if the key had not been heard.
        assert_eq!((h.shown(), fx.repaint, fx.announce), (Some(3), None, Some(Announce::Item(3))), "stops at the end, said again");
        h.handle(Input::Key(Step::First), &Rows);
        assert_eq!(h.shown(), Some(0));
        let fx = h.handle(Input::Key(Step::Previous), &Rows);
        assert_eq!((h.shown(), fx.announce), (Some(0), Some(Announce::Item(0))), "stops at the start, said again");
        let fx = h.handle(Input::Key(Step::Clear), &Rows);
        assert_eq!((fx.tooltip, fx.announce), (Tooltip::Hide, Some(Announce::Silence)), "Escape hides and silences");
        assert_eq!(h.handle(Input::Key(Step::Previous), &Rows).tooltip, Tooltip::Show { item: 3, at: Rows.anchor(3), fresh: true });
    }

    #[test]
    fn each_tone_shows_and_announces_its_item_and_the_end_clears_it() {
        let mut h = Highlight::default();
        let fx = h.handle(Input::Play(Some(2), true), &Rows);
        assert_eq!(fx.tooltip, Tooltip::Show { item: 2, at: Rows.anchor(2), fresh: true });
        assert_eq!((fx.announce, fx.repaint), (Some(Announce::Item(2)), Some((None, Some(2)))));
        // The shape's tones light their items and say nothing.
        let fx = h.handle(Input::Play(Some(1), false), &Rows);
        assert_eq!((fx.announce, fx.repaint), (None, Some((Some(2), Some(1)))));
        let fx = h.handle(Input::Play(Some(3), true), &Rows);
        assert_eq!((fx.announce, fx.repaint), (Some(Announce::Item(3)), Some((Some(1), Some(3)))));
        // The arrows go on from the tone playing.
        assert_eq!(h.handle(Input::Key(Step::Previous), &Rows).announce, Some(Announce::Item(2)));
        let fx = h.handle(Input::Play(None, false), &Rows);
        assert_eq!((fx.tooltip, fx.announce, fx.repaint), (Tooltip::Hide, Some(Announce::Silence), Some((Some(2), None))));
        assert_eq!(h.shown(), None);
        // An item past the figures (a map's shape) never plays.
        assert_eq!(h.handle(Input::Play(Some(99), true), &Rows).tooltip, Tooltip::Keep);
        // A region lit by the shape is said when its turn comes.
        h.handle(Input::Play(Some(0), false), &Rows);
        assert_eq!(h.handle(Input::Play(Some(0), true), &Rows).announce, Some(Announce::Item(0)));
    }

    #[test]
    fn keys_with_modifiers_and_other_keys_are_left_to_the_page() {
        for rtl in [false, true] {
            assert_eq!(Step::from_key("ArrowDown", false, rtl), Some(Step::Next));
            assert_eq!(Step::from_key("ArrowUp", false, rtl), Some(Step::Previous));
            assert_eq!(Step::from_key("Home", false, rtl), Some(Step::First));
            assert_eq!(Step::from_key("End", false, rtl), Some(Step::Last));
            assert_eq!(Step::from_key("Esc", false, rtl), Some(Step::Clear));
            assert_eq!(Step::from_key("ArrowDown", true, rtl), None);
            assert_eq!(Step::from_key("Tab", false, rtl), None);
        }
        // ← and → follow the reading direction.
        assert_eq!(Step::from_key("ArrowRight", false, false), Some(Step::Next));
        assert_eq!(Step::from_key("ArrowLeft", false, false), Some(Step::Previous));
        assert_eq!(Step::from_key("ArrowLeft", false, true), Some(Step::Next));
        assert_eq!(Step::from_key("ArrowRight", false, true), Some(Step::Previous));
        assert_eq!(Step::Next.apply(None, 0), None, "no rows, no highlight");
    }

    #[test]
    fn losing_focus_clears_only_a_keyboard_highlight() {
        let mut h = Highlight::default();
        h.handle(Input::Key(Step::First), &Rows);
        assert_eq!(h.handle(Input::Blur, &Rows).tooltip, Tooltip::Hide);
        h.handle(Input::Tap(on(1)), &Rows);
        assert_eq!(h.handle(Input::Blur, &Rows), Effects::default());
        assert_eq!(h.shown(), Some(1));
    }

    #[test]
    fn a_keyboard_highlight_survives_the_mouse_leaving_and_the_mouse_can_take_over() {
        let mut h = Highlight::default();
        h.handle(Input::Key(Step::First), &Rows);
        h.handle(Input::PointerLeave, &Rows);
        assert_eq!(h.handle(Input::Frame(AT_CORNER), &Rows), Effects::default());
        assert_eq!(hover(&mut h, on(2)).repaint, Some((Some(0), Some(2))));
        assert_eq!(h.source(), Some(Source::Mouse));
        let scrolled = h.handle(Input::Scroll, &Rows);
        assert_eq!(scrolled, Effects { frame_moved: true, ..Effects::default() }, "a scroll does not hide a mouse tooltip");
    }

    #[test]
    fn a_redraw_forgets_the_highlight_and_any_pending_move() {
        let mut h = Highlight::default();
        h.handle(Input::Tap(on(1)), &Rows);
        h.handle(Input::PointerMove(on(2)), &Rows);
        let fx = h.handle(Input::Redrawn, &Rows);
        assert_eq!((fx.repaint, fx.tooltip, fx.announce), (None, Tooltip::Hide, Some(Announce::Silence)));
        assert_eq!(h, Highlight::default());
        assert_eq!(h.handle(Input::Frame(AT_CORNER), &Rows), Effects::default());
    }
}

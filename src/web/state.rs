//! One chart's state in the page: its elements (`View`), its settings and the
//! reading rules' state from the core, and the frames it is waiting for. Inputs go
//! in through [`send`]; the core's answer is applied here, and nowhere else. A redraw
//! is split by what changed: content, theme, or geometry only (a resize).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use std::cell::Cell;

use wasm_bindgen::{JsCast, JsError};

use crate::highlight::{Announce, Effects, Highlight, Input, Tooltip};
use crate::layout::WidthFollower;
use crate::settings::{Changed, Settings};
use crate::render;
use crate::words;

use super::view::{Tip, View};

/// Counters only tests read, compiled in with the `probes` feature alone.
#[cfg(feature = "probes")]
#[derive(Debug, Default, Clone, Copy)]
pub struct Probes {
    /// Highlight overlay repaints.
    pub overlay_paints: u32,
    /// Layouts and drawings (mount, updates, resizes, ratio and scheme changes).
    pub geometry_renders: u32,
    /// Rebuilds of the words around the canvas (accessible name, table, CSV).
    pub content_renders: u32,
}

pub struct State {
    view: View,
    settings: Settings,
    highlight: Highlight,
    /// Each item's tooltip, measured on first use, forgotten at every redraw.
    tips: Vec<Option<Tip>>,
    /// The frame a pointer move waits for, and a redraw's (resize, ratio, scheme);
    /// made by `arm` once the state is shared.
    pointer_frame: Option<FrameLoop>,
    render_frame: Option<FrameLoop>,
    /// Which observed widths to follow, and the one the next redraw lays out.
    follower: WidthFollower,
    target_width: Option<f64>,
    /// The ratio being watched for a change, and its listener.
    ratio_watch: Option<(f64, super::dom::Listener)>,
    /// The colours must be read again before the next redraw (scheme change).
    theme_stale: bool,
    /// Whether the page's colour scheme was dark when the colours were last read.
    drawn_dark: bool,
    /// The page is being printed: light colours, at least 2 device pixels per CSS
    /// pixel, nothing highlighted.
    printing: bool,
    #[cfg(feature = "probes")]
    probes: Probes,
}

pub type Shared = Rc<RefCell<State>>;

/// Device pixels per CSS pixel on paper, at least.
pub const PRINT_SCALE: f64 = 2.0;

/// Events the chart's listeners handled, for tests (`probes`); nothing otherwise.
#[cfg(feature = "probes")]
pub type EventCount = Rc<std::cell::Cell<u32>>;
#[cfg(not(feature = "probes"))]
pub type EventCount = ();

impl State {
    pub fn new(view: View, settings: Settings) -> State {
        State {
            view,
            settings,
            highlight: Highlight::default(),
            tips: Vec::new(),
            pointer_frame: None,
            render_frame: None,
            follower: WidthFollower::default(),
            target_width: None,
            ratio_watch: None,
            theme_stale: false,
            drawn_dark: false,
            printing: false,
            #[cfg(feature = "probes")]
            probes: Probes::default(),
        }
    }

    pub fn view(&self) -> &View {
        &self.view
    }
    pub fn view_mut(&mut self) -> &mut View {
        &mut self.view
    }
    pub fn settings(&self) -> &Settings {
        &self.settings
    }
    #[cfg(feature = "probes")]
    pub fn highlighted(&self) -> (Option<usize>, Option<crate::highlight::Source>) {
        (self.highlight.shown(), self.highlight.source())
    }
    #[cfg(feature = "probes")]
    pub fn probes(&self) -> Probes {
        self.probes
    }

    /// The mount's layout step: laid out at the width the page gives, canvases sized.
    pub fn lay_out(&mut self) {
        let width = self.view.width();
        self.follower.laid_out(width, js_sys::Date::now());
        self.view.lay_out(self.settings.dataset(), self.settings.lang(), self.settings.view(), width, 0.0);
    }

    /// The mount's words: the canvas's name, the data table, the CSV link.
    pub fn content(&mut self) -> Result<(), JsError> {
        self.view.content(self.settings.dataset(), self.settings.lang(), self.settings.view())?;
        #[cfg(feature = "probes")]
        {
            self.probes.content_renders += 1;
        }
        Ok(())
    }

    /// The mount's colours, read from the page.
    pub fn colours(&mut self) {
        self.refresh_theme();
    }

    /// The mount's drawing steps, `n` of them left: a map's ground (7, after its
    /// layout), its land (6; without a map, neither), the figures' shapes (5, with
    /// the ground unless the map's step drew it), half the texts (4), the rest (3),
    /// after which the chart is drawn.
    pub fn paint_step(&mut self, n: u32) -> Result<(), JsError> {
        let map = self.view.layout().map().is_some();
        let half = self.view.layout().texts.len() / 2;
        let parts = render::Parts {
            ground: n == 7 || (n == 5 && !map),
            land: n == 6,
            figures: n == 5,
            texts: match n {
                4 => 0..half,
                3 => half..usize::MAX,
                _ => 0..0,
            },
        };
        self.view.paint_parts(parts)?;
        if n == 3 {
            self.drawn();
        }
        Ok(())
    }

    /// Merges new options and redraws what they change (nothing if nothing did).
    pub fn update(&mut self, options: crate::options::Options) -> Result<(), JsError> {
        self.settings.check(&options).map_err(|e| super::error(e.message()))?;
        let changed = self.settings.merge(options);
        if changed.any() { self.redraw(changed) } else { Ok(()) }
    }

    /// Redraws what `changed` names, then the geometry, which every change touches.
    fn redraw(&mut self, changed: Changed) -> Result<(), JsError> {
        if changed.content {
            self.content()?;
        }
        if changed.theme {
            self.refresh_theme();
        }
        self.geometry()
    }

    /// Lays out and draws at the width the follower chose, or the widget's own.
    fn geometry(&mut self) -> Result<(), JsError> {
        let width = self.target_width.take().unwrap_or_else(|| self.view.width());
        self.follower.laid_out(width, js_sys::Date::now());
        let min_scale = if self.printing { PRINT_SCALE } else { 0.0 };
        self.view.geometry(self.settings.dataset(), self.settings.lang(), self.settings.view(), width, min_scale)?;
        self.drawn();
        Ok(())
    }

    /// After a drawing: the tooltips measured for the last one forgotten, and the
    /// reading rules told.
    fn drawn(&mut self) {
        self.tips.clear();
        let fx = self.highlight.handle(Input::Redrawn, self.view.layout());
        self.apply(fx);
        #[cfg(feature = "probes")]
        {
            self.probes.geometry_renders += 1;
        }
    }

    /// Applies what the reading rules answered. (Not inlined: three callers would
    /// each get a copy.)
    #[inline(never)]
    fn apply(&mut self, fx: Effects) {
        if fx.frame_moved {
            self.view.frame_moved();
        }
        if let Some((clear, fill)) = fx.repaint {
            self.view.paint_highlight(clear, fill);
            #[cfg(feature = "probes")]
            {
                self.probes.overlay_paints += 1;
            }
        }
        match fx.tooltip {
            Tooltip::Keep => {}
            Tooltip::Hide => self.view.hide_tooltip(),
            Tooltip::Show { item, at, fresh } => {
                let tip = self.tip(item);
                self.view.show_tooltip(&tip, at, fresh);
                self.tips[item] = Some(tip);
            }
        }
        match fx.announce {
            None => {}
            Some(Announce::Silence) => self.view.announce(""),
            Some(Announce::Item(item)) => {
                self.view.announce(&words::item_announcement(self.settings.dataset(), item, self.settings.lang()));
            }
        }
    }

    /// An item's tooltip, taken from the cache (put back by the caller) or measured.
    fn tip(&mut self, item: usize) -> Tip {
        let items = crate::render::highlight_items(self.view.layout());
        if self.tips.len() != items {
            self.tips = (0..items).map(|_| None).collect();
        }
        self.tips[item].take().unwrap_or_else(|| self.view.measure_tip(self.settings.dataset(), item, self.settings.lang()))
    }

    /// What the page says now about how to draw.
    fn page(&self) -> crate::theme::Page {
        crate::theme::Page {
            printing: self.printing,
            dark: crate::theme::used_scheme_is_dark(&self.view.color_scheme(), super::view::prefers_dark()),
            forced_colors: super::view::matches_media("(forced-colors: active)"),
        }
    }

    /// Reads the colours again, for the look the rule (`theme::look`) gives now.
    fn refresh_theme(&mut self) {
        let page = self.page();
        self.drawn_dark = page.dark;
        self.view.theme(crate::theme::look(self.settings.theme(), page));
    }

    /// The page's colour scheme is not the one the colours were read for (a
    /// transition's end says it may have changed, and comes for other reasons too:
    /// a redraw would clear what a reader is pointing at).
    pub fn scheme_changed(&self) -> bool {
        self.page().dark != self.drawn_dark
    }

    /// Printing starts or ends: redrawn at once (no animation frame runs while a page
    /// is printed), light and at least at 2×, with the tooltip and the focus ring
    /// gone; then back as it was.
    pub fn set_printing(&mut self, printing: bool) {
        if self.printing == printing {
            return;
        }
        self.printing = printing;
        self.refresh_theme();
        self.view.focus_ring(false);
        let result = self.geometry();
        self.view.show_alert(result.err().map(|e| super::js::message_of(&e.into())).as_deref());
    }

    /// Cancels every pending frame and watcher (on destroy).
    pub fn cancel_frames(&mut self) {
        self.pointer_frame = None;
        self.render_frame = None;
        self.ratio_watch = None;
    }

    /// The width to lay out for an observed container width, if it should be followed.
    pub fn observe_width(&mut self, width: f64) -> bool {
        match self.follower.observe(width, js_sys::Date::now()) {
            Some(w) => {
                self.target_width = Some(w);
                true
            }
            None => false,
        }
    }

    /// Whether the ratio watcher is armed for `dpr`; arms it with `listener`.
    pub fn ratio_watched(&self) -> Option<f64> {
        self.ratio_watch.as_ref().map(|(r, _)| *r)
    }
    pub fn watch_ratio_with(&mut self, dpr: f64, listener: super::dom::Listener) {
        self.ratio_watch = Some((dpr, listener));
    }
    pub fn show_alert(&self, message: Option<&str>) {
        self.view.show_alert(message);
    }
}

/// Sends one input through the reading rules and applies the answer; a frame asked
/// for comes back as `Input::Frame`.
pub fn send(shared: &Shared, input: Input) {
    let fx = {
        let st = &mut *shared.borrow_mut();
        let fx = st.highlight.handle(input, st.view.layout());
        st.apply(fx);
        fx
    };
    if fx.request_frame {
        if let Some(frames) = &shared.borrow().pointer_frame {
            frames.request();
        }
    }
}

/// The pointer's frame: reads the move waiting for it, where the canvas is now.
fn pointer_frame(st: &mut State, _: &Weak<RefCell<State>>) {
    let frame = st.view.frame_now();
    let fx = st.highlight.handle(Input::Frame(frame), st.view.layout());
    st.apply(fx);
}

/// A redraw's frame: the colours if the scheme changed, then the geometry.
fn render_frame(st: &mut State, weak: &Weak<RefCell<State>>) {
    if std::mem::take(&mut st.theme_stale) {
        st.refresh_theme();
    }
    let result = st.geometry();
    st.view.show_alert(result.err().map(|e| super::js::message_of(&e.into())).as_deref());
    super::watch::watch_ratio(st, weak);
}

/// Makes the state's two frame callbacks, once it is shared (they hold it weakly:
/// the state owns them, so a strong reference would cycle).
pub fn arm(shared: &Shared) {
    let pointer = FrameLoop::new(Rc::downgrade(shared), pointer_frame);
    let render = FrameLoop::new(Rc::downgrade(shared), render_frame);
    let mut st = shared.borrow_mut();
    st.pointer_frame = Some(pointer);
    st.render_frame = Some(render);
}

/// Focus changes: the ring, and the rules' answer to losing focus.
pub fn focus(shared: &Shared, focused: bool) {
    shared.borrow().view.focus_ring(focused);
    if !focused {
        send(shared, Input::Blur);
    }
}

/// One callback for the next animation frame, asked for as often as needed: once
/// however often it is asked before the frame comes. One closure, made once:
/// gloo-render's `AnimationFrame` (which we used) makes and frees a closure per
/// request, on every pointer move. Measured: hover time within the benchmark's
/// noise, 35 B gzip smaller without the dependency; kept for the steady state (no
/// allocation per frame). Dropping it cancels a pending frame and frees the
/// closure; nothing is leaked.
pub struct FrameLoop {
    callback: super::dom::Callback,
    pending: Rc<Cell<Option<i32>>>,
}

impl FrameLoop {
    fn new(weak: Weak<RefCell<State>>, run: fn(&mut State, &Weak<RefCell<State>>)) -> FrameLoop {
        let pending = Rc::new(Cell::new(None));
        let seen = pending.clone();
        let callback = super::dom::Callback::new(move |_| {
            seen.set(None);
            if let Some(shared) = weak.upgrade() {
                run(&mut shared.borrow_mut(), &weak);
            }
        });
        FrameLoop { callback, pending }
    }

    /// Asks for the next frame, unless it is asked for already.
    pub fn request(&self) {
        if self.pending.get().is_some() {
            return;
        }
        let asked = super::dom::window().request_animation_frame(self.callback.as_ref().unchecked_ref()).ok();
        self.pending.set(asked);
    }
}

impl Drop for FrameLoop {
    fn drop(&mut self) {
        if let Some(id) = self.pending.take() {
            let _ = super::dom::window().cancel_animation_frame(id);
        }
    }
}

/// A redraw of the geometry on the next frame (resize, ratio or scheme change).
pub fn request_render(shared: &Shared, theme_too: bool) {
    let mut st = shared.borrow_mut();
    st.theme_stale |= theme_too;
    if let Some(frames) = &st.render_frame {
        frames.request();
    }
}

//! One chart's state in the page: its elements (`Widget`), its settings and the
//! reading rules' state from the core, and the frames it is waiting for. Inputs go
//! in through [`send`]; the core's answer is applied here, and nowhere else. A redraw
//! is split by what changed: content, theme, or geometry only (a resize).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use std::cell::Cell;

use wasm_bindgen::{JsCast, JsError};

use crate::highlight::{Announce, Effects, Highlight, Input, Tooltip};
use crate::redraw::{Change, Redraw};
use crate::settings::{Changed, Settings};
use crate::render;
use crate::words;

use super::widget::{Tip, Widget};

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
    widget: Widget,
    settings: Settings,
    highlight: Highlight,
    /// Each item's tooltip, measured on first use, forgotten at every redraw.
    tips: Vec<Option<Tip>>,
    /// The frame a pointer move waits for, and a redraw's (resize, ratio, scheme);
    /// made by `make_frame_loops` once the state is shared.
    pointer_frame: Option<FrameLoop>,
    render_frame: Option<FrameLoop>,
    /// The redraw rules: which page changes redraw what (widths followed, the
    /// ratio drawn and watched, the scheme the colours were read for, print).
    redraw: Redraw,
    /// Every listener and observer the chart attached (dropping one detaches it):
    /// the reader's and the page's, the width's, and the screen's pixel ratio's
    /// (re-armed at each ratio). One owner, with the frames, emptied on destroy.
    listeners: Vec<super::dom::Listener>,
    width_watch: Option<super::dom::Observer>,
    ratio_watch: Option<super::dom::Listener>,
    /// The colours must be read again before the next redraw (scheme change).
    theme_stale: bool,
    /// The chart heard: its player, once a reader asked for it (`web::sound`).
    sound: Option<super::sound::Sound>,
    #[cfg(feature = "probes")]
    probes: Probes,
}

pub type Shared = Rc<RefCell<State>>;

/// Events the chart's listeners handled, for tests (`probes`); nothing otherwise.
#[cfg(feature = "probes")]
pub type EventCount = Rc<std::cell::Cell<u32>>;
#[cfg(not(feature = "probes"))]
pub type EventCount = ();

impl State {
    pub fn new(widget: Widget, settings: Settings) -> State {
        State {
            widget,
            settings,
            highlight: Highlight::default(),
            tips: Vec::new(),
            pointer_frame: None,
            render_frame: None,
            redraw: Redraw::default(),
            listeners: Vec::new(),
            sound: None,
            width_watch: None,
            ratio_watch: None,
            theme_stale: false,
            #[cfg(feature = "probes")]
            probes: Probes::default(),
        }
    }

    pub fn widget(&self) -> &Widget {
        &self.widget
    }
    pub fn widget_mut(&mut self) -> &mut Widget {
        &mut self.widget
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
        let width = self.widget.width();
        self.widget.lay_out(self.settings.dataset(), self.settings.lang(), self.settings.view(), width, self.redraw.paper_scale());
        self.redraw.laid_out(width, self.widget.screen_dpr(), js_sys::Date::now());
    }

    /// The mount's words: the canvas's name, the data table, the CSV link.
    pub fn content(&mut self) -> Result<(), JsError> {
        self.widget.content(self.settings.dataset(), self.settings.lang(), self.settings.view())?;
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
        let map = self.widget.layout().map().is_some();
        let half = self.widget.layout().texts.len() / 2;
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
        self.widget.paint_parts(parts)?;
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
        self.relayout()
    }

    /// Lays out and draws again: at the width the rules chose, or the widget's own;
    /// for paper or the screen, as the rules say.
    fn relayout(&mut self) -> Result<(), JsError> {
        let width = self.redraw.take_width().unwrap_or_else(|| self.widget.width());
        let (data, lang, view) = (self.settings.dataset(), self.settings.lang(), self.settings.view());
        let result = self.widget.lay_out_and_paint(data, lang, view, width, self.redraw.paper_scale());
        self.redraw.laid_out(width, self.widget.screen_dpr(), js_sys::Date::now());
        result?;
        self.drawn();
        Ok(())
    }

    /// After a drawing: the tooltips measured for the last one forgotten, and the
    /// reading rules told.
    fn drawn(&mut self) {
        self.tips.clear();
        let fx = self.highlight.handle(Input::Redrawn, self.widget.layout());
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
            self.widget.frame_moved();
        }
        if let Some((clear, fill)) = fx.repaint {
            self.widget.paint_highlight(clear, fill);
            #[cfg(feature = "probes")]
            {
                self.probes.overlay_paints += 1;
            }
        }
        match fx.tooltip {
            Tooltip::Keep => {}
            Tooltip::Hide => self.widget.hide_tooltip(),
            Tooltip::Show { item, at, fresh } => {
                let tip = self.tip(item);
                self.widget.show_tooltip(&tip, at, fresh, self.settings.lang().rtl());
                self.tips[item] = Some(tip);
            }
        }
        match fx.announce {
            None => {}
            Some(Announce::Silence) => self.widget.announce(""),
            Some(Announce::Item(item)) => {
                self.widget.announce(&words::item_announcement(self.settings.dataset(), item, self.settings.lang()));
            }
        }
    }

    /// An item's tooltip, taken from the cache (put back by the caller) or measured.
    fn tip(&mut self, item: usize) -> Tip {
        let items = self.widget.layout().items();
        if self.tips.len() != items {
            self.tips = (0..items).map(|_| None).collect();
        }
        self.tips[item].take().unwrap_or_else(|| self.widget.measure_tip(self.settings.dataset(), item, self.settings.lang()))
    }

    /// What the page says now about how to draw.
    fn page(&self) -> crate::theme::Page {
        crate::theme::Page {
            printing: self.redraw.printing(),
            dark: crate::theme::used_scheme_is_dark(&self.widget.color_scheme(), super::dom::prefers_dark()),
            forced_colors: super::dom::matches_media("(forced-colors: active)"),
        }
    }

    /// Reads the colours again, for the look the rule (`theme::look`) gives now.
    fn refresh_theme(&mut self) {
        let page = self.page();
        self.redraw.themed(page.dark);
        self.widget.theme(crate::theme::look(self.settings.theme(), page));
    }

    /// Whether the page's colour scheme is dark now.
    pub fn dark(&self) -> bool {
        self.page().dark
    }

    /// Holds listeners the chart attached, and the observer of its width.
    pub fn hold(&mut self, listeners: impl IntoIterator<Item = super::dom::Listener>) {
        self.listeners.extend(listeners);
    }
    pub fn hold_width_watch(&mut self, observer: Option<super::dom::Observer>) {
        self.width_watch = observer;
    }

    pub fn sound(&self) -> Option<&super::sound::Sound> {
        self.sound.as_ref()
    }
    pub fn sound_mut(&mut self) -> Option<&mut super::sound::Sound> {
        self.sound.as_mut()
    }
    pub fn set_sound(&mut self, sound: super::sound::Sound) {
        self.sound = Some(sound);
    }
    /// The "Listen" button pressed (the tones playing) or not.
    pub fn set_pressed(&self, pressed: bool) {
        self.widget.set_listening(pressed);
    }

    /// Detaches every listener and observer, cancels every pending frame, and stops
    /// and closes the chart's sound (on destroy).
    pub fn detach(&mut self) {
        if let Some(sound) = self.sound.take() {
            sound.close();
        }
        self.listeners.clear();
        self.width_watch = None;
        self.pointer_frame = None;
        self.render_frame = None;
        self.ratio_watch = None;
        self.redraw.unwatched();
    }

    /// Listeners and observers attached now.
    #[cfg(feature = "probes")]
    pub fn listener_count(&self) -> usize {
        self.listeners.len() + self.width_watch.is_some() as usize + self.ratio_watch.is_some() as usize
    }
    pub fn show_alert(&self, message: Option<&str>) {
        self.widget.show_alert(message);
    }
}

/// Sends one input through the reading rules and applies the answer; a frame asked
/// for comes back as `Input::Frame`.
pub fn send(shared: &Shared, input: Input) {
    let fx = {
        let st = &mut *shared.borrow_mut();
        let fx = st.highlight.handle(input, st.widget.layout());
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
    let frame = st.widget.frame_now();
    let fx = st.highlight.handle(Input::Frame(frame), st.widget.layout());
    st.apply(fx);
}

/// A redraw's frame: the colours if the scheme changed, then the layout and drawing.
fn render_frame(st: &mut State, weak: &Weak<RefCell<State>>) {
    if std::mem::take(&mut st.theme_stale) {
        st.refresh_theme();
    }
    let result = st.relayout();
    st.widget.show_alert(result.err().map(|e| super::js::message_of(&e.into())).as_deref());
    watch_ratio(st, weak);
}

/// Arms the listener for the screen's pixel ratio changing, if the rules say so
/// (the first time, and at each new ratio: its media query names one ratio).
pub fn watch_ratio(st: &mut State, weak: &Weak<RefCell<State>>) {
    let Some(ratio) = st.redraw.ratio_to_watch(st.widget.screen_dpr()) else { return };
    let query = super::shell::ratio_query(ratio);
    let weak = weak.clone();
    st.ratio_watch = Some(super::dom::Listener::new(&query, "change", false, move |_| {
        if let Some(shared) = weak.upgrade() {
            follow(&shared, Change::Ratio(super::dom::device_pixel_ratio()));
        }
    }));
}

/// Tells the redraw rules what the page reported, and does what they answer: a
/// redraw on the next frame (the colours read again first, if they say so), or at
/// once for paper (no frame runs while a page is printed), the focus ring off.
#[inline(never)]
pub fn follow(shared: &Shared, change: Change) {
    let mut st = shared.borrow_mut();
    let st = &mut *st;
    let redo = st.redraw.handle(change, st.settings.theme());
    if redo.at_once {
        st.refresh_theme();
        st.widget.focus_ring(false);
        let result = st.relayout();
        st.widget.show_alert(result.err().map(|e| super::js::message_of(&e.into())).as_deref());
    } else if redo.frame {
        st.theme_stale |= redo.theme;
        if let Some(frames) = &st.render_frame {
            frames.request();
        }
    }
}

/// Makes the state's two frame callbacks, once it is shared (they hold it weakly:
/// the state owns them, so a strong reference would cycle).
pub fn make_frame_loops(shared: &Shared) {
    let pointer = FrameLoop::new(Rc::downgrade(shared), pointer_frame);
    let render = FrameLoop::new(Rc::downgrade(shared), render_frame);
    let mut st = shared.borrow_mut();
    st.pointer_frame = Some(pointer);
    st.render_frame = Some(render);
}

/// Focus changes: the ring, and the rules' answer to losing focus.
pub fn focus(shared: &Shared, focused: bool) {
    shared.borrow().widget.focus_ring(focused);
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


//! Reading the figures: hover, tap and keyboard highlight, the tooltip overlay and
//! live announcements. Hit testing and tooltip placement are the pure core's
//! (`hit`, `layout::place_tooltip`); this module only wires events to them.
//!
//! Painting: the highlight is drawn on a transparent overlay canvas above the chart,
//! so a change repaints two bars (clear one, draw one), whatever the number of bars,
//! and the chart itself is never redrawn on hover. Pointer moves are coalesced to at
//! most one update per animation frame; moving within one row repaints nothing.

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlElement, KeyboardEvent, PointerEvent};

use crate::describe;
use crate::hit::{self, Step};
use crate::layout::{self, Layout, Rect};
use crate::render;
use crate::theme;

use super::dom;
use super::view::{self, Pending, Shared, State, View};

/// What last set the highlight: it decides what clears it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Mouse,
    Touch,
    Keyboard,
}

/// The chart box and the canvas, in page coordinates.
struct Frame {
    root: (f64, f64),
    canvas: Rect,
}

fn frame(view: &View) -> Frame {
    let r = view.root.get_bounding_client_rect();
    let c = view.canvas.get_bounding_client_rect();
    Frame { root: (r.left(), r.top()), canvas: Rect { x: c.left(), y: c.top(), w: c.width(), h: c.height() } }
}

impl Frame {
    /// CSS-pixel factor between the laid-out width and the width on screen (they
    /// differ only if a page's CSS resizes our canvas).
    fn scale(&self, layout: &Layout) -> f64 {
        if self.canvas.w > 0.0 { self.canvas.w / layout.width } else { 1.0 }
    }
    /// A layout point in the root's coordinates (where the tooltip is positioned).
    fn layout_to_root(&self, layout: &Layout, p: (f64, f64)) -> (f64, f64) {
        let s = self.scale(layout);
        (self.canvas.x - self.root.0 + p.0 * s, self.canvas.y - self.root.1 + p.1 * s)
    }
}

/// The row under a pointer event and the anchor for its tooltip (root coordinates).
/// Uses the event's offset (relative to the canvas) and the canvas's offset in the
/// root: no bounding-box query on the hot path of every pointer move.
fn locate(view: &View, e: &PointerEvent) -> (Option<usize>, (f64, f64)) {
    let canvas: &HtmlElement = view.canvas.unchecked_ref();
    let shown = canvas.client_width() as f64;
    // A page's CSS may show the canvas narrower than laid out (max-width: 100%).
    let s = if shown > 0.0 { shown / view.layout.width } else { 1.0 };
    let (ox, oy) = (e.offset_x() as f64, e.offset_y() as f64);
    let row = hit::row_at(&view.layout, ox / s, oy / s);
    (row, (canvas.offset_left() as f64 + ox, canvas.offset_top() as f64 + oy))
}

/// Repaints the overlay if the highlighted row changes: clears the old bar, draws
/// the new one. Never touches the chart canvas.
fn paint_highlight(state: &mut State, row: Option<usize>) {
    if state.shown == row {
        return;
    }
    let v = &mut state.view;
    if let Some(old) = state.shown.and_then(|i| v.layout.rows.get(i)) {
        // One device pixel of margin covers anti-aliased edges.
        let b = old.bar;
        v.overlay_ctx.clear_rect(
            (b.x * v.dpr).floor() - 1.0,
            (b.y * v.dpr).floor() - 1.0,
            (b.w * v.dpr).ceil() + 2.0,
            (b.h * v.dpr).ceil() + 2.0,
        );
    }
    if let Some(new) = row.and_then(|i| v.layout.rows.get(i)) {
        let _ = render::draw_bar(&mut v.overlay_backend, new, v.theme.bar_highlight, v.dpr);
    }
    state.shown = row;
    state.overlay_paints += 1;
}

/// Fills the tooltip for `row` (text only, through textContent) and places it next to
/// `anchor`, inside the chart's box and the viewport. Reads the page's geometry
/// before writing anything and sizes the tooltip by measuring its text, so it forces
/// no layout however often it runs.
fn show_tooltip(state: &mut State, row: usize, anchor: (f64, f64), refill: bool) {
    let v = &state.view;
    // Reads first, while layout is clean.
    let root = v.root.get_bounding_client_rect();
    let canvas: &HtmlElement = v.canvas.unchecked_ref();
    let (cx, cy, cw, ch) = (
        canvas.offset_left() as f64,
        canvas.offset_top() as f64,
        canvas.client_width() as f64,
        canvas.client_height() as f64,
    );
    if refill {
        // Each row's words and measured size are computed once per render: hovering
        // back and forth over the same rows measures no text again.
        if state.tip_cache.len() != v.layout.rows.len() {
            state.tip_cache = vec![None; v.layout.rows.len()];
        }
        if state.tip_cache[row].is_none() {
            let region = v.layout.rows[row].region;
            let (name, lines) = describe::tooltip(&v.data, region, v.lang);
            let measure = dom::CanvasMeasure::new(v.ctx.clone(), &v.theme.font);
            let size = layout::tooltip_size(&name, &lines, &measure);
            state.tip_cache[row] = Some((name, lines, size));
        }
        if let Some((name, lines, size)) = &state.tip_cache[row] {
            state.tip_size = *size;
            v.tip_text[0].set_text_content(Some(name));
            for (i, el) in v.tip_text[1..].iter().enumerate() {
                let line = lines.get(i);
                el.set_text_content(line.map(String::as_str));
                dom::style(el, &[("display", if line.is_some() { "block" } else { "none" })]);
            }
        }
    }
    let (vw, vh) = web_sys::window()
        .map(|w| {
            let n = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(f64::MAX);
            (n(w.inner_width()), n(w.inner_height()))
        })
        .unwrap_or((f64::MAX, f64::MAX));
    // The chart's box, cut to the viewport, in root coordinates.
    let left = cx.max(-root.left());
    let top = cy.max(-root.top());
    let right = (cx + cw).min(vw - root.left());
    let bottom = (cy + ch).min(vh - root.top());
    let area = Rect { x: left, y: top, w: (right - left).max(0.0), h: (bottom - top).max(0.0) };
    let (x, y) = layout::place_tooltip(anchor, state.tip_size, area);
    dom::style(&v.tooltip, &[("display", "block"), ("width", &px(state.tip_size.0)), ("left", &px(x)), ("top", &px(y))]);
}

fn px(v: f64) -> String {
    format!("{}px", v.round() as i32)
}

fn hide_tooltip(view: &View) {
    dom::style(&view.tooltip, &[("display", "none")]);
}

/// Sets the highlight to `row` (or clears it) at once, with its tooltip.
pub fn set_highlight(state: &mut State, row: Option<usize>, anchor: (f64, f64), source: Source) {
    let changed = state.shown != row;
    paint_highlight(state, row);
    state.source = row.map(|_| source);
    match row {
        Some(i) => {
            show_tooltip(state, i, anchor, changed);
            if source != Source::Mouse && changed {
                let region = state.view.layout.rows[i].region;
                let text = describe::announcement(&state.view.data, region, state.view.lang);
                state.view.live.set_text_content(Some(&text));
            }
        }
        None => hide_tooltip(&state.view),
    }
}

/// Queues a pointer update for the next animation frame: many moves, one update.
fn schedule(shared: &Shared, row: Option<usize>, anchor: (f64, f64)) {
    shared.borrow_mut().pending = Some(Pending { row, anchor });
    view::once_next_frame(shared, |s| &mut s.frame, |s, _| {
        if let Some(p) = s.pending.take() {
            // A touch or keyboard highlight is not cleared by a mouse leaving.
            if p.row.is_none() && s.source.is_some_and(|src| src != Source::Mouse) {
                return;
            }
            set_highlight(s, p.row, p.anchor, Source::Mouse);
        }
    });
}

/// The anchor for a keyboard highlight: the end of the bar, in root coordinates.
fn bar_anchor(view: &View, row: usize) -> (f64, f64) {
    let bar = view.layout.rows[row].bar;
    frame(view).layout_to_root(&view.layout, (bar.right(), bar.center().1))
}

fn focus_ring(canvas: &HtmlCanvasElement, on: bool, color: &str) {
    let el: &HtmlElement = canvas.unchecked_ref();
    if on {
        dom::style(el, &[("outline", &format!("2px solid {color}")), ("outline-offset", "2px")]);
    } else {
        dom::style(el, &[("outline", "none")]);
    }
}

/// Attaches every listener the chart needs. The chart owns what this returns:
/// dropping the listeners detaches them. `events` counts handled events (tests
/// use it to prove nothing fires after destroy).
pub fn attach(shared: &Shared, events: &Rc<Cell<u32>>) -> Vec<EventListener> {
    let (canvas, root) = {
        let s = shared.borrow();
        (s.view.canvas.clone(), s.view.root.clone())
    };
    let root_value: wasm_bindgen::JsValue = root.into();
    let mut out = Vec::new();
    let on = |target: &web_sys::EventTarget, kind: &'static str, f: Box<dyn Fn(&web_sys::Event)>| {
        let events = events.clone();
        EventListener::new(target, kind, move |e| {
            events.set(events.get() + 1);
            f(e)
        })
    };

    let s = shared.clone();
    out.push(on(&canvas, "pointermove", Box::new(move |e| {
        let Some(e) = e.dyn_ref::<PointerEvent>() else { return };
        if e.pointer_type() == "touch" {
            return; // touch reads on tap (pointerup), not while the finger slides
        }
        let (row, anchor) = locate(&s.borrow().view, e);
        schedule(&s, row, anchor);
    })));

    let s = shared.clone();
    out.push(on(&canvas, "pointerleave", Box::new(move |e| {
        let Some(e) = e.dyn_ref::<PointerEvent>() else { return };
        if e.pointer_type() != "touch" {
            schedule(&s, None, (0.0, 0.0));
        }
    })));

    // A tap shows the row's tooltip; a tap on the same row or elsewhere hides it.
    // pointerup, not pointerdown: a finger that starts a scroll gets pointercancel.
    let s = shared.clone();
    out.push(on(&canvas, "pointerup", Box::new(move |e| {
        let Some(e) = e.dyn_ref::<PointerEvent>() else { return };
        if e.pointer_type() != "touch" {
            return;
        }
        let mut st = s.borrow_mut();
        st.cancel_pointer_frame();
        let (row, anchor) = locate(&st.view, e);
        // Above the finger, which covers what is below it.
        let anchor = (anchor.0, anchor.1 - 48.0);
        let next = if row == st.shown { None } else { row };
        set_highlight(&mut st, next, anchor, Source::Touch);
    })));

    let s = shared.clone();
    out.push(on(&canvas, "pointercancel", Box::new(move |_| {
        let mut st = s.borrow_mut();
        if st.source == Some(Source::Touch) {
            set_highlight(&mut st, None, (0.0, 0.0), Source::Touch);
        }
    })));

    let s = shared.clone();
    let events_k = events.clone();
    out.push(EventListener::new_with_options(
        &canvas,
        "keydown",
        EventListenerOptions::enable_prevent_default(),
        move |e| {
            events_k.set(events_k.get() + 1);
            let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
            let Some(step) = Step::from_key(&e.key()) else { return };
            if e.alt_key() || e.ctrl_key() || e.meta_key() {
                return;
            }
            e.prevent_default(); // arrows would scroll the page
            let mut st = s.borrow_mut();
            st.cancel_pointer_frame();
            let next = step.apply(st.shown, st.view.layout.rows.len());
            let anchor = next.map(|i| bar_anchor(&st.view, i)).unwrap_or_default();
            if next.is_none() {
                st.view.live.set_text_content(Some(""));
            }
            set_highlight(&mut st, next, anchor, Source::Keyboard);
        },
    ));

    let s = shared.clone();
    out.push(on(&canvas, "focus", Box::new(move |_| {
        let st = s.borrow();
        // Only for keyboard focus, as :focus-visible decides (not on a mouse click).
        let visible = st.view.canvas.matches(":focus-visible").unwrap_or(true);
        focus_ring(&st.view.canvas, visible, &theme::hex(st.view.theme.bar));
    })));

    let s = shared.clone();
    out.push(on(&canvas, "blur", Box::new(move |_| {
        let mut st = s.borrow_mut();
        focus_ring(&st.view.canvas, false, "");
        if st.source == Some(Source::Keyboard) {
            set_highlight(&mut st, None, (0.0, 0.0), Source::Keyboard);
        }
    })));

    // A tap outside the chart dismisses a touch tooltip.
    if let Ok(doc) = dom::document() {
        let s = shared.clone();
        out.push(on(&doc, "pointerdown", Box::new(move |e| {
            // The composed path sees through shadow roots (the custom element's), where
            // the event's target is retargeted to the host.
            let inside = e.composed_path().includes(&root_value, 0);
            let mut st = s.borrow_mut();
            if !inside && st.source == Some(Source::Touch) {
                set_highlight(&mut st, None, (0.0, 0.0), Source::Touch);
            }
        })));
    }

    // A scrolling page moves the chart away from the finger: never leave a tooltip
    // stuck where the tap was.
    if let Some(win) = web_sys::window() {
        let s = shared.clone();
        out.push(on(&win, "scroll", Box::new(move |_| {
            let mut st = s.borrow_mut();
            if st.source == Some(Source::Touch) {
                set_highlight(&mut st, None, (0.0, 0.0), Source::Touch);
            }
        })));
    }
    out
}

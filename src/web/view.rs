//! The chart's elements and state, and `render`: from the settings, the widget's
//! width, the screen's pixel ratio and the page's CSS, lay out and paint everything.
//! Called on mount, on `update()`, and when the size, ratio or colour scheme change.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_render::AnimationFrame;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Document, Element, HtmlAnchorElement, HtmlCanvasElement, HtmlElement};

use crate::data::Dataset;
use crate::describe;
use crate::layout::{self, Layout};
use crate::locale::Lang;
use crate::options::{DataInput, Options};
use crate::render;
use crate::theme::{self, CSS_COLOR_PROPERTIES, CSS_FONT_PROPERTY, Theme, ThemeChoice};

use super::dom::{self, CanvasMeasure, create, style};
use super::{a11y, error};

/// Width used while the widget has none (a hidden container): redrawn when shown.
pub const FALLBACK_WIDTH: f64 = 640.0;

/// What the newsroom asked for; `update()` merges into it.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub lang: Lang,
    pub theme: ThemeChoice,
    pub data: Option<DataInput>,
}

impl Settings {
    /// Fields given in `o` replace ours; the others stay.
    pub fn merge(&mut self, o: Options) {
        if let Some(lang) = o.lang {
            self.lang = lang;
        }
        if let Some(theme) = o.theme {
            self.theme = theme;
        }
        if o.data.is_some() {
            self.data = o.data;
        }
    }

    pub fn dataset(&self) -> Dataset {
        match &self.data {
            Some(input) => input.to_dataset(self.lang),
            None => Dataset::article(self.lang),
        }
    }
}

/// The chart's elements and what they currently show.
pub struct View {
    pub data: Dataset,
    pub lang: Lang,
    pub theme: Theme,
    pub layout: Layout,
    /// The ratio the canvas is drawn at: the screen's, unless capped for a canvas
    /// too large for the browser (see `render::effective_scale`).
    pub dpr: f64,
    /// The screen's devicePixelRatio when last rendered (what the watchers compare).
    pub screen_dpr: f64,
    pub root: HtmlElement,
    pub canvas: HtmlCanvasElement,
    pub ctx: CanvasRenderingContext2d,
    pub overlay: HtmlCanvasElement,
    pub overlay_ctx: CanvasRenderingContext2d,
    pub overlay_backend: CanvasBackend,
    pub tooltip: HtmlElement,
    /// The tooltip's name line and up to three fact lines, made once and refilled.
    pub tip_text: [HtmlElement; 4],
    pub live: HtmlElement,
    pub table_box: HtmlElement,
    pub download: HtmlAnchorElement,
    pub alert: HtmlElement,
}

/// A pointer update waiting for the next animation frame.
pub struct Pending {
    pub row: Option<usize>,
    pub anchor: (f64, f64),
}

pub struct State {
    pub view: View,
    pub settings: Settings,
    /// The highlighted row (index into `layout.rows`), as painted.
    pub shown: Option<usize>,
    pub source: Option<super::Source>,
    pub pending: Option<Pending>,
    pub frame: Option<AnimationFrame>,
    /// A re-render waiting for the next frame (resize, ratio or scheme change).
    pub render_frame: Option<AnimationFrame>,
    /// The tooltip's size as last measured (CSS px).
    pub tip_size: (f64, f64),
    /// Per row: the tooltip's name, lines and size, filled on first hover, emptied
    /// by every render.
    pub tip_cache: Vec<Option<(String, Vec<String>, (f64, f64))>>,
    /// Overlay repaints so far: tests check hover does not repaint needlessly.
    pub overlay_paints: u32,
    /// Full renders so far: tests check resizing does not loop.
    pub renders: u32,
    /// Which observed widths to follow (see `layout::WidthFollower`).
    pub follower: layout::WidthFollower,
    /// The width the next render lays out, when the follower chose one; otherwise
    /// the widget's own width is read.
    pub target_width: Option<f64>,
    /// The ratio being watched for a change, and its listener.
    pub ratio_watch: Option<(f64, gloo_events::EventListener)>,
}

pub type Shared = Rc<RefCell<State>>;

impl State {
    /// Drops a pending pointer update (dropping the frame cancels it).
    pub fn cancel_pointer_frame(&mut self) {
        self.frame = None;
        self.pending = None;
    }

    /// Cancels every pending animation frame.
    pub fn cancel_frames(&mut self) {
        self.frame = None;
        self.pending = None;
        self.render_frame = None;
        self.ratio_watch = None;
    }
}

/// Runs `run` on the next animation frame, once however often it is asked before
/// then: `slot` holds the pending frame (dropping it cancels it). The callback holds
/// the state weakly: the state owns the frame, so a strong reference would cycle.
pub fn once_next_frame(
    shared: &Shared,
    slot: fn(&mut State) -> &mut Option<AnimationFrame>,
    run: fn(&mut State, &std::rc::Weak<RefCell<State>>),
) {
    let mut s = shared.borrow_mut();
    if slot(&mut s).is_some() {
        return;
    }
    let weak = Rc::downgrade(shared);
    *slot(&mut s) = Some(gloo_render::request_animation_frame(move |_| {
        let Some(shared) = weak.upgrade() else { return };
        let mut st = shared.borrow_mut();
        *slot(&mut st) = None;
        run(&mut st, &weak);
    }));
}

/// Creates the widget's elements (not yet in the page).
pub fn build(doc: &Document, settings: Settings) -> Result<State, JsError> {
    let root: HtmlElement = create(doc, "div")?;
    root.set_class_name("mali-idp-chart");
    // Our own box model and alignment, whatever the page's CSS says.
    style(&root, &[
        ("position", "relative"),
        ("box-sizing", "border-box"),
        ("width", "100%"),
        ("min-width", "0"),
        ("padding", "0"),
        ("margin", "0"),
        ("border", "0"),
        ("direction", "ltr"),
        ("text-align", "left"),
        ("line-height", "normal"),
    ]);

    let canvas: HtmlCanvasElement = create(doc, "canvas")?;
    // max-width: 100% lets flex and grid parents shrink us (a replaced element with a
    // percentage max-width adds nothing to their min-content width): no resize loop.
    style(canvas.unchecked_ref(), &[("display", "block"), ("max-width", "100%"), ("box-sizing", "content-box"), ("padding", "0"), ("border", "0"), ("margin", "0")]);
    let overlay: HtmlCanvasElement = create(doc, "canvas")?;
    let _ = overlay.set_attribute("aria-hidden", "true");
    style(overlay.unchecked_ref(), &[("position", "absolute"), ("left", "0"), ("top", "0"), ("max-width", "100%"), ("pointer-events", "none"), ("box-sizing", "content-box"), ("padding", "0"), ("border", "0"), ("margin", "0")]);

    let tooltip: HtmlElement = create(doc, "div")?;
    tooltip.set_class_name("mali-idp-chart__tooltip");
    let _ = tooltip.set_attribute("role", "tooltip");
    style(&tooltip, &[
        ("position", "absolute"),
        ("display", "none"),
        ("pointer-events", "none"),
        ("z-index", "1"),
        ("box-sizing", "border-box"),
        ("max-width", "280px"),
        ("margin", "0"),
        ("padding", "6px 9px"), // layout::TIP_PAD
        ("border-radius", "4px"),
        ("box-shadow", "0 2px 6px rgba(0,0,0,.18)"),
        ("font-size", "13px"), // layout::TIP_FONT
        ("line-height", "1.4"), // layout::TIP_LINE
        ("text-align", "left"),
        ("white-space", "normal"),
        ("overflow-wrap", "anywhere"),
    ]);
    let tip_text: [HtmlElement; 4] = [create(doc, "strong")?, create(doc, "div")?, create(doc, "div")?, create(doc, "div")?];
    for el in &tip_text {
        style(el, &[("display", "block"), ("margin", "0"), ("padding", "0"), ("font-size", "13px"), ("line-height", "1.4")]);
        tooltip.append_child(el).map_err(|_| error("cannot build the chart"))?;
    }
    let live = a11y::live_region(doc)?;
    let table_box = a11y::hidden_box(doc)?;

    let footer: HtmlElement = create(doc, "div")?;
    footer.set_class_name("mali-idp-chart__footer");
    style(&footer, &[("margin", "0"), ("padding", "0 12px 10px"), ("font-size", "13px"), ("line-height", "1.4")]);
    let download: HtmlAnchorElement = create(doc, "a")?;
    footer.append_child(&download).map_err(|_| error("cannot build the chart"))?;

    let alert: HtmlElement = create(doc, "div")?;
    alert.set_class_name("mali-idp-chart__error");
    let _ = alert.set_attribute("role", "alert");
    style(&alert, &[("display", "none")]);
    style(&alert, ERROR_STYLE);

    for child in [
        alert.unchecked_ref::<Element>(),
        canvas.unchecked_ref(),
        overlay.unchecked_ref(),
        tooltip.unchecked_ref(),
        footer.unchecked_ref(),
        live.unchecked_ref(),
        table_box.unchecked_ref(),
    ] {
        root.append_child(child).map_err(|_| error("cannot build the chart"))?;
    }

    let ctx = dom::context_2d(&canvas)?;
    let overlay_ctx = dom::context_2d(&overlay)?;
    let overlay_backend =
        CanvasBackend::with_canvas_object(overlay.clone()).ok_or_else(|| error("cannot draw on the canvas"))?;
    let lang = settings.lang;
    let view = View {
        data: settings.dataset(),
        lang,
        theme: theme::LIGHT,
        layout: Layout { width: 0.0, height: 0.0, rows: vec![], texts: vec![], stacked: false, pad: 0.0 },
        dpr: 1.0,
        screen_dpr: 1.0,
        root,
        canvas,
        ctx,
        overlay,
        overlay_ctx,
        overlay_backend,
        tooltip,
        tip_text,
        live,
        table_box,
        download,
        alert,
    };
    Ok(State {
        view,
        settings,
        shown: None,
        source: None,
        pending: None,
        frame: None,
        render_frame: None,
        tip_size: (0.0, 0.0),
        tip_cache: Vec::new(),
        overlay_paints: 0,
        renders: 0,
        ratio_watch: None,
        follower: layout::WidthFollower::default(),
        target_width: None,
    })
}

/// How errors look inside the widget (the box replaces a chart that cannot be drawn).
pub const ERROR_STYLE: &[(&str, &str)] = &[
    ("box-sizing", "border-box"),
    ("margin", "0 0 8px"),
    ("padding", "10px 12px"),
    ("border", "1px solid #d08a8a"),
    ("border-radius", "4px"),
    ("background", "#fdf2f2"),
    ("color", "#7a1414"),
    ("font", "14px/1.45 sans-serif"),
    ("text-align", "left"),
    ("overflow-wrap", "anywhere"),
];

/// The reader's colour scheme.
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

pub fn device_pixel_ratio() -> f64 {
    web_sys::window().map(|w| w.device_pixel_ratio()).filter(|r| r.is_finite() && *r > 0.0).unwrap_or(1.0)
}

/// The theme asked for, with the page's CSS custom properties applied. Colours are
/// normalised by the canvas (any CSS colour syntax works); invalid ones are ignored.
fn resolve_theme(view: &View, choice: ThemeChoice) -> Theme {
    let mut t = choice.base(prefers_dark()).clone();
    let Some(css) = web_sys::window().and_then(|w| w.get_computed_style(&view.root).ok().flatten()) else {
        return t;
    };
    for prop in CSS_COLOR_PROPERTIES {
        let value = css.get_property_value(prop).unwrap_or_default();
        if value.trim().is_empty() {
            continue;
        }
        // A canvas reads any CSS colour and hands it back as #rrggbb or rgba(...);
        // an invalid one leaves the previous fill style, so reset it first.
        view.ctx.set_fill_style_str("#010203");
        view.ctx.set_fill_style_str(value.trim());
        let normal = view.ctx.fill_style().as_string().unwrap_or_default();
        if normal != "#010203" || value.trim() == "#010203" {
            if let (Some(slot), Some(rgb)) = (t.slot(prop), theme::parse_color(&normal)) {
                *slot = rgb;
            }
        }
    }
    let font = css.get_property_value(CSS_FONT_PROPERTY).unwrap_or_default();
    if !font.trim().is_empty() {
        t.font = font.trim().to_string().into();
    }
    t
}

/// Lays out and paints everything for the current settings, width, ratio and CSS.
pub fn render(state: &mut State) -> Result<(), JsError> {
    let v = &mut state.view;
    let lang = state.settings.lang;
    v.data = state.settings.dataset();
    v.lang = lang;
    v.theme = resolve_theme(v, state.settings.theme);
    v.screen_dpr = device_pixel_ratio();
    let width = match (state.target_width.take(), v.root.client_width()) {
        (Some(w), _) => w,
        (None, w) if w > 0 => w as f64,
        _ => FALLBACK_WIDTH,
    };
    state.follower.laid_out(width, js_sys::Date::now());
    let measure = CanvasMeasure::new(v.ctx.clone(), &v.theme.font);
    v.layout = layout::compute(&v.data, lang, width, &measure);
    v.dpr = render::effective_scale(&v.layout, v.screen_dpr);

    let (w, h) = render::backing_size(&v.layout, v.dpr);
    let css_w = format!("{}px", v.layout.width as u32);
    let css_h = format!("{}px", v.layout.height as u32);
    for c in [&v.canvas, &v.overlay] {
        c.set_width(w); // also clears the overlay's highlight
        c.set_height(h);
        style(c.unchecked_ref(), &[("width", &css_w), ("height", &css_h)]);
    }
    let mut backend =
        CanvasBackend::with_canvas_object(v.canvas.clone()).ok_or_else(|| error("cannot draw on the canvas"))?;
    render::draw(&mut backend, &v.layout, &v.theme, v.dpr, None).map_err(|e| error(format!("drawing failed: {e}")))?;
    state.shown = None;
    state.source = None;
    state.tip_cache.clear();

    // The words around the canvas, in the same language and colours.
    let (bg, text, muted, bar) =
        (theme::hex(v.theme.background), theme::hex(v.theme.text), theme::hex(v.theme.muted), theme::hex(v.theme.bar));
    let _ = v.root.set_attribute("lang", lang.tag());
    style(&v.root, &[("background-color", &bg), ("color", &text), ("font-family", &v.theme.font)]);
    style(&v.tooltip, &[("background-color", &bg), ("color", &text), ("border", &format!("1px solid {muted}"))]);
    style(&v.tooltip, &[("display", "none")]);
    a11y::label_canvas(&v.canvas, &v.data, lang);
    a11y::fill_table(&dom::document()?, &v.table_box, &v.data, lang)?;
    v.live.set_text_content(Some(""));
    let t = lang.text();
    v.download.set_text_content(Some(t.download));
    v.download.set_download(t.download_file);
    let csv = format!("\u{FEFF}{}", describe::csv(&v.data, lang));
    v.download.set_href(&format!("data:text/csv;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&csv))));
    style(v.download.unchecked_ref(), &[("color", &bar)]);
    if let Some(footer) = v.download.parent_element() {
        let pad = v.layout.pad as u32;
        style(footer.unchecked_ref(), &[("padding", &format!("0 {pad}px {pad}px"))]);
    }
    state.renders += 1;
    Ok(())
}

/// Shows `message` in the widget's alert box (or hides it with `None`).
pub fn show_alert(view: &View, message: Option<&str>) {
    view.alert.set_text_content(message);
    style(&view.alert, &[("display", if message.is_some() { "block" } else { "none" })]);
}

//! The chart's elements and what they show. Each method writes one part, from what
//! the core computed: the words around the canvas (content), the colours (theme),
//! the layout, canvases and drawing (geometry), and the reading effects (highlight
//! overlay, tooltip, live region); the PNG the image link offers (`image`) and the
//! texts as real text on paper (`paper`). No rule is decided here.

use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, Element, HtmlAnchorElement, HtmlCanvasElement, HtmlElement};

use crate::data::Dataset;
use crate::layout::{self, CanvasFrame, Estimate, Layout, TOOLTIP, View};
use crate::locale::Lang;
use crate::render;
use crate::theme::{self, CSS_COLOR_PROPERTIES, CSS_FONT_PROPERTY, Look, Theme};
use crate::words;

use super::dom::{self, style};
use super::shell::{aspect, color, computed, page_color, px, system_color, translate};

mod image;
mod paper;

/// A colour as one number, 0xRRGGBB, for the shell's `color`.
fn rgb((r, g, b): theme::Rgb) -> u32 {
    (r as u32) << 16 | (g as u32) << 8 | b as u32
}

/// A colour from the shell (0xRRGGBB; negative: none).
fn from_rgb(c: i32) -> Option<theme::Rgb> {
    (c >= 0).then(|| ((c >> 16) as u8, (c >> 8) as u8, c as u8))
}
use super::{a11y, error};

/// A tooltip's words and measured size, computed once per item and drawing.
pub struct Tip {
    pub name: String,
    /// The fact lines, one per line (the tooltip shows them with `pre-line`).
    pub lines: String,
    pub size: (f64, f64),
}

/// The chart's elements and what they currently show, by job: the drawing (canvas,
/// layout, colours, ratio), the highlight overlay, the tooltip, the words around the
/// canvas (links, table, live region, alert) and where the canvas is on the page.
pub struct Widget {
    root: HtmlElement,
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    theme: Theme,
    layout: Layout,
    /// The ratio the canvas is drawn at: the screen's, unless capped for a canvas too
    /// large for the browser (see `render::effective_scale`).
    dpr: f64,
    /// The screen's devicePixelRatio when last drawn (what the watchers compare).
    screen_dpr: f64,
    /// On paper, the chart's texts as real text over the drawing (see `paint`).
    print_layer: Option<HtmlElement>,
    /// Laid out for paper (see `lay_out`).
    paper: bool,
    overlay: Overlay,
    tooltip: TooltipBox,
    links: Links,
    live: HtmlElement,
    table_box: HtmlElement,
    alert: HtmlElement,
    place: Place,
}

/// The highlight: a canvas one item in size (plus a device pixel around), moved over
/// the highlighted item. Clearing and filling it costs the same on a chart of 4 bars
/// or 1,000 (on a canvas as tall as the chart, the same two rectangles took 5× longer
/// at 16,000 px, measured in Chromium).
struct Overlay {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    backend: CanvasBackend,
    /// Its top-left corner in the chart canvas's device pixels.
    at: (i32, i32),
}

/// The tooltip: its bold name and its fact lines (one text, line breaks kept), made
/// once and refilled (two text writes per new item), and what it shows now, so that
/// nothing is written twice.
struct TooltipBox {
    el: HtmlElement,
    text: [HtmlElement; 2],
    shown: bool,
    /// Its width in CSS pixels, as last set (0: not yet).
    width: f64,
}

/// The footer and its two links: the CSV, and the chart as a PNG at 2×, drawn when
/// the link is followed (`image_url`).
struct Links {
    footer: HtmlElement,
    download: HtmlAnchorElement,
    image: HtmlAnchorElement,
    /// The "Listen" toggle (`web::sound`).
    listen: HtmlElement,
}

/// Where the canvas is, as last read from the page, and whether that still holds (a
/// scroll, a resize or a pointer entering makes it stale).
struct Place {
    frame: CanvasFrame,
    valid: bool,
}

/// Appends children, or says the chart could not be built.
fn append_all(parent: &Element, children: &[&Element]) -> Result<(), JsError> {
    for child in children {
        parent.append_child(child).map_err(|_| error("cannot build the chart"))?;
    }
    Ok(())
}

/// The widget's elements, in the order `shell.js`'s `build` returns them (an array:
/// one import, where an object's named fields would cost one each).
#[derive(Clone, Copy)]
enum Part {
    Root,
    Canvas,
    Overlay,
    Tooltip,
    TipName,
    TipLines,
    Live,
    Table,
    Footer,
    Csv,
    Image,
    Alert,
    Listen,
}

impl Widget {
    /// Creates the widget's elements (not yet in the page) for `host`, whose
    /// document or shadow root adopts the widget's stylesheet (`style::WIDGET_CSS`).
    pub fn build(host: &Element) -> Result<Widget, JsError> {
        let parts = super::shell::build(host, crate::style::WIDGET_CSS, layout::natural_width());
        let part = |p: Part| parts.get(p as u32);
        let root: HtmlElement = part(Part::Root).unchecked_into();
        let canvas: HtmlCanvasElement = part(Part::Canvas).unchecked_into();
        let overlay: HtmlCanvasElement = part(Part::Overlay).unchecked_into();
        let tooltip: HtmlElement = part(Part::Tooltip).unchecked_into();
        let tip_text: [HtmlElement; 2] = [part(Part::TipName).unchecked_into(), part(Part::TipLines).unchecked_into()];
        let live: HtmlElement = part(Part::Live).unchecked_into();
        let table_box: HtmlElement = part(Part::Table).unchecked_into();
        let footer: HtmlElement = part(Part::Footer).unchecked_into();
        let download: HtmlAnchorElement = part(Part::Csv).unchecked_into();
        let image: HtmlAnchorElement = part(Part::Image).unchecked_into();
        let alert: HtmlElement = part(Part::Alert).unchecked_into();
        let listen: HtmlElement = part(Part::Listen).unchecked_into();
        let ctx = dom::context_2d(&canvas)?;
        let overlay_ctx = dom::context_2d(&overlay)?;
        let overlay_backend =
            CanvasBackend::with_canvas_object(overlay.clone()).ok_or_else(|| error("cannot draw on the canvas"))?;
        Ok(Widget {
            root,
            canvas,
            ctx,
            theme: theme::LIGHT,
            layout: Layout { width: 0.0, height: 0.0, rows: vec![], texts: vec![], stacked: false, pad: 0.0, map: None, figures: 0, rtl: false },
            dpr: 1.0,
            screen_dpr: 1.0,
            print_layer: None,
            paper: false,
            overlay: Overlay { canvas: overlay, ctx: overlay_ctx, backend: overlay_backend, at: (0, 0) },
            tooltip: TooltipBox { el: tooltip, text: tip_text, shown: false, width: 0.0 },
            links: Links { footer, download, image, listen },
            live,
            table_box,
            alert,
            place: Place { frame: CanvasFrame::new(layout::Rect::default(), (0.0, 0.0), 0.0), valid: false },
        })
    }

    pub fn root(&self) -> &HtmlElement {
        &self.root
    }
    pub fn canvas(&self) -> &HtmlCanvasElement {
        &self.canvas
    }
    pub fn layout(&self) -> &Layout {
        &self.layout
    }
    #[cfg(feature = "probes")]
    pub fn theme_colors(&self) -> &Theme {
        &self.theme
    }
    pub fn screen_dpr(&self) -> f64 {
        self.screen_dpr
    }
    pub fn frame(&self) -> &CanvasFrame {
        &self.place.frame
    }
    #[cfg(feature = "probes")]
    pub fn overlay_canvas(&self) -> &HtmlCanvasElement {
        &self.overlay.canvas
    }
    #[cfg(feature = "probes")]
    pub fn tooltip_element(&self) -> &HtmlElement {
        &self.tooltip.el
    }
    #[cfg(feature = "probes")]
    pub fn live_region(&self) -> &HtmlElement {
        &self.live
    }
    /// Layout pixels to device pixels: the screen's ratio × the artboard's scale.
    #[cfg(feature = "probes")]
    pub fn device_pixels_per_layout_pixel(&self) -> f64 {
        self.dpr
    }
    pub fn alert(&self) -> &HtmlElement {
        &self.alert
    }

    /// Shows the chart, built and drawn unseen (`shell::build`).
    pub fn show(&self) {
        self.root.set_class_name("mali-idp-chart");
    }

    /// The words around the canvas, for new data or a new language: the canvas's
    /// accessible name, the data table, the CSV link.
    pub fn content(&self, data: &Dataset, lang: Lang, view: View) -> Result<(), JsError> {
        let _ = self.root.set_attribute("lang", lang.tag());
        // Right to left in Arabic (the tooltip, the table, the links and the live
        // region: `style::WIDGET_CSS` lays out `[dir=rtl]`); otherwise the stylesheet
        // keeps the chart left to right whatever the page's direction. (Only an
        // Arabic build has a right-to-left language, and all its languages are.)
        if lang.rtl() {
            let _ = self.root.set_attribute("dir", "rtl");
        }
        a11y::label_canvas(&self.canvas, data, lang, view);
        a11y::fill_table(&self.table_box, data, lang, view);
        let (t, links) = (lang.text(), &self.links);
        super::shell::links(&links.download, &links.image, t.download, t.download_file, &words::csv(data, lang), t.download_image, t.image_file, &links.listen, t.listen);
        Ok(())
    }

    /// The colours and font asked for, with the page's CSS custom properties applied,
    /// written to the elements around the canvas (the canvas is drawn by `geometry`).
    pub fn theme(&mut self, look: Look) {
        self.theme = self.resolve_theme(look);
        let t = &self.theme;
        for (el, prop, c) in [
            (&self.root, "background-color", t.background),
            (&self.root, "color", t.text),
            (&self.tooltip.el, "background-color", t.background),
            (&self.tooltip.el, "color", t.text),
            (&self.tooltip.el, "border-color", t.muted),
            (self.links.download.unchecked_ref(), "color", t.bar),
            (self.links.image.unchecked_ref(), "color", t.bar),
        ] {
            color(el, prop, rgb(c));
        }
        style(&self.root, &[("font-family", &t.font)]);
    }

    /// The CSS `color-scheme` in force on the chart, as computed (it is inherited:
    /// the page's, or its host's).
    pub fn color_scheme(&self) -> String {
        computed(&self.root, "color-scheme")
    }

    /// The theme for `look`, with the page's `--idp-*` colours unless forced.
    /// Colours are normalised by the canvas (any CSS colour syntax works); invalid
    /// ones are ignored.
    fn resolve_theme(&self, look: Look) -> Theme {
        let mut t = look.base.clone();
        if look.forced {
            // System colours as the browser has them now, read on the live region.
            return t.forced(|keyword| from_rgb(system_color(&self.live, keyword)));
        }
        for prop in CSS_COLOR_PROPERTIES {
            if let (Some(slot), Some(c)) = (t.slot(prop), from_rgb(page_color(&self.root, &self.ctx, prop))) {
                *slot = c;
            }
        }
        let font = computed(&self.root, CSS_FONT_PROPERTY);
        if !font.is_empty() {
            t.font = font.into();
        }
        t
    }

    /// Lays the chart out at the artboard for `width`, shown at `width`, and draws
    /// it at the screen's ratio (backing store = CSS size × ratio): `lay_out`, then
    /// `paint` (a mount takes them in tasks of their own).
    /// `paper`: drawn for paper, at least that many device pixels per CSS pixel
    /// (`redraw::Redraw::paper_scale`), or for the screen (`None`).
    pub fn lay_out_and_paint(&mut self, data: &Dataset, lang: Lang, view: View, width: f64, paper: Option<f64>) -> Result<(), JsError> {
        self.lay_out(data, lang, view, width, paper);
        self.paint()
    }

    /// Lays the chart out at the artboard for `width`, shown at `width`, and sizes
    /// its canvases (which clears them, the highlight overlay too). Text is measured
    /// by the same estimate as the static picture's, so both lay out alike.
    pub fn lay_out(&mut self, data: &Dataset, lang: Lang, view: View, width: f64, paper: Option<f64>) {
        self.screen_dpr = super::dom::device_pixel_ratio();
        self.layout = layout::compute_view(data, lang, view, layout::artboard(width), &Estimate);
        // Device pixels per CSS pixel: the screen's, or paper's if more; per layout
        // pixel, times the artboard's scale (shown at `width`).
        self.dpr = render::effective_scale(&self.layout, self.screen_dpr.max(paper.unwrap_or(0.0)) * width / self.layout.width);
        self.paper = paper.is_some();
        let (w, h) = render::backing_size(&self.layout, self.dpr);
        self.canvas.set_width(w);
        self.canvas.set_height(h);
        // Whole pixels, as the static picture's drawings give their boxes.
        aspect(self.canvas.unchecked_ref(), self.layout.width.trunc(), self.layout.height.trunc());
        // The scale is known (shown at `width`); where the canvas is, is read when
        // next needed: reading it now would force a layout, and what comes after a
        // render (the static picture removed, an alert shown) may move it anyway.
        self.place.frame.scale = width / self.layout.width;
        self.place.valid = false;
        // The overlay, one device pixel per backing pixel, shown as the chart's
        // device pixels are. (Resizing it also clears it.)
        let (ow, oh) = render::overlay_size(&self.layout, self.dpr);
        self.overlay.canvas.set_width(ow as u32);
        self.overlay.canvas.set_height(oh as u32);
        let css = self.place.frame.css_per_device(self.dpr);
        // Fractions kept: the overlay sits on device pixels.
        px(self.overlay.canvas.unchecked_ref(), "width", ow as f64 * css);
        px(self.overlay.canvas.unchecked_ref(), "height", oh as f64 * css);
        // The footer's sides and foot at the layout's margin, as the static picture's.
        let pad = self.layout.pad.round();
        px(&self.links.footer, "padding-inline", pad);
        px(&self.links.footer, "padding-bottom", pad);
    }

    /// Draws the chart as `lay_out` laid it out.
    pub fn paint(&mut self) -> Result<(), JsError> {
        self.paint_parts(render::Parts::ALL)
    }

    /// Draws `parts` of the chart as `lay_out` laid it out (a mount draws it in
    /// steps). On paper the texts are real text over the drawing instead, all of them:
    /// sharp at any printer's resolution, and in the PDF a reader saves.
    pub fn paint_parts(&mut self, mut parts: render::Parts) -> Result<(), JsError> {
        if !parts.texts.is_empty() {
            if let Some(layer) = self.print_layer.take() {
                layer.remove();
            }
            if self.paper {
                self.print_layer = Some(self.text_layer(self.place.frame.scale)?);
                parts.texts = 0..0;
            }
        }
        // The canvas backend fails only when the context is lost: no detail to add.
        let mut backend =
            CanvasBackend::with_canvas_object(self.canvas.clone()).ok_or_else(|| error("cannot draw on the canvas"))?;
        render::draw_parts(&mut backend, &self.layout, &self.theme, self.dpr, &parts).map_err(|_| error("drawing failed"))
    }

    /// Reads where the canvas is (in the viewport and in the box) and its size as
    /// shown: two bounding boxes.
    fn read_frame(&mut self) -> CanvasFrame {
        let (c, r) = (self.canvas.get_bounding_client_rect(), self.root.get_bounding_client_rect());
        let canvas = layout::Rect { x: c.left(), y: c.top(), w: c.width(), h: c.height() };
        self.place = Place { frame: CanvasFrame::new(canvas, (r.left(), r.top()), self.layout.width), valid: true };
        self.place.frame
    }

    /// Where the canvas is: as last read, unless something may have moved it since
    /// (as uPlot does, hovering then reads nothing from the page).
    pub fn frame_now(&mut self) -> CanvasFrame {
        if self.place.valid { self.place.frame } else { self.read_frame() }
    }

    /// The page scrolled or resized, or a pointer entered: read the frame again
    /// when next needed.
    pub fn frame_moved(&mut self) {
        self.place.valid = false;
    }

    /// Clears `clear`'s bar and paints `fill`'s in the highlight colour, on the
    /// overlay: the chart itself is never redrawn.
    pub fn paint_highlight(&mut self, clear: Option<usize>, fill: Option<usize>) {
        let o = &mut self.overlay;
        if clear.is_some() {
            // It only ever holds one item.
            o.ctx.clear_rect(0.0, 0.0, o.canvas.width() as f64, o.canvas.height() as f64);
        }
        let Some(item) = fill else { return };
        // The item's device box on the chart: the overlay's corner, a whole number of
        // device pixels, taken off every coordinate after the chart's own rounding,
        // so the highlight covers exactly the pixels the chart drew.
        o.at = render::highlight_box(&self.layout, item, self.dpr).0;
        let _ = render::draw_highlight(&mut o.backend, &self.layout, &self.theme, item, self.dpr, o.at);
        let at = o.at;
        let (x, y) = self.frame_now().device_to_box(at, self.dpr);
        translate(self.overlay.canvas.unchecked_ref(), x, y);
    }

    /// The overlay's top-left corner in the chart canvas's device pixels (tests).
    #[cfg(feature = "probes")]
    pub fn overlay_at(&self) -> (i32, i32) {
        self.overlay.at
    }

    /// An item's tooltip: words from the core, sized by the conservative estimate
    /// (the box is never too narrow for its text; no text is measured in the page).
    pub fn measure_tip(&self, data: &Dataset, item: usize, lang: Lang) -> Tip {
        let (name, lines) = words::item_tooltip(data, item, lang);
        let size = TOOLTIP.size(&name, &lines, &Estimate);
        Tip { name, lines: crate::format::join(&lines, "\n"), size }
    }

    /// Shows the tooltip next to layout point `at`, inside the visible part of the
    /// canvas (as the frame last read says), writing its words only when given (a
    /// new item) and moving it by `transform`: it reads nothing from the page but
    /// the viewport's size, so it forces no layout.
    pub fn show_tooltip(&mut self, tip: &Tip, at: (f64, f64), fresh: bool, rtl: bool) {
        let w = super::dom::window();
        let n = |v: Result<JsValue, JsValue>| v.ok().and_then(|v| v.as_f64()).unwrap_or(f64::MAX);
        let viewport = (n(w.inner_width()), n(w.inner_height()));
        let frame = self.frame_now();
        let area = frame.visible(viewport);
        let (x, y) = TOOLTIP.place(frame.to_box(at), tip.size, area, rtl);
        let t = &mut self.tooltip;
        if fresh {
            t.text[0].set_text_content(Some(&tip.name));
            t.text[1].set_text_content(Some(&tip.lines));
            let width = tip.size.0.round();
            if width != t.width {
                px(&t.el, "width", width);
                t.width = width;
            }
        }
        translate(&t.el, x.round(), y.round());
        if !t.shown {
            style(&t.el, &[("display", "block")]);
            t.shown = true;
        }
    }

    pub fn hide_tooltip(&mut self) {
        if self.tooltip.shown {
            style(&self.tooltip.el, &[("display", "none")]);
            self.tooltip.shown = false;
        }
    }

    /// Says `text` in the live region (empty: silence).
    pub fn announce(&self, text: &str) {
        // The same sentence again (a key past the end, a region said by the tune after
        // the arrows said it) would change nothing, and a screen reader would say
        // nothing: it ends with a no-break space every other time.
        let mut text = text.to_string();
        if !text.is_empty() && self.live.text_content().as_deref() == Some(text.as_str()) {
            text.push('\u{A0}');
        }
        self.live.set_text_content(Some(&text));
    }

    /// The "Listen" button, and whether it shows the tones playing.
    pub fn listen_button(&self) -> &HtmlElement {
        &self.links.listen
    }
    pub fn set_listening(&self, on: bool) {
        let _ = self.links.listen.set_attribute("aria-pressed", if on { "true" } else { "false" });
    }

    /// Shows `message` in the widget's alert box (or hides it with `None`).
    pub fn show_alert(&self, message: Option<&str>) {
        self.alert.set_text_content(message);
        style(&self.alert, &[("display", if message.is_some() { "block" } else { "none" })]);
    }

    /// Shows the focus ring (keyboard focus only, as `:focus-visible` decides), inside
    /// the canvas's edge, in its margin: outside, it crossed the footer's links below.
    pub fn focus_ring(&self, focused: bool) {
        let el: &HtmlElement = self.canvas.unchecked_ref();
        if focused && self.canvas.matches(":focus-visible").unwrap_or(true) {
            color(el, "outline", rgb(self.theme.bar));
            style(el, &[("outline-offset", "-2px")]);
        } else {
            style(el, &[("outline", "none")]);
        }
    }

    /// The widget's width (exact, as the static picture's container query sees it),
    /// or `layout::DEFAULT_WIDTH` while it has none.
    pub fn width(&self) -> f64 {
        match self.root.get_bounding_client_rect().width() {
            w if w > 0.0 => w,
            _ => crate::layout::DEFAULT_WIDTH,
        }
    }
}

//! Native SVG output of the same drawing code the canvas uses: for tests, the static
//! fallback image, and the static picture pages carry before any script runs. Native,
//! and in the npm package's `picture` build (plotters' SVG backend is not in the
//! builds pages fetch). One job per file: this one the SVG backend adapter and the
//! drawings; `picture` the picture's HTML (and the element to paste), `css` its
//! stylesheet, `json` JSON and the JSON-LD, `pages` the markers `make fallback`
//! rewrites pages between.

mod css;
mod json;
mod pages;
mod picture;

pub use css::picture_css;
pub use json::{dataset_json_ld, json};
pub use pages::{DATASET_MARKERS, PAGES, TITLE_MARKERS, TITLED_PAGES, between, markers, picture_file, replace_between, replace_marked, titles};
pub use picture::{NAMED_IN_FULL, PICTURE_CLASS, element, picture, picture_view};

use plotters::backend::SVGBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily,
    FontStyle, FontTransform, text_anchor::Pos,
};

use crate::data::Dataset;
use crate::layout::{self, Estimate, Layout, View};
use crate::locale::Lang;
use crate::render::{self, Theme};

/// plotters' SVG backend writes `font-size` as size / 1.24 (a point-size convention
/// of its bitmap fonts) while the canvas backend uses the size as CSS pixels. This
/// wrapper undoes the division so both outputs show text at the same size.
struct SameSizeSvg<'a>(SVGBackend<'a>);

const SVG_FONT_DIVISOR: f64 = 1.24;

struct Scaled<'s, S>(&'s S);

impl<S: BackendTextStyle> BackendTextStyle for Scaled<'_, S> {
    type FontError = S::FontError;
    fn color(&self) -> BackendColor {
        self.0.color()
    }
    fn size(&self) -> f64 {
        self.0.size() * SVG_FONT_DIVISOR
    }
    fn transform(&self) -> FontTransform {
        self.0.transform()
    }
    fn style(&self) -> FontStyle {
        self.0.style()
    }
    fn anchor(&self) -> Pos {
        self.0.anchor()
    }
    fn family(&self) -> FontFamily<'_> {
        self.0.family()
    }
    #[allow(clippy::type_complexity)]
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        self.0.layout_box(text)
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        text: &str,
        pos: BackendCoord,
        draw: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        self.0.draw(text, pos, draw)
    }
}

type Error = <SVGBackend<'static> as DrawingBackend>::ErrorType;

impl DrawingBackend for SameSizeSvg<'_> {
    type ErrorType = Error;
    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Error>> {
        self.0.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Error>> {
        self.0.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<Error>> {
        self.0.draw_pixel(point, color)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Error>> {
        self.0.draw_rect(a, b, style, fill)
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Error>> {
        self.0.draw_text(text, &Scaled(style), pos)
    }
    // The map's shapes, as SVG elements (the trait's defaults would plot pixels).
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Error>> {
        self.0.draw_path(path, style)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Error>> {
        self.0.fill_polygon(vert, style)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Error>> {
        self.0.draw_circle(center, radius, style, fill)
    }
}

/// Lays out and draws the chart at `width` CSS pixels (scale 1), returning the SVG
/// text and the layout it was drawn from.
pub fn render(data: &Dataset, lang: Lang, width: f64, theme: &Theme) -> Result<(String, Layout), String> {
    render_view(data, lang, View::Bars, width, theme)
}

/// [`render`] for any view (the map, or both).
pub fn render_view(data: &Dataset, lang: Lang, view: View, width: f64, theme: &Theme) -> Result<(String, Layout), String> {
    render_parts(data, lang, view, width, theme, true)
}

/// [`render_view`], with the map's land or without it.
pub(super) fn render_parts(data: &Dataset, lang: Lang, view: View, width: f64, theme: &Theme, land: bool) -> Result<(String, Layout), String> {
    let layout = layout::compute_view(data, lang, view, width, &Estimate);
    let size = render::backing_size(&layout, 1.0);
    let mut out = String::new();
    {
        let mut backend = SameSizeSvg(SVGBackend::with_string(&mut out, size));
        // The map's land or not: the static picture draws it once for all its
        // artboards (`picture_view`).
        let parts = render::Parts { land, ..render::Parts::ALL };
        render::draw_parts(&mut backend, &layout, theme, 1.0, &parts)
            .and_then(|()| backend.present())
            .map_err(|e| format!("drawing the SVG failed: {e}"))?;
    }
    Ok((short_font_sizes(&out), layout))
}

/// Font sizes to the hundredth of a pixel: plotters writes the size it is given
/// divided by 1.24 (see `SameSizeSvg`), and that division's float error would be
/// written in full (`font-size="13.000000000000002"`) on every text of every page.
fn short_font_sizes(svg: &str) -> String {
    const ATTR: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find(ATTR) {
        let (head, tail) = rest.split_at(at + ATTR.len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(tail.len());
        match tail[..end].parse::<f64>() {
            Ok(size) => out.push_str(&crate::options::number_text((size * 100.0).round() / 100.0)),
            Err(_) => out.push_str(&tail[..end]),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// The map's land once, as an SVG symbol every artboard of a static picture uses
/// (its polygons are most of a map drawing's bytes: fifteen copies made a picture
/// of ~230 KB). Drawn by the same code at the widest map; `<use>` scales it to
/// each artboard's map, whose proportions are the same.
pub(super) fn land_symbol(data: &Dataset, id: &str, theme: &Theme) -> Result<String, String> {
    let map = crate::map::MapLayout::new(data, (0.0, 0.0), layout::MAP_MAX_WIDTH);
    let (w, h) = (layout::MAP_MAX_WIDTH, map.frame.h.ceil());
    let mut out = String::new();
    {
        let mut backend = SameSizeSvg(SVGBackend::with_string(&mut out, (w as u32, h as u32)));
        render::draw_land(&mut backend, &map, theme, 1.0).map_err(|e| format!("drawing the SVG failed: {e}"))?;
        backend.present().map_err(|e| format!("drawing the SVG failed: {e}"))?;
    }
    let body = out.split_once('>').map(|(_, rest)| rest).ok_or("the SVG backend wrote no <svg> element")?;
    let body = body.trim_end().strip_suffix("</svg>").ok_or("the SVG backend's drawing is not closed")?;
    Ok(format!(
        "<svg class=\"mic-defs\" aria-hidden=\"true\" width=\"0\" height=\"0\" xmlns=\"http://www.w3.org/2000/svg\"><symbol id=\"{id}\" viewBox=\"0 0 {w} {h}\">{body}</symbol></svg>\n"
    ))
}

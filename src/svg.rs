//! Native SVG output of the same drawing code the canvas uses: for tests and the
//! static fallback image. Native only (plotters' SVG backend is not in the wasm).

use plotters::backend::SVGBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily,
    FontStyle, FontTransform, text_anchor::Pos,
};

use crate::data::Dataset;
use crate::layout::{self, Estimate, Layout};
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
}

/// Lays out and draws the chart at `width` CSS pixels (scale 1), returning the SVG
/// text and the layout it was drawn from.
pub fn render(data: &Dataset, lang: Lang, width: f64, theme: &Theme) -> Result<(String, Layout), String> {
    let layout = layout::compute(data, lang, width, &Estimate);
    let size = render::backing_size(&layout, 1.0);
    let mut out = String::new();
    {
        let mut backend = SameSizeSvg(SVGBackend::with_string(&mut out, size));
        render::draw(&mut backend, &layout, theme, 1.0).map_err(|e| format!("drawing the SVG failed: {e}"))?;
    }
    Ok((out, layout))
}

//! Test support: a `DrawingBackend` that records what it is asked to draw, as
//! plotters' own tests do, so drawing tests check exact rectangles and texts.
#![allow(dead_code)]

use std::convert::Infallible;

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle,
    text_anchor::HPos,
};

#[derive(Debug, Clone, PartialEq)]
pub struct DrawnRect {
    pub from: BackendCoord,
    pub to: BackendCoord,
    pub rgb: (u8, u8, u8),
    pub fill: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DrawnText {
    pub text: String,
    pub at: BackendCoord,
    pub size: f64,
    pub bold: bool,
    pub right_aligned: bool,
    pub rgb: (u8, u8, u8),
}

/// A filled polygon, a path (a line through points) or a circle.
#[derive(Debug, Clone, PartialEq)]
pub enum DrawnShape {
    Polygon { points: Vec<BackendCoord>, rgb: (u8, u8, u8) },
    Path { points: Vec<BackendCoord>, rgb: (u8, u8, u8), width: u32 },
    Circle { center: BackendCoord, radius: u32, rgb: (u8, u8, u8), fill: bool },
}

pub struct Recorder {
    pub size: (u32, u32),
    pub rects: Vec<DrawnRect>,
    pub texts: Vec<DrawnText>,
    /// The map's shapes, in the order drawn.
    pub shapes: Vec<DrawnShape>,
    pub other_calls: usize,
    pub presented: bool,
}

impl Recorder {
    pub fn new(size: (u32, u32)) -> Recorder {
        Recorder { size, rects: vec![], texts: vec![], shapes: vec![], other_calls: 0, presented: false }
    }
}

impl DrawingBackend for Recorder {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        self.presented = true;
        Ok(())
    }
    fn draw_pixel(&mut self, _: BackendCoord, _: BackendColor) -> Result<(), DrawingErrorKind<Infallible>> {
        self.other_calls += 1;
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.rects.push(DrawnRect { from, to, rgb: style.color().rgb, fill });
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.shapes.push(DrawnShape::Polygon { points: vert.into_iter().collect(), rgb: style.color().rgb });
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.shapes.push(DrawnShape::Path { points: path.into_iter().collect(), rgb: style.color().rgb, width: style.stroke_width() });
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.shapes.push(DrawnShape::Circle { center, radius, rgb: style.color().rgb, fill });
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        at: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.texts.push(DrawnText {
            text: text.to_string(),
            at,
            size: style.size(),
            bold: matches!(style.style(), FontStyle::Bold),
            right_aligned: matches!(style.anchor().h_pos, HPos::Right),
            rgb: style.color().rgb,
        });
        Ok(())
    }
}

/// Undoes the XML escaping of SVG text content.
pub fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// The text contents of every `<text>` element of an SVG document.
pub fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text").skip(1).filter_map(|t| {
        let start = t.find('>')? + 1;
        let end = t.find("</text>")?;
        Some(unescape(t[start..end].trim()))
    }).collect()
}

/// The value of attribute `name` in an SVG tag's text.
pub fn attr(tag: &str, name: &str) -> Option<f64> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = start + tag[start..].find('"')?;
    tag[start..end].parse().ok()
}

/// Each `<rect .../>` of an SVG document as (x, y, width, height, fill).
pub fn svg_rects(svg: &str) -> Vec<(f64, f64, f64, f64, String)> {
    svg.split("<rect").skip(1).filter_map(|t| {
        let tag = &t[..t.find("/>")?];
        let fill_at = tag.find(" fill=\"")? + 7;
        let fill = tag[fill_at..fill_at + tag[fill_at..].find('"')?].to_string();
        Some((attr(tag, "x")?, attr(tag, "y")?, attr(tag, "width")?, attr(tag, "height")?, fill))
    }).collect()
}

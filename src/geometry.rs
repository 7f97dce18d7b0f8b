//! The shapes layout hands to drawing and hit testing: rectangles and lines of text,
//! in CSS pixels. Pure; depends on `text` (fonts). A leaf below `layout` and `map`,
//! so neither needs the other for them.

use crate::text::Font;

/// An axis-aligned rectangle in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    /// Half-open on the far edges, so adjacent rectangles never both claim a point.
    pub fn contains(&self, px: f64, py: f64) -> bool {
        px >= self.x && px < self.right() && py >= self.y && py < self.bottom()
    }
    pub fn center(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

/// What a text is, which sets its colour when drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRole {
    Title,
    Subtitle,
    Name,
    Value,
    Note,
    Source,
    /// A region's or the capital's name on the map.
    MapName,
    /// A circle's name and figure on the map.
    MapFigure,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `x` is the left edge of the text.
    Left,
    /// `x` is the right edge of the text.
    Right,
}

/// One line of text, vertically centred on `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct TextItem {
    pub text: String,
    pub role: TextRole,
    pub x: f64,
    pub y: f64,
    pub font: Font,
    pub align: Align,
    /// Measured width, kept so tests and the renderer know the text's extent.
    pub width: f64,
}

impl TextItem {
    /// The box the text occupies (line height 1.2 × size).
    pub fn bounds(&self) -> Rect {
        let x = match self.align {
            Align::Left => self.x,
            Align::Right => self.x - self.width,
        };
        let h = self.font.size * 1.2;
        Rect { x, y: self.y - h / 2.0, w: self.width, h }
    }
}

//! On paper: the chart's texts as real text over the drawing (sharp at any printer's
//! resolution, and in the PDF a reader saves).

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::layout;
use crate::render;

use super::super::dom::{self, create, style};
use super::super::shell::{color, px};
use super::{Widget, append_all, error, rgb};

impl Widget {
    /// The chart's texts as positioned spans over the canvas, `k` CSS pixels per
    /// layout pixel: the same places, sizes, weights and colours as drawn (text
    /// through `textContent`).
    pub(super) fn text_layer(&self, k: f64) -> Result<HtmlElement, JsError> {
        let doc = dom::document()?;
        let layer: HtmlElement = create(&doc, "div")?;
        let _ = layer.set_attribute("aria-hidden", "true");
        layer.set_class_name("mali-idp-chart__print");
        px(&layer, "top", self.canvas.offset_top() as f64);
        style(&layer, &[("font-family", &self.theme.font)]);
        for t in &self.layout.texts {
            let span: HtmlElement = create(&doc, "span")?;
            span.set_text_content(Some(&t.text));
            let size = t.font.size * k;
            let shift = match t.align {
                layout::Align::Left => "none",
                layout::Align::Right => "translateX(-100%)",
            };
            px(&span, "left", t.x * k);
            px(&span, "top", t.y * k - size * 0.6);
            px(&span, "font-size", size);
            style(&span, &[("transform", shift), ("font-weight", if t.font.bold { "bold" } else { "normal" })]);
            color(&span, "color", rgb(render::text_color(&self.theme, t.role)));
            append_all(&layer, &[&span])?;
        }
        self.canvas.after_with_node_1(&layer).map_err(|_| error("cannot build the chart"))?;
        Ok(layer)
    }
}

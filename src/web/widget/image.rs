//! The image link: the chart drawn anew as a PNG when a reader follows it.

use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlAnchorElement, HtmlCanvasElement};

use crate::render;

use super::super::dom::{self, create};
use super::{Widget, error};

impl Widget {
    /// The image link.
    pub fn image_link(&self) -> &HtmlAnchorElement {
        &self.links.image
    }

    /// Points the image link at the chart drawn anew at twice its size (title,
    /// figures, notes and source are all in the drawing), in the colours shown, as a
    /// PNG data URL: made when the reader follows the link, not at every redraw.
    pub fn image_url(&self) -> Result<(), JsError> {
        let canvas: HtmlCanvasElement = create(&dom::document()?, "canvas")?;
        let (w, h) = render::backing_size(&self.layout, 2.0);
        canvas.set_width(w);
        canvas.set_height(h);
        let mut backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(|| error("cannot draw the image"))?;
        render::draw(&mut backend, &self.layout, &self.theme, 2.0).map_err(|_| error("drawing the image failed"))?;
        let url = canvas.to_data_url().map_err(|_| error("cannot draw the image"))?;
        self.links.image.set_href(&url);
        Ok(())
    }
}

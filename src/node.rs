//! The npm package's `picture` command's one entry point (the `picture` build, run by
//! Node; no build a page fetches has it): a newsroom's figures in, the static
//! picture, the element to paste and the SVG out, drawn by the same code as `make
//! fallback`. Not part of the browser shell: it touches no page.

use wasm_bindgen::prelude::*;

use crate::settings::Settings;
use crate::web::error;

/// The static picture for any figures (the npm package's `picture` command, run by
/// Node; not in the builds pages fetch): `data` as the `data` option or as the text of
/// the chart's own CSV (then `title` gives its title), validated as `data` is, drawn
/// by the same code as `make fallback`: `{ html, element, svg }`: the picture, the
/// element to paste (the data as its inline JSON, the picture inside), and the SVG
/// fallback at `width` CSS pixels.
#[wasm_bindgen]
pub fn picture(
    #[wasm_bindgen(unchecked_param_type = "DataInput | string")] data: JsValue,
    title: Option<String>,
    lang: &str,
    view: &str,
    width: f64,
) -> Result<JsValue, JsError> {
    use crate::options::{Value, validate};
    let data = match data.as_string() {
        Some(csv) => crate::words::read_csv(&csv, title.as_deref()).map_err(|e| error(e.message()))?,
        None => crate::web::data_value(&data)?,
    };
    let given = data.clone();
    let options = Value::Object(vec![("data".into(), data), ("lang".into(), Value::String(lang.into())), ("view".into(), Value::String(view.into()))]);
    let settings = Settings::new(validate(&options).map_err(|e| error(e.message()))?);
    let (d, lang, view) = (settings.dataset(), settings.lang(), settings.view());
    let theme = &crate::render::LIGHT;
    let html = crate::svg::picture_view(d, lang, view, theme).map_err(error)?;
    let (svg, _) = crate::svg::render_view(d, lang, view, width.clamp(200.0, 4000.0), theme).map_err(error)?;
    let element = crate::svg::element(&given, lang, view, &html);
    let out = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&out, &"html".into(), &html.into());
    let _ = js_sys::Reflect::set(&out, &"element".into(), &element.into());
    let _ = js_sys::Reflect::set(&out, &"svg".into(), &svg.into());
    Ok(out.into())
}

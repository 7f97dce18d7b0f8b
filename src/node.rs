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
/// by the same code as `make fallback`: `{ html, element, svg, csv }`: the picture, the
/// element to paste (the data as its inline JSON, the picture inside), the SVG
/// fallback at `width` CSS pixels, in the dark theme's colours when `theme` is
/// "dark" (the picture stays light: the page's CSS darkens it where it should), and
/// the chart's CSV.
#[wasm_bindgen]
pub fn picture(
    #[wasm_bindgen(unchecked_param_type = "DataInput | string")] data: JsValue,
    title: Option<String>,
    lang: &str,
    view: &str,
    width: f64,
    theme: Option<String>,
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
    let theme_light = &crate::render::LIGHT;
    let html = crate::svg::picture_view(d, lang, view, theme_light).map_err(error)?;
    let drawn = if theme.as_deref() == Some("dark") { &crate::theme::DARK } else { theme_light };
    let (svg, _) = crate::svg::render_view(d, lang, view, width.clamp(200.0, 4000.0), drawn).map_err(error)?;
    let element = crate::svg::element(&given, lang, view, &html);
    let out = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&out, &"html".into(), &html.into());
    let _ = js_sys::Reflect::set(&out, &"element".into(), &element.into());
    let _ = js_sys::Reflect::set(&out, &"svg".into(), &svg.into());
    let _ = js_sys::Reflect::set(&out, &"csv".into(), &crate::words::csv(d, lang).into());
    Ok(out.into())
}

/// The article's figures as the `data` option, as JSON, in `lang` ("fr" or "en"): where
/// the editor page starts, and what it goes back to.
#[wasm_bindgen(js_name = articleData)]
pub fn article_data(lang: &str) -> Result<String, JsError> {
    use crate::options::Value;
    let lang = crate::locale::Lang::from_tag(lang).ok_or_else(|| error(["lang: must be ", crate::locale::Lang::EXPECTED, ", got \"", lang, "\""].concat()))?;
    let d = crate::data::Dataset::article(lang);
    let n = |v: u64| Value::Number(v as f64);
    let text = |s: &str| Value::String(s.into());
    let regions = d.regions.iter().map(|r| Value::Object(vec![("name".into(), text(&r.name)), ("persons".into(), n(r.persons)), ("computed".into(), Value::Bool(r.computed))]));
    let mut fields = vec![("title".into(), text(&d.title))];
    if let Some(s) = &d.subtitle {
        fields.push(("subtitle".into(), text(s)));
    }
    fields.extend([("source".into(), text(&d.source)), ("total".into(), n(d.total))]);
    fields.extend(d.households.map(|h| ("households".into(), n(h))));
    fields.extend(d.increase.map(|i| ("increase".into(), n(i))));
    fields.push(("regions".into(), Value::Array(regions.collect())));
    Ok(crate::svg::json(&Value::Object(fields)))
}

/// The chart's own CSV (its download link's) read back as the `data` option, as JSON
/// (the editor page's "paste" takes it); `title` gives the title the CSV has not.
/// Read, not validated: validation is `picture`'s, as for any `data`.
#[wasm_bindgen(js_name = readCsv)]
pub fn read_csv(text: &str, title: Option<String>) -> Result<String, JsError> {
    let value = crate::words::read_csv(text, title.as_deref()).map_err(|e| error(e.message()))?;
    Ok(crate::svg::json(&value))
}

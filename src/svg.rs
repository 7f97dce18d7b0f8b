//! Native SVG output of the same drawing code the canvas uses: for tests, the static
//! fallback image, and the static picture pages carry before any script runs (one
//! drawing per artboard, with its CSS). Native only (plotters' SVG backend is not in
//! the wasm).

use plotters::backend::SVGBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily,
    FontStyle, FontTransform, text_anchor::Pos,
};

use crate::data::Dataset;
use crate::layout::{self, Estimate, Layout, View};
use crate::locale::Lang;
use crate::render::{self, Theme};
use crate::words;

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
fn render_parts(data: &Dataset, lang: Lang, view: View, width: f64, theme: &Theme, land: bool) -> Result<(String, Layout), String> {
    let layout = layout::compute_view(data, lang, view, width, &Estimate);
    let size = render::backing_size(&layout, 1.0);
    let mut out = String::new();
    {
        let mut backend = SameSizeSvg(SVGBackend::with_string(&mut out, size));
        render::draw_with(&mut backend, &layout, theme, 1.0, true, land).map_err(|e| format!("drawing the SVG failed: {e}"))?;
    }
    Ok((out, layout))
}

/// The map's land once, as an SVG symbol every artboard of a static picture uses
/// (its polygons are most of a map drawing's bytes: fifteen copies made a picture
/// of ~230 KB). Drawn by the same code at the widest map; `<use>` scales it to
/// each artboard's map, whose proportions are the same.
fn land_symbol(data: &Dataset, id: &str, theme: &Theme) -> Result<String, String> {
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

/// Text for HTML: the five characters that could start markup or end an attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `encodeURIComponent`, as the live chart's CSV link uses it.
fn uri_component(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A JSON string literal (quotes, backslashes and control characters escaped), safe
/// inside a `<script>` data block too (`<` as `\u003c`, so no `</script>` ends it).
fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `value` as JSON, safe inside a `<script>` element (`<` is escaped).
pub fn json(value: &crate::options::Value) -> String {
    use crate::options::Value;
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if n.is_finite() => crate::options::number_text(*n),
        Value::Number(_) => "null".into(),
        Value::String(s) => json_string(s),
        Value::Array(items) => ["[", &items.iter().map(json).collect::<Vec<_>>().join(", "), "]"].concat(),
        Value::Object(entries) => {
            let fields: Vec<String> = entries.iter().map(|(k, v)| [json_string(k), ": ".into(), json(v)].concat()).collect();
            ["{", &fields.join(", "), "}"].concat()
        }
    }
}

/// The element to paste in a page for figures of one's own: `data` as its inline
/// JSON and their static picture inside, so the live chart replaces the picture in
/// place (the page links `mali-idp-chart.css` and loads `mali-idp-chart.js`).
pub fn element(data: &crate::options::Value, lang: Lang, view: View, picture: &str) -> String {
    let view = match view {
        View::Bars => "",
        View::Map => " view=\"map\"",
        View::Both => " view=\"both\"",
    };
    format!("<mali-idp-chart lang=\"{}\"{view}>\n<script type=\"application/json\">{}</script>\n{picture}\n</mali-idp-chart>", lang.tag(), json(data))
}

/// The article's figures described for search engines and aggregators: a
/// schema.org `Dataset` in JSON-LD, as a data block (`application/ld+json`, which no
/// browser runs, so a strict CSP has nothing to block). Every figure comes from
/// `data`, written in our own words; no date, since the article gives none.
pub fn dataset_json_ld(lang: Lang) -> String {
    let data = Dataset::article(lang);
    let t = lang.text();
    let colon = lang.colon();
    let figures: Vec<String> = data
        .regions
        .iter()
        .map(|r| {
            let computed = if r.computed { [" (", t.computed, ")"].concat() } else { String::new() };
            [r.name.as_str(), " ", &crate::format::int(r.persons, lang), &computed].concat()
        })
        .collect();
    let by_region = if lang == Lang::Fr { "Par région" } else { "By region" };
    let description = [
        &crate::format::subtitle(&data, lang),
        ". ",
        by_region,
        colon,
        &figures.join(", "),
        ". ",
        t.computed_note,
    ]
    .concat();
    let org = |name: &str| format!("{{\"@type\": \"Organization\", \"name\": {}}}", json_string(name));
    let (creator, publisher, measured, source) = match lang {
        Lang::Fr => (
            "Commission Mouvement de Populations (CMP), Mali",
            "OIM Mali (Organisation internationale pour les migrations), Matrice de suivi des déplacements",
            "Personnes déplacées internes",
            "Communiqué de presse de l'OIM Mali",
        ),
        Lang::En => (
            "Commission Mouvement de Populations (CMP), Mali",
            "IOM Mali (International Organization for Migration), Displacement Tracking Matrix",
            "Internally displaced people",
            "Press release of IOM Mali",
        ),
    };
    format!(
        "<script type=\"application/ld+json\">\n{{\n  \"@context\": \"https://schema.org\",\n  \"@type\": \"Dataset\",\n  \"name\": {},\n  \"description\": {},\n  \"inLanguage\": \"{}\",\n  \"creator\": {},\n  \"sourceOrganization\": {},\n  \"isBasedOn\": {},\n  \"spatialCoverage\": {{\"@type\": \"Place\", \"name\": \"Mali\"}},\n  \"variableMeasured\": {{\"@type\": \"PropertyValue\", \"name\": {}, \"unitText\": {}}},\n  \"isAccessibleForFree\": true\n}}\n</script>",
        json_string(&data.title),
        json_string(&description),
        lang.tag(),
        org(creator),
        org(publisher),
        json_string(source),
        json_string(measured),
        json_string(t.persons_unit),
    )
}

/// The markers around the JSON-LD block in a page.
pub const DATASET_MARKERS: (&str, &str) =
    ("<!-- dataset description: written by `make fallback` -->", "<!-- end of dataset description -->");

/// `html` with the text between `markers` replaced by `block`.
pub fn replace_between(html: &str, (open, close): (&str, &str), block: &str) -> Option<String> {
    let start = html.find(open)? + open.len();
    let end = start + html[start..].find(close)?;
    Some(format!("{}\n{block}\n{}", &html[..start], &html[end..]))
}

/// The class that marks the static picture: `mount` replaces it with the live chart.
pub const PICTURE_CLASS: &str = "mali-idp-chart-static";

/// The static picture for a page, before any script: one SVG drawing per artboard
/// (the page's CSS, [`picture_css`], shows the one for the container's width), the
/// CSV link the live chart has, and the data table for screen readers. The live
/// chart, laid out at the same artboard by the same code, takes exactly its room.
pub fn picture(data: &Dataset, lang: Lang, theme: &Theme) -> Result<String, String> {
    picture_view(data, lang, View::Bars, theme)
}

/// [`picture`] for any view.
pub fn picture_view(data: &Dataset, lang: Lang, view: View, theme: &Theme) -> Result<String, String> {
    // A canvas as wide as the largest artboard, zero high, at the container's width:
    // like an image of that width, it gives a shrink-to-fit container (an
    // inline-block figure, a float, a table cell) the width available, and nothing to
    // its minimum; the live chart has the same one. Then the drawings in a box of
    // their own, the container their queries read.
    let mut html = format!(
        "<div class=\"{PICTURE_CLASS}\" lang=\"{}\">\n<canvas class=\"mic-size\" width=\"{}\" height=\"0\" aria-hidden=\"true\"></canvas><div class=\"mic-box\">\n",
        lang.tag(),
        layout::natural_width()
    );
    let label = escape(&words::summary(data, lang, view));
    let symbol = ["mic-land-", lang.tag(), "-", if view == View::Map { "map" } else { "both" }].concat();
    if view.has_map() {
        html.push_str(&land_symbol(data, &symbol, theme)?);
    }
    for a in layout::ARTBOARDS {
        let (svg, l) = render_parts(data, lang, view, a, theme, !view.has_map())?;
        let body = svg.split_once('>').map(|(_, rest)| rest).ok_or("the SVG backend wrote no <svg> element")?;
        // The land right above the background (the drawing's first element).
        let body = match &l.map {
            Some(m) => {
                let at = body.find("/>").ok_or("the SVG backend drew no background")? + 2;
                let f = m.frame;
                format!(
                    "{}\n<use href=\"#{symbol}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>{}",
                    &body[..at], f.x, f.y, f.w, f.h, &body[at..]
                )
            }
            None => body.to_string(),
        };
        let (w, h) = (a as u32, l.height as u32);
        html.push_str(&format!(
            "<svg class=\"mic-a{w}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{label}\" xmlns=\"http://www.w3.org/2000/svg\">{body}\n"
        ));
    }
    let t = lang.text();
    let csv = uri_component(&format!("\u{FEFF}{}", words::csv(data, lang)));
    // The live chart's footer: the CSV link, and the image link's room (it works
    // only once the chart is live, so here it is kept invisible, and silent to
    // screen readers, but takes the same place: nothing moves at the swap).
    html.push_str(&format!(
        "<div class=\"mic-footer\"><a href=\"data:text/csv;charset=utf-8,{csv}\" download=\"{}\">{}</a><span class=\"mic-image\" aria-hidden=\"true\">{}</span></div>\n",
        t.download_file,
        escape(t.download),
        escape(t.download_image)
    ));
    let (headers, rows) = words::table(data, lang);
    html.push_str(&format!("<div class=\"mic-data\"><table><caption>{}</caption><thead><tr>", escape(&words::table_caption(data, lang, view))));
    for h in headers {
        html.push_str(&format!("<th scope=\"col\">{}</th>", escape(h)));
    }
    html.push_str("</tr></thead><tbody>");
    for row in rows {
        html.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape(&row[0])));
        for cell in &row[1..] {
            html.push_str(&format!("<td>{}</td>", escape(cell)));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table></div>\n</div></div>");
    Ok(html)
}

/// The picture in the colours the live chart takes: CSS `light-dark()` for every
/// colour the drawings use (as the SVG backend writes it, `fill="#1D5D90"`) and the
/// box's own, so the picture is dark exactly where the page's used colour scheme is
/// (`theme::used_scheme_is_dark`, the live chart's rule for "auto": `color-scheme`
/// inherited from the page); the element's `theme` attribute and the iframe page's
/// `?theme=` set the scheme themselves. The live chart then replaces the picture
/// without a flash of another colour.
fn dark_picture_css(light: &Theme, dark: &Theme) -> String {
    let upper = |c| crate::theme::hex(c).to_uppercase();
    let both = |a, b| format!("light-dark({}, {})", crate::theme::hex(a), crate::theme::hex(b));
    let pairs = [
        (light.background, dark.background),
        (light.bar, dark.bar),
        (light.bar_computed, dark.bar_computed),
        (light.text, dark.text),
        (light.muted, dark.muted),
        // The map's land and its tinted regions, mixed from the colours above.
        (render::land_color(light), render::land_color(dark)),
        (render::tinted_color(light), render::tinted_color(dark)),
    ];
    let x = format!(".{PICTURE_CLASS}");
    let mut rules = format!(
        "{x} {{ background: {}; color: {}; }}\n{x} .mic-footer a {{ color: {}; }}\n",
        both(light.background, dark.background),
        both(light.text, dark.text),
        both(light.bar, dark.bar)
    );
    for (from, to) in pairs {
        rules.push_str(&format!("{x} [fill=\"{}\"] {{ fill: {}; }}\n", upper(from), both(from, to)));
    }
    for scheme in ["light", "dark"] {
        rules.push_str(&format!(
            ":is(mali-idp-chart[theme=\"{scheme}\"] > {x}, html[data-theme=\"{scheme}\"] {x}) {{ color-scheme: {scheme}; }}\n"
        ));
    }
    rules
}

/// The stylesheet the static picture needs (a file: strict pages forbid inline
/// styles): each drawing shown for its artboard's range of container widths, the
/// footer with the live chart's type and padding, the table visually hidden.
pub fn picture_css(theme: &Theme) -> String {
    let mut css = format!(
        "/* The static picture of mali-idp-chart, shown until the live chart replaces it.\n   Written by `make fallback`: do not edit. */\n\
         .{PICTURE_CLASS} {{ position: relative; box-sizing: border-box; width: 100%; margin: 0; padding: 0; border: 0; \
         background: {bg}; color: {text}; font-family: {font}; line-height: normal; text-align: left; direction: ltr; }}\n\
         .{PICTURE_CLASS} > .mic-size {{ display: block; width: 100%; height: 0; margin: 0; border: 0; }}\n\
         .{PICTURE_CLASS} > .mic-box {{ container-type: inline-size; margin: 0; padding: 0; border: 0; }}\n\
         .{PICTURE_CLASS} .mic-box > svg {{ display: none; width: 100%; height: auto; }}\n\
         .{PICTURE_CLASS} .mic-footer {{ {footer}; padding: 0 {wide}px {wide}px; }}\n\
         .{PICTURE_CLASS} .mic-footer a {{ color: {bar}; }}\n\
         .{PICTURE_CLASS} .mic-image {{ {image}; visibility: hidden; }}\n\
         @container (width < {narrow_below}px) {{ .{PICTURE_CLASS} .mic-footer {{ padding: 0 {narrow}px {narrow}px; }} }}\n\
         .{PICTURE_CLASS} .mic-data {{ {hidden}; }}\n",
        // The live chart's own declarations (crate::style): the swap moves nothing.
        footer = crate::style::FOOTER,
        image = crate::style::IMAGE_LINK,
        hidden = crate::style::HIDDEN,
        bg = crate::theme::hex(theme.background),
        text = crate::theme::hex(theme.text),
        bar = crate::theme::hex(theme.bar),
        font = theme.font,
        wide = layout::pad_for(1e9),
        narrow = layout::pad_for(0.0),
        narrow_below = layout::NARROW_BELOW,
    );
    css.push_str(&dark_picture_css(theme, &crate::theme::DARK));
    for (i, a) in layout::ARTBOARDS.iter().enumerate() {
        let (from, to) = layout::artboard::range(i);
        let query = if to.is_finite() { format!("({from}px <= width < {to}px)") } else { format!("(width >= {from}px)") };
        css.push_str(&format!("@container {query} {{ .{PICTURE_CLASS} .mic-box > .mic-a{a} {{ display: block; }} }}\n"));
    }
    css
}

/// The markers around a page's static picture in `lang`.
pub fn markers(lang: Lang, view: View) -> (String, &'static str) {
    let view = match view {
        View::Bars => "",
        View::Map => ", map",
        View::Both => ", both",
    };
    (format!("<!-- static picture ({}{view}): written by `make fallback` -->", lang.tag()), "<!-- end of static picture -->")
}

/// The file a picture for newsrooms to paste is written to: `picture-fr.html` for the
/// bars, `picture-map-en.html`, `picture-both-fr.html` ...
pub fn picture_file(lang: Lang, view: View) -> String {
    let view = match view {
        View::Bars => "",
        View::Map => "map-",
        View::Both => "both-",
    };
    ["picture-", view, lang.tag(), ".html"].concat()
}

/// The pages (under www/) that carry static pictures, and which: each page's
/// language and view, between the markers [`markers`] writes.
pub const PAGES: [(&str, Lang, View); 11] = [
    ("index.html", Lang::Fr, View::Bars),
    ("embed.html", Lang::Fr, View::Bars),
    ("embed.html", Lang::En, View::Bars),
    ("embed-map.html", Lang::Fr, View::Map),
    ("embed-map.html", Lang::En, View::Map),
    ("embed-both.html", Lang::Fr, View::Both),
    ("embed-both.html", Lang::En, View::Both),
    ("demo.html", Lang::Fr, View::Bars),
    ("demo.html", Lang::Fr, View::Both),
    ("demo.html", Lang::En, View::Map),
    ("../bench/pages/ours.html", Lang::Fr, View::Bars),
];

/// `html` with what lies between `lang`'s markers replaced by `picture`; `None`
/// when the markers are missing.
pub fn replace_marked(html: &str, lang: Lang, view: View, picture: &str) -> Option<String> {
    let (open, close) = markers(lang, view);
    let start = html.find(&open)? + open.len();
    let end = start + html[start..].find(close)?;
    Some(format!("{}\n{picture}\n{}", &html[..start], &html[end..]))
}

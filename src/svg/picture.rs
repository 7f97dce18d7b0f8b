//! The static picture's HTML: one drawing per artboard, the footer (and, for many regions, the data table),
//! and the element to paste with a newsroom's own figures.

use crate::data::Dataset;
use crate::layout::{self, View};
use crate::locale::Lang;
use crate::render::Theme;
use crate::words;

use super::{json, land_symbol, render_parts};

/// Text for HTML: the five characters that could start markup or end an attribute.
pub(super) fn escape(text: &str) -> String {
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

/// The class that marks the static picture: `mount` replaces it with the live chart.
pub use crate::style::PICTURE_CLASS;

/// The static picture for a page, before any script: one SVG drawing per artboard
/// (the page's CSS, [`picture_css`], shows the one for the container's width), the
/// CSV link the live chart has, and every figure for screen readers (see [`NAMED_IN_FULL`]). The live
/// chart, laid out at the same artboard by the same code, takes exactly its room.
pub fn picture(data: &Dataset, lang: Lang, theme: &Theme) -> Result<String, String> {
    picture_view(data, lang, View::Bars, theme)
}

/// A drawing without the attributes that say what SVG or the picture's stylesheet
/// already does: full opacity, no stroke, text anchored at its start, the font the
/// picture's box sets (inherited). A page parses eight drawings of which it shows
/// one: about a third of their bytes and attributes, gone.
fn lean(body: &str, font: &str) -> String {
    let family = [" font-family=\"", font, "\""].concat();
    let mut out = body.to_string();
    for attr in [" opacity=\"1\"", " stroke=\"none\"", " text-anchor=\"start\"", family.as_str()] {
        out = out.replace(attr, "");
    }
    out
}

/// [`picture`] for any view.
pub fn picture_view(data: &Dataset, lang: Lang, view: View, theme: &Theme) -> Result<String, String> {
    // A canvas as wide as the largest artboard, zero high, at the container's width:
    // like an image of that width, it gives a shrink-to-fit container (an
    // inline-block figure, a float, a table cell) the width available, and nothing to
    // its minimum; the live chart has the same one. Then the drawings in a box of
    // their own, the container their queries read.
    let mut html = format!(
        "<div class=\"{PICTURE_CLASS}\" lang=\"{}\"{}>\n<canvas class=\"mic-size\" width=\"{}\" height=\"0\" aria-hidden=\"true\"></canvas><div class=\"mic-box\">\n",
        lang.tag(),
        if lang.rtl() { " dir=\"rtl\"" } else { "" },
        layout::natural_width()
    );
    let full = data.regions.len() <= NAMED_IN_FULL;
    let label = escape(&if full { full_label(data, lang, view) } else { words::summary(data, lang, view) });
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
        let body = lean(&body, &theme.font);
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
        "<div class=\"mic-footer\"><a href=\"data:text/csv;charset=utf-8,{csv}\" download=\"{}\">{}</a><span class=\"mic-image\" aria-hidden=\"true\">{}</span><span class=\"mic-image\" aria-hidden=\"true\">{}</span></div>\n",
        t.download_file,
        escape(t.download),
        escape(t.download_image),
        // The live chart's "Listen" button (it needs the script), its room kept.
        escape(t.listen)
    ));
    if !full {
        table(&mut html, data, lang, view);
    }
    html.push_str("</div></div>");
    Ok(html)
}

/// Up to this many regions, the drawings' accessible name reads every figure, and the
/// picture has no data table: a screen reader gets the same sentences the table's rows
/// hold, and the page lays out no hidden table before the chart's script runs (it was
/// a fifth to a quarter of what the picture adds to the page's parse and layout: the
/// article at 4× CPU, two runs, 81 → 75 and 104 → 90 ms; without a picture 47, 49). Beyond it, a name that long would hide the chart's shape, and the table
/// returns (the live chart always has its own).
pub const NAMED_IN_FULL: usize = 12;

/// The drawings' name with every figure: what the chart is, its title (and on a map
/// where its boundaries come from), each region as the live region announces it, and
/// the national total.
fn full_label(data: &Dataset, lang: Lang, view: View) -> String {
    let mut s = [words::lead(lang, view), lang.colon(), &words::table_caption(data, lang, view)].concat();
    s.push_str(if s.ends_with('.') { " " } else { ". " });
    for i in 0..data.regions.len() {
        s.push_str(&words::announcement(data, i, lang));
        s.push_str(". ");
    }
    s.push_str(&[lang.text().national_total, " ", &crate::format::int(data.total, lang), "."].concat());
    s
}

/// The visually hidden data table, for a picture with more regions than its name reads.
fn table(html: &mut String, data: &Dataset, lang: Lang, view: View) {
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
    html.push_str("</tbody></table></div>\n");
}

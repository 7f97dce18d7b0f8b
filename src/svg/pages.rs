//! The markers `make fallback` (src/bin/fallback.rs) writes pages between: the
//! static pictures and the JSON-LD, and which page carries which picture.

use crate::layout::View;
use crate::locale::Lang;

/// The markers around the JSON-LD block in a page.
pub const DATASET_MARKERS: (&str, &str) =
    ("<!-- dataset description: written by `make fallback` -->", "<!-- end of dataset description -->");

/// The markers around the iframe pages' hidden heading: the chart's title in each
/// language (`titles`), which `embed-lang.js` also gives the page when it shows English.
pub const TITLE_MARKERS: (&str, &str) = ("<!-- titles: written by `make fallback` -->", "<!-- end of titles -->");

/// The iframe pages, whose hidden heading holds the chart's title in each language.
pub const TITLED_PAGES: [&str; 3] = ["embed.html", "embed-map.html", "embed-both.html"];

/// The chart's title in each language, each in a span of its language (the iframe
/// page's stylesheet shows the page's own).
pub fn titles() -> String {
    // One per language (a language's variants share its title).
    let mut out = String::new();
    let mut said: Vec<&str> = Vec::new();
    for lang in Lang::spoken() {
        let primary = &lang.tag()[..2];
        if !said.contains(&primary) {
            said.push(primary);
            out.push_str(&format!("<span lang=\"{primary}\">{}</span>", super::picture::escape(lang.text().title)));
        }
    }
    out
}

/// Where the text between the first `open` and the `close` after it lies in `html`
/// (the one reading of markers: the page writer and the tests that pages are current).
pub fn between(html: &str, (open, close): (&str, &str)) -> Option<std::ops::Range<usize>> {
    let start = html.find(open)? + open.len();
    Some(start..start + html[start..].find(close)?)
}

/// `html` with the text between `markers` replaced by `block`.
pub fn replace_between(html: &str, markers: (&str, &str), block: &str) -> Option<String> {
    let at = between(html, markers)?;
    Some(format!("{}\n{block}\n{}", &html[..at.start], &html[at.end..]))
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
    replace_between(html, (&open, close), picture)
}


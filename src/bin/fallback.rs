//! Writes the chart as a static SVG, drawn by the same code as the canvas (the
//! social card's source and the element's picture when a page carries none), or,
//! with `--pages DIR`, the static pictures inside DIR's pages and their stylesheet.
//! Usage: fallback [--lang fr|en] [--view bars|map|both] [--width PX] [--out FILE]   (stdout without --out)
//!        fallback --pages DIR

// The SVG backend is native only; under wasm32 (e.g. `wasm-pack test`, which builds
// every target) this tool compiles to an empty program.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

use std::process::ExitCode;

use mali_idp_chart::data::Dataset;
use mali_idp_chart::layout::View;
use mali_idp_chart::locale::Lang;
#[cfg(not(target_arch = "wasm32"))]
use mali_idp_chart::{render::LIGHT, svg};

struct Args {
    lang: Lang,
    width: f64,
    view: View,
    out: Option<String>,
    pages: Option<String>,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args { lang: Lang::Fr, width: mali_idp_chart::layout::DEFAULT_WIDTH, view: View::Bars, out: None, pages: None };
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag}: needs a value"));
        match flag.as_str() {
            "--lang" => {
                let v = value()?;
                parsed.lang = Lang::from_tag(&v).ok_or_else(|| format!("--lang: must be fr, en, es, pt, de or ar, got {v:?}"))?;
            }
            "--view" => {
                let v = value()?;
                parsed.view = View::from_name(&v).ok_or_else(|| format!("--view: must be bars, map or both, got {v:?}"))?;
            }
            "--width" => {
                let v = value()?;
                parsed.width = v
                    .parse::<f64>()
                    .ok()
                    .filter(|w| w.is_finite() && (200.0..=4000.0).contains(w))
                    .ok_or_else(|| format!("--width: must be a number of pixels from 200 to 4000, got {v:?}"))?;
            }
            "--out" => parsed.out = Some(value()?),
            "--pages" => parsed.pages = Some(value()?),
            other => return Err(format!("unknown argument {other:?} (expected --lang, --view, --width, --out or --pages)")),
        }
    }
    Ok(parsed)
}


/// Rewrites each page's picture between its markers, and the stylesheet.
#[cfg(not(target_arch = "wasm32"))]
fn write_pages(dir: &str) -> Result<(), String> {
    let css = svg::picture_css(&LIGHT);
    std::fs::write(format!("{dir}/mali-idp-chart.css"), css).map_err(|e| format!("--pages {dir}: {e}"))?;
    // The picture alone, for newsrooms to paste inside their element or host.
    for lang in [Lang::Fr, Lang::En] {
        for view in [View::Bars, View::Map, View::Both] {
            let path = format!("{dir}/{}", svg::picture_file(lang, view));
            let picture = svg::picture_view(&Dataset::article(lang), lang, view, &LIGHT)?;
            std::fs::write(&path, picture + "\n").map_err(|e| format!("--pages: {path}: {e}"))?;
        }
    }
    let path = format!("{dir}/index.html");
    let html = std::fs::read_to_string(&path).map_err(|e| format!("--pages: {path}: {e}"))?;
    let html = svg::replace_between(&html, svg::DATASET_MARKERS, &svg::dataset_json_ld(Lang::Fr))
        .ok_or_else(|| format!("--pages: {path} has no markers for the dataset description"))?;
    std::fs::write(&path, html).map_err(|e| format!("--pages: {path}: {e}"))?;
    for page in svg::TITLED_PAGES {
        let path = format!("{dir}/{page}");
        let html = std::fs::read_to_string(&path).map_err(|e| format!("--pages: {path}: {e}"))?;
        let html = svg::replace_between(&html, svg::TITLE_MARKERS, &svg::titles())
            .ok_or_else(|| format!("--pages: {path} has no markers for the titles"))?;
        std::fs::write(&path, html).map_err(|e| format!("--pages: {path}: {e}"))?;
    }
    for (page, lang, view) in svg::PAGES {
        let path = format!("{dir}/{page}");
        let html = std::fs::read_to_string(&path).map_err(|e| format!("--pages: {path}: {e}"))?;
        let picture = svg::picture_view(&Dataset::article(lang), lang, view, &LIGHT)?;
        let html = svg::replace_marked(&html, lang, view, &picture)
            .ok_or_else(|| format!("--pages: {path} has no markers for {}", svg::markers(lang, view).0))?;
        std::fs::write(&path, html).map_err(|e| format!("--pages: {path}: {e}"))?;
    }
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let run = || -> Result<(), String> {
        let args = parse(std::env::args().skip(1))?;
        if let Some(dir) = &args.pages {
            return write_pages(dir);
        }
        let (text, _) = svg::render_view(&Dataset::article(args.lang), args.lang, args.view, args.width, &LIGHT)?;
        match args.out {
            Some(path) => std::fs::write(&path, text).map_err(|e| format!("--out {path}: {e}")),
            None => {
                print!("{text}");
                Ok(())
            }
        }
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fallback: {e}");
            ExitCode::from(2)
        }
    }
}

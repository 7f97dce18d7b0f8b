//! Writes the chart as a static SVG, drawn by the same code as the canvas: the
//! `<noscript>` fallback and social-card image.
//! Usage: fallback [--lang fr|en] [--width PX] [--out FILE]   (stdout without --out)

// The SVG backend is native only; under wasm32 (e.g. `wasm-pack test`, which builds
// every target) this tool compiles to an empty program.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

use std::process::ExitCode;

use mali_idp_chart::data::Dataset;
use mali_idp_chart::locale::Lang;
#[cfg(not(target_arch = "wasm32"))]
use mali_idp_chart::{render::LIGHT, svg};

struct Args {
    lang: Lang,
    width: f64,
    out: Option<String>,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args { lang: Lang::Fr, width: 640.0, out: None };
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag}: needs a value"));
        match flag.as_str() {
            "--lang" => {
                let v = value()?;
                parsed.lang = Lang::from_tag(&v).ok_or_else(|| format!("--lang: must be fr or en, got {v:?}"))?;
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
            other => return Err(format!("unknown argument {other:?} (expected --lang, --width or --out)")),
        }
    }
    Ok(parsed)
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let run = || -> Result<(), String> {
        let args = parse(std::env::args().skip(1))?;
        let (text, _) = svg::render(&Dataset::article(args.lang), args.lang, args.width, &LIGHT)?;
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

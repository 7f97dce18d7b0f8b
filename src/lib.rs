//! mali-idp-chart: an embeddable chart of internally displaced people per Malian
//! region, from the figures of one IOM Mali press release.
//!
//! The pure core knows nothing of the web and is tested natively: the figures
//! (`data`), our words (`locale`, `format`, `words`), options and settings
//! (`options`, `settings`, `theme`), geometry (`layout`, `hit`), the reading rules
//! (`highlight`), the redraw rules (`redraw`) and drawing (`render`, and `svg`
//! natively). `web` is the thin
//! browser shell, compiled for wasm32 only: it decodes events, calls the core and
//! applies what it answers.

pub mod data;
pub mod format;
pub mod geometry;
pub mod highlight;
pub mod hit;
pub mod layout;
pub mod locale;
pub mod map;
pub mod numbers;
pub mod options;
pub mod redraw;
pub mod render;
pub mod settings;
pub mod sound;
pub mod style;
pub mod text;
pub mod theme;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(all(target_arch = "wasm32", feature = "picture"))]
pub mod node;

#[cfg(any(not(target_arch = "wasm32"), feature = "picture"))]
pub mod svg;

#[cfg(all(feature = "alone", not(any(feature = "fr", feature = "en", feature = "es", feature = "pt", feature = "de", feature = "ar"))))]
compile_error!("the `alone` feature is a build for one language: add fr, en, es, pt, de or ar");

//! mali-idp-chart: an embeddable chart of internally displaced people per Malian
//! region, from the figures of one IOM Mali press release.
//!
//! The pure core (`data`, `locale`, `format`, `layout`, `hit`, `render`) knows nothing
//! of the web and is tested natively; `web` is the thin browser shell, compiled for
//! wasm32 only.

pub mod data;
pub mod describe;
pub mod format;
pub mod hit;
pub mod layout;
pub mod locale;
pub mod options;
pub mod render;
pub mod theme;

#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(not(target_arch = "wasm32"))]
pub mod svg;

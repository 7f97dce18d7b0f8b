//! The package's TypeScript types for what crosses the boundary (the options, the
//! figures `bars()` answers), for the shipped `.d.ts`.

use wasm_bindgen::prelude::*;

/// The options and results as TypeScript types, for the shipped `.d.ts` (written at
/// build time: nothing of this is in the wasm). `tools/types.mjs` then makes
/// `mount`'s options optional.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** One region of custom figures. */
export interface RegionInput {
    name: string;
    /** A whole number from 0 to 2^53 - 1. */
    persons: number;
    /** Derived rather than reported: drawn muted and footnoted. */
    computed?: boolean | null;
}
/** Custom figures, replacing the article's. On the map, regions named as one of its regions (French or English, case and accents ignored) are placed there; the others are listed under it. */
export interface DataInput {
    title: string;
    subtitle?: string | null;
    source: string;
    total: number;
    households?: number | null;
    increase?: number | null;
    regions: RegionInput[];
    /** Draw what the regions leave of the total as a computed "other regions" bar. */
    showRest?: boolean | null;
}
/** Options of `mount` and `update`: left out, an option keeps its value; `null` puts it back to its default. */
export interface MountOptions {
    lang?: Lang | null;
    theme?: "auto" | "light" | "dark" | null;
    view?: "bars" | "map" | "both" | null;
    data?: DataInput | null;
}
/** A bar as drawn, in CSS pixels from the canvas's top-left corner. */
export interface Bar {
    name: string;
    persons: number;
    computed: boolean;
    x: number;
    y: number;
    width: number;
    height: number;
}
"#;

/// The languages this build speaks, for `MountOptions.lang`: French and English in the
/// builds with no suffix (the package's `mount()`), one language in each language's
/// own build (`mali_idp_chart_ar.js`…), a region or numbering after it allowed.
#[cfg(not(feature = "alone"))]
#[wasm_bindgen(typescript_custom_section)]
const LANG: &str = r#"
/** A language this build speaks (each other language has builds of its own: `mali_idp_chart_ar.js`…). */
export type Lang = "fr" | "en";
"#;
macro_rules! one_language {
    ($feature:literal, $ts:literal) => {
        #[cfg(all(feature = "alone", feature = $feature))]
        #[wasm_bindgen(typescript_custom_section)]
        const LANG: &str = $ts;
    };
}
one_language!("ar", "\n/** This build's language: Arabic (\"ar-EG\" or \"-u-nu-arab\" for Arabic-Indic digits). */\nexport type Lang = \"ar\" | `ar-${string}` | `ar_${string}`;\n");
one_language!("de", "\n/** This build's language: German (\"de-CH\": Swiss numbers). */\nexport type Lang = \"de\" | `de-${string}` | `de_${string}`;\n");
one_language!("pt", "\n/** This build's language: Portuguese (\"pt-PT\": Portugal's numbers; Brazil's otherwise). */\nexport type Lang = \"pt\" | `pt-${string}` | `pt_${string}`;\n");
one_language!("es", "\n/** This build's language: Spanish (\"es-419\": Latin America's numbers). */\nexport type Lang = \"es\" | `es-${string}` | `es_${string}`;\n");
one_language!("en", "\n/** This build's language: English. */\nexport type Lang = \"en\" | `en-${string}` | `en_${string}`;\n");
one_language!("fr", "\n/** This build's language: French. */\nexport type Lang = \"fr\" | `fr-${string}` | `fr_${string}`;\n");

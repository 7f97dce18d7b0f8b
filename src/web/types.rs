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
    lang?: "fr" | "en" | null;
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

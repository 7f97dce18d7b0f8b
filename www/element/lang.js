// The language a tag asks for, by the chart's one rule (Rust's `Lang::from_tag`):
// the primary subtag, any case, before "-" or "_". The element and the iframe page
// bundle this (tools/element.mjs); tests/lang-tags.txt holds the cases both sides pass.
// (No attribute: exec(null) reads "null", which matches nothing.)
export const langOf = (tag) => /^(en|fr)([-_]|$)/i.exec(tag)?.[1].toLowerCase();

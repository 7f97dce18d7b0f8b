// The language a tag asks for, by the chart's one rule (Rust's `Lang::from_tag`):
// the primary subtag, any case, before "-" or "_". The element and the iframe page
// bundle this (tools/element.mjs); tests/lang-tags.txt holds the cases both sides pass.
// (No attribute: exec(null) reads "null", which matches nothing.)
export const langOf = (tag) => /^(en|fr|es|pt|de|ar)([-_]|$)/i.exec(tag)?.[1].toLowerCase();
// The suffix of the builds that speak `lang` (a language from langOf) alone:
// pkg/mali_idp_chart_fr*, pkg/mali_idp_chart_map_ar*… (a page fetches no other
// language's words; the builds with no suffix, French and English together, are the
// npm package's mount()).
export const buildSuffix = (lang) => (lang ? `_${lang}` : '');

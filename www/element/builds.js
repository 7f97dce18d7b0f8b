// Which build draws a view: the map build (pkg/mali_idp_chart_map*) for the views
// with a map, "map" and "both"; the smaller bars build (pkg/mali_idp_chart*) for the
// bars (Rust's `View::has_map`: the bars build answers a map view with an error naming
// the map build). The element and the iframe page bundle this (tools/element.mjs);
// tests/views.txt holds the cases both sides pass.
export const needsMap = (view) => view === 'map' || view === 'both';

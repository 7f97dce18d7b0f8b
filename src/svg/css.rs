//! The static picture's stylesheet (`mali-idp-chart.css`).

use crate::layout;
use crate::render::{self, Theme};

use super::PICTURE_CLASS;

/// The picture in the colours the live chart takes: CSS `light-dark()` for every
/// colour the drawings use (as the SVG backend writes it, `fill="#1D5D90"`) and the
/// box's own, so the picture is dark exactly where the page's used colour scheme is
/// (`theme::used_scheme_is_dark`, the live chart's rule for "auto": `color-scheme`
/// inherited from the page); the element's `theme` attribute and the iframe page's
/// `?theme=` set the scheme themselves. The live chart then replaces the picture
/// without a flash of another colour.
fn dark_picture_css(light: &Theme, dark: &Theme) -> String {
    let upper = |c| crate::theme::hex(c).to_uppercase();
    let both = |a, b| format!("light-dark({}, {})", crate::theme::hex(a), crate::theme::hex(b));
    let pairs = [
        (light.background, dark.background),
        (light.bar, dark.bar),
        (light.bar_computed, dark.bar_computed),
        (light.text, dark.text),
        (light.muted, dark.muted),
        // The map's land and its tinted regions, mixed from the colours above.
        (render::land_color(light), render::land_color(dark)),
        (render::tinted_color(light), render::tinted_color(dark)),
    ];
    let x = format!(".{PICTURE_CLASS}");
    let mut rules = format!(
        "{x} {{ background: {}; color: {}; }}\n{x} .mic-footer a {{ color: {}; }}\n",
        both(light.background, dark.background),
        both(light.text, dark.text),
        both(light.bar, dark.bar)
    );
    for (from, to) in pairs {
        rules.push_str(&format!("{x} [fill=\"{}\"] {{ fill: {}; }}\n", upper(from), both(from, to)));
    }
    for scheme in ["light", "dark"] {
        rules.push_str(&format!(
            ":is(mali-idp-chart[theme=\"{scheme}\"] > {x}, html[data-theme=\"{scheme}\"] {x}) {{ color-scheme: {scheme}; }}\n"
        ));
    }
    rules
}

/// The stylesheet the static picture needs (a file: strict pages forbid inline
/// styles): each drawing shown for its artboard's range of container widths, the
/// footer with the live chart's type and padding, the table visually hidden.
pub fn picture_css(theme: &Theme) -> String {
    let mut css = format!(
        "/* The static picture of mali-idp-chart, shown until the live chart replaces it.\n   Written by `make fallback`: do not edit. */\n\
         .{PICTURE_CLASS} {{ position: relative; box-sizing: border-box; width: 100%; margin: 0; padding: 0; border: 0; \
         background: {bg}; color: {text}; font-family: {font}; line-height: normal; text-align: start; direction: ltr; }}\n\
         .{PICTURE_CLASS}[dir=rtl] {{ direction: rtl; }}\n\
         .{PICTURE_CLASS}[dir=rtl] svg {{ direction: ltr; }}\n\
         .{PICTURE_CLASS} > .mic-size {{ display: block; width: 100%; height: 0; margin: 0; border: 0; }}\n\
         .{PICTURE_CLASS} > .mic-box {{ container-type: inline-size; margin: 0; padding: 0; border: 0; }}\n\
         .{PICTURE_CLASS} .mic-box > svg {{ display: none; width: 100%; height: auto; }}\n\
         .{PICTURE_CLASS} .mic-footer {{ {footer}; padding: 0 {wide}px {wide}px; }}\n\
         .{PICTURE_CLASS} .mic-footer a {{ color: {bar}; }}\n\
         .{PICTURE_CLASS} .mic-image {{ {image}; visibility: hidden; }}\n\
         @container (width < {narrow_below}px) {{ .{PICTURE_CLASS} .mic-footer {{ padding: 0 {narrow}px {narrow}px; }} }}\n\
         .{PICTURE_CLASS} .mic-data {{ {hidden}; }}\n",
        // The live chart's own declarations (crate::style): the swap moves nothing.
        footer = crate::style::FOOTER,
        image = crate::style::IMAGE_LINK,
        hidden = crate::style::HIDDEN,
        bg = crate::theme::hex(theme.background),
        text = crate::theme::hex(theme.text),
        bar = crate::theme::hex(theme.bar),
        font = theme.font,
        wide = layout::pad_for(1e9),
        narrow = layout::pad_for(0.0),
        narrow_below = layout::NARROW_BELOW,
    );
    css.push_str(&dark_picture_css(theme, &crate::theme::DARK));
    for (i, a) in layout::ARTBOARDS.iter().enumerate() {
        let (from, to) = layout::artboard::range(i);
        let query = if to.is_finite() { format!("({from}px <= width < {to}px)") } else { format!("(width >= {from}px)") };
        css.push_str(&format!("@container {query} {{ .{PICTURE_CLASS} .mic-box > .mic-a{a} {{ display: block; }} }}\n"));
    }
    css
}

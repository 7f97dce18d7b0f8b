//! The widget's fixed styles: one source for the live chart (a stylesheet its shell
//! adopts in the page or the element's shadow root) and the static picture
//! (`mali-idp-chart.css`, written by `svg::picture_css`). Pure; depends only on the
//! tooltip's numbers (`layout::tooltip::tooltip_px!`).
//!
//! The live chart's rules sit in a cascade layer with every declaration important:
//! an important layered declaration beats any unlayered page rule, important or
//! not, whatever its specificity (CSS Cascade 5), so the page's CSS cannot distort
//! the chart or break hit testing; and none of it is inline, so a reader's own text
//! spacing (a user style sheet, WCAG 1.4.12) still applies.

use crate::layout::tooltip::tooltip_px;

// The shared declarations are macros so that `concat!` can build the live chart's
// stylesheet from them at compile time: no code in the wasm writes CSS.
macro_rules! failed_class {
    () => {
        "mali-idp-chart--failed"
    };
}

/// The class of the box that says why no chart could be drawn (the shell's failure
/// box and the element's write it too: a test holds them to it).
pub const FAILED_CLASS: &str = failed_class!();
/// The class of the static picture a page carries until the live chart replaces it.
pub const PICTURE_CLASS: &str = "mali-idp-chart-static";

macro_rules! hidden {
    () => {
        "position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap"
    };
}
macro_rules! footer {
    () => {
        "margin:0;font-size:13px;line-height:1.4"
    };
}
macro_rules! image_link {
    () => {
        "margin-inline-start:1em"
    };
}
macro_rules! error_box {
    () => {
        "box-sizing:border-box;margin:0 0 8px;padding:10px 12px;border:1px solid #d08a8a;border-radius:4px;background:#fdf2f2;color:#7a1414;font:14px/1.45 sans-serif;text-align:left;overflow-wrap:anywhere"
    };
}

/// Hidden on screen, present for assistive technology (the data table, the live
/// region).
pub const HIDDEN: &str = hidden!();
/// The footer under the chart: the CSV and image links.
pub const FOOTER: &str = footer!();
/// The image link, after the CSV link.
pub const IMAGE_LINK: &str = image_link!();
/// How an error looks inside the widget (the box replaces a chart that cannot be
/// drawn, or sits above one that keeps its last good options).
pub const ERROR_BOX: &str = error_box!();

/// The live chart's stylesheet: a box model of our own for every element we make,
/// the canvases, the tooltip (its type and padding from `tooltip_px!`, the numbers
/// `layout::TOOLTIP` estimates its size with), the footer, the error box, the
/// hidden parts and the print layer. Every declaration is made important where it
/// is adopted (`web/shell.js`: one regular expression, rather than `!important`
/// sixty times here). What changes as the chart is used (colours, sizes, places) is
/// set on the elements by the shell.
pub const WIDGET_CSS: &str = concat!(
    "@layer mali-idp-chart{",
    ".mali-idp-chart,.mali-idp-chart *{box-sizing:border-box;margin:0;padding:0;border:0}",
    // Left to right whatever the page's direction (an Arabic chart says otherwise:
    // `rtl_css!`), aligned at the start of the line.
    ".mali-idp-chart{position:relative;width:100%;min-width:0;direction:ltr;text-align:start;line-height:normal}",
    // Drawn in the page but unseen and taking no room, until it replaces the picture;
    // its canvases out of the layer tree until then (not handed to the compositor at
    // every drawing step).
    ".mali-idp-chart--pending{height:0;overflow:hidden;visibility:hidden}.mali-idp-chart.mali-idp-chart--pending canvas{display:none}",
    // Shown at the container's width, its height from the aspect ratio the shell
    // sets (as the static picture's drawings are): a percentage width adds nothing
    // to a flex or grid parent's min-content width, so no resize loop.
    ".mali-idp-chart>canvas{display:block;width:100%;height:auto}",
    // The drawing adds nothing to its container's width (its backing store is CSS
    // size × the screen's ratio); the zero-high canvas as wide as the largest
    // artboard (`layout::natural_width`, the static picture has the same) gives a
    // shrink-to-fit container the width available, as an image would.
    ".mali-idp-chart__canvas{contain:inline-size}",
    // Its colour tells the shell the page's colour scheme changed (`web::watch`).
    ".mali-idp-chart>.mali-idp-chart__size{height:0;color:light-dark(#000,#fff);transition:color 1ms}",
    ".mali-idp-chart>.mali-idp-chart__overlay{position:absolute;left:0;top:0;pointer-events:none}",
    // Placed by `transform` from the box's corner: moving it lays nothing out.
    ".mali-idp-chart__tooltip{position:absolute;left:0;top:0;display:none;pointer-events:none;z-index:1;border-style:solid;border-radius:4px;box-shadow:0 2px 6px rgba(0,0,0,.18);text-align:start;white-space:normal;overflow-wrap:anywhere;",
    "font-size:", tooltip_px!(font), "px;line-height:", tooltip_px!(line), "px;padding:", tooltip_px!(pad_y), "px ",
    tooltip_px!(pad_x), "px;border-width:", tooltip_px!(border), "px;max-width:", tooltip_px!(max_width), "px}",
    ".mali-idp-chart__tooltip>*{display:block;font-size:", tooltip_px!(font), "px;line-height:", tooltip_px!(line), "px}",
    ".mali-idp-chart__tooltip>div{white-space:pre-line}",
    ".mali-idp-chart__footer{", footer!(), "}",
    ".mali-idp-chart__footer>*+*{", image_link!(), "}",
    // The "Listen" toggle (`web::sound`) reads as the links beside it.
    ".mali-idp-chart__listen{font:inherit;color:inherit;background:none;text-decoration:underline;cursor:pointer}",
    ".mali-idp-chart__error,.", failed_class!(), "{", error_box!(), "}",
    // Shown by the shell (an inline declaration) while it has a message.
    ".mali-idp-chart__error{display:none}",
    ".mali-idp-chart__live,.mali-idp-chart__data{", hidden!(), "}",
    // The live region also reads system colours (forced colours: see the shell).
    ".mali-idp-chart__live{forced-color-adjust:none}",
    ".mali-idp-chart__print,.mali-idp-chart__print>span{position:absolute;left:0;pointer-events:none;line-height:1.2;white-space:pre}",
    ".mali-idp-chart__print{width:100%}",
    rtl_css!(),
    "}"
);

/// An Arabic chart's root is `dir="rtl"` (`web::widget`): its words right to left,
/// from the right (the tooltip, the table, the links, the live region). Only in the
/// build with Arabic: the others have no right-to-left chart to lay out.
#[cfg(feature = "ar")]
macro_rules! rtl_css {
    () => {
        ".mali-idp-chart[dir=rtl]{direction:rtl}"
    };
}
#[cfg(not(feature = "ar"))]
macro_rules! rtl_css {
    () => {
        ""
    };
}
use rtl_css;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::TOOLTIP;

    /// The rules inside the layer, as (selector, declarations).
    fn rules() -> Vec<(&'static str, Vec<&'static str>)> {
        let body = WIDGET_CSS.strip_prefix("@layer mali-idp-chart{").and_then(|b| b.strip_suffix('}')).expect("one layer around it all");
        body.split_terminator('}').map(|rule| {
            let (selector, decls) = rule.split_once('{').unwrap();
            (selector, decls.split(';').collect())
        }).collect()
    }

    #[test]
    fn every_rule_is_the_widgets_and_every_declaration_a_property_and_a_value() {
        let rules = rules();
        assert_eq!(rules.len(), if cfg!(feature = "ar") { 21 } else { 20 });
        for (selector, decls) in rules {
            assert!(selector.split(',').all(|s| s.starts_with(".mali-idp-chart")), "a rule outside the widget: {selector}");
            // The shell's regular expression marks `:value` up to `;` or `}`: no
            // selector may hold a colon, and every declaration exactly one.
            assert!(!selector.contains(':'), "{selector}");
            for d in decls {
                assert_eq!(d.matches(':').count(), 1, "{selector}: {d}");
            }
        }
    }

    #[test]
    fn the_tooltip_is_styled_with_the_numbers_its_size_is_estimated_from() {
        let (tip_box, tip_line) = TOOLTIP.css();
        let rules = rules();
        let of = |selector: &str| rules.iter().find(|(s, _)| *s == selector).map(|(_, d)| d.clone()).unwrap();
        for (k, v) in tip_box {
            assert!(of(".mali-idp-chart__tooltip").contains(&[k, ":", &v].concat().as_str()), "{k}: {v}");
        }
        for (k, v) in tip_line {
            assert!(of(".mali-idp-chart__tooltip>*").contains(&[k, ":", &v].concat().as_str()), "{k}: {v}");
        }
    }

    #[test]
    fn the_live_chart_uses_the_declarations_the_picture_uses() {
        for shared in [FOOTER, IMAGE_LINK, ERROR_BOX, HIDDEN] {
            assert!(WIDGET_CSS.contains(&["{", shared, "}"].concat()), "{shared}");
        }
    }

    #[test]
    fn the_failure_class_is_the_one_the_shell_and_the_element_write() {
        for (file, source) in [("shell.js", include_str!("web/shell.js")), ("the element", include_str!("../www/element/mali-idp-chart.js"))] {
            assert!(source.contains(&["'mali-idp-chart ", FAILED_CLASS, "'"].concat()), "{file}");
        }
        assert!(include_str!("../www/element/mali-idp-chart.js").contains(&["':scope > .", PICTURE_CLASS, "'"].concat()));
    }
}

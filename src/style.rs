//! The widget's fixed styles: one source for the live chart (a stylesheet its shell
//! adopts in the page or the element's shadow root) and the static picture
//! (`mali-idp-chart.css`, written by `svg::picture_css`). Pure; depends on `layout`
//! (the tooltip's type and padding, which its size estimate also uses).
//!
//! The live chart's rules sit in a cascade layer with every declaration important:
//! an important layered declaration beats any unlayered page rule, important or
//! not, whatever its specificity (CSS Cascade 5), so the page's CSS cannot distort
//! the chart or break hit testing; and none of it is inline, so a reader's own text
//! spacing (a user style sheet, WCAG 1.4.12) still applies.

use crate::layout::TOOLTIP;

/// Hidden on screen, present for assistive technology (the data table, the live
/// region).
pub const HIDDEN: &str = "position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap";
/// The footer under the chart: the CSV and image links.
pub const FOOTER: &str = "margin:0;font-size:13px;line-height:1.4";
/// The image link, after the CSV link.
pub const IMAGE_LINK: &str = "margin-left:1em";
/// How an error looks inside the widget (the box replaces a chart that cannot be
/// drawn, or sits above one that keeps its last good options).
pub const ERROR_BOX: &str = "box-sizing:border-box;margin:0 0 8px;padding:10px 12px;border:1px solid #d08a8a;border-radius:4px;background:#fdf2f2;color:#7a1414;font:14px/1.45 sans-serif;text-align:left;overflow-wrap:anywhere";

/// The live chart's class names (the static picture's are `mic-*`).
pub const ROOT: &str = "mali-idp-chart";

/// `a:1;b:2` as `a:1!important;b:2!important`.
fn important(declarations: &str) -> String {
    [&declarations.replace(';', "!important;"), "!important"].concat()
}

/// The live chart's stylesheet: a box model of our own for every element we make,
/// the canvases, the tooltip (its type and padding from `TOOLTIP`, as its size is
/// estimated), the footer, the error box, the hidden parts and the print layer.
/// What changes as the chart is used (colours, sizes, places) is set on the
/// elements by the shell.
pub fn widget_css() -> String {
    let (tip_box, tip_line) = TOOLTIP.css();
    let decls = |pairs: &[(&str, String)]| pairs.iter().map(|(k, v)| [*k, ":", v].concat()).collect::<Vec<_>>().join(";");
    let rules: [(&str, &str); 17] = [
        (".mali-idp-chart,.mali-idp-chart *", "box-sizing:border-box;margin:0;padding:0;border:0"),
        (".mali-idp-chart", "position:relative;width:100%;min-width:0;direction:ltr;text-align:left;line-height:normal"),
        // Shown at the container's width, its height from the aspect ratio the shell
        // sets (as the static picture's drawings are): a percentage width adds
        // nothing to a flex or grid parent's min-content width, so no resize loop.
        (".mali-idp-chart>canvas", "display:block;width:100%;height:auto"),
        (".mali-idp-chart>.mali-idp-chart__overlay", "position:absolute;left:0;top:0;pointer-events:none"),
        // Placed by `transform` from the box's corner: moving it lays nothing out.
        (".mali-idp-chart__tooltip", "position:absolute;left:0;top:0;display:none;pointer-events:none;z-index:1;border-style:solid;border-radius:4px;box-shadow:0 2px 6px rgba(0,0,0,.18);text-align:left;white-space:normal;overflow-wrap:anywhere"),
        (".mali-idp-chart__tooltip", &decls(&tip_box)),
        (".mali-idp-chart__tooltip>*", "display:block"),
        (".mali-idp-chart__tooltip>*", &decls(&tip_line)),
        (".mali-idp-chart__tooltip>div", "white-space:pre-line"),
        (".mali-idp-chart__footer", FOOTER),
        (".mali-idp-chart__footer>a+a", IMAGE_LINK),
        (".mali-idp-chart__error,.mali-idp-chart--failed", ERROR_BOX),
        // Shown by the shell (an inline declaration) while it has a message.
        (".mali-idp-chart__error", "display:none"),
        (".mali-idp-chart__live,.mali-idp-chart__data", HIDDEN),
        // The live region also reads system colours (forced colours: see the shell).
        (".mali-idp-chart__live", "forced-color-adjust:none"),
        (".mali-idp-chart__print,.mali-idp-chart__print>span", "position:absolute;left:0;pointer-events:none;line-height:1.2;white-space:pre"),
        (".mali-idp-chart__print", "width:100%"),
    ];
    let mut css = String::from("@layer mali-idp-chart{");
    for (selector, declarations) in rules {
        css.push_str(&[selector, "{", &important(declarations), "}"].concat());
    }
    css.push('}');
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_declaration_of_the_widget_is_important_and_in_its_layer() {
        let css = widget_css();
        assert!(css.starts_with("@layer mali-idp-chart{") && css.ends_with("}}"), "{css}");
        let body = &css["@layer mali-idp-chart{".len()..css.len() - 1];
        let mut rules = 0;
        for rule in body.split_terminator('}') {
            let (selector, decls) = rule.split_once('{').unwrap();
            assert!(selector.contains("mali-idp-chart"), "a rule outside the widget: {selector}");
            for d in decls.split(';') {
                assert!(d.ends_with("!important"), "{selector}: {d}");
            }
            rules += 1;
        }
        assert_eq!(rules, 17);
    }

    #[test]
    fn the_tooltip_is_styled_with_the_numbers_its_size_is_estimated_from() {
        let css = widget_css();
        let px = |v: u32| format!("{v}px!important");
        assert!(css.contains(&format!("font-size:{}", px(TOOLTIP.font_px))), "{css}");
        assert!(css.contains(&format!("line-height:{}", px(TOOLTIP.line_px))), "{css}");
        assert!(css.contains(&format!("max-width:{}", px(TOOLTIP.max_width))), "{css}");
    }

    #[test]
    fn important_marks_each_declaration() {
        assert_eq!(important("a:1;b:2 3"), "a:1!important;b:2 3!important");
    }
}

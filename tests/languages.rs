//! The wires' languages in real browsers (issue 26), run by `wasm-pack test` in
//! Chrome and Firefox: each language's tooltip reads the figures as the browser's
//! own `Intl.NumberFormat` writes them; an Arabic chart is right to left (the
//! canvas's bars and texts, the tooltip, the table, the footer and the live region,
//! the arrow keys) and its texts, measured by the browser's own fonts, fit the
//! widths the layout gave them.
#![cfg(target_arch = "wasm32")]

use mali_idp_chart::layout::TextRole;
use mali_idp_chart::web::{Chart, mount};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

mod browser;
use browser::*;

wasm_bindgen_test_configure!(run_in_browser);

/// How the browser's `Intl.NumberFormat` writes `n` in `tag` (a share: `n` in
/// tenths of a percent, with one decimal, as the chart shows it).
fn intl(tag: &str, n: f64, share: bool) -> String {
    let f = js_sys::Function::new_with_args(
        "tag, n, share",
        "return share ? new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n / 1000) \
         : new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(n)",
    );
    f.call3(&JsValue::NULL, &tag.into(), &n.into(), &share.into()).unwrap().as_string().unwrap()
}

fn chart(width: u32, options: &str) -> (HtmlElement, Chart) {
    let el = container(width);
    let chart = mount(el.clone().into(), js_sys::JSON::parse(options).unwrap()).unwrap();
    (el, chart)
}

fn direction(el: &HtmlElement) -> String {
    web_sys::window().unwrap().get_computed_style(el).unwrap().unwrap().get_property_value("direction").unwrap()
}

/// Every language and variant: the tooltip of the largest region (Tombouctou,
/// 22 328 people, 37.9 % of 58 985) as `Intl.NumberFormat` writes it there.
#[wasm_bindgen_test]
async fn each_languages_tooltip_reads_the_figures_as_intl_writes_them() {
    for tag in ["fr", "en", "es", "es-419", "pt-BR", "pt-PT", "de", "de-CH", "ar", "ar-EG", "ar-u-nu-arab"] {
        let (el, mut chart) = chart(640, &format!(r#"{{"lang":"{tag}"}}"#));
        let canvas: HtmlElement = chart.canvas().unchecked_into();
        canvas.focus().unwrap();
        key(&canvas, "Home");
        next_frame().await;
        let tip = text(&chart.tooltip());
        let (persons, share) = (intl(tag, 22_328.0, false), intl(tag, 379.0, true));
        assert!(tip.contains(&persons), "{tag}: {persons:?} in the tooltip {tip:?}");
        assert!(tip.contains(&share), "{tag}: {share:?} in the tooltip {tip:?}");
        // The live region says the same figure, and the table writes the total as Intl does.
        assert!(text(&chart.live_region()).contains(&persons), "{tag}: announced");
        assert!(text(&chart.root()).contains(&intl(tag, 58_985.0, false)), "{tag}: the national total in the table");
        assert_eq!(chart.root().get_attribute("lang").as_deref().map(|l| &l[..2]), Some(&tag[..2]));
        chart.destroy();
        el.remove();
    }
}

/// An Arabic chart: the root and everything in it right to left; the bars grow
/// leftward from one right edge (at the right margin when names sit above them),
/// each name on its bar's right, drawn where the layout says; ← goes on, → back.
#[wasm_bindgen_test]
async fn an_arabic_chart_is_right_to_left_in_every_part() {
    for width in [320, 640] {
        let (el, mut chart) = chart(width, r#"{"lang":"ar"}"#);
        let root = chart.root();
        assert_eq!(root.get_attribute("dir").as_deref(), Some("rtl"));
        for part in [root.clone(), chart.tooltip(), chart.live_region()] {
            assert_eq!(direction(&part), "rtl", "{width} px: {:?}", part.class_name());
        }
        for selector in ["table", ".mali-idp-chart__footer"] {
            let part: HtmlElement = root.query_selector(selector).unwrap().expect(selector).unchecked_into();
            assert_eq!(direction(&part), "rtl", "{width} px: {selector}");
        }
        // The footer's links start from the right.
        let footer: HtmlElement = root.query_selector(".mali-idp-chart__footer > a").unwrap().unwrap().unchecked_into();
        let (link, box_) = (footer.get_bounding_client_rect(), root.get_bounding_client_rect());
        assert!(box_.right() - link.right() < link.left() - box_.left(), "{width} px: the first link on the right");

        let l = chart.layout();
        assert!(l.rtl);
        let edge = l.rows[0].bar.right();
        let bar_colour = {
            let [r, g, b, _] = rgba(&chart.canvas(), chart.device_pixel_ratio(), edge - 2.0, l.rows[0].bar.center().1);
            (r, g, b)
        };
        for row in &l.rows {
            assert!((row.bar.right() - edge).abs() < 1e-9, "{width} px: one right edge");
            let [r, g, b, _] = rgba(&chart.canvas(), chart.device_pixel_ratio(), row.bar.x + 2.0, row.bar.center().1);
            assert!(row.computed || (r, g, b) == bar_colour, "{width} px: the bar drawn from its left end");
        }
        let [r, g, b, _] = rgba(&chart.canvas(), chart.device_pixel_ratio(), edge + 2.0, l.rows[0].bar.center().1);
        assert_ne!((r, g, b), bar_colour, "{width} px: nothing of the bar right of its edge");
        if l.stacked {
            assert!((edge - (l.width - l.pad)).abs() < 1e-9, "{width} px: names above, the bars start at the right margin");
        } else {
            for t in l.texts.iter().filter(|t| t.role == TextRole::Name) {
                assert!(t.bounds().x >= edge, "{width} px: {:?} on its bar's right", t.text);
            }
        }

        // ← and → follow the reading direction.
        let canvas: HtmlElement = chart.canvas().unchecked_into();
        canvas.focus().unwrap();
        for (k, want) in [("ArrowLeft", 0), ("ArrowLeft", 1), ("ArrowRight", 0), ("ArrowDown", 1), ("ArrowUp", 0)] {
            key(&canvas, k);
            next_frame().await;
            assert_eq!(chart.highlighted().0, Some(want), "{width} px: {k}");
        }
        // The keyboard's tooltip sits left of the bar's end (its start in Arabic).
        let tip = chart.tooltip().get_bounding_client_rect();
        let canvas_box = canvas.get_bounding_client_rect();
        assert!(tip.right() <= canvas_box.left() + l.rows[0].bar.x + 1.0 || tip.left() >= canvas_box.left(), "{width} px: placed");
        chart.destroy();
        el.remove();
    }
}

/// Arabic (and every other language's) texts, measured with the browser's fonts at
/// the chart's own font, fit the width the layout's estimate gave them: nothing
/// wraps short or overflows, at every artboard and with the map.
#[wasm_bindgen_test]
fn every_languages_texts_fit_their_estimated_widths_in_this_browsers_fonts() {
    let canvas: HtmlCanvasElement = document().create_element("canvas").unwrap().unchecked_into();
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    for tag in ["ar", "ar-EG", "es", "pt-PT", "de-CH"] {
        for view in ["bars", "both"] {
            for width in mali_idp_chart::layout::ARTBOARDS {
                let (el, mut chart) = chart(width as u32, &format!(r#"{{"lang":"{tag}","view":"{view}"}}"#));
                let family = chart.theme().font;
                for t in &chart.layout().texts {
                    ctx.set_font(&format!("{}{}px {family}", if t.font.bold { "bold " } else { "" }, t.font.size));
                    let measured = ctx.measure_text(&t.text).unwrap().width();
                    assert!(measured <= t.width + 0.5, "{tag} {view} {width} px: {:?} measures {measured}, estimated {}", t.text, t.width);
                }
                chart.destroy();
                el.remove();
            }
        }
    }
}

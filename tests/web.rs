//! Browser tests of the web shell, run by `wasm-pack test --headless --chrome --firefox`.
//! Positions to probe come from the chart's own layout, never from typed numbers.
#![cfg(target_arch = "wasm32")]

use mali_idp_chart::render::{LIGHT, Rgb};
use mali_idp_chart::web::{Chart, mount};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod browser;
use browser::*;

wasm_bindgen_test_configure!(run_in_browser);

fn pixel(chart: &Chart, css_x: f64, css_y: f64) -> Rgb {
    let [r, g, b, a] = rgba(&chart.canvas(), chart.device_pixel_ratio(), css_x, css_y);
    assert_eq!(a, 255, "opaque pixel");
    (r, g, b)
}

fn canvases_in(el: &HtmlElement) -> u32 {
    el.query_selector_all("canvas[role=img]").unwrap().length()
}

#[wasm_bindgen_test]
fn the_canvas_has_the_container_width_and_a_backing_store_scaled_by_the_ratio() {
    let el = container(500);
    let chart = mount(el.clone().into(), JsValue::UNDEFINED).unwrap();
    let canvas = &chart.canvas();
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    let layout = &chart.layout();
    // The 480 px artboard, shown at 500 px: its height scaled alike.
    assert_eq!(layout.width, 480.0);
    let shown = canvas.get_bounding_client_rect();
    assert_eq!(shown.width(), 500.0);
    let height = layout.height * 500.0 / 480.0;
    assert!((shown.height() - height).abs() < 0.01, "{} against {height}", shown.height());
    assert_eq!(canvas.width(), (500.0 * dpr).round() as u32);
    assert_eq!(canvas.height(), (height * dpr).round() as u32);
    assert_eq!(canvases_in(&el), 1);
    el.remove();
}

#[wasm_bindgen_test]
fn bars_are_painted_in_their_colours_on_the_background() {
    let el = container(640);
    let chart = mount(el.clone().into(), JsValue::UNDEFINED).unwrap();
    let layout = chart.layout();
    assert_eq!(layout.rows.len(), 4);
    for row in &layout.rows {
        let want = if row.computed { LIGHT.bar_computed } else { LIGHT.bar };
        for (x, y) in inner_points(&row.bar) {
            assert_eq!(pixel(&chart, x, y), want, "inside bar {} at ({x}, {y})", row.region);
        }
        // Between two bars and in the empty span right of a short bar: background.
        let gap_y = row.hit.bottom() + 2.0;
        assert_eq!(pixel(&chart, row.bar.center().0, gap_y), LIGHT.background, "gap under bar {}", row.region);
    }
    // The computed bar is painted visibly apart from the reported ones.
    let (first, last) = (&layout.rows[0], &layout.rows[3]);
    assert!(last.computed && !first.computed);
    let (a, b) = (pixel(&chart, first.bar.center().0, first.bar.center().1), pixel(&chart, last.bar.center().0, last.bar.center().1));
    assert!(mali_idp_chart::theme::contrast(a, b) > 1.5, "computed {b:?} against reported {a:?}");
    // The top-left corner (padding) is background.
    assert_eq!(pixel(&chart, 1.0, 1.0), LIGHT.background);
    el.remove();
}

#[wasm_bindgen_test]
fn destroy_removes_the_canvas_and_two_charts_live_side_by_side() {
    let (a, b) = (container(400), container(700));
    let mut first = mount(a.clone().into(), JsValue::UNDEFINED).unwrap();
    let second = mount(b.clone().into(), JsValue::UNDEFINED).unwrap();
    assert_eq!((canvases_in(&a), canvases_in(&b)), (1, 1));
    assert_eq!((shown_width(&first), shown_width(&second)), (400.0, 700.0));
    first.destroy();
    assert_eq!(canvases_in(&a), 0, "destroy removes the canvas");
    assert_eq!(a.child_element_count(), 0, "and everything else it added");
    first.destroy(); // a second destroy is harmless
    assert_eq!(canvases_in(&b), 1, "the other chart stays");
    assert_eq!(pixel(&second, second.layout().rows[0].bar.center().0, second.layout().rows[0].bar.center().1), LIGHT.bar);
    a.remove();
    b.remove();
}

#[wasm_bindgen_test]
fn mounting_by_selector_works() {
    let el = container(320);
    el.set_id("chart-by-selector");
    let chart = mount(JsValue::from_str("#chart-by-selector"), JsValue::UNDEFINED).unwrap();
    assert_eq!(chart.layout().width, 320.0);
    let found: web_sys::Element = el.query_selector("canvas").unwrap().unwrap();
    assert!(found == **chart.canvas(), "the canvas is inside the selected element");
    el.remove();
}

fn message(result: Result<Chart, JsValue>) -> String {
    let err = match result {
        Ok(chart) => panic!("mount should fail, but drew a {} px chart", chart.layout().width),
        Err(e) => e,
    };
    let err: js_sys::Error = err.dyn_into().expect("a JS Error");
    String::from(err.message())
}

#[wasm_bindgen_test]
fn bad_targets_and_options_throw_clear_errors() {
    let m = message(mount(JsValue::NULL, JsValue::UNDEFINED));
    assert!(m.contains("target must be an Element or a CSS selector") && m.contains("null"), "{m}");
    let m = message(mount(JsValue::from_str("#no-such-element"), JsValue::UNDEFINED));
    assert!(m.contains("no element matches") && m.contains("#no-such-element"), "{m}");
    let m = message(mount(JsValue::from_str("[[["), JsValue::UNDEFINED));
    assert!(m.contains("not a valid CSS selector"), "{m}");
    let m = message(mount(JsValue::from_f64(3.0), JsValue::UNDEFINED));
    assert!(m.contains("got number"), "{m}");
    let el = container(400);
    let options = js_sys::JSON::parse(r#"{"lang":"de"}"#).unwrap();
    let m = message(mount(el.clone().into(), options));
    assert!(m.contains("lang: must be") && m.contains("\"de\""), "{m}");
    let options = js_sys::JSON::parse(r#"{"colour":"red"}"#).unwrap();
    let m = message(mount(el.clone().into(), options));
    assert!(m.contains("colour"), "unknown field named: {m}");
    assert_eq!(canvases_in(&el), 0, "a failed mount leaves nothing behind");
    el.remove();
}

#[wasm_bindgen_test]
fn english_uses_english_names() {
    let el = container(640);
    let options = js_sys::JSON::parse(r#"{"lang":"en"}"#).unwrap();
    let chart = mount(el.clone().into(), options).unwrap();
    let names: Vec<_> = chart
        .layout()
        .texts
        .iter()
        .filter(|t| t.role == mali_idp_chart::layout::TextRole::Name)
        .map(|t| t.text.clone())
        .collect();
    assert_eq!(names, ["Timbuktu", "Segou", "Menaka", "Other regions*"]);
    el.remove();
}

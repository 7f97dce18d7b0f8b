//! Browser tests of the web shell, run by `wasm-pack test --headless --chrome --firefox`.
//! Positions to probe come from the chart's own layout, never from typed numbers.
#![cfg(target_arch = "wasm32")]

use mali_idp_chart::layout::TextRole;
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
    // The 560 px artboard, shown at 500 px: its height scaled alike.
    assert_eq!(layout.width, 560.0);
    let shown = canvas.get_bounding_client_rect();
    assert_eq!(shown.width(), 500.0);
    let height = layout.height * 500.0 / 560.0;
    assert!((shown.height() - height).abs() < 0.01, "{} against {height}", shown.height());
    assert_eq!(canvas.width(), (500.0 * dpr).round() as u32);
    assert_eq!(canvas.height(), (height * dpr).round() as u32);
    assert_eq!(canvases_in(&el), 1);
    el.remove();
}

#[wasm_bindgen_test]
fn bars_are_painted_in_their_colours_on_the_background() {
    let el = container(560);
    let chart = mount(el.clone().into(), JsValue::UNDEFINED).unwrap();
    let layout = chart.layout();
    assert_eq!(layout.rows.len(), 4);
    for row in &layout.rows {
        let want = if row.computed { LIGHT.bar_computed } else { LIGHT.bar };
        for (x, y) in inner_points(&row.bar) {
            assert_eq!(pixel(&chart, x, y), want, "inside bar {} at ({x}, {y})", row.region);
        }
        // Between two bars and in the empty span right of a short bar (past its
        // figure, whose estimated width is never too narrow): background.
        let gap_y = row.hit.bottom() + 2.0;
        assert_eq!(pixel(&chart, row.bar.center().0, gap_y), LIGHT.background, "gap under bar {}", row.region);
        let mid = row.bar.center().1;
        let value = layout.texts.iter().find(|t| t.role == TextRole::Value && (t.y - mid).abs() < 0.5).unwrap();
        let (from, to) = (value.x + value.width + 2.0, row.hit.right() - 2.0);
        if to > from {
            assert_eq!(pixel(&chart, (from + to) / 2.0, mid), LIGHT.background, "right of bar {}'s figure", row.region);
        }
    }
    assert!(layout.rows.iter().any(|r| {
        let v = layout.texts.iter().find(|t| t.role == TextRole::Value && (t.y - r.bar.center().1).abs() < 0.5).unwrap();
        v.x + v.width + 2.0 < r.hit.right() - 2.0
    }), "some bar is short enough to leave a span");
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
    // Dropping the handle (JavaScript's `free()`) removes the chart as destroy() does.
    drop(second);
    assert_eq!(b.child_element_count(), 0, "a freed chart leaves nothing in the page");
    a.remove();
    b.remove();
}

#[wasm_bindgen_test]
fn mounting_by_selector_works() {
    let el = container(340);
    el.set_id("chart-by-selector");
    let chart = mount(JsValue::from_str("#chart-by-selector"), JsValue::UNDEFINED).unwrap();
    assert_eq!(chart.layout().width, 340.0);
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
    let options = js_sys::JSON::parse(r#"{"lang":"it"}"#).unwrap();
    let m = message(mount(el.clone().into(), options));
    assert!(m.contains("lang: must be") && m.contains("\"it\""), "{m}");
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

#[wasm_bindgen_test]
fn the_internal_error_message_speaks_the_language_the_chart_speaks_when_it_strikes() {
    let el = container(640);
    let mut chart = mount(el.clone().into(), js_sys::JSON::parse(r#"{"lang":"en"}"#).unwrap()).unwrap();
    assert!(chart.panic_message().starts_with("mali-idp-chart: internal error"), "{}", chart.panic_message());
    chart.update(js_sys::JSON::parse(r#"{"lang":"fr"}"#).unwrap()).unwrap();
    assert!(chart.panic_message().starts_with("mali-idp-chart : erreur interne"), "{}", chart.panic_message());
    chart.update(js_sys::JSON::parse(r#"{"lang":"en-GB"}"#).unwrap()).unwrap();
    assert!(chart.panic_message().contains("Please reload"), "{}", chart.panic_message());
    chart.destroy();
    el.remove();
}

/// Follows the chart's image link (its default action stopped: no download in a
/// test browser) and decodes the PNG it then points at.
async fn follow_image_link(chart: &Chart) -> (web_sys::HtmlAnchorElement, web_sys::HtmlImageElement) {
    let link: web_sys::HtmlAnchorElement =
        chart.root().query_selector("a[download$='.png']").unwrap().expect("an image link").unchecked_into();
    let stop = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| e.prevent_default());
    link.add_event_listener_with_callback("click", stop.as_ref().unchecked_ref()).unwrap();
    link.click();
    link.remove_event_listener_with_callback("click", stop.as_ref().unchecked_ref()).unwrap();
    let img = web_sys::HtmlImageElement::new().unwrap();
    img.set_src(&link.href());
    wasm_bindgen_futures::JsFuture::from(img.decode()).await.expect("a PNG the browser decodes");
    (link, img)
}

#[wasm_bindgen_test]
async fn the_image_link_gives_the_chart_as_a_png_at_twice_its_size() {
    for (lang, name, file) in [("fr", "Télécharger l'image (PNG)", "deplaces-internes-mali.png"), ("en", "Download the image (PNG)", "internally-displaced-mali.png")] {
        let el = container(480);
        let mut chart = mount(el.clone().into(), js_sys::JSON::parse(&format!(r#"{{"lang":"{lang}"}}"#)).unwrap()).unwrap();
        let (link, img) = follow_image_link(&chart).await;
        assert_eq!(link.text_content().as_deref(), Some(name));
        assert_eq!(link.download(), file);
        assert!(link.href().starts_with("data:image/png;base64,"), "{}", &link.href()[..40]);
        let layout = chart.layout();
        assert_eq!((img.natural_width(), img.natural_height()), ((layout.width * 2.0) as u32, (layout.height * 2.0) as u32));
        // Its pixels are the chart's: each bar's middle in its colour, at 2×.
        let c: web_sys::HtmlCanvasElement = document().create_element("canvas").unwrap().unchecked_into();
        c.set_width(img.natural_width());
        c.set_height(img.natural_height());
        let ctx: web_sys::CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().unchecked_into();
        ctx.draw_image_with_html_image_element(&img, 0.0, 0.0).unwrap();
        for row in &layout.rows {
            let (x, y) = row.bar.center();
            let d = ctx.get_image_data((x * 2.0).floor(), (y * 2.0).floor(), 1.0, 1.0).unwrap().data();
            let want = if row.computed { LIGHT.bar_computed } else { LIGHT.bar };
            assert_eq!((d[0], d[1], d[2]), want, "bar {}", row.region);
        }
        // The title is in the image too, where the layout put it: in its band (the
        // line's height around its middle), the dark columns start at its left edge
        // and end near its measured right edge (the estimate is a little generous),
        // and nothing dark lies past it.
        let title = &layout.texts[0];
        let (band, k) = (title.font.size * 0.6, 2.0);
        let (x0, x1) = ((title.x * k) as i32, ((title.x + title.width) * k) as i32);
        let column_dark = |x: i32| {
            let d = ctx.get_image_data(x as f64, ((title.y - band) * k).floor(), 1.0, (2.0 * band * k).ceil()).unwrap().data();
            d.chunks(4).any(|p| p[0] < 128 && p[1] < 128 && p[2] < 128)
        };
        let dark: Vec<i32> = (x0 - 4..x1 + 40).filter(|&x| column_dark(x)).collect();
        let (first, last) = (dark[0], *dark.last().unwrap());
        assert!((first - x0).abs() <= 2 * k as i32, "the title starts at {first}, laid out at {x0}");
        assert!(last <= x1 && last >= x0 + (x1 - x0) * 3 / 4, "the title ends at {last}, measured to {x1}");
        chart.destroy();
        el.remove();
    }
}

#[wasm_bindgen_test]
async fn each_part_of_the_widget_is_the_element_its_name_says() {
    // The shell's JS makes the elements and hands them over as an array, in the
    // order of `Part` in widget.rs: a part taken from the wrong slot would write the
    // table, the links or the tooltip's text into another element.
    let el = container(560);
    let mut chart = mount(el.clone().into(), JsValue::UNDEFINED).unwrap();
    let root = chart.root();
    assert_eq!(root.class_name(), "mali-idp-chart");
    assert_eq!(chart.canvas().class_name(), "mali-idp-chart__canvas");
    assert_eq!(chart.canvas().get_attribute("role").as_deref(), Some("img"), "the canvas is named");
    assert_eq!(chart.overlay().class_name(), "mali-idp-chart__overlay");
    assert_eq!(chart.tooltip().get_attribute("role").as_deref(), Some("tooltip"));
    assert_eq!(chart.live_region().get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(chart.alert().get_attribute("role").as_deref(), Some("alert"));
    let one = |selector: &str| root.query_selector(selector).unwrap().is_some();
    assert!(one(".mali-idp-chart__data > table"), "the table is in the hidden box");
    assert!(one(".mali-idp-chart__footer > a[download$='.csv']"), "the CSV link is the footer's first");
    assert!(one(".mali-idp-chart__footer > a + a[download$='.png']"), "the image link its second");
    // The tooltip's name and lines, written where a reader reads them.
    let (x, y) = chart.layout().rows[0].bar.center();
    pointer(&chart.canvas(), "pointermove", "mouse", x, y);
    next_frame().await;
    let tip = chart.tooltip();
    assert_eq!(tip.query_selector("strong").unwrap().unwrap().text_content().as_deref(), Some("Tombouctou"));
    assert!(tip.query_selector("div").unwrap().unwrap().text_content().unwrap().contains("22\u{202f}328"));
    chart.destroy();
    el.remove();
}

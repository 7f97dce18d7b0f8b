//! Browser tests of the embedding API: options and their error messages, update(),
//! independent instances, locale output against Intl.NumberFormat, theme colours read
//! back from pixels, CSS custom properties, and following the container's width.
#![cfg(target_arch = "wasm32")]

use mali_idp_chart::format;
use mali_idp_chart::layout::artboard;
use mali_idp_chart::locale::Lang;
use mali_idp_chart::theme::{DARK, LIGHT};
use mali_idp_chart::web::{Chart, mount};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod browser;
use browser::*;

wasm_bindgen_test_configure!(run_in_browser);

fn json(s: &str) -> JsValue {
    js_sys::JSON::parse(s).unwrap()
}

fn bar_pixel(chart: &Chart, row: usize) -> [u8; 4] {
    let (x, y) = chart.layout().rows[row].bar.center();
    rgba(&chart.canvas(), chart.device_pixel_ratio(), x, y)
}

fn rgb(c: (u8, u8, u8)) -> [u8; 4] {
    [c.0, c.1, c.2, 255]
}

fn names(chart: &mut Chart) -> Vec<String> {
    let bars = chart.bars().unwrap();
    js_sys::Array::from(&bars)
        .iter()
        .map(|b| js_sys::Reflect::get(&b, &"name".into()).unwrap().as_string().unwrap())
        .collect()
}

fn mount_err(el: &HtmlElement, options: &str) -> String {
    match mount(el.clone().into(), json(options)) {
        Ok(_) => panic!("{options} should be rejected"),
        Err(e) => js_error_message(e),
    }
}

#[wasm_bindgen_test]
fn every_invalid_option_is_named_thrown_and_shown_in_place_of_the_chart() {
    let el = container(500);
    let cases = [
        (r#"{"lang":"it"}"#, "lang: must be \"fr\", \"en\", \"es\", \"pt\", \"de\" or \"ar\" (a region may follow: \"pt-PT\", \"ar-EG\"), got \"it\""),
        (r#"{"theme":"sepia"}"#, "theme: must be \"auto\", \"light\" or \"dark\", got \"sepia\""),
        (r#"{"size":3}"#, "options.size: unknown field"),
        (r#"{"data":[]}"#, "data: must be an object, got an array of 0"),
        (r#"{"data":{"title":"T","source":"S","total":10,"regions":[{"name":"A","persons":1},{"name":"B","persons":2},{"name":"C","persons":-5}]}}"#,
         "data.regions[2].persons: must be a whole number >= 0, got -5"),
        (r#"{"data":{"title":"T","source":"S","total":10,"regions":[{"name":"A","persons":8},{"name":"B","persons":5}]}}"#,
         "data.regions: the regions add up to 13, more than data.total (10)"),
        (r#"{"data":{"title":"T","source":"S","total":10,"regions":[{"name":"A","persons":"8"}]}}"#,
         "data.regions[0].persons: must be a whole number >= 0, got \"8\""),
        (r#"{"data":{"title":"T","total":10,"regions":[{"name":"A","persons":8}]}}"#, "data.source: is required"),
    ];
    for (options, expected) in cases {
        let m = mount_err(&el, options);
        // The widget's prefix, then the field's path and its problem (nothing between).
        let rest = m.strip_prefix("mali-idp-chart: ").unwrap_or_else(|| panic!("{options}: no prefix in {m:?}"));
        assert!(rest.starts_with(expected), "{options}: {m}");
        // The same message is in the container, where the chart would have been.
        let shown = el.query_selector("[role=alert]").unwrap().expect("an error box");
        assert_eq!(shown.text_content().unwrap(), m);
        assert_eq!(el.query_selector_all("[role=alert]").unwrap().length(), 1, "one box, not one per attempt");
        assert!(el.query_selector("canvas").unwrap().is_none());
    }
    // A good mount afterwards clears the message.
    let mut chart = mount(el.clone().into(), JsValue::UNDEFINED).unwrap();
    assert!(el.query_selector(".mali-idp-chart--failed").unwrap().is_none());
    chart.destroy();
    el.remove();
}

#[wasm_bindgen_test]
fn custom_data_replaces_the_article_and_the_rest_can_be_shown_as_computed() {
    let el = container(600);
    let mut chart = mount(
        el.clone().into(),
        json(r#"{"lang":"en","data":{"title":"Test","source":"Ours","total":1000,"showRest":true,
             "regions":[{"name":"Small","persons":100},{"name":"Big","persons":600}]}}"#),
    )
    .unwrap();
    assert_eq!(names(&mut chart), ["Big", "Small", "Other regions"]);
    let rows = chart.layout().rows;
    assert!(rows[2].computed);
    assert_eq!(bar_pixel(&chart, 2), rgb(LIGHT.bar_computed));
    // Exactly 300 in the computed row: total minus the parts.
    let bars = js_sys::Array::from(&chart.bars().unwrap());
    assert_eq!(js_sys::Reflect::get(&bars.get(2), &"persons".into()).unwrap().as_f64(), Some(300.0));
    chart.destroy();
    el.remove();
}

#[wasm_bindgen_test]
fn update_changes_language_and_theme_and_keeps_the_chart_on_bad_options() {
    let el = container(640);
    let mut chart = mount(el.clone().into(), json(r#"{"theme":"light"}"#)).unwrap();
    assert_eq!(names(&mut chart)[0], "Tombouctou");
    assert_eq!(bar_pixel(&chart, 0), rgb(LIGHT.bar));
    chart.update(json(r#"{"lang":"en"}"#)).unwrap();
    assert_eq!(names(&mut chart), ["Timbuktu", "Segou", "Menaka", "Other regions"]);
    assert_eq!(chart.root().get_attribute("lang").as_deref(), Some("en"));
    chart.update(json(r#"{"theme":"dark"}"#)).unwrap();
    assert_eq!(names(&mut chart)[0], "Timbuktu", "the language stays");
    assert_eq!(bar_pixel(&chart, 0), rgb(DARK.bar));
    assert_eq!(rgba(&chart.canvas(), chart.device_pixel_ratio(), 1.0, 1.0), rgb(DARK.background));
    // Bad options: thrown, shown above the chart, and the chart is untouched.
    let err = js_error_message(chart.update(json(r#"{"lang":5}"#)).unwrap_err());
    assert!(err.contains("lang: must be"), "{err}");
    assert!(shown(&chart.alert()));
    assert_eq!(text(&chart.alert()), err);
    assert_eq!(names(&mut chart)[0], "Timbuktu");
    chart.update(json(r#"{"lang":"fr"}"#)).unwrap();
    assert!(!shown(&chart.alert()), "a good update clears the message");
    chart.destroy();
    let err = js_error_message(chart.update(json("{}")).unwrap_err());
    assert!(err.contains("update: this chart was destroyed"), "{err}");
    el.remove();
}

#[wasm_bindgen_test]
fn two_charts_on_one_page_stay_independent() {
    let (a, b) = (container(400), container(700));
    let mut first = mount(a.clone().into(), json(r#"{"lang":"fr","theme":"light"}"#)).unwrap();
    let mut second = mount(b.clone().into(), json(r#"{"lang":"en","theme":"dark"}"#)).unwrap();
    first.update(json(r#"{"lang":"en"}"#)).unwrap();
    assert_eq!(bar_pixel(&first, 0), rgb(LIGHT.bar));
    assert_eq!(bar_pixel(&second, 0), rgb(DARK.bar));
    second.update(json(r#"{"lang":"fr"}"#)).unwrap();
    assert_eq!(names(&mut first)[0], "Timbuktu");
    assert_eq!(names(&mut second)[0], "Tombouctou");
    // Each shows its own artboard at its own width.
    assert_eq!((first.layout().width, second.layout().width), (420.0, 740.0));
    assert_eq!((shown_width(&first), shown_width(&second)), (400.0, 700.0));
    first.destroy();
    assert_eq!(bar_pixel(&second, 0), rgb(DARK.bar), "the other keeps working");
    second.destroy();
    a.remove();
    b.remove();
}

#[wasm_bindgen_test]
fn numbers_are_formatted_exactly_as_intl_number_format() {
    let locales = [(Lang::Fr, "fr-FR"), (Lang::En, "en-US")];
    let mut n: u64 = 0;
    let mut samples = vec![0, 7, 999, 1000, 22_328, 58_985, 1_000_000, 9_007_199_254_740_991];
    for _ in 0..60 {
        n = (n * 7 + 13) % 9_007_199_254_740_991; // a spread of magnitudes
        samples.push(n);
    }
    for (lang, tag) in locales {
        let ints = js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&tag.into()), &js_sys::Object::new());
        let pct_opts = json(r#"{"style":"percent","minimumFractionDigits":1,"maximumFractionDigits":1}"#);
        let pcts = js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&tag.into()), pct_opts.unchecked_ref());
        let fmt = |f: &js_sys::Intl::NumberFormat, v: f64| {
            f.format().call1(&JsValue::NULL, &v.into()).unwrap().as_string().unwrap()
        };
        for &s in &samples {
            assert_eq!(format::int(s, lang), fmt(&ints, s as f64), "{tag} {s}");
        }
        for permille in 0..=1000 {
            // Shares: exact tenths, which a double represents closely enough for Intl.
            assert_eq!(format::percent(permille, lang), fmt(&pcts, permille as f64 / 1000.0), "{tag} {permille}‰");
        }
    }
}

#[wasm_bindgen_test]
fn css_custom_properties_set_the_colours() {
    let el = container(500);
    el.style().set_property("--idp-bar", "rgb(10, 120, 30)").unwrap();
    el.style().set_property("--idp-bg", "#fafaf0").unwrap();
    el.style().set_property("--idp-bar-computed", "not a colour").unwrap();
    let mut chart = mount(el.clone().into(), json(r#"{"theme":"light"}"#)).unwrap();
    assert_eq!(bar_pixel(&chart, 0), [10, 120, 30, 255]);
    assert_eq!(rgba(&chart.canvas(), chart.device_pixel_ratio(), 1.0, 1.0), [0xfa, 0xfa, 0xf0, 255]);
    assert_eq!(bar_pixel(&chart, 3), rgb(LIGHT.bar_computed), "an invalid colour keeps the default");
    chart.destroy();
    el.remove();
    // Any CSS colour syntax: the canvas normalises what the page computed.
    let el = container(500);
    el.style().set_property("--idp-bar", "rebeccapurple").unwrap();
    el.style().set_property("--idp-bg", "hsl(60deg 100% 50%)").unwrap();
    el.style().set_property("--idp-bar-computed", "color-mix(in srgb, #000 50%, #fff)").unwrap();
    let mut chart = mount(el.clone().into(), json(r#"{"theme":"light"}"#)).unwrap();
    assert_eq!(bar_pixel(&chart, 0), [0x66, 0x33, 0x99, 255], "a named colour");
    assert_eq!(rgba(&chart.canvas(), chart.device_pixel_ratio(), 1.0, 1.0), [255, 255, 0, 255], "hsl()");
    assert_eq!(bar_pixel(&chart, 3), [128, 128, 128, 255], "color-mix()");
    chart.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn the_chart_follows_its_container_width_without_looping() {
    let el = container(600);
    let mut chart = mount(el.clone().into(), JsValue::UNDEFINED).unwrap();
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    next_frame().await;
    let renders = chart.renders();
    el.style().set_property("width", "420px").unwrap();
    for _ in 0..3 {
        next_frame().await;
    }
    assert_eq!(chart.layout().width, artboard(420.0), "the artboard for 420 px");
    assert_eq!(shown_width(&chart), 420.0, "shown at the new width");
    assert_eq!(chart.canvas().width(), (420.0 * dpr).round() as u32, "new backing size: CSS width × ratio");
    assert_eq!(chart.renders(), renders + 1, "one render for one resize");
    for _ in 0..5 {
        next_frame().await;
    }
    assert_eq!(chart.renders(), renders + 1, "and nothing after it");
    chart.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn a_resize_redraws_the_geometry_only_and_update_redraws_what_changed() {
    let el = container(600);
    let mut chart = mount(el.clone().into(), JsValue::UNDEFINED).unwrap();
    next_frame().await;
    let start = chart.probes();
    assert_eq!(start.content_renders, 1, "mount builds the words once");
    let caption = |c: &Chart| c.root().query_selector("caption").unwrap().unwrap();
    let table = caption(&chart);
    for i in 0..100 {
        el.style().set_property("width", &format!("{}px", 300 + (i % 2) * 300 + i)).unwrap();
        next_frame().await;
    }
    let after = chart.probes();
    assert_eq!(after.content_renders, start.content_renders, "100 resizes rebuild no table, label or CSV");
    assert!(after.geometry_renders >= start.geometry_renders + 100, "but each was laid out and drawn");
    assert!(caption(&chart).is_same_node(Some(&table)), "the very same table is still there");
    // The same options again change nothing at all; another theme redraws no words.
    chart.update(json(r#"{"lang":"fr","theme":"auto"}"#)).unwrap();
    assert_eq!(chart.probes().geometry_renders, after.geometry_renders);
    chart.update(json(r#"{"theme":"dark"}"#)).unwrap();
    assert_eq!((chart.probes().content_renders, chart.probes().geometry_renders), (1, after.geometry_renders + 1));
    assert_eq!(chart.theme().background, DARK.background);
    // A new language rebuilds the words once; null resets lang and theme.
    chart.update(json(r#"{"lang":"en"}"#)).unwrap();
    assert_eq!(chart.probes().content_renders, 2);
    assert_eq!(caption(&chart).text_content().unwrap(), "Internally displaced people in Mali, by region");
    chart.update(json(r#"{"lang":null,"theme":null}"#)).unwrap();
    assert_eq!(caption(&chart).text_content().unwrap(), "Personnes déplacées internes au Mali, par région");
    assert_eq!(chart.theme().background, LIGHT.background, "auto follows the (light) page");
    // undefined is "not given": nothing changes.
    let before = chart.probes();
    let undefined = js_sys::Object::new();
    js_sys::Reflect::set(&undefined, &"theme".into(), &JsValue::UNDEFINED).unwrap();
    chart.update(undefined.into()).unwrap();
    assert_eq!(chart.probes().geometry_renders, before.geometry_renders);
    chart.destroy();
    el.remove();
}

/// A parent whose layout depends on its children: the chart must neither grow it
/// frame after frame nor keep it from shrinking.
async fn settles_in(parent_css: &[(&str, &str)], child_css: &[(&str, &str)]) {
    let parent: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    for (k, v) in parent_css {
        parent.style().set_property(k, v).unwrap();
    }
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    for (k, v) in child_css {
        host.style().set_property(k, v).unwrap();
    }
    parent.append_child(&host).unwrap();
    document().body().unwrap().append_child(&parent).unwrap();
    let mut chart = mount(host.clone().into(), JsValue::UNDEFINED).unwrap();
    for _ in 0..6 {
        next_frame().await;
    }
    let (w, renders) = (shown_width(&chart), chart.renders());
    assert_eq!(w, 500.0, "fills the {parent_css:?} parent");
    for _ in 0..6 {
        next_frame().await;
    }
    assert_eq!((shown_width(&chart), chart.renders()), (w, renders), "no resize loop in {parent_css:?}");
    parent.style().set_property("width", "320px").unwrap();
    for _ in 0..4 {
        next_frame().await;
    }
    assert_eq!((shown_width(&chart), chart.layout().width), (320.0, mali_idp_chart::layout::artboard(320.0)), "shrinks with the {parent_css:?} parent");
    chart.destroy();
    parent.remove();
}

#[wasm_bindgen_test]
async fn no_resize_loop_in_flex_or_grid_parents() {
    settles_in(&[("display", "flex"), ("width", "500px")], &[("flex", "1 1 auto")]).await;
    settles_in(&[("display", "grid"), ("grid-template-columns", "1fr"), ("width", "500px")], &[]).await;
    settles_in(&[("display", "inline-block"), ("width", "500px")], &[]).await;
}

#[wasm_bindgen_test]
fn the_download_link_carries_the_figures_as_csv() {
    let el = container(500);
    let mut chart = mount(el.clone().into(), JsValue::UNDEFINED).unwrap();
    let link: web_sys::HtmlAnchorElement = chart.root().query_selector("a[download]").unwrap().unwrap().unchecked_into();
    assert_eq!(link.text_content().unwrap(), "Télécharger les données (CSV)");
    let href = link.href();
    let body = js_sys::decode_uri_component(href.strip_prefix("data:text/csv;charset=utf-8,").unwrap()).unwrap();
    let body = String::from(body);
    assert!(body.contains("Tombouctou,22328,37.9,publié"), "{body}");
    assert!(body.contains("Autres régions,15482,26.2,calculé"), "{body}");
    chart.update(json(r#"{"lang":"en"}"#)).unwrap();
    assert_eq!(link.text_content().unwrap(), "Download the data (CSV)");
    assert!(String::from(js_sys::decode_uri_component(&link.href()).unwrap()).contains("Timbuktu,22328,37.9,reported"));
    chart.destroy();
    el.remove();
}

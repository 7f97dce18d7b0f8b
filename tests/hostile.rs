//! Bad and odd input through the JS API, each named case in the browser: a clear,
//! field-named error or a correct chart, never a panic, and nothing from the data
//! ever parsed as markup. Also lifecycle faults: hidden containers, bursts of
//! resizes, detached hosts, 1,000 mount/destroy cycles.
#![cfg(target_arch = "wasm32")]

use mali_idp_chart::layout::artboard;
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

/// `{"data": {...base, regions}}` with `regions` given as JSON text.
fn with_regions(regions: &str, total: &str) -> JsValue {
    json(&format!(r#"{{"data":{{"title":"T","source":"S","total":{total},"regions":{regions}}}}}"#))
}

/// Sets `data.regions[i].persons` to a JS value JSON cannot express (NaN, Infinity...).
fn persons_set_to(value: JsValue) -> JsValue {
    let o = with_regions(r#"[{"name":"A","persons":1}]"#, "10");
    let data = js_sys::Reflect::get(&o, &"data".into()).unwrap();
    let regions = js_sys::Reflect::get(&data, &"regions".into()).unwrap();
    let first = js_sys::Reflect::get(&regions, &0.into()).unwrap();
    js_sys::Reflect::set(&first, &"persons".into(), &value).unwrap();
    o
}

fn names(chart: &mut Chart) -> Vec<String> {
    js_sys::Array::from(&chart.bars().unwrap())
        .iter()
        .map(|b| js_sys::Reflect::get(&b, &"name".into()).unwrap().as_string().unwrap())
        .collect()
}

fn rejects(options: JsValue, expected: &str) {
    let el = container(400);
    let err = match mount(el.clone().into(), options) {
        Ok(_) => panic!("should reject: {expected}"),
        Err(e) => js_error_message(e),
    };
    assert!(err.contains(expected), "{err} (expected {expected})");
    let shown = el.query_selector("[role=alert]").unwrap().unwrap().text_content().unwrap();
    assert_eq!(shown, err, "the message is shown in place of the chart");
    el.remove();
}

#[wasm_bindgen_test]
fn bad_numbers_are_rejected_by_name() {
    rejects(persons_set_to(JsValue::from_f64(f64::NAN)), "data.regions[0].persons: must be a whole number >= 0, got NaN");
    rejects(persons_set_to(JsValue::from_f64(f64::INFINITY)), "data.regions[0].persons: must be a whole number >= 0, got Infinity");
    rejects(persons_set_to(JsValue::from_f64(-3.0)), "data.regions[0].persons: must be a whole number >= 0, got -3");
    rejects(persons_set_to(JsValue::from_f64(2.5)), "data.regions[0].persons: must be a whole number >= 0, got 2.5");
    rejects(persons_set_to("12".into()), "data.regions[0].persons: must be a whole number >= 0, got \"12\"");
    rejects(persons_set_to(JsValue::NULL), "data.regions[0].persons: is required");
    rejects(persons_set_to(js_sys::Function::new_no_args("return 1").into()), "data.regions[0].persons: a function is not a valid value");
    rejects(persons_set_to(js_sys::Symbol::for_("x").into()), "data.regions[0].persons: a symbol is not a valid value");
    rejects(with_regions(r#"[{"name":"A","persons":9007199254740992}]"#, "9007199254740992"), "data.total: must be at most 9007199254740991");
}

#[wasm_bindgen_test]
fn bad_structures_are_rejected_by_name() {
    rejects(with_regions("[]", "10"), "data.regions: must list at least one region");
    rejects(with_regions(r#"[{"name":"","persons":1}]"#, "10"), "data.regions[0].name: must not be empty");
    rejects(with_regions(r#"[{"name":"A","persons":1},{"name":"A","persons":2}]"#, "10"), "data.regions[1].name: \"A\" is already data.regions[0].name");
    rejects(with_regions(r#"[{"name":"A","persons":1,"color":"red"}]"#, "10"), "data.regions[0].color: unknown field");
    rejects(json(r#"{"lang":"fr","colour":"red"}"#), "options.colour: unknown field");
    rejects(json(r#"{"data":{"title":"T","source":"S","total":10,"regions":[{"name":"A","persons":20}]}}"#), "more than data.total (10)");
    let regions: Vec<String> = (0..1001).map(|i| format!(r#"{{"name":"R{i}","persons":1}}"#)).collect();
    rejects(with_regions(&format!("[{}]", regions.join(",")), "5000"), "data.regions: must list at most 1000 regions, got 1001");
    // A cycle: an object that contains itself.
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"data".into(), &o).unwrap();
    rejects(o.into(), "nested too deeply");
    rejects(JsValue::from_str("fr"), "options: must be an object, got \"fr\"");
}

#[wasm_bindgen_test]
async fn odd_but_valid_data_draws_correct_charts() {
    let cases: Vec<(&str, String, Vec<&str>)> = vec![
        ("one region", r#"[{"name":"Seule","persons":5}]"#.into(), vec!["Seule"]),
        ("all zeros", r#"[{"name":"A","persons":0},{"name":"B","persons":0}]"#.into(), vec!["A", "B"]),
        ("right-to-left and emoji", r#"[{"name":"تمبكتو","persons":3},{"name":"Région 🚀","persons":2}]"#.into(), vec!["تمبكتو", "Région 🚀"]),
        ("markup as names", r#"[{"name":"<img src=x onerror=alert(1)>","persons":2},{"name":"</script><b>x</b>","persons":1}]"#.into(),
         vec!["<img src=x onerror=alert(1)>", "</script><b>x</b>"]),
    ];
    for (what, regions, expected) in cases {
        let el = container(320);
        let total = if what == "all zeros" { "0" } else { "10" };
        let mut chart = mount(el.clone().into(), with_regions(&regions, total)).unwrap_or_else(|e| panic!("{what}: {}", js_error_message(e)));
        assert_eq!(names(&mut chart), expected, "{what}");
        // Data reaches the DOM as text only: no element was created from it.
        assert_eq!(el.query_selector_all("img, b, script").unwrap().length(), 0, "{what}: markup was parsed");
        let table = chart.root().query_selector("table").unwrap().unwrap().text_content().unwrap();
        for name in &expected {
            assert!(table.contains(name), "{what}: {name} missing from the table");
        }
        // Hovering each bar works and shows the name as text.
        for (i, row) in chart.layout().rows.iter().enumerate() {
            pointer(&chart.canvas(), "pointermove", "mouse", row.hit.x + 4.0, row.hit.center().1);
            next_frame().await;
            assert_eq!(chart.highlighted().0, Some(i), "{what}");
            assert!(text(&chart.tooltip()).contains(expected[i]), "{what}");
        }
        chart.destroy();
        el.remove();
    }
}

#[wasm_bindgen_test]
fn long_names_and_many_regions_fit() {
    let long = "x".repeat(200);
    let el = container(280);
    let mut chart = mount(el.clone().into(), with_regions(&format!(r#"[{{"name":"{long}","persons":4}},{{"name":"B","persons":1}}]"#), "9")).unwrap();
    let l = chart.layout();
    assert!(l.stacked, "a 200-character name goes above its bar, wrapped");
    let wrapped: String = l.texts.iter().filter(|t| t.role == mali_idp_chart::layout::TextRole::Name).map(|t| t.text.clone()).collect();
    assert!(wrapped.contains(&long), "the whole name is drawn, over several lines");
    for t in &l.texts {
        assert!(t.bounds().right() <= l.width + 0.5, "{} overflows", t.text);
    }
    chart.destroy();
    let regions: Vec<String> = (0..500).map(|i| format!(r#"{{"name":"Région {i}","persons":{}}}"#, 1000 + i * 7 % 300)).collect();
    let mut chart = mount(el.clone().into(), with_regions(&format!("[{}]", regions.join(",")), "2000000")).unwrap();
    assert_eq!(chart.layout().rows.len(), 500);
    let (w, h) = (chart.canvas().width(), chart.canvas().height());
    assert!(w <= 32_767 && h <= 32_767 && h > 0, "{w}x{h}");
    chart.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn a_hidden_container_is_drawn_when_shown() {
    let el = container(500);
    el.style().set_property("display", "none").unwrap();
    let mut chart = mount(el.clone().into(), JsValue::UNDEFINED).unwrap();
    // Never a blank box, even hidden: laid out and drawn at the fallback width.
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    assert_eq!(chart.layout().width, artboard(640.0), "hidden: the fallback width's artboard");
    assert_eq!(chart.canvas().width(), (640.0 * dpr).round() as u32, "drawn at the fallback width");
    el.style().set_property("display", "block").unwrap();
    for _ in 0..3 {
        next_frame().await;
    }
    assert_eq!(chart.layout().width, artboard(500.0), "laid out for its real width once shown");
    assert_eq!(chart.canvas().width(), (500.0 * web_sys::window().unwrap().device_pixel_ratio()).round() as u32);
    chart.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn a_burst_of_resizes_gives_one_render_per_frame() {
    let el = container(600);
    let mut chart = mount(el.clone().into(), JsValue::UNDEFINED).unwrap();
    next_frame().await;
    let before = chart.renders();
    for i in 0..500 {
        el.style().set_property("width", &format!("{}px", 300 + i % 400)).unwrap();
        if i % 100 == 99 {
            next_frame().await;
        }
    }
    for _ in 0..4 {
        next_frame().await;
    }
    let renders = chart.renders() - before;
    assert!(renders >= 1 && renders <= 12, "{renders} renders for 500 resizes over ~10 frames");
    let last = el.client_width() as f64;
    assert_eq!(chart.layout().width, artboard(last), "ends at the final width's artboard");
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    assert_eq!(chart.canvas().width(), (last * dpr).round() as u32, "drawn for the final width");
    chart.destroy();
    el.remove();
}

#[wasm_bindgen_test]
fn a_detached_host_and_a_removed_host_never_break() {
    let detached: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    let mut chart = mount(detached.clone().into(), JsValue::UNDEFINED).unwrap();
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    assert_eq!((chart.layout().width, chart.canvas().width()), (artboard(640.0), (640.0 * dpr).round() as u32), "detached: drawn at the fallback width");
    chart.update(json(r#"{"lang":"en"}"#)).unwrap();
    chart.destroy();
    let el = container(400);
    let mut chart = mount(el.clone().into(), JsValue::UNDEFINED).unwrap();
    el.remove(); // removed under the chart: it keeps answering
    chart.update(json(r#"{"theme":"dark"}"#)).unwrap();
    chart.destroy();
    chart.destroy();
    assert!(js_error_message(chart.bars().unwrap_err()).contains("bars: this chart was destroyed"));
}

#[wasm_bindgen_test]
async fn a_thousand_mount_destroy_cycles_leave_nothing_behind() {
    install_listener_counter();
    let el = container(500);
    let memory = || wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>().buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length();
    // Warm up: the allocator grows to its plateau.
    for _ in 0..50 {
        mount(el.clone().into(), JsValue::UNDEFINED).unwrap().destroy();
    }
    let (l0, m0) = (listeners(), memory());
    for i in 0..1000 {
        let mut chart = mount(el.clone().into(), JsValue::UNDEFINED).unwrap();
        if i == 0 {
            assert!(listeners() > l0, "the counter sees the chart's listeners");
        }
        chart.destroy();
    }
    next_frame().await;
    assert_eq!(listeners(), l0, "no listener left after 1,000 cycles");
    assert_eq!(Chart::panic_registrations(), 0, "destroyed charts leave the panic hook's list");
    assert_eq!(el.child_element_count(), 0);
    assert!(memory() <= m0 + 64 * 1024, "wasm memory stays at its plateau: {} -> {}", m0, memory());
    el.remove();
}

#[wasm_bindgen_test]
async fn a_scrollbar_toggled_by_the_charts_own_height_does_not_loop() {
    // Heights of the chart at 370 and 355 px (one artboard, scaled): the narrower is
    // shorter, so a scroll box between the two heights shows a scrollbar at 370 and
    // none at 355 (a scrollbar's width less): the classic feedback loop.
    let probe = |w: u32| {
        let el = container(w);
        let mut chart = mount(el.clone().into(), JsValue::UNDEFINED).unwrap();
        let h = chart.root().get_bounding_client_rect().height();
        chart.destroy();
        el.remove();
        h
    };
    let (tall, short) = (probe(370), probe(355));
    assert!(tall > short + 10.0, "the narrower is shorter: {tall} vs {short}");
    let scroller = container(370);
    scroller.style().set_property("height", &format!("{}px", ((tall + short) / 2.0).round())).unwrap();
    scroller.style().set_property("overflow-y", "auto").unwrap();
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    scroller.append_child(&host).unwrap();
    let mut chart = mount(host.into(), JsValue::UNDEFINED).unwrap();
    for _ in 0..6 {
        next_frame().await;
    }
    let renders = chart.renders();
    for _ in 0..20 {
        next_frame().await;
    }
    let scrollbar = scroller.offset_width() - scroller.client_width();
    web_sys::console::log_1(&format!("scrollbar width here: {scrollbar}px").into());
    assert_eq!(chart.renders(), renders, "no render per frame (scrollbar {scrollbar}px)");
    assert!(chart.layout().width <= scroller.client_width() as f64, "the chart fits its box");
    chart.destroy();
    scroller.remove();
}

#[wasm_bindgen_test]
async fn a_width_that_follows_the_charts_own_height_does_not_loop() {
    // The loop above, made whatever the browser's scrollbars (overlay scrollbars take
    // no width, and then a scroll box cannot make it): the host is 15 px narrower
    // while the chart is taller than `mid`, as a box with a classic scrollbar is. A
    // chart that followed every width would lay out at each of its own changes,
    // frame after frame.
    let probe = |w: u32| {
        let el = container(w);
        let mut chart = mount(el.clone().into(), JsValue::UNDEFINED).unwrap();
        let h = chart.root().get_bounding_client_rect().height();
        chart.destroy();
        el.remove();
        h
    };
    let (tall, short) = (probe(370), probe(355));
    assert!(tall > short + 10.0, "the narrower is shorter: {tall} vs {short}");
    let mid = (tall + short) / 2.0;
    let host = container(370);
    let mut chart = mount(host.clone().into(), JsValue::UNDEFINED).unwrap();
    let root = chart.root();
    let flips = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let (box_, seen) = (host.clone(), flips.clone());
    let follow = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        let width = if root.get_bounding_client_rect().height() > mid { "355px" } else { "370px" };
        if box_.style().get_property_value("width").unwrap() != width {
            seen.set(seen.get() + 1);
            box_.style().set_property("width", width).unwrap();
        }
    });
    let observer = web_sys::ResizeObserver::new(follow.as_ref().unchecked_ref()).unwrap();
    observer.observe(&chart.root());
    for _ in 0..6 {
        next_frame().await;
    }
    assert!(flips.get() >= 1, "the chart's height moved its host's width at least once");
    let now = js_sys::Date::now;
    let (renders, flipped, from) = (chart.renders(), flips.get(), now());
    for _ in 0..20 {
        next_frame().await;
    }
    // The host flips at every frame; the chart may follow it once more when the flip
    // window has passed (and settle at the narrower again), no more often.
    let windows = ((now() - from) / mali_idp_chart::layout::follow::FLIP_MS).ceil() as u32;
    let rendered = chart.renders() - renders;
    assert!(flips.get() - flipped >= 20, "the host kept flipping ({} flips)", flips.get() - flipped);
    assert!(rendered <= 2 * windows, "no render per frame: {rendered} renders in 20 frames ({windows} flip windows)");
    assert!(2 * windows < 20, "frames too slow to tell a loop apart ({windows} flip windows)");
    assert!(chart.layout().width <= host.get_bounding_client_rect().width(), "the chart fits its box");
    observer.disconnect();
    chart.destroy();
    host.remove();
}

//! Browser tests of reading the figures: hover, tap, keyboard, the screen-reader
//! path, and that destroy() leaves no listener behind. Chrome and Firefox.
#![cfg(target_arch = "wasm32")]

use mali_idp_chart::data::Dataset;
use mali_idp_chart::words;
use mali_idp_chart::format;
use mali_idp_chart::locale::Lang;
use mali_idp_chart::render::LIGHT;
use mali_idp_chart::highlight::Source;
use mali_idp_chart::web::{Chart, mount, start};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod browser;
use browser::*;

wasm_bindgen_test_configure!(run_in_browser);

fn chart(width: u32) -> (HtmlElement, Chart) {
    let el = container(width);
    let chart = mount(el.clone().into(), JsValue::UNDEFINED).unwrap();
    (el, chart)
}

fn done(el: HtmlElement, mut chart: Chart) {
    chart.destroy();
    el.remove();
}

fn rgb(c: (u8, u8, u8)) -> [u8; 4] {
    [c.0, c.1, c.2, 255]
}

#[wasm_bindgen_test]
async fn hovering_each_bar_shows_its_exact_figure_and_share() {
    let (el, chart) = chart(560);
    let (canvas, overlay, tip, dpr) = (chart.canvas(), chart.overlay(), chart.tooltip(), chart.device_pixel_ratio());
    let data = Dataset::article(Lang::Fr);
    let layout = chart.layout();
    let renders = chart.renders();
    for (i, row) in layout.rows.iter().enumerate() {
        let (x, y) = row.bar.center();
        pointer(&canvas, "pointermove", "mouse", x, y);
        next_frame().await;
        assert_eq!(chart.highlighted(), (Some(i), Some(Source::Mouse)));
        assert!(shown(&tip), "tooltip visible over bar {i}");
        let r = &data.regions[row.region];
        let t = text(&tip);
        assert!(t.contains(&r.name), "{t}");
        assert!(t.contains(&format!("{} personnes déplacées", format::int(r.persons, Lang::Fr))), "{t}");
        let share = format::percent(format::share_permille(r.persons, data.total).unwrap(), Lang::Fr);
        assert!(t.contains(&format!("{share} du total")), "{t}");
        assert_eq!(t.contains("calculé"), r.computed, "only the computed row says it is computed: {t}");
        assert_eq!(tip.get_attribute("role").as_deref(), Some("tooltip"));
        // The highlighted bar is painted in the highlight colour on the overlay; the
        // other bars show through it (transparent there).
        for (px, py) in inner_points(&row.bar) {
            assert_eq!(overlay_rgba(&chart, px, py), rgb(LIGHT.bar_highlight), "highlighted bar {i}");
        }
        // And the overlay sits over that bar on the page (it is one bar in size, and a
        // margin for the strokes the map's highlights have).
        let (o, c) = (overlay.get_bounding_client_rect(), canvas.get_bounding_client_rect());
        let k = c.width() / layout.width;
        let bar = (c.left() + row.bar.x * k, c.top() + row.bar.y * k, c.left() + row.bar.right() * k, c.top() + row.bar.bottom() * k);
        assert!(o.left() <= bar.0 + 0.01 && o.top() <= bar.1 + 0.01, "overlay {o:?} starts before bar {i}");
        assert!(o.right() >= bar.2 - 0.01 && o.bottom() >= bar.3 - 0.01, "and ends after it");
        assert!(o.left() >= bar.0 - 3.0 && o.top() >= bar.1 - 3.0, "by the strokes' margin");
        for other in layout.rows.iter().filter(|o| o.region != row.region) {
            let (ox, oy) = other.bar.center();
            assert_eq!(overlay_rgba(&chart, ox, oy)[3], 0, "bar {} not highlighted", other.region);
        }
        // The chart below is untouched: hover never redraws it.
        let base = if row.computed { LIGHT.bar_computed } else { LIGHT.bar };
        assert_eq!(rgba(&canvas, dpr, x, y), rgb(base));
        assert_eq!(chart.renders(), renders, "hovering bar {i} drew nothing on the chart's canvas");
        assert!(inside(&tip.get_bounding_client_rect(), &chart.root().get_bounding_client_rect()), "tooltip inside the chart");
    }
    done(el, chart);
}

#[wasm_bindgen_test]
async fn the_whole_row_is_a_target_and_gaps_and_leaving_hide_the_tooltip() {
    let (el, chart) = chart(560);
    let (canvas, tip) = (chart.canvas(), chart.tooltip());
    let layout = chart.layout();
    let row = &layout.rows[1];
    // On the label, left of the bar.
    pointer(&canvas, "pointermove", "mouse", row.hit.x + 2.0, row.bar.center().1);
    next_frame().await;
    assert_eq!(chart.highlighted().0, Some(1));
    // In the gap between rows 1 and 2.
    let gap = (row.hit.bottom() + layout.rows[2].hit.y) / 2.0;
    pointer(&canvas, "pointermove", "mouse", row.bar.center().0, gap);
    next_frame().await;
    assert_eq!(chart.highlighted().0, None);
    assert!(!shown(&tip), "a gap hides the tooltip");
    // Back on a bar, then out of the chart.
    pointer(&canvas, "pointermove", "mouse", row.bar.center().0, row.bar.center().1);
    next_frame().await;
    assert!(shown(&tip));
    pointer(&canvas, "pointerleave", "mouse", -5.0, -5.0);
    next_frame().await;
    assert!(!shown(&tip), "leaving the chart hides the tooltip");
    // Above the bars (the title) is no region either.
    pointer(&canvas, "pointermove", "mouse", 20.0, 5.0);
    next_frame().await;
    assert_eq!(chart.highlighted().0, None);
    done(el, chart);
}

#[wasm_bindgen_test]
async fn pointer_moves_are_coalesced_and_the_same_row_repaints_nothing() {
    let (el, chart) = chart(560);
    let canvas = chart.canvas();
    let rows = chart.layout().rows;
    let (x0, y0) = rows[0].bar.center();
    pointer(&canvas, "pointermove", "mouse", x0, y0);
    next_frame().await;
    let painted = chart.overlay_paints();
    // Twenty moves inside the same row: the tooltip follows, the overlay does not repaint.
    let tip = chart.tooltip();
    let mut left = tip.get_bounding_client_rect().left();
    for dx in 0..20 {
        pointer(&canvas, "pointermove", "mouse", rows[0].bar.x + 3.0 + dx as f64 * 5.0, y0);
        next_frame().await;
        // It moves with the pointer and stays beside it (right of it, or left where
        // the chart has no room on the right).
        let r = tip.get_bounding_client_rect();
        let px = canvas.get_bounding_client_rect().left() + to_css(&chart, (rows[0].bar.x + 3.0 + dx as f64 * 5.0, y0)).0;
        assert!(px >= r.left() - 40.0 && px <= r.right() + 40.0, "move {dx}: pointer at {px}, tooltip {}-{}", r.left(), r.right());
        if dx > 0 {
            assert_ne!(r.left(), left, "move {dx}: the tooltip follows the pointer");
        }
        left = r.left();
    }
    assert_eq!(chart.overlay_paints(), painted, "moving within a row paints nothing");
    // Three rows crossed within one frame: one paint, for the last one.
    for row in &rows[1..] {
        let (x, y) = row.bar.center();
        pointer(&canvas, "pointermove", "mouse", x, y);
    }
    next_frame().await;
    assert_eq!(chart.overlay_paints(), painted + 1, "at most one paint per frame");
    assert_eq!(chart.highlighted().0, Some(rows.len() - 1));
    done(el, chart);
}

#[wasm_bindgen_test]
async fn the_tooltip_stays_inside_the_chart_near_its_edges() {
    let (el, chart) = chart(340);
    let (canvas, tip, root) = (chart.canvas(), chart.tooltip(), chart.root());
    let layout = chart.layout();
    let last = layout.rows.last().unwrap().clone();
    for (x, y) in [
        (last.hit.right() - 2.0, last.hit.bottom() - 2.0),
        (last.hit.x + 2.0, last.hit.y + 2.0),
        (layout.rows[0].hit.right() - 2.0, layout.rows[0].hit.y + 2.0),
    ] {
        pointer(&canvas, "pointermove", "mouse", x, y);
        next_frame().await;
        assert!(shown(&tip));
        let (t, r) = (tip.get_bounding_client_rect(), root.get_bounding_client_rect());
        assert!(inside(&t, &r), "tooltip {:?} leaves the chart {:?}", (t.left(), t.right()), (r.left(), r.right()));
    }
    done(el, chart);
}

#[wasm_bindgen_test]
async fn taps_toggle_the_tooltip_and_never_leave_it_stuck() {
    let (el, chart) = chart(400);
    let (canvas, tip, live) = (chart.canvas(), chart.tooltip(), chart.live_region());
    let rows = chart.layout().rows;
    let (x, y) = rows[1].bar.center();
    // A finger sliding over the chart does not open anything on its own.
    pointer(&canvas, "pointermove", "touch", x, y);
    next_frame().await;
    assert_eq!(chart.highlighted().0, None);
    pointer(&canvas, "pointerdown", "touch", x, y);
    pointer(&canvas, "pointerup", "touch", x, y);
    assert_eq!(chart.highlighted(), (Some(1), Some(Source::Touch)));
    assert!(shown(&tip));
    assert!(text(&live).contains(&format::int(10_794, Lang::Fr)), "announced: {}", text(&live));
    // The same row again: dismissed.
    pointer(&canvas, "pointerup", "touch", x, y);
    assert_eq!(chart.highlighted().0, None);
    assert!(!shown(&tip));
    // Another tap, then one elsewhere in the chart (the title): dismissed.
    pointer(&canvas, "pointerup", "touch", x, y);
    pointer(&canvas, "pointerup", "touch", 10.0, 5.0);
    assert!(!shown(&tip), "a tap elsewhere in the chart dismisses");
    // A tap outside the chart dismisses.
    pointer(&canvas, "pointerup", "touch", x, y);
    let outside = document().body().unwrap();
    let init = web_sys::PointerEventInit::new();
    init.set_bubbles(true);
    init.set_pointer_type("touch");
    outside.dispatch_event(&web_sys::PointerEvent::new_with_event_init_dict("pointerdown", &init).unwrap()).unwrap();
    assert!(!shown(&tip), "a tap outside dismisses");
    // The page scrolling under a finger, or the browser taking the gesture, dismisses.
    pointer(&canvas, "pointerup", "touch", x, y);
    assert!(shown(&tip));
    web_sys::window().unwrap().dispatch_event(&web_sys::Event::new("scroll").unwrap()).unwrap();
    assert!(!shown(&tip), "no tooltip stuck after a scroll");
    pointer(&canvas, "pointerup", "touch", x, y);
    pointer(&canvas, "pointercancel", "touch", x, y);
    assert!(!shown(&tip), "no tooltip stuck after pointercancel");
    // A mouse leaving does not close a tooltip a finger opened.
    pointer(&canvas, "pointerup", "touch", x, y);
    pointer(&canvas, "pointerleave", "mouse", -1.0, -1.0);
    next_frame().await;
    assert!(shown(&tip));
    done(el, chart);
}

#[wasm_bindgen_test]
async fn arrow_keys_move_the_highlight_and_announce_it() {
    let (el, chart) = chart(560);
    let (canvas, tip, live) = (chart.canvas(), chart.tooltip(), chart.live_region());
    let target: HtmlElement = canvas.clone().unchecked_into();
    let data = Dataset::article(Lang::Fr);
    let rows = chart.layout().rows;
    assert_eq!(canvas.get_attribute("tabindex").as_deref(), Some("0"), "one tab stop");
    target.focus().unwrap();
    assert!(!key(&target, "ArrowDown"), "arrows do not scroll the page");
    assert_eq!(chart.highlighted(), (Some(0), Some(Source::Keyboard)));
    assert_eq!(text(&live), words::announcement(&data, 0, Lang::Fr));
    assert!(shown(&tip));
    let (x, y) = rows[0].bar.center();
    assert_eq!(overlay_rgba(&chart, x, y), rgb(LIGHT.bar_highlight));
    key(&target, "ArrowDown");
    key(&target, "ArrowRight");
    assert_eq!(chart.highlighted().0, Some(2));
    assert_eq!(text(&live), words::announcement(&data, 2, Lang::Fr));
    for _ in 0..5 {
        key(&target, "ArrowDown");
    }
    assert_eq!(chart.highlighted().0, Some(3), "stops at the last region");
    assert!(text(&live).contains("(calculé)"), "{}", text(&live));
    key(&target, "Home");
    assert_eq!(chart.highlighted().0, Some(0));
    key(&target, "End");
    assert_eq!(chart.highlighted().0, Some(3));
    key(&target, "ArrowUp");
    assert_eq!(chart.highlighted().0, Some(2));
    assert!(!key(&target, "Escape"));
    assert_eq!(chart.highlighted().0, None);
    assert!(!shown(&tip));
    assert_eq!(overlay_rgba(&chart, x, y)[3], 0, "highlight cleared");
    assert!(key(&target, "a"), "other keys are left to the page");
    // Leaving the chart with Tab clears a keyboard highlight.
    key(&target, "ArrowDown");
    target.blur().unwrap();
    assert_eq!(chart.highlighted().0, None);
    done(el, chart);
}

#[wasm_bindgen_test]
fn screen_readers_get_a_label_a_live_region_and_a_table() {
    let (el, chart) = chart(560);
    let canvas = chart.canvas();
    assert_eq!(canvas.get_attribute("role").as_deref(), Some("img"));
    let label = canvas.get_attribute("aria-label").unwrap();
    assert!(label.ends_with(" Flèches : d'une région à l'autre. L : les écouter en sons."), "the keys said last: {label}");
    assert!(label.contains("Autres régions 15\u{202F}482 (calculé). Total national"), "{label}");
    assert!(label.contains("Tombouctou 22\u{202F}328"), "{label}");
    assert!(label.contains("58\u{202F}985"), "{label}");
    assert_eq!(chart.live_region().get_attribute("aria-live").as_deref(), Some("polite"));
    let root = chart.root();
    let table = root.query_selector("table").unwrap().expect("a data table");
    let rows = table.query_selector_all("tbody tr").unwrap();
    let data = Dataset::article(Lang::Fr);
    assert_eq!(rows.length() as usize, data.regions.len() + 1, "every region and the total");
    let (headers, expected) = words::table(&data, Lang::Fr);
    let ths = table.query_selector_all("thead th").unwrap();
    assert_eq!(ths.length(), 4);
    for (i, h) in headers.iter().enumerate() {
        assert_eq!(ths.get(i as u32).unwrap().text_content().unwrap(), *h);
    }
    for (i, want) in expected.iter().enumerate() {
        let cells = rows.get(i as u32).unwrap().unchecked_into::<web_sys::Element>().query_selector_all("th, td").unwrap();
        let got: Vec<String> = (0..cells.length()).map(|c| cells.get(c).unwrap().text_content().unwrap()).collect();
        assert_eq!(&got, want);
    }
    // Hidden on screen but not from assistive technology (no display:none).
    let t: HtmlElement = table.unchecked_into();
    assert!(shown(&t));
    let hidden_box: HtmlElement = t.parent_element().unwrap().unchecked_into();
    assert!(hidden_box.get_bounding_client_rect().width() <= 1.0, "visually hidden");
    done(el, chart);
}

#[wasm_bindgen_test]
async fn after_destroy_no_listener_fires() {
    install_listener_counter();
    install_frame_counter();
    let before_mount = listeners();
    let (el, mut chart) = chart(560);
    let (canvas, counter) = (chart.canvas(), chart.event_counter());
    assert!(listeners() >= before_mount + 8.0, "the page holds the chart's listeners");
    // The chart holds each of them (the pixel ratio's too) and its width's observer,
    // which is no listener: one owner, which destroy() empties.
    assert_eq!(listeners() - before_mount, chart.listener_count() as f64 - 1.0, "the chart holds every listener it attached");
    let (x, y) = chart.layout().rows[0].bar.center();
    next_frame().await;
    let (frames, counted) = (pending_frames(), counter.get());
    pointer(&canvas, "pointermove", "mouse", x, y);
    assert_eq!(counter.get(), counted + 1, "the counter counts");
    // A pending animation frame must be cancelled too.
    pointer(&canvas, "pointermove", "mouse", x, y + 30.0);
    assert_eq!(pending_frames(), frames + 1.0, "a move asks for a frame");
    chart.destroy();
    assert_eq!(pending_frames(), frames, "destroy() cancelled it");
    assert_eq!(listeners(), before_mount, "destroy() removed every listener it attached");
    let before = counter.get();
    // Re-attach the detached canvas so events can reach it as they would in a page.
    el.append_child(&canvas).unwrap();
    for kind in ["pointermove", "pointerup", "pointerleave", "pointercancel"] {
        pointer(&canvas, kind, "mouse", x, y);
        pointer(&canvas, kind, "touch", x, y);
    }
    key(canvas.unchecked_ref(), "ArrowDown");
    web_sys::window().unwrap().dispatch_event(&web_sys::Event::new("scroll").unwrap()).unwrap();
    // Bubbling, as a real press does, to the document where the chart listened.
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let press = web_sys::Event::new_with_event_init_dict("pointerdown", &init).unwrap();
    document().body().unwrap().dispatch_event(&press).unwrap();
    next_frame().await;
    assert_eq!(counter.get(), before, "no listener fired after destroy");
    el.remove();
}

#[wasm_bindgen_test]
async fn hovering_after_a_box_scrolls_reads_where_the_canvas_went() {
    // The chart inside a scrolling box: where the canvas is, read once per visit,
    // must be read again after a scroll, or the pointer would pick the wrong row.
    let outer: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    for (k, v) in [("height", "260px"), ("overflow", "auto"), ("width", "660px")] {
        outer.style().set_property(k, v).unwrap();
    }
    document().body().unwrap().append_child(&outer).unwrap();
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    el.style().set_property("width", "560px").unwrap();
    el.style().set_property("padding-bottom", "600px").unwrap();
    outer.append_child(&el).unwrap();
    let mut chart = mount(el.clone().into(), JsValue::UNDEFINED).unwrap();
    let (canvas, layout) = (chart.canvas(), chart.layout());
    let (x, y) = layout.rows[0].bar.center();
    pointer(&canvas, "pointermove", "mouse", x, y);
    next_frame().await;
    assert_eq!(chart.highlighted().0, Some(0));
    // Scroll by one row's pitch: the second row is now where the first was.
    let pitch = layout.rows[1].bar.y - layout.rows[0].bar.y;
    outer.set_scroll_top(pitch as i32);
    next_frame().await;
    let (x, y) = layout.rows[1].bar.center();
    pointer(&canvas, "pointermove", "mouse", x, y); // at the second row's new place
    next_frame().await;
    assert_eq!(chart.highlighted().0, Some(1), "the row under the pointer after the scroll");
    chart.destroy();
    outer.remove();
}

#[wasm_bindgen_test]
async fn the_first_move_after_the_static_picture_goes_picks_the_right_row() {
    // A page's static picture above the chart while it mounts: removing it moves the
    // canvas up. A move with no pointerenter before it (a pointer already there)
    // must be read where the canvas is now.
    let el = container(560);
    let picture: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    picture.set_class_name("mali-idp-chart-static");
    picture.style().set_property("height", "300px").unwrap();
    el.append_child(&picture).unwrap();
    let mut chart = mount(el.clone().into(), JsValue::UNDEFINED).unwrap();
    assert!(el.query_selector(".mali-idp-chart-static").unwrap().is_none(), "the picture was replaced");
    let (x, y) = chart.layout().rows[1].bar.center();
    pointer(&chart.canvas(), "pointermove", "mouse", x, y);
    next_frame().await;
    assert_eq!(chart.highlighted().0, Some(1));
    chart.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn a_mount_in_steps_takes_no_room_until_it_swaps_and_answers_from_then() {
    // start() then step() in tasks of their own (as the element and the pages do):
    // until the swap the picture is the only thing the page shows and the chart's box
    // takes no height; the swap replaces it in one step, with the same height, and
    // from that step the chart answers the reader.
    let el = container(560);
    let picture: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    picture.set_class_name("mali-idp-chart-static");
    el.append_child(&picture).unwrap();
    let mut chart = start(el.clone().into(), JsValue::UNDEFINED).unwrap();
    assert!(el.query_selector(".mali-idp-chart").unwrap().is_none(), "start() only reads the options");
    let mut left = chart.step().unwrap();
    assert_eq!(left, 9);
    let root = chart.root();
    while left > 1 {
        assert!(el.query_selector(".mali-idp-chart-static").unwrap().is_some(), "the picture stays until the swap ({left} left)");
        assert_eq!(root.get_bounding_client_rect().height(), 0.0, "the chart takes no room before the swap ({left} left)");
        let computed = |el: &web_sys::Element, prop: &str| {
            web_sys::window().unwrap().get_computed_style(el).unwrap().unwrap().get_property_value(prop).unwrap()
        };
        assert_ne!(computed(&root, "visibility"), "visible");
        // Out of the layer tree: a drawing step hands the compositor nothing to copy.
        assert_eq!(computed(&chart.canvas(), "display"), "none", "the canvas is not rendered before the swap ({left} left)");
        pointer(&chart.canvas(), "pointermove", "mouse", 100.0, 100.0);
        assert_eq!(chart.event_counter().get(), 0, "no listener before the swap");
        left = chart.step().unwrap();
        next_frame().await;
    }
    assert_eq!(left, 1, "the swap leaves one step: following the page");
    assert!(el.query_selector(".mali-idp-chart-static").unwrap().is_none(), "the picture was replaced");
    let layout = chart.layout();
    assert!((chart.canvas().get_bounding_client_rect().height() - layout.height).abs() < 1.0, "drawn at its full height");
    let (x, y) = layout.rows[1].bar.center();
    pointer(&chart.canvas(), "pointermove", "mouse", x, y);
    next_frame().await;
    assert_eq!(chart.highlighted().0, Some(1), "it answers the reader from the swap");
    assert_eq!(chart.step().unwrap(), 0);
    assert_eq!(chart.step().unwrap(), 0, "a live chart has nothing left to do");
    chart.destroy();
    assert_eq!(chart.step().unwrap(), 0, "nor a destroyed one");
    el.remove();
}

#[wasm_bindgen_test]
fn update_and_bars_during_a_mount_in_steps_finish_it_first() {
    let el = container(560);
    let mut chart = start(el.clone().into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(chart.step().unwrap(), 9);
    assert_eq!(chart.step().unwrap(), 8);
    chart.update(JsValue::from(js_sys::JSON::parse(r#"{"lang":"en"}"#).unwrap())).unwrap();
    assert_eq!(chart.step().unwrap(), 0, "update() took every step left");
    assert_eq!(chart.root().get_attribute("lang").as_deref(), Some("en"));
    assert!(chart.root().get_bounding_client_rect().height() > 100.0, "shown");
    let mut second = start(el.clone().into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(second.bars().unwrap().unchecked_into::<js_sys::Array>().length(), 4);
    assert_eq!(second.step().unwrap(), 0, "bars() took every step left");
    chart.destroy();
    second.destroy();
    el.remove();
}

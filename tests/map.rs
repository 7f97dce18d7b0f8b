//! Browser tests of the map view: every circle and region hovered at points taken
//! from the geometry, taps, the keyboard, the bars and circles highlighted together
//! in "both", and errors for a bad `view`. Chrome and Firefox.
#![cfg(target_arch = "wasm32")]

use mali_idp_chart::data::Dataset;
use mali_idp_chart::format;
use mali_idp_chart::highlight::Source;
use mali_idp_chart::locale::Lang;
use mali_idp_chart::map::{self, SHAPES};
use mali_idp_chart::render::LIGHT;
use mali_idp_chart::web::{Chart, mount, start};
use mali_idp_chart::words;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod browser;
use browser::*;

wasm_bindgen_test_configure!(run_in_browser);

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

fn chart(width: u32, json: &str) -> (HtmlElement, Chart) {
    let el = container(width);
    let chart = mount(el.clone().into(), options(json)).unwrap();
    (el, chart)
}

fn done(el: HtmlElement, mut chart: Chart) {
    chart.destroy();
    el.remove();
}

/// A pointer move at a layout point, converted to where the canvas shows it.
async fn hover(chart: &Chart, p: (f64, f64)) {
    let (x, y) = to_css(chart, p);
    pointer(&chart.canvas(), "pointermove", "mouse", x, y);
    next_frame().await;
}

/// The overlay's pixel is the highlight colour (circles are drawn at 88% opacity).
fn highlighted_at(chart: &Chart, p: (f64, f64)) -> bool {
    let [r, g, b, a] = overlay_rgba(chart, p.0, p.1);
    let (hr, hg, hb) = LIGHT.bar_highlight;
    let near = |x: u8, y: u8| (x as i32 - y as i32).abs() <= 3;
    a > 200 && near(r, hr) && near(g, hg) && near(b, hb)
}

/// A point inside region `i` of the laid-out map, away from every circle, from the
/// points of a grid over the map.
fn point_in_region(m: &map::MapLayout, i: usize) -> (f64, f64) {
    // As far inside as the region allows: a few pixels from every border (pointer
    // positions are rounded to whole pixels, and borders are anti-aliased), less for
    // Bamako, a few pixels wide.
    [3.0, 1.5, 0.5].iter().find_map(|&margin| points_in_region(m, i, margin).nth(1)).unwrap_or_else(|| panic!("no point in {}", SHAPES[i].code))
}

fn points_in_region(m: &map::MapLayout, i: usize, margin: f64) -> impl Iterator<Item = (f64, f64)> + '_ {
    let f = m.frame;
    (0..300)
        .flat_map(move |a| (0..300).map(move |b| (f.x + f.w * (a as f64 + 0.5) / 300.0, f.y + f.h * (b as f64 + 0.5) / 300.0)))
        .filter(move |&p| {
            [(0.0, 0.0), (margin, 0.0), (-margin, 0.0), (0.0, margin), (0.0, -margin)].iter().all(|(dx, dy)| {
                let q = (p.0 + dx, p.1 + dy);
                map::inside(&m.regions[i], q) && (i == 0 || !map::inside(&m.regions[0], q))
            })
        })
        .filter(|&p| m.circles.iter().all(|c| {
            let (dx, dy) = (p.0 - c.center.0, p.1 - c.center.1);
            (dx * dx + dy * dy).sqrt() > c.r + 4.0
        }))
}

#[wasm_bindgen_test]
async fn every_circle_and_region_reads_its_figure_or_says_it_has_none() {
    let (el, chart) = chart(560, r#"{"view":"map"}"#);
    let (tip, data) = (chart.tooltip(), Dataset::article(Lang::Fr));
    let layout = chart.layout();
    let m = layout.map.clone().expect("a map");
    assert!(layout.rows.is_empty(), "no bars on the map alone");
    assert_eq!(m.circles.len(), 3);
    for c in &m.circles {
        hover(&chart, c.center).await;
        assert_eq!(chart.highlighted(), (Some(c.item), Some(Source::Mouse)));
        let r = &data.regions[c.item];
        let t = text(&tip);
        assert!(t.contains(&r.name) && t.contains(&format::int(r.persons, Lang::Fr)), "{t}");
        assert!(highlighted_at(&chart, c.center), "circle {} painted in the highlight colour", r.name);
        // Its edge too, and nothing outside it.
        assert!(highlighted_at(&chart, (c.center.0 + c.r * 0.7, c.center.1)));
        assert_eq!(overlay_rgba(&chart, c.center.0 + c.r + 4.0, c.center.1)[3], 0);
    }
    for (i, s) in SHAPES.iter().enumerate() {
        let p = point_in_region(&m, i);
        hover(&chart, p).await;
        let t = text(&tip);
        assert!(t.starts_with(s.name_fr), "{}: {t}", s.code);
        match m.figured[i] {
            Some(item) => {
                assert_eq!(chart.highlighted().0, Some(item), "{}", s.code);
                assert!(t.contains(&format::int(data.regions[item].persons, Lang::Fr)), "{t}");
            }
            None => {
                assert_eq!(chart.highlighted().0, Some(data.regions.len() + i), "{}", s.code);
                assert!(t.contains("compté dans les autres régions") && t.contains("15\u{202f}482"), "{t}");
                assert_eq!(t.contains("Ménaka"), s.code == "ML-7", "{t}");
                // Its outline is drawn in the highlight colour: some point of its
                // first ring is covered on the overlay.
                let ring = &m.regions[i][0];
                assert!(ring.iter().any(|&q| highlighted_at(&chart, q)), "{} outlined", s.code);
            }
        }
    }
    // The unplaced figure's line under the map reads it too.
    let [(item, line)] = m.unplaced[..] else { panic!("one line: {:?}", m.unplaced) };
    hover(&chart, line.center()).await;
    assert_eq!(chart.highlighted().0, Some(item));
    assert!(text(&tip).contains("15\u{202f}482"));
    // Outside Mali, over the title: nothing.
    hover(&chart, (m.frame.x + 1.0, m.frame.y + 1.0)).await;
    assert_eq!(chart.highlighted().0, None);
    assert!(!shown(&tip));
    done(el, chart);
}

#[wasm_bindgen_test]
async fn a_tap_on_a_circle_opens_it_and_a_second_closes_it() {
    let (el, chart) = chart(320, r#"{"view":"map"}"#);
    let (canvas, tip, live) = (chart.canvas(), chart.tooltip(), chart.live_region());
    let c = chart.layout().map.unwrap().circles[1];
    let (x, y) = to_css(&chart, c.center);
    pointer(&canvas, "pointerdown", "touch", x, y);
    pointer(&canvas, "pointerup", "touch", x, y);
    assert_eq!(chart.highlighted(), (Some(c.item), Some(Source::Touch)));
    assert!(shown(&tip));
    assert_eq!(text(&live), words::announcement(&Dataset::article(Lang::Fr), c.item, Lang::Fr));
    pointer(&canvas, "pointerup", "touch", x, y);
    assert_eq!(chart.highlighted().0, None);
    assert!(!shown(&tip));
    done(el, chart);
}

#[wasm_bindgen_test]
async fn the_keyboard_walks_the_figures_in_the_bars_order_on_the_map() {
    let (el, chart) = chart(560, r#"{"view":"map","lang":"en"}"#);
    let (canvas, tip, live) = (chart.canvas(), chart.tooltip(), chart.live_region());
    let target: HtmlElement = canvas.clone().unchecked_into();
    let data = Dataset::article(Lang::En);
    let m = chart.layout().map.unwrap();
    target.focus().unwrap();
    for i in 0..data.regions.len() {
        assert!(!key(&target, "ArrowDown"));
        assert_eq!(chart.highlighted(), (Some(i), Some(Source::Keyboard)));
        assert_eq!(text(&live), words::announcement(&data, i, Lang::En));
        assert!(shown(&tip));
        if let Some(c) = m.circle(i) {
            assert!(highlighted_at(&chart, c.center), "circle {i}");
        }
    }
    key(&target, "ArrowDown");
    assert_eq!(chart.highlighted().0, Some(3), "stops at the last figure: regions without one are not stops");
    key(&target, "Home");
    assert_eq!(chart.highlighted().0, Some(0));
    key(&target, "End");
    assert!(text(&live).starts_with("Other regions"), "{}", text(&live));
    assert!(!key(&target, "Escape"));
    assert_eq!(chart.highlighted().0, None);
    assert!(!shown(&tip));
    done(el, chart);
}

#[wasm_bindgen_test]
async fn in_both_views_a_bar_and_its_circle_light_up_together() {
    for width in [400, 1100] {
        let (el, chart) = chart(width, r#"{"view":"both"}"#);
        let layout = chart.layout();
        let m = layout.map.clone().unwrap();
        assert_eq!(layout.rows.len(), 4);
        let side = layout.rows[0].hit.x >= m.frame.right();
        assert_eq!(side, width == 1100, "side by side only when wide");
        for c in &m.circles {
            let bar = layout.rows[c.item].bar;
            hover(&chart, bar.center()).await;
            assert_eq!(chart.highlighted().0, Some(c.item));
            assert!(highlighted_at(&chart, bar.center()), "{width}: bar {}", c.item);
            assert!(highlighted_at(&chart, c.center), "{width}: and its circle");
            hover(&chart, c.center).await;
            assert_eq!(chart.highlighted().0, Some(c.item));
            assert!(highlighted_at(&chart, bar.center()), "{width}: the circle lights its bar");
        }
        // The computed bar has no circle: the bar alone.
        let rest = &layout.rows[3];
        hover(&chart, rest.bar.center()).await;
        assert_eq!(chart.highlighted().0, Some(3));
        assert!(m.circles.iter().all(|c| !highlighted_at(&chart, c.center)));
        done(el, chart);
    }
}

#[wasm_bindgen_test]
fn a_bad_view_is_a_clear_error() {
    let el = container(400);
    let e = js_error_message(mount(el.clone().into(), options(r#"{"view":"globe"}"#)).err().unwrap());
    assert_eq!(e, "mali-idp-chart: view: must be \"bars\", \"map\" or \"both\", got \"globe\"");
    el.remove();
}

/// A newsroom's figures on the map: each circle where its name's place is, read by
/// the pointer with its own figure; an unknown name on its line under the map; the
/// article's figures back with `data: null`.
#[wasm_bindgen_test]
async fn a_map_of_a_newsrooms_figures_reads_each_of_them() {
    let custom = r#"{"title":"T","source":"S","total":40000,"regions":[{"name":"GAO","persons":17250},{"name":"Kidal","persons":9100},{"name":"Zone B","persons":900}]}"#;
    let (el, mut chart) = chart(560, &format!(r#"{{"view":"map","data":{custom}}}"#));
    let (tip, layout) = (chart.tooltip(), chart.layout());
    let m = layout.map.clone().expect("a map of the newsroom's figures");
    assert_eq!(m.circles.len(), 2, "GAO and Kidal placed; Zone B is not a region of the map");
    for (c, want) in m.circles.iter().zip([("GAO", "17\u{202f}250"), ("Kidal", "9\u{202f}100")]) {
        hover(&chart, c.center).await;
        assert_eq!(chart.highlighted(), (Some(c.item), Some(Source::Mouse)));
        let t = text(&tip);
        assert!(t.contains(want.0) && t.contains(want.1), "{t}");
        assert!(highlighted_at(&chart, c.center), "{} painted in the highlight colour", want.0);
    }
    // Kidal has no town in the geography: its circle is inside its polygon.
    let kidal = SHAPES.iter().position(|s| s.code == "ML-8").unwrap();
    assert!(map::inside(&m.regions[kidal], m.circles[1].center));
    let [(item, line)] = m.unplaced[..] else { panic!("{:?}", m.unplaced) };
    hover(&chart, line.center()).await;
    assert_eq!(chart.highlighted().0, Some(item));
    assert!(text(&tip).contains("Zone B"), "{}", text(&tip));
    // The article's figures back: its three circles.
    chart.update(options(r#"{"data":null}"#)).unwrap();
    assert_eq!(chart.layout().map.unwrap().circles.len(), 3);
    // And back to the bars by removing the view.
    chart.update(options(r#"{"view":null}"#)).unwrap();
    assert!(chart.layout().map.is_none() && chart.layout().rows.len() == 4);
    done(el, chart);
}

#[wasm_bindgen_test]
async fn the_map_follows_resizes_themes_and_languages_and_destroy_removes_it() {
    let (el, mut chart) = chart(400, r#"{"view":"both","theme":"dark"}"#);
    let dark = mali_idp_chart::render::DARK;
    // The land is the dark background with a little of the muted colour: read back
    // from the canvas inside a region without a figure (Kayes).
    let m = chart.layout().map.unwrap();
    let kayes = SHAPES.iter().position(|s| s.code == "ML-1").unwrap();
    let p = point_in_region(&m, kayes);
    let [r, g, b, _] = rgba(&chart.canvas(), chart.device_pixel_ratio(), p.0, p.1);
    assert_eq!((r, g, b), mali_idp_chart::render::land_color(&dark), "dark land at {p:?} in {:?}", m.frame);
    assert!(chart.layout().rows[0].hit.y > m.frame.bottom(), "stacked at 400 px");
    // Wider: side by side, and the circles still read their figures.
    el.style().set_property("width", "1100px").unwrap();
    for _ in 0..3 {
        next_frame().await;
    }
    let layout = chart.layout();
    let m = layout.map.clone().unwrap();
    assert!(layout.rows[0].hit.x >= m.frame.right(), "side by side at 1,100 px");
    hover(&chart, m.circles[0].center).await;
    assert_eq!(chart.highlighted().0, Some(m.circles[0].item));
    // English: the words and the labels change with it.
    chart.update(options(r#"{"lang":"en"}"#)).unwrap();
    let texts: Vec<String> = chart.layout().texts.iter().map(|t| t.text.clone()).collect();
    assert!(texts.iter().any(|t| t.starts_with("Timbuktu 22,328")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("Natural Earth")), "the boundaries' note");
    let label = chart.canvas().get_attribute("aria-label").unwrap();
    assert!(label.starts_with("Map of Mali and bar chart: "), "{label}");
    let root = chart.root();
    chart.destroy();
    assert!(root.parent_node().is_none(), "destroy removes the map with the rest");
    assert_eq!(el.child_element_count(), 0);
    el.remove();
}

/// The canvas's pixels, as the page would read them.
fn pixels(chart: &Chart) -> Vec<u8> {
    let canvas = chart.canvas();
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    ctx.get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64).unwrap().data().0
}

#[wasm_bindgen_test]
fn a_mount_in_steps_draws_what_a_mount_in_one_go_draws() {
    // Each part (the ground, the land, the figures, the texts) is drawn by a step of
    // its own: drawn in another order, or one left out, the canvas would differ from
    // the one mount() draws at once. Every view, since a map's ground has its own step.
    for view in ["map", "both", "bars"] {
        let json = format!(r#"{{"view":"{view}"}}"#);
        let (a, whole) = chart(420, &json);
        let b = container(420);
        let mut stepped = start(b.clone().into(), options(&json)).unwrap();
        while stepped.step().unwrap() > 0 {}
        assert_eq!(whole.canvas().width(), stepped.canvas().width(), "{view}");
        assert_eq!(whole.canvas().height(), stepped.canvas().height(), "{view}");
        let (x, y) = (pixels(&whole), pixels(&stepped));
        let differ = x.chunks(4).zip(y.chunks(4)).filter(|(p, q)| p != q).count();
        assert_eq!(differ, 0, "{view}: {differ} pixels differ between the two mounts");
        done(a, whole);
        done(b, stepped);
    }
}

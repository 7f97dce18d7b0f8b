//! The chart heard (issue 27) in real browsers, run by `wasm-pack test` in Chrome and
//! Firefox, with an AudioContext of our own (a stub recording what the chart asks of
//! it: headless browsers play nothing, and a test must not depend on a sound card):
//! the button and the L key start the tones, whose frequencies follow the figures;
//! each region is announced in order as its tone plays; a second press and Escape
//! stop it; `destroy()` during playback closes the context and leaves no timer.
#![cfg(target_arch = "wasm32")]

use mali_idp_chart::web::{Chart, mount};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod browser;
use browser::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Replaces AudioContext with a recorder (once), and counts the page's pending
/// timers; `window.__audio` lists every context made, each with its oscillators
/// (type, frequency, start) and whether it was closed.
fn install_audio_stub() {
    js_sys::Function::new_no_args(
        r#"
        window.__speed = 1;
        if (window.__audio) { window.__audio.length = 0; return; }
        window.__audio = [];
        class Param {
          constructor() { this.value = 0; }
          setValueAtTime() {} linearRampToValueAtTime() {} cancelScheduledValues() {}
          setTargetAtTime(v, t, c) { this.target = [v, t, c]; }
        }
        class Node { connect(n) { this.out = n; return n; } }
        class Osc extends Node {
          constructor(ctx) { super(); this.frequency = new Param(); this.type = 'sine'; this.ctx = ctx; }
          start(t) { this.ctx.oscillators.push(this); this.hz = this.frequency.value; this.at = t; }
          stop(t) { this.stopAt = t; }
        }
        window.AudioContext = class {
          constructor() { this.currentTime = 5; this.destination = new Node(); this.oscillators = []; this.closed = false; window.__audio.push(this); }
          createOscillator() { return new Osc(this); }
          createGain() { const g = new Node(); g.gain = new Param(); return g; }
          resume() { return Promise.resolve(); }
          close() { this.closed = true; return Promise.resolve(); }
        };
        const set = window.setTimeout, clear = window.clearTimeout;
        window.__realSetTimeout = set;
        window.__timers = new Set();
        window.setTimeout = function (f, ms, ...args) {
          // (Played faster where a test sets __speed: the regions said one by one take
          // seconds each.)
          const id = set(function () { window.__timers.delete(id); f(...args); }, ms / window.__speed);
          window.__timers.add(id);
          return id;
        };
        window.clearTimeout = function (id) { window.__timers.delete(id); return clear(id); };"#,
    )
    .call0(&JsValue::NULL)
    .unwrap();
}

fn eval(code: &str) -> JsValue {
    js_sys::Function::new_no_args(code).call0(&JsValue::NULL).unwrap()
}

/// Waits until `ok()` (true), checking every 10 ms, or `max_ms` (false).
async fn until(ok: impl Fn() -> bool, max_ms: i32) -> bool {
    for _ in 0..max_ms / 10 {
        if ok() {
            return true;
        }
        sleep(10).await;
    }
    ok()
}

/// Waits `ms` of real time (the page's own timers may run faster: `__speed`).
async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        js_sys::Function::new_with_args("r, ms", "window.__realSetTimeout(r, ms)").call2(&JsValue::NULL, &resolve, &ms.into()).unwrap();
    });
    JsFuture::from(p).await.unwrap();
}

fn button(chart: &Chart) -> HtmlElement {
    chart.root().query_selector(".mali-idp-chart__listen").unwrap().expect("a Listen button").unchecked_into()
}

/// What the live region said each time it changed, from now on.
fn record_announcements(chart: &Chart) {
    let live = chart.live_region();
    js_sys::Function::new_with_args("live", "window.__said = []; new MutationObserver(() => window.__said.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });")
        .call1(&JsValue::NULL, &live)
        .unwrap();
}

fn said() -> Vec<String> {
    js_sys::Array::from(&eval("return window.__said")).iter().filter_map(|v| v.as_string()).filter(|s| !s.is_empty()).collect()
}

#[wasm_bindgen_test]
async fn the_button_plays_each_bar_as_a_tone_and_announces_it_in_order() {
    install_audio_stub();
    let el = container(600);
    let mut chart = mount(el.clone().into(), JsValue::UNDEFINED).unwrap();
    let b = button(&chart);
    assert_eq!(b.text_content().as_deref(), Some("Écouter"));
    assert_eq!(b.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(eval("return window.__audio.length").as_f64(), Some(0.0), "no context before a reader asks");
    record_announcements(&chart);
    eval("window.__speed = 25");
    b.click();
    assert_eq!(b.get_attribute("aria-pressed").as_deref(), Some("true"));
    // One context, one oscillator per region in the bars' order for the shape, then
    // the same again, each with its words; the frequencies follow the figures (the
    // largest the highest), the computed rest a triangle.
    let oscs = js_sys::Array::from(&eval("return window.__audio[0].oscillators.map((o) => [o.type, o.hz, o.at])"));
    let oscs: Vec<(String, f64, f64)> = oscs
        .iter()
        .map(|o| {
            let a = js_sys::Array::from(&o);
            (a.get(0).as_string().unwrap(), a.get(1).as_f64().unwrap(), a.get(2).as_f64().unwrap())
        })
        .collect();
    let bars = js_sys::Array::from(&chart.bars().unwrap());
    let n = bars.length() as usize;
    assert_eq!(oscs.len(), 2 * n);
    let persons: Vec<f64> = bars.iter().map(|b| js_sys::Reflect::get(&b, &"persons".into()).unwrap().as_f64().unwrap()).collect();
    for i in 0..oscs.len() {
        for j in 0..oscs.len() {
            assert_eq!(persons[i % n].partial_cmp(&persons[j % n]), oscs[i].1.partial_cmp(&oscs[j].1), "tones {i} and {j}");
        }
        if i > 0 {
            assert!(oscs[i].2 > oscs[i - 1].2, "one after the other");
        }
    }
    assert_eq!(oscs.iter().map(|o| o.0.as_str()).collect::<Vec<_>>(), ["sine", "sine", "sine", "triangle"].repeat(2));
    // The shape in a second; the regions said then, one by one, each with seconds for
    // its sentence.
    assert!(oscs[n - 1].2 - oscs[0].2 < 1.0 && oscs[n].2 - oscs[n - 1].2 >= 1.0, "{oscs:?}");
    assert!(oscs.windows(2).skip(n).all(|w| w[1].2 - w[0].2 > 4.0), "{oscs:?}");
    // Each region said once, as its second tone plays, in order (the shape says
    // nothing); then the button is released.
    sleep(2500).await;
    let heard = said();
    let names = ["Tombouctou", "Ségou", "Ménaka", "Autres régions"];
    assert_eq!(heard.len(), 4, "{heard:?}");
    for (name, line) in names.iter().zip(&heard) {
        assert!(line.starts_with(name), "{name} in order: {heard:?}");
    }
    assert_eq!(b.get_attribute("aria-pressed").as_deref(), Some("false"), "released at the end");
    assert_eq!(eval("return window.__timers.size").as_f64(), Some(0.0), "no timer left");
    chart.destroy();
    assert_eq!(eval("return window.__audio[0].closed").as_bool(), Some(true), "destroy closes the context");
    el.remove();
}

#[wasm_bindgen_test]
async fn the_l_key_starts_it_and_a_second_press_or_escape_stops_it() {
    install_audio_stub();
    let el = container(600);
    let mut chart = mount(el.clone().into(), js_sys::JSON::parse(r#"{"lang":"en"}"#).unwrap()).unwrap();
    let canvas: HtmlElement = chart.canvas().unchecked_into();
    assert_eq!(canvas.get_attribute("aria-keyshortcuts").as_deref(), Some("L"));
    canvas.focus().unwrap();
    record_announcements(&chart);
    key(&canvas, "l");
    let b = button(&chart);
    assert_eq!((b.text_content().as_deref(), b.get_attribute("aria-pressed").as_deref()), (Some("Listen"), Some("true")));
    sleep(150).await;
    key(&canvas, "L"); // a second press
    assert_eq!(b.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(eval("return window.__timers.size").as_f64(), Some(0.0), "its timers cleared");
    // Each tone faded out from now and stopped once faded, not cut (a click).
    let faded = eval("const c = window.__audio[0]; return c.oscillators.every((o) => o.stopAt === c.currentTime + 0.03 && o.out.gain.target.join() === [0, c.currentTime, 0.005].join())");
    assert_eq!(faded.as_bool(), Some(true));
    let heard = said().len();
    sleep(600).await;
    assert_eq!(said().len(), heard, "nothing more said once stopped");
    // Escape stops it too, and the highlight it set goes.
    key(&canvas, "l");
    assert!(until(|| chart.highlighted().0 == Some(0), 3000).await, "the first region lit");
    key(&canvas, "Escape");
    assert_eq!((b.get_attribute("aria-pressed").as_deref(), chart.highlighted().0), (Some("false"), None));
    assert_eq!(eval("return window.__timers.size").as_f64(), Some(0.0));
    // One context for the chart, however many times it plays.
    assert_eq!(eval("return window.__audio.length").as_f64(), Some(1.0));
    // L on the button too; focus moving to a link of the chart's footer stops it.
    b.focus().unwrap();
    key(&b, "l");
    assert_eq!(b.get_attribute("aria-pressed").as_deref(), Some("true"), "L on the button");
    let link: HtmlElement = chart.root().query_selector(".mali-idp-chart__footer a").unwrap().unwrap().unchecked_into();
    link.focus().unwrap();
    assert_eq!(b.get_attribute("aria-pressed").as_deref(), Some("false"), "focus on a link stops it");
    canvas.focus().unwrap();
    // Destroyed while playing: the context closed, no timer, no listener left.
    key(&canvas, "l");
    chart.destroy();
    assert_eq!(eval("return window.__audio[0].closed").as_bool(), Some(true));
    assert_eq!(eval("return window.__timers.size").as_f64(), Some(0.0));
    assert_eq!(chart.listener_count(), 0);
    el.remove();
}

#[wasm_bindgen_test]
async fn the_map_plays_the_same_figures_and_lights_each_circle() {
    install_audio_stub();
    let el = container(600);
    let mut chart = mount(el.clone().into(), js_sys::JSON::parse(r#"{"view":"map","lang":"en"}"#).unwrap()).unwrap();
    button(&chart).click();
    // The first tone after the lead (1.5 s), then a quarter second each.
    assert!(until(|| chart.highlighted().0 == Some(0), 3000).await, "Timbuktu's circle lit with its tone");
    let paints = chart.overlay_paints();
    assert!(until(|| chart.highlighted().0 == Some(1), 1000).await, "then Segou's");
    assert!(chart.overlay_paints() > paints, "the next circle painted");
    assert_eq!(eval("return window.__audio.at(-1).oscillators.length").as_f64(), Some(8.0), "the shape, then each said");
    chart.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn a_newsrooms_own_figures_play_theirs() {
    install_audio_stub();
    let el = container(600);
    let options = r#"{"lang":"en","data":{"title":"T","source":"S","total":1000,
        "regions":[{"name":"Small","persons":100},{"name":"Big","persons":600},{"name":"Rest","persons":300,"computed":true}]}}"#;
    let mut chart = mount(el.clone().into(), js_sys::JSON::parse(options).unwrap()).unwrap();
    record_announcements(&chart);
    eval("window.__speed = 25");
    button(&chart).click();
    let tones = js_sys::Array::from(&eval("return window.__audio.at(-1).oscillators.map((o) => [o.type, o.hz])"));
    let tones: Vec<(String, f64)> = tones.iter().map(|t| {
        let t = js_sys::Array::from(&t);
        (t.get(0).as_string().unwrap(), t.get(1).as_f64().unwrap())
    }).collect();
    // Their bars' order (largest first, the computed rest last), their pitches: Big
    // two octaves up, Small a third of the way (a sixth of the largest figure).
    let hz: Vec<f64> = tones.iter().map(|t| t.1).collect();
    let big = mali_idp_chart::sound::LOW_HZ * 4.0;
    assert_eq!(hz.len(), 6, "{tones:?}");
    assert!((hz[0] - big).abs() < 1e-9 && (hz[1] - 220.0 * 2f64.powf(2.0 * 100.0 / 600.0)).abs() < 1e-3, "{hz:?}");
    assert_eq!(tones.iter().map(|t| t.0.as_str()).collect::<Vec<_>>(), ["sine", "sine", "triangle"].repeat(2));
    sleep(2000).await;
    let heard = said();
    assert_eq!(heard.iter().map(|s| s.split(':').next().unwrap()).collect::<Vec<_>>(), ["Big", "Small", "Rest"], "{heard:?}");
    chart.destroy();
    el.remove();
}

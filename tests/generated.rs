//! Generated inputs (proptest): arbitrary option objects and figures go through the
//! same validation and layout as in the browser. Whatever comes in: no panic, every
//! rejection names a field, every accepted chart lays out inside its drawing area,
//! with its figures exact.
#![cfg(not(target_arch = "wasm32"))]

use mali_idp_chart::format;
use mali_idp_chart::layout::{self, Estimate, TextRole};
use mali_idp_chart::settings::Settings;
use mali_idp_chart::options::{self, Value};
use proptest::prelude::*;

/// Numbers a newsroom (or a bug) could pass: ordinary counts, edges, and garbage.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => (0u64..200_000).prop_map(|n| n as f64),
        1 => Just(0.0),
        1 => Just(options::MAX_SAFE as f64),
        1 => Just(options::MAX_SAFE as f64 + 1.0),
        1 => (-1_000_000i64..0).prop_map(|n| n as f64),
        1 => 0.0f64..1e6,
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        1 => Just(-0.0),
        1 => Just(1e300),
    ]
}

/// Texts: plain, empty, long, right-to-left, emoji, markup, control characters.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-zÀ-ÿ' -]{1,30}",
        1 => Just(String::new()),
        1 => Just("   ".to_string()),
        1 => "[a-z]{150,220}",
        1 => Just("تمبكتو — منطقة".to_string()),
        1 => Just("Région 🚀👨‍👩‍👧".to_string()),
        1 => Just("<img src=x onerror=alert(1)></script>".to_string()),
        1 => Just("a\u{0}b\nc\td".to_string()),
        1 => any::<String>(),
    ]
}

/// Any JSON-like value, a few levels deep.
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number().prop_map(Value::Number),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-z]{1,8}", inner), 0..6).prop_map(Value::Object),
        ]
    })
}

fn obj(entries: Vec<(&str, Value)>) -> Value {
    Value::Object(entries.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// Sometimes a value of the expected kind, sometimes anything at all.
fn or_any(good: impl Strategy<Value = Value> + 'static) -> BoxedStrategy<Value> {
    prop_oneof![6 => good, 1 => any_value()].boxed()
}

fn region() -> impl Strategy<Value = Value> {
    (or_any(text().prop_map(Value::String)), or_any(number().prop_map(Value::Number)), prop::option::of(any::<bool>()))
        .prop_map(|(name, persons, computed)| {
            let mut e = vec![("name", name), ("persons", persons)];
            if let Some(c) = computed {
                e.push(("computed", Value::Bool(c)));
            }
            obj(e)
        })
}

/// Option objects shaped like real ones, with faults mixed in.
fn options_value() -> impl Strategy<Value = Value> {
    let data = (
        or_any(text().prop_map(Value::String)),
        or_any(text().prop_map(Value::String)),
        or_any(number().prop_map(Value::Number)),
        prop::collection::vec(region(), 0..60),
        prop::option::of(any::<bool>()),
        prop::option::of(("[a-z]{3,8}", any_value())),
    )
        .prop_map(|(title, source, total, regions, rest, extra)| {
            let mut e = vec![("title", title), ("source", source), ("total", total), ("regions", Value::Array(regions))];
            if let Some(r) = rest {
                e.push(("showRest", Value::Bool(r)));
            }
            let mut v = obj(e);
            if let (Value::Object(entries), Some((k, x))) = (&mut v, extra) {
                entries.push((k, x));
            }
            v
        });
    let lang = prop_oneof![Just("fr"), Just("en"), Just("it"), Just("ar-EG"), Just("EN-gb")].prop_map(|s| Value::String(s.into()));
    let theme = prop_oneof![Just("auto"), Just("light"), Just("dark"), Just("neon")].prop_map(|s| Value::String(s.into()));
    let view = prop_oneof![Just("bars"), Just("map"), Just("both"), Just("globe")].prop_map(|s| Value::String(s.into()));
    prop_oneof![
        8 => (prop::option::of(or_any(lang)), prop::option::of(or_any(theme)), prop::option::of(or_any(view)), prop::option::of(or_any(data.boxed())))
            .prop_map(|(l, t, v, d)| {
                let mut e = vec![];
                if let Some(l) = l { e.push(("lang", l)); }
                if let Some(t) = t { e.push(("theme", t)); }
                if let Some(v) = v { e.push(("view", v)); }
                if let Some(d) = d { e.push(("data", d)); }
                obj(e)
            }),
        1 => any_value(),
    ]
}

const FIELDS: [&str; 5] = ["options", "lang", "theme", "view", "data"];

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn validation_and_layout_never_panic_and_say_where(v in options_value(), width in 200.0f64..1600.0) {
        match options::validate(&v) {
            Err(e) => {
                let head = e.path.split(['.', '[']).next().unwrap_or("");
                prop_assert!(FIELDS.contains(&head), "rejection without a field: {e}");
                prop_assert!(!e.problem.is_empty());
            }
            Ok(o) => {
                let settings = Settings::new(o);
                let (lang, data) = (settings.lang(), settings.dataset().clone());
                prop_assert!(data.regions.iter().map(|r| r.persons).sum::<u64>() <= data.total);
                let view = settings.view();
                let l = layout::compute_view(&data, lang, view, width, &Estimate);
                // Every figure can be read: a bar each (but on the map alone), and on
                // a map a circle each for those placed, a line under it for the rest.
                use mali_idp_chart::highlight::Targets;
                prop_assert_eq!(l.figures(), data.regions.len());
                if let Some(m) = l.map() {
                    let placed = data.regions.iter().filter(|r| r.place.is_some()).count();
                    prop_assert_eq!(m.circles.len(), placed);
                    prop_assert_eq!(m.unplaced.len(), data.regions.len() - placed);
                    for c in &m.circles {
                        prop_assert!(m.frame.contains(c.center.0, c.center.1), "circle {} off the map", c.item);
                    }
                }
                if view == layout::View::Map {
                    prop_assert!(l.rows.is_empty());
                    return Ok(());
                }
                prop_assert_eq!(l.rows.len(), data.regions.len());
                for r in &l.rows {
                    prop_assert!(r.bar.x >= 0.0 && r.bar.right() <= l.width + 1e-6 && r.bar.bottom() <= l.height);
                    prop_assert!(r.bar.w >= 0.0 && r.bar.w.is_finite());
                }
                for t in &l.texts {
                    let b = t.bounds();
                    prop_assert!(b.x >= -1e-6 && b.right() <= l.width + 1e-6, "{:?} leaves the chart", t.text);
                    prop_assert!(b.y >= 0.0 && b.bottom() <= l.height + 1e-6);
                }
                // Each bar has exactly one figure beside it, at its end and on its
                // middle line, and that figure is its own region's.
                let values: Vec<_> = l.texts.iter().filter(|t| t.role == TextRole::Value).collect();
                prop_assert_eq!(values.len(), l.rows.len());
                for row in &l.rows {
                    let mid = row.bar.center().1;
                    let beside: Vec<_> = values.iter().filter(|t| (t.y - mid).abs() < 1e-9).collect();
                    prop_assert_eq!(beside.len(), 1, "one figure on the middle line of bar {}", row.region);
                    let t = beside[0];
                    if l.rtl {
                        // Right to left: anchored at its right end, just left of its bar.
                        prop_assert!(t.x < row.bar.x && row.bar.x - t.x <= 8.0, "figure right before its bar (right to left)");
                    } else {
                        prop_assert!(t.x > row.bar.right() && t.x - row.bar.right() <= 8.0, "figure right after its bar");
                    }
                    // (Drawn isolated right to left in Arabic: the isolate marks aside.)
                    prop_assert_eq!(t.text.trim_matches(['\u{2067}', '\u{2069}']), format::int(data.regions[row.region].persons, lang));
                }
            }
        }
    }
}

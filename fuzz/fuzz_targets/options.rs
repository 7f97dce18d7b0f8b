//! Any bytes that parse as JSON go through the same validation and layout as options
//! passed from JS: no panic; a rejection names a field; an accepted chart lays out
//! inside its drawing area.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mali_idp_chart::layout::{self, Estimate};
use mali_idp_chart::options::{self, Value};
use mali_idp_chart::settings::Settings;

fn convert(v: serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(b),
        serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
        serde_json::Value::String(s) => Value::String(s),
        serde_json::Value::Array(a) => Value::Array(a.into_iter().map(convert).collect()),
        serde_json::Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, convert(v))).collect()),
    }
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(bytes) else { return };
    let width = 200.0 + (bytes.len() % 1400) as f64;
    match options::validate(&convert(json)) {
        Err(e) => assert!(!e.path.is_empty() && !e.problem.is_empty(), "{e}"),
        Ok(o) => {
            let settings = Settings::new(o);
            let (lang, data) = (settings.lang(), settings.dataset());
            let l = layout::compute(data, lang, width, &Estimate);
            for t in &l.texts {
                let b = t.bounds();
                assert!(b.x >= -1e-6 && b.right() <= l.width + 1e-6 && b.bottom() <= l.height + 1e-6, "{:?}", t.text);
            }
            for r in &l.rows {
                assert!(r.bar.w >= 0.0 && r.bar.right() <= l.width + 1e-6);
            }
        }
    }
});

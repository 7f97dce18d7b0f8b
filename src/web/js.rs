//! JS values in and errors out: options read into the core's `Value` (then validated
//! there), the target element resolved, and every error prefixed with the widget's
//! name so a newsroom developer knows where it came from.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use crate::format::digits;
use crate::options::{self, Value};

/// An error for JS, prefixed so a newsroom developer knows where it came from.
#[inline]
pub(crate) fn error(msg: impl AsRef<str>) -> JsError {
    prefixed_error(msg.as_ref())
}

fn prefixed_error(msg: &str) -> JsError {
    JsError::new(&["mali-idp-chart: ", msg].concat())
}

/// What a JS value is, for messages: `null`, `the string "x"`, `number`.
fn js_value_text(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if value.is_undefined() {
        "undefined".into()
    } else if let Some(s) = value.as_string() {
        ["the string \"", &s, "\""].concat()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

/// The message of a JS error value.
pub fn message_of(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| js_value_text(e))
}

/// Accepts an Element, or a CSS selector naming one.
pub fn resolve_target(doc: &Document, target: &JsValue) -> Result<Element, JsError> {
    if let Some(el) = target.dyn_ref::<Element>() {
        return Ok(el.clone());
    }
    if let Some(selector) = target.as_string() {
        return match doc.query_selector(&selector) {
            Ok(Some(el)) => Ok(el),
            Ok(None) => Err(error(["mount: no element matches the selector \"", &selector, "\""].concat())),
            Err(_) => Err(error(["mount: \"", &selector, "\" is not a valid CSS selector"].concat())),
        };
    }
    Err(error(["mount: the target must be an Element or a CSS selector string, got ", &js_value_text(target)].concat()))
}

/// Deepest nesting read from an options object (a cycle would never end).
const MAX_DEPTH: u32 = 16;

/// A JS value as the pure core's `Value`, by hand rather than through
/// serde-wasm-bindgen's deserializer: its fallback error path formats serde's
/// `Unexpected`, which links Rust's float formatting (~5 KB of gzipped wasm) for a
/// message we word better ourselves, with the field's path. An object's entries
/// whose value is `undefined` are left out ("not given"); `null` stays (it resets).
fn js_to_value(v: &JsValue, path: &mut String, depth: u32) -> Result<Value, String> {
    if v.is_null() || v.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(n) = v.as_f64() {
        return Ok(Value::Number(n));
    }
    if let Some(s) = v.as_string() {
        return Ok(Value::String(s));
    }
    if depth >= MAX_DEPTH {
        return Err([shown(path), ": nested too deeply (more than ", &digits(MAX_DEPTH as u64), " levels)"].concat());
    }
    let mark = path.len();
    if js_sys::Array::is_array(v) {
        let mut items = Vec::new();
        for (i, item) in js_sys::Array::from(v).iter().enumerate() {
            path.push('[');
            path.push_str(&digits(i as u64));
            path.push(']');
            items.push(js_to_value(&item, path, depth + 1)?);
            path.truncate(mark);
        }
        return Ok(Value::Array(items));
    }
    if v.is_object() && !v.is_function() {
        let mut entries = Vec::new();
        for pair in js_sys::Object::entries(v.unchecked_ref()).iter() {
            let pair = js_sys::Array::from(&pair);
            let item = pair.get(1);
            if item.is_undefined() {
                continue;
            }
            let key = pair.get(0).as_string().unwrap_or_default();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&key);
            let value = js_to_value(&item, path, depth + 1)?;
            path.truncate(mark);
            entries.push((key, value));
        }
        return Ok(Value::Object(entries));
    }
    let kind = v.js_typeof().as_string().unwrap_or_default();
    Err([shown(path), ": a ", &kind, " is not a valid value"].concat())
}

/// A JS value as the core's `Value`, for the picture command's `data` (its path in
/// messages: `data`).
#[cfg(feature = "picture")]
pub fn data_value(v: &JsValue) -> Result<Value, JsError> {
    let mut path = String::from("data");
    js_to_value(v, &mut path, 1).map_err(error)
}

/// A value's path for messages, as `validate` writes them ("data.regions[2]").
fn shown(path: &str) -> &str {
    if path.is_empty() { "options" } else { path }
}

/// JS options into the pure core's `Value`, then validated there (the same code the
/// native tests and fuzzer run).
pub fn parse_options(value: &JsValue) -> Result<options::Options, JsError> {
    let mut path = String::new();
    let value = js_to_value(value, &mut path, 0).map_err(error)?;
    options::validate(&value).map_err(|e| error(e.message()))
}

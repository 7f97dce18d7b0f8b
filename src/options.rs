//! Options from newsroom code (JS objects, a custom element's attributes, inline
//! JSON), validated into typed settings. Pure: a JS value arrives as a [`Value`]
//! (deserialized by serde-wasm-bindgen in the shell), so the same validation runs
//! natively under tests and fuzzing. Depends on `data`, `locale` and `theme`.
//!
//! Every rejection names the field by its path (`data.regions[2].persons`) and says
//! what is wrong and what was given. Nothing panics, whatever the input.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::data::{Dataset, Region};
use crate::locale::Lang;
use crate::theme::ThemeChoice;

/// A JSON-like value: what a JS options object can hold.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    /// Keys in their original order.
    Object(Vec<(String, Value)>),
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        // Keys as `Value` too: a `String` key would link serde's type-mismatch
        // messages, and with them float formatting (~5 KB of wasm), for nothing.
        while let Some((k, v)) = map.next_entry::<Value, Value>()? {
            let Value::String(k) = k else { return Err(de::Error::custom("object keys must be strings")) };
            entries.push((k, v));
        }
        Ok(Value::Object(entries))
    }
    // Whatever else a deserializer may offer is not JSON: say so in plain words
    // (serde's default would format the value, linking float formatting).
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Value, E> {
        Err(E::custom("binary data is not a valid option value"))
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<Value, A::Error> {
        Err(de::Error::custom("this value is not a valid option value"))
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
}

impl de::Error for OptionError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        OptionError { path: "options".into(), problem: msg.to_string() }
    }
}

impl std::error::Error for OptionError {}

/// A rejected option: where, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionError {
    pub path: String,
    pub problem: String,
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.problem)
    }
}

fn fail<T>(path: &str, problem: impl Into<String>) -> Result<T, OptionError> {
    Err(OptionError { path: path.to_string(), problem: problem.into() })
}

/// The largest integer a JS number holds exactly (2^53 − 1).
pub const MAX_SAFE: u64 = (1 << 53) - 1;
/// More regions than this is almost surely a mistake (and a chart no one can read).
pub const MAX_REGIONS: usize = 1000;
/// Titles, names and source lines longer than this are cut off by no one: rejected.
pub const MAX_TEXT: usize = 1000;

/// What a value is, for messages: `got -5`, `got "abc"`, `got null`.
pub fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => if *b { "true" } else { "false" }.into(),
        Value::Number(n) => number_text(*n),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            let more = if s.chars().count() > 40 { "…" } else { "" };
            format!("\"{short}{more}\"")
        }
        Value::Array(a) => format!("an array of {}", a.len()),
        Value::Object(_) => "an object".into(),
    }
}

/// A number as JS would print it, for messages, without linking Rust's float
/// formatting: integers exactly, fractions to at most 6 decimals.
pub fn number_text(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    let sign = if n < 0.0 { "-" } else { "" };
    let a = n.abs();
    // u64 holds every integer below 10^19 (u128 would link 2 KB of wasm for
    // numbers no newsroom means).
    if a >= 1e19 {
        return format!("{sign}a number over 10^19");
    }
    let whole = a.trunc() as u64;
    let micro = ((a - a.trunc()) * 1e6).round() as u64;
    let (whole, micro) = if micro >= 1_000_000 { (whole + 1, 0) } else { (whole, micro) };
    if micro == 0 {
        return format!("{sign}{whole}");
    }
    let mut frac = format!("{micro:06}");
    while frac.ends_with('0') {
        frac.pop();
    }
    format!("{sign}{whole}.{frac}")
}

/// Validated settings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Options {
    pub lang: Option<Lang>,
    pub theme: Option<ThemeChoice>,
    /// Replaces the article's figures when given.
    pub data: Option<DataInput>,
}

/// Custom figures, as a newsroom gives them (one language: theirs).
#[derive(Debug, Clone, PartialEq)]
pub struct DataInput {
    /// The figures as given, in the given order.
    pub given: Dataset,
    /// Show what the regions leave of the total as a computed "other regions" row.
    pub show_rest: bool,
}

fn object<'v>(v: &'v Value, path: &str, known: &[&str]) -> Result<&'v [(String, Value)], OptionError> {
    let Value::Object(entries) = v else {
        return fail(path, format!("must be an object, got {}", describe(v)));
    };
    for (i, (k, _)) in entries.iter().enumerate() {
        if !known.contains(&k.as_str()) {
            return fail(&format!("{path}.{k}"), format!("unknown field (known: {})", known.join(", ")));
        }
        if entries[..i].iter().any(|(other, _)| other == k) {
            return fail(&format!("{path}.{k}"), "given twice");
        }
    }
    Ok(entries)
}

fn field<'v>(entries: &'v [(String, Value)], key: &str) -> Option<&'v Value> {
    // `undefined` and `null` mean "not given", as JS code usually intends.
    entries.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| **v != Value::Null)
}

fn whole_number(v: &Value, path: &str) -> Result<u64, OptionError> {
    match v {
        Value::Number(n) if n.is_finite() && n.fract() == 0.0 && *n >= 0.0 && *n <= MAX_SAFE as f64 => Ok(*n as u64),
        Value::Number(n) if n.is_finite() && n.fract() == 0.0 && *n > MAX_SAFE as f64 => {
            fail(path, format!("must be at most {} (2^53 − 1), got {}", MAX_SAFE, describe(v)))
        }
        _ => fail(path, format!("must be a whole number >= 0, got {}", describe(v))),
    }
}

fn text(v: &Value, path: &str) -> Result<String, OptionError> {
    let Value::String(s) = v else {
        return fail(path, format!("must be a string, got {}", describe(v)));
    };
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return fail(path, "must not be empty");
    }
    if trimmed.chars().count() > MAX_TEXT {
        return fail(path, format!("must be at most {MAX_TEXT} characters, got {}", trimmed.chars().count()));
    }
    // Control characters would draw as boxes; line breaks are spaces to the layout.
    Ok(trimmed.chars().map(|c| if c.is_control() { ' ' } else { c }).collect())
}

fn boolean(v: &Value, path: &str) -> Result<bool, OptionError> {
    match v {
        Value::Bool(b) => Ok(*b),
        _ => fail(path, format!("must be true or false, got {}", describe(v))),
    }
}

const OPTION_FIELDS: &[&str] = &["lang", "theme", "data"];
const DATA_FIELDS: &[&str] = &["title", "subtitle", "source", "total", "households", "increase", "regions", "showRest"];
const REGION_FIELDS: &[&str] = &["name", "persons", "computed"];

/// Validates the options object given to `mount` or `update`.
pub fn validate(v: &Value) -> Result<Options, OptionError> {
    if *v == Value::Null {
        return Ok(Options::default());
    }
    let entries = object(v, "options", OPTION_FIELDS)?;
    let lang = match field(entries, "lang") {
        None => None,
        Some(Value::String(tag)) => Some(
            Lang::from_tag(tag)
                .ok_or_else(|| OptionError { path: "lang".into(), problem: format!("must be \"fr\" or \"en\", got \"{tag}\"") })?,
        ),
        Some(other) => return fail("lang", format!("must be \"fr\" or \"en\", got {}", describe(other))),
    };
    let theme = match field(entries, "theme") {
        None => None,
        Some(Value::String(t)) => Some(ThemeChoice::from_name(t).ok_or_else(|| OptionError {
            path: "theme".into(),
            problem: format!("must be \"auto\", \"light\" or \"dark\", got \"{t}\""),
        })?),
        Some(other) => return fail("theme", format!("must be \"auto\", \"light\" or \"dark\", got {}", describe(other))),
    };
    let data = field(entries, "data").map(validate_data).transpose()?;
    Ok(Options { lang, theme, data })
}

fn validate_data(v: &Value) -> Result<DataInput, OptionError> {
    let entries = object(v, "data", DATA_FIELDS)?;
    let required = |key: &str| field(entries, key).ok_or_else(|| OptionError { path: format!("data.{key}"), problem: "is required".into() });
    let title = text(required("title")?, "data.title")?;
    let subtitle = field(entries, "subtitle").map(|v| text(v, "data.subtitle")).transpose()?;
    let source = text(required("source")?, "data.source")?;
    let total = whole_number(required("total")?, "data.total")?;
    let households = field(entries, "households").map(|v| whole_number(v, "data.households")).transpose()?;
    let increase = field(entries, "increase").map(|v| whole_number(v, "data.increase")).transpose()?;
    let show_rest = field(entries, "showRest").map(|v| boolean(v, "data.showRest")).transpose()?.unwrap_or(false);
    let Value::Array(items) = required("regions")? else {
        return fail("data.regions", format!("must be an array, got {}", describe(required("regions")?)));
    };
    if items.is_empty() {
        return fail("data.regions", "must list at least one region");
    }
    if items.len() > MAX_REGIONS {
        return fail("data.regions", format!("must list at most {MAX_REGIONS} regions, got {}", items.len()));
    }
    let mut regions: Vec<Region> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = format!("data.regions[{i}]");
        let e = object(item, &path, REGION_FIELDS)?;
        let get = |key: &str| field(e, key).ok_or_else(|| OptionError { path: format!("{path}.{key}"), problem: "is required".into() });
        let name = text(get("name")?, &format!("{path}.name"))?;
        let persons = whole_number(get("persons")?, &format!("{path}.persons"))?;
        let computed = field(e, "computed").map(|v| boolean(v, &format!("{path}.computed"))).transpose()?.unwrap_or(false);
        if let Some(j) = regions.iter().position(|r| r.name == name) {
            return fail(&format!("{path}.name"), format!("\"{name}\" is already data.regions[{j}].name"));
        }
        regions.push(Region { name, persons, computed });
    }
    // Each figure is below 2^53 and there are at most 5000: the sum fits in u64.
    let sum: u64 = regions.iter().map(|r| r.persons).sum();
    if sum > total {
        return fail("data.regions", format!("the regions add up to {sum}, more than data.total ({total})"));
    }
    let given = Dataset { title, subtitle, source, total, households, increase, regions };
    Ok(DataInput { given, show_rest })
}

impl DataInput {
    /// The dataset to draw, in `lang` for the words that are ours.
    pub fn to_dataset(&self, lang: Lang) -> Dataset {
        let mut data = self.given.clone();
        let sum: u64 = data.regions.iter().map(|r| r.persons).sum(); // <= total, checked
        if self.show_rest && sum < data.total {
            data.regions.push(Region { name: lang.text().other_regions.into(), persons: data.total - sum, computed: true });
        }
        data.sorted()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(entries: &[(&str, Value)]) -> Value {
        Value::Object(entries.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
    }
    fn s(v: &str) -> Value {
        Value::String(v.into())
    }
    fn n(v: f64) -> Value {
        Value::Number(v)
    }
    fn region(name: &str, persons: Value) -> Value {
        obj(&[("name", s(name)), ("persons", persons)])
    }
    fn data(regions: Vec<Value>) -> Value {
        obj(&[("title", s("T")), ("source", s("S")), ("total", n(100.0)), ("regions", Value::Array(regions))])
    }
    fn err(v: Value) -> String {
        validate(&v).unwrap_err().to_string()
    }

    #[test]
    fn nothing_given_means_the_defaults() {
        assert_eq!(validate(&Value::Null).unwrap(), Options::default());
        assert_eq!(validate(&obj(&[])).unwrap(), Options::default());
        assert_eq!(validate(&obj(&[("lang", Value::Null)])).unwrap(), Options::default());
    }

    #[test]
    fn lang_and_theme_are_checked() {
        let o = validate(&obj(&[("lang", s("en")), ("theme", s("dark"))])).unwrap();
        assert_eq!((o.lang, o.theme), (Some(Lang::En), Some(ThemeChoice::Dark)));
        assert_eq!(err(obj(&[("lang", s("de"))])), "lang: must be \"fr\" or \"en\", got \"de\"");
        assert_eq!(err(obj(&[("lang", n(1.0))])), "lang: must be \"fr\" or \"en\", got 1");
        assert_eq!(err(obj(&[("theme", s("blue"))])), "theme: must be \"auto\", \"light\" or \"dark\", got \"blue\"");
        assert_eq!(err(obj(&[("colour", s("red"))])), "options.colour: unknown field (known: lang, theme, data)");
        assert_eq!(err(n(3.0)), "options: must be an object, got 3");
    }

    #[test]
    fn bad_figures_are_named_with_their_path() {
        let bad = |persons| err(obj(&[("data", data(vec![region("A", n(1.0)), region("B", n(2.0)), region("C", persons)]))]));
        assert_eq!(bad(n(-5.0)), "data.regions[2].persons: must be a whole number >= 0, got -5");
        assert_eq!(bad(n(2.5)), "data.regions[2].persons: must be a whole number >= 0, got 2.5");
        assert_eq!(bad(n(f64::NAN)), "data.regions[2].persons: must be a whole number >= 0, got NaN");
        assert_eq!(bad(n(f64::INFINITY)), "data.regions[2].persons: must be a whole number >= 0, got Infinity");
        assert_eq!(bad(s("12")), "data.regions[2].persons: must be a whole number >= 0, got \"12\"");
        assert_eq!(bad(Value::Null), "data.regions[2].persons: is required");
        assert_eq!(bad(n(9007199254740992.0)), "data.regions[2].persons: must be at most 9007199254740991 (2^53 − 1), got 9007199254740992");
    }

    #[test]
    fn data_structure_errors() {
        assert_eq!(err(obj(&[("data", data(vec![]))])), "data.regions: must list at least one region");
        assert_eq!(
            err(obj(&[("data", data(vec![region("A", n(60.0)), region("B", n(50.0))]))])),
            "data.regions: the regions add up to 110, more than data.total (100)"
        );
        assert_eq!(
            err(obj(&[("data", data(vec![region("A", n(1.0)), region("A", n(2.0))]))])),
            "data.regions[1].name: \"A\" is already data.regions[0].name"
        );
        assert_eq!(err(obj(&[("data", data(vec![region("  ", n(1.0))]))])), "data.regions[0].name: must not be empty");
        let extra = obj(&[("name", s("A")), ("persons", n(1.0)), ("colour", s("red"))]);
        assert_eq!(err(obj(&[("data", data(vec![extra]))])), "data.regions[0].colour: unknown field (known: name, persons, computed)");
        assert_eq!(err(obj(&[("data", obj(&[("title", s("T"))]))])), "data.source: is required");
    }

    #[test]
    fn valid_data_becomes_a_sorted_dataset_with_an_optional_rest() {
        let mut d = data(vec![region("Small", n(10.0)), region("Big", n(60.0))]);
        if let Value::Object(e) = &mut d {
            e.push(("showRest".into(), Value::Bool(true)));
        }
        let o = validate(&obj(&[("data", d)])).unwrap();
        let ds = o.data.unwrap().to_dataset(Lang::En);
        let rows: Vec<_> = ds.regions.iter().map(|r| (r.name.as_str(), r.persons, r.computed)).collect();
        assert_eq!(rows, [("Big", 60, false), ("Small", 10, false), ("Other regions", 30, true)]);
    }

    #[test]
    fn numbers_print_as_js_prints_them() {
        assert_eq!(number_text(-5.0), "-5");
        assert_eq!(number_text(0.1), "0.1");
        assert_eq!(number_text(2.5), "2.5");
        assert_eq!(number_text(1e21), "a number over 10^19");
        assert_eq!(number_text(9.9e18), "9900000000000000000");
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(f64::NEG_INFINITY), "-Infinity");
    }
}

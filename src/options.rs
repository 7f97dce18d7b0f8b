//! Options from newsroom code (JS objects, a custom element's attributes, inline
//! JSON), validated into typed options. Pure: a JS value arrives as a [`Value`]
//! (read by hand in the shell, `web::js`), so the same validation runs natively
//! under tests and fuzzing. Depends on `data`, `format`, `layout` (the view),
//! `locale` and `theme`.
//!
//! Every rejection names the field by its path (`data.regions[2].persons`) and says
//! what is wrong and what was given. Nothing panics, whatever the input.

use std::fmt;

use crate::data::{Dataset, Region};
use crate::format::digits;
use crate::layout::View;
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

impl std::error::Error for OptionError {}

/// A rejected option: where, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionError {
    pub path: String,
    pub problem: String,
}

impl OptionError {
    /// "path: problem", without formatting machinery (this runs in the wasm).
    pub fn message(&self) -> String {
        [self.path.as_str(), ": ", &self.problem].concat()
    }
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.problem)
    }
}

fn fail<T>(path: &str, problem: impl Into<String>) -> Result<T, OptionError> {
    Err(OptionError { path: path.to_string(), problem: problem.into() })
}

/// The one template for a value of the wrong kind: "must be {what}, got {value}".
/// (One copy of the message code rather than one per kind: bytes in the wasm.)
fn expected(path: &str, what: &str, v: &Value) -> OptionError {
    OptionError { path: path.to_string(), problem: ["must be ", what, ", got ", &value_text(v)].concat() }
}

/// The largest integer a JS number holds exactly (2^53 − 1).
pub const MAX_SAFE: u64 = (1 << 53) - 1;
/// More regions than this is almost surely a mistake (and a chart no one can read).
pub const MAX_REGIONS: usize = 1000;
/// Titles, names and source lines longer than this are cut off by no one: rejected.
pub const MAX_TEXT: usize = 1000;

/// What a value is, for messages: `got -5`, `got "abc"`, `got null`.
pub fn value_text(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => if *b { "true" } else { "false" }.into(),
        Value::Number(n) => number_text(*n),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            let more = if s.chars().count() > 40 { "…" } else { "" };
            ["\"", &short, more, "\""].concat()
        }
        Value::Array(a) => ["an array of ", &digits(a.len() as u64)].concat(),
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
        return [sign, "a number over 10^19"].concat();
    }
    let whole = a.trunc() as u64;
    let micro = ((a - a.trunc()) * 1e6).round() as u64;
    let (whole, micro) = if micro >= 1_000_000 { (whole + 1, 0) } else { (whole, micro) };
    if micro == 0 {
        return [sign, &digits(whole)].concat();
    }
    // Six digits, leading zeros kept: 1_000_000 + micro, without its leading "1".
    let mut frac = digits(1_000_000 + micro).split_off(1);
    while frac.ends_with('0') {
        frac.pop();
    }
    [sign, &digits(whole), ".", &frac].concat()
}

/// One top-level option as given to `mount` or `update`.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Field<T> {
    /// Not given (absent, or `undefined`): `update()` keeps the current setting.
    #[default]
    Keep,
    /// Given as `null`: back to the default (the element's removed attributes).
    Reset,
    Set(T),
}

/// Validated options.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Options {
    pub lang: Field<Lang>,
    pub theme: Field<ThemeChoice>,
    /// Bars, map or both.
    pub view: Field<View>,
    /// Replaces the article's figures when given.
    pub data: Field<DataInput>,
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
        return Err(expected(path, "an object", v));
    };
    for (i, (k, _)) in entries.iter().enumerate() {
        if !known.contains(&k.as_str()) {
            return fail(&[path, ".", k].concat(), ["unknown field (known: ", &known.join(", "), ")"].concat());
        }
        if entries[..i].iter().any(|(other, _)| other == k) {
            return fail(&[path, ".", k].concat(), "given twice");
        }
    }
    Ok(entries)
}

/// A top-level option: absent keeps, `null` resets, anything else goes through
/// `parse`, whose failure hands back the value for the message.
fn top_level<'v, T>(
    entries: &'v [(String, Value)],
    key: &str,
    parse: impl Fn(&Value) -> Result<T, ()>,
) -> Result<Field<T>, &'v Value> {
    match entries.iter().find(|(k, _)| k == key).map(|(_, v)| v) {
        None => Ok(Field::Keep),
        Some(Value::Null) => Ok(Field::Reset),
        Some(v) => parse(v).map(Field::Set).map_err(|()| v),
    }
}

fn field<'v>(entries: &'v [(String, Value)], key: &str) -> Option<&'v Value> {
    // Inside `data`, `null` means "not given", as JS code usually intends.
    entries.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| **v != Value::Null)
}

fn whole_number(v: &Value, path: &str) -> Result<u64, OptionError> {
    match v {
        Value::Number(n) if n.is_finite() && n.fract() == 0.0 && *n >= 0.0 && *n <= MAX_SAFE as f64 => Ok(*n as u64),
        Value::Number(n) if n.is_finite() && n.fract() == 0.0 && *n > MAX_SAFE as f64 => {
            Err(expected(path, "at most 9007199254740991 (2^53 − 1)", v))
        }
        _ => Err(expected(path, "a whole number >= 0", v)),
    }
}

fn text(v: &Value, path: &str) -> Result<String, OptionError> {
    let Value::String(s) = v else {
        return Err(expected(path, "a string", v));
    };
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return fail(path, "must not be empty");
    }
    if trimmed.chars().count() > MAX_TEXT {
        let count = digits(trimmed.chars().count() as u64);
        return fail(path, ["must be at most ", &digits(MAX_TEXT as u64), " characters, got ", &count].concat());
    }
    // Control characters would draw as boxes; line breaks are spaces to the layout.
    Ok(trimmed.chars().map(|c| if c.is_control() { ' ' } else { c }).collect())
}

fn boolean(v: &Value, path: &str) -> Result<bool, OptionError> {
    match v {
        Value::Bool(b) => Ok(*b),
        _ => Err(expected(path, "true or false", v)),
    }
}

const OPTION_FIELDS: &[&str] = &["lang", "theme", "view", "data"];
const DATA_FIELDS: &[&str] = &["title", "subtitle", "source", "total", "households", "increase", "regions", "showRest"];
const REGION_FIELDS: &[&str] = &["name", "persons", "computed"];

/// Validates the options object given to `mount` or `update`.
pub fn validate(v: &Value) -> Result<Options, OptionError> {
    if *v == Value::Null {
        return Ok(Options::default());
    }
    let entries = object(v, "options", OPTION_FIELDS)?;
    let lang = top_level(entries, "lang", |v| match v {
        Value::String(tag) => Lang::from_tag(tag).ok_or(()),
        _ => Err(()),
    })
    .map_err(|v| expected("lang", Lang::EXPECTED, v))?;
    let theme = top_level(entries, "theme", |v| match v {
        Value::String(name) => ThemeChoice::from_name(name).ok_or(()),
        _ => Err(()),
    })
    .map_err(|v| expected("theme", "\"auto\", \"light\" or \"dark\"", v))?;
    let view = top_level(entries, "view", |v| match v {
        Value::String(name) => View::from_name(name).ok_or(()),
        _ => Err(()),
    })
    .map_err(|v| expected("view", "\"bars\", \"map\" or \"both\"", v))?;
    let data = match entries.iter().find(|(k, _)| k == "data").map(|(_, v)| v) {
        None => Field::Keep,
        Some(Value::Null) => Field::Reset,
        Some(v) => Field::Set(validate_data(v)?),
    };
    Ok(Options { lang, theme, view, data })
}

fn validate_data(v: &Value) -> Result<DataInput, OptionError> {
    let entries = object(v, "data", DATA_FIELDS)?;
    // Each field is written into the one dataset as it is read: an error then drops
    // one value, not every field read before it (the wasm carried a cleanup per field
    // per later failure).
    let mut d = Dataset::default();
    d.title = text(required(entries, "title")?, "data.title")?;
    if let Some(v) = field(entries, "subtitle") {
        d.subtitle = Some(text(v, "data.subtitle")?);
    }
    d.source = text(required(entries, "source")?, "data.source")?;
    d.total = whole_number(required(entries, "total")?, "data.total")?;
    if let Some(v) = field(entries, "households") {
        d.households = Some(whole_number(v, "data.households")?);
    }
    if let Some(v) = field(entries, "increase") {
        d.increase = Some(whole_number(v, "data.increase")?);
    }
    let show_rest = match field(entries, "showRest") {
        Some(v) => boolean(v, "data.showRest")?,
        None => false,
    };
    let regions = required(entries, "regions")?;
    let Value::Array(items) = regions else {
        return Err(expected("data.regions", "an array", regions));
    };
    if items.is_empty() {
        return fail("data.regions", "must list at least one region");
    }
    if items.len() > MAX_REGIONS {
        let count = digits(items.len() as u64);
        return fail("data.regions", ["must list at most ", &digits(MAX_REGIONS as u64), " regions, got ", &count].concat());
    }
    d.regions.reserve_exact(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = ["data.regions[", &digits(i as u64), "]"].concat();
        let e = object(item, &path, REGION_FIELDS)?;
        let at = |key: &str| [path.as_str(), ".", key].concat();
        let mut r = Region::default();
        r.name = text(required_at(e, &path, "name")?, &at("name"))?;
        r.persons = whole_number(required_at(e, &path, "persons")?, &at("persons"))?;
        if let Some(v) = field(e, "computed") {
            r.computed = boolean(v, &at("computed"))?;
        }
        if let Some(j) = d.regions.iter().position(|other| other.name == r.name) {
            return fail(&at("name"), ["\"", &r.name, "\" is already data.regions[", &digits(j as u64), "].name"].concat());
        }
        d.regions.push(r);
    }
    // Each figure is below 2^53 and there are at most MAX_REGIONS: the sum fits in u64.
    let sum: u64 = d.regions.iter().map(|r| r.persons).sum();
    if sum > d.total {
        let (sum, total) = (digits(sum), digits(d.total));
        return fail("data.regions", ["the regions add up to ", &sum, ", more than data.total (", &total, ")"].concat());
    }
    Ok(DataInput { given: d, show_rest })
}

/// A field of `data` that must be given.
fn required<'v>(entries: &'v [(String, Value)], key: &str) -> Result<&'v Value, OptionError> {
    required_at(entries, "data", key)
}

/// A field of the object at `path` that must be given.
fn required_at<'v>(entries: &'v [(String, Value)], path: &str, key: &str) -> Result<&'v Value, OptionError> {
    field(entries, key).ok_or_else(|| OptionError { path: [path, ".", key].concat(), problem: "is required".into() })
}

impl DataInput {
    /// The dataset to draw, in `lang` for the words that are ours.
    pub fn to_dataset(&self, lang: Lang) -> Dataset {
        let mut data = self.given.clone();
        let sum: u64 = data.regions.iter().map(|r| r.persons).sum(); // <= total, checked
        if self.show_rest && sum < data.total {
            data.regions.push(Region { name: lang.text().other_regions.into(), persons: data.total - sum, computed: true, place: None });
        }
        // On the map, each reported region whose name matches one of its places
        // (the first one to match a place has it); the others are listed under it.
        if cfg!(feature = "map") {
            let mut taken = [false; crate::data::PLACES.len()];
            for r in data.regions.iter_mut().filter(|r| !r.computed) {
                r.place = crate::data::place_of(&r.name).filter(|&p| !std::mem::replace(&mut taken[p], true));
            }
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
        let reset = validate(&obj(&[("lang", Value::Null), ("theme", Value::Null), ("data", Value::Null)])).unwrap();
        assert_eq!((reset.lang, reset.theme, reset.data), (Field::Reset, Field::Reset, Field::Reset), "null resets");
    }

    #[test]
    fn lang_and_theme_are_checked() {
        let o = validate(&obj(&[("lang", s("en")), ("theme", s("dark"))])).unwrap();
        assert_eq!((o.lang, o.theme), (Field::Set(Lang::En), Field::Set(ThemeChoice::Dark)));
        #[cfg(all(feature = "es", feature = "pt", feature = "de", feature = "ar"))]
        {
        let o = validate(&obj(&[("lang", s("ar-EG"))])).unwrap();
        assert_eq!(o.lang, Field::Set(Lang::ArArab));
        let expected = "\"fr\", \"en\", \"es\", \"pt\", \"de\" or \"ar\" (a region may follow: \"pt-PT\", \"ar-EG\")";
        assert_eq!(err(obj(&[("lang", s("it"))])), ["lang: must be ", expected, ", got \"it\""].concat());
        assert_eq!(err(obj(&[("lang", n(1.0))])), ["lang: must be ", expected, ", got 1"].concat());
        }
        assert_eq!(err(obj(&[("theme", s("blue"))])), "theme: must be \"auto\", \"light\" or \"dark\", got \"blue\"");
        assert_eq!(err(obj(&[("colour", s("red"))])), "options.colour: unknown field (known: lang, theme, view, data)");
        assert_eq!(err(n(3.0)), "options: must be an object, got 3");
    }

    #[test]
    fn view_is_checked() {
        assert_eq!(validate(&obj(&[("view", s("map"))])).unwrap().view, Field::Set(View::Map));
        assert_eq!(validate(&obj(&[("view", s("both"))])).unwrap().view, Field::Set(View::Both));
        assert_eq!(validate(&obj(&[("view", Value::Null)])).unwrap().view, Field::Reset);
        assert_eq!(err(obj(&[("view", s("globe"))])), "view: must be \"bars\", \"map\" or \"both\", got \"globe\"");
        assert_eq!(err(obj(&[("view", s("Map"))])), "view: must be \"bars\", \"map\" or \"both\", got \"Map\"");
        assert_eq!(err(obj(&[("view", Value::Bool(true))])), "view: must be \"bars\", \"map\" or \"both\", got true");
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
        let Field::Set(input) = o.data else { panic!("data given") };
        let ds = input.to_dataset(Lang::En);
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

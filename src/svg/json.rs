//! JSON: a newsroom's data as the element's inline JSON, and the article's figures as
//! a schema.org `Dataset` in JSON-LD.

use crate::data::Dataset;
use crate::locale::Lang;

/// A JSON string literal (quotes, backslashes and control characters escaped), safe
/// inside a `<script>` data block too (`<` as `\u003c`, so no `</script>` ends it).
fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `value` as JSON, safe inside a `<script>` element (`<` is escaped).
pub fn json(value: &crate::options::Value) -> String {
    use crate::options::Value;
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if n.is_finite() => crate::options::number_text(*n),
        Value::Number(_) => "null".into(),
        Value::String(s) => json_string(s),
        Value::Array(items) => ["[", &items.iter().map(json).collect::<Vec<_>>().join(", "), "]"].concat(),
        Value::Object(entries) => {
            let fields: Vec<String> = entries.iter().map(|(k, v)| [json_string(k), ": ".into(), json(v)].concat()).collect();
            ["{", &fields.join(", "), "}"].concat()
        }
    }
}

/// The article's figures described for search engines and aggregators: a
/// schema.org `Dataset` in JSON-LD, as a data block (`application/ld+json`, which no
/// browser runs, so a strict CSP has nothing to block). Every figure comes from
/// `data`, written in our own words; no date, since the article gives none.
pub fn dataset_json_ld(lang: Lang) -> String {
    let data = Dataset::article(lang);
    let t = lang.text();
    let colon = lang.colon();
    let figures: Vec<String> = data
        .regions
        .iter()
        .map(|r| {
            let computed = if r.computed { [" (", t.computed, ")"].concat() } else { String::new() };
            [r.name.as_str(), " ", &crate::format::int(r.persons, lang), &computed].concat()
        })
        .collect();
    let [by_region, publisher, measured, source] = lang.dataset_words();
    let description = [
        &crate::format::subtitle(&data, lang),
        ". ",
        by_region,
        colon,
        &figures.join(lang.comma()),
        ". ",
        t.computed_note,
    ]
    .concat();
    let org = |name: &str| format!("{{\"@type\": \"Organization\", \"name\": {}}}", json_string(name));
    let creator = "Commission Mouvement de Populations (CMP), Mali";
    format!(
        "<script type=\"application/ld+json\">\n{{\n  \"@context\": \"https://schema.org\",\n  \"@type\": \"Dataset\",\n  \"name\": {},\n  \"description\": {},\n  \"inLanguage\": \"{}\",\n  \"creator\": {},\n  \"sourceOrganization\": {},\n  \"isBasedOn\": {},\n  \"spatialCoverage\": {{\"@type\": \"Place\", \"name\": \"Mali\"}},\n  \"variableMeasured\": {{\"@type\": \"PropertyValue\", \"name\": {}, \"unitText\": {}}},\n  \"isAccessibleForFree\": true\n}}\n</script>",
        json_string(&data.title),
        json_string(&description),
        lang.tag(),
        org(creator),
        org(publisher),
        json_string(source),
        json_string(measured),
        json_string(t.persons_unit),
    )
}

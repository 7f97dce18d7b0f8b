//! Words for readers who do not see the bars: tooltip lines, live announcements,
//! the canvas's accessible name and the data table. Pure; depends on `data`,
//! `format`, `layout` (the view), `locale` and `options` (values read from CSV). The web shell puts these strings in the DOM with
//! `textContent` only.

use crate::data::{Dataset, Item};
use crate::format::{self, digits};
use crate::layout::View;
use crate::locale::Lang;
use crate::options::{OptionError, Value};

/// "37,9 % du total", or nothing when the total is 0.
fn share_text(data: &Dataset, region: usize, lang: Lang) -> Option<String> {
    let permille = format::share_permille(data.regions[region].persons, data.total)?;
    Some([&format::percent(permille, lang), " ", lang.text().of_total].concat())
}

fn persons_text(persons: u64, lang: Lang) -> String {
    [&format::int(persons, lang), " ", lang.text().persons_unit].concat()
}

/// The tooltip for one region: its name, then one line per fact.
pub fn tooltip(data: &Dataset, region: usize, lang: Lang) -> (String, Vec<String>) {
    let r = &data.regions[region];
    let mut lines = vec![persons_text(r.persons, lang)];
    lines.extend(share_text(data, region, lang));
    if r.computed {
        lines.push(lang.text().computed_tip.to_string());
    }
    (r.name.clone(), lines)
}

/// Words for a map region with no figure of its own (`shape` indexes `map::SHAPES`):
/// its name, then what the article says of it (counted in the other regions).
fn shape_words(data: &Dataset, shape: usize, lang: Lang) -> (String, Vec<String>) {
    let s = &crate::map::SHAPES[shape];
    let (t, m) = (lang.text(), lang.map_text());
    let mut line = m.no_figure.to_string();
    if let Some(rest) = data.regions.iter().find(|r| r.computed) {
        line.push_str(&[m.counted_in_rest, " (", &format::int(rest.persons, lang), lang.comma(), t.computed, ")"].concat());
    }
    let mut lines = vec![line];
    // Gao's polygon holds Ménaka's town, where a circle may be.
    let menaka = crate::data::place_of("Ménaka");
    if s.code == "ML-7" && data.regions.iter().any(|r| r.place.is_some() && r.place == menaka) {
        lines.push(m.gao_note.to_string());
    }
    (crate::map::shape_name(shape, lang).to_string(), lines)
}

/// The tooltip for an item: a region of the dataset, or past them a map region
/// without a figure (`data.regions.len() + shape`).
pub fn item_tooltip(data: &Dataset, item: usize, lang: Lang) -> (String, Vec<String>) {
    match Item::of(item, data.regions.len()) {
        // Only a map has items past the dataset's (never in the bars build).
        Item::Shape(shape) if cfg!(feature = "map") => shape_words(data, shape, lang),
        _ => tooltip(data, item, lang),
    }
}

/// The live region's sentence for an item (see [`item_tooltip`]).
pub fn item_announcement(data: &Dataset, item: usize, lang: Lang) -> String {
    match Item::of(item, data.regions.len()) {
        Item::Region(region) => announcement(data, region, lang),
        Item::Shape(shape) => {
            let (name, lines) = shape_words(data, shape, lang);
            let colon = lang.colon();
            [name.as_str(), colon, &format::join(&lines, ". ")].concat()
        }
    }
}

/// One sentence for the live region: "Tombouctou : 22 328 personnes déplacées, 37,9 % du total".
pub fn announcement(data: &Dataset, region: usize, lang: Lang) -> String {
    let r = &data.regions[region];
    let colon = lang.colon();
    let mut s = [r.name.as_str(), colon, &persons_text(r.persons, lang)].concat();
    if let Some(share) = share_text(data, region, lang) {
        s.push_str(lang.comma());
        s.push_str(&share);
    }
    if r.computed {
        s.push_str(&[" (", lang.text().computed, ")"].concat());
    }
    s
}

/// Said before a long list's tune when only its first regions play (`sound::tune`):
/// "Les 187 premières régions sur 1 000 : les suivantes ne sont pas jouées."
pub fn played_of(tune: &crate::sound::Tune, lang: Lang) -> String {
    let [a, b, c] = lang.text().played_of;
    [a, &format::int(tune.played as u64, lang), b, &format::int(tune.regions as u64, lang), c].concat()
}

/// What the chart is, first in its accessible name: "Bar chart", "Map of Mali"…
pub fn lead(lang: Lang, view: View) -> &'static str {
    match view {
        _ if !view.has_map() => lang.text().summary_lead,
        View::Map => lang.map_text().summary_lead_map,
        _ => lang.map_text().summary_lead_both,
    }
}

/// The canvas's accessible name: what it shows and its largest figures.
pub fn summary(data: &Dataset, lang: Lang, view: View) -> String {
    let t = lang.text();
    let colon = lang.colon();
    let mut s = [lead(lang, view), colon, &data.title, ". "].concat();
    if view.has_map() {
        s.push_str(lang.map_text().map_summary);
        s.push(' ');
    }
    // The first four: the article's three regions and its computed rest, which the
    // total that follows adds them up to (three alone, a reader of the name heard them
    // short of it by 15,482).
    let top: Vec<String> = data
        .regions
        .iter()
        .take(4)
        .map(|r| {
            let mut part = [r.name.as_str(), " ", &format::int(r.persons, lang)].concat();
            if r.computed {
                part.push_str(&[" (", t.computed, ")"].concat());
            }
            part
        })
        .collect();
    if !top.is_empty() {
        s.push_str(&format::join(&top, lang.comma()));
        s.push_str(". ");
    }
    s.push_str(&[t.national_total, " ", &format::int(data.total, lang), ". ", t.summary_tail].concat());
    s
}

/// The data table's caption: the title, and on a map what it shows and where its
/// boundaries come from (the table covers the map too).
pub fn table_caption(data: &Dataset, lang: Lang, view: View) -> String {
    if !view.has_map() {
        return data.title.clone();
    }
    let t = lang.map_text();
    [data.title.as_str(), ". ", t.map_summary, " ", t.map_note].concat()
}

/// The data table: headers, one row per region, then the national total.
pub fn table(data: &Dataset, lang: Lang) -> ([&'static str; 4], Vec<[String; 4]>) {
    let t = lang.text();
    let mut rows: Vec<[String; 4]> = data
        .regions
        .iter()
        .map(|r| {
            let share = format::share_permille(r.persons, data.total).map(|p| format::percent(p, lang)).unwrap_or_default();
            [r.name.clone(), format::int(r.persons, lang), share, (if r.computed { t.computed } else { t.reported }).into()]
        })
        .collect();
    let all = format::share_permille(data.total, data.total).map(|p| format::percent(p, lang)).unwrap_or_default();
    rows.push([t.national_total.into(), format::int(data.total, lang), all, t.reported.into()]);
    (t.table_headers, rows)
}

/// Characters that make a spreadsheet read a cell as a formula when it starts with
/// one (CSV injection, in OWASP's terms).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One CSV field, quoted when it must be. A field that a spreadsheet would run as a
/// formula (a newsroom's region named `=HYPERLINK(...)`) is neutralised as OWASP
/// recommends: a single quote before it, the whole quoted, so it opens as text. A
/// reader of our CSV takes a leading `'` followed by one of `FORMULA_STARTS` back
/// off (`read_csv` does).
fn csv_field(out: &mut String, field: &str) {
    let formula = field.starts_with(FORMULA_STARTS);
    if formula || field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        if formula {
            out.push('\'');
        }
        for c in field.chars() {
            if c == '"' {
                out.push('"'); // a quote is written twice
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// The figures shown, as CSV for the "download the data" link: plain integers and
/// shares with a decimal point (machine-readable in any locale), a column saying
/// which figures are computed, then the total and the source line.
pub fn csv(data: &Dataset, lang: Lang) -> String {
    let t = lang.text();
    let mut out = String::new();
    let mut row = |fields: &[&str]| {
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_field(&mut out, f);
        }
        out.push_str("\r\n");
    };
    let h = t.table_headers;
    let share_head = [h[2], " (%)"].concat();
    row(&[h[0], h[1], &share_head, h[3]]);
    let share = |persons: u64| {
        format::share_permille(persons, data.total)
            .map(|p| crate::numbers::percent(p, crate::numbers::ENGLISH).trim_end_matches('%').to_string())
            .unwrap_or_default()
    };
    for r in &data.regions {
        let persons = format::digits(r.persons);
        row(&[&r.name, &persons, &share(r.persons), if r.computed { t.computed } else { t.reported }]);
    }
    let total = format::digits(data.total);
    row(&[t.national_total, &total, &share(data.total), t.reported]);
    row(&[&data.source]);
    out
}

/// The rows of a CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF;
/// a byte order mark ignored), each cell as a spreadsheet shows it: the quote our
/// writer puts before a formula-like cell taken back off.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut was_quoted) = (false, false);
    let mut chars = text.chars().peekable();
    let finish = |cell: &mut String, was_quoted: bool| {
        let c = std::mem::take(cell);
        match c.strip_prefix('\'') {
            Some(rest) if was_quoted && rest.starts_with(FORMULA_STARTS) => rest.to_string(),
            _ => c,
        }
    };
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => (quoted, was_quoted) = (true, true),
            (false, ',') => {
                row.push(finish(&mut cell, was_quoted));
                was_quoted = false;
            }
            (false, '\r') => {}
            (false, '\n') => {
                row.push(finish(&mut cell, was_quoted));
                was_quoted = false;
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(finish(&mut cell, was_quoted));
        rows.push(row);
    }
    rows.retain(|r| !(r.len() == 1 && r[0].is_empty()));
    rows
}

/// The chart's own CSV (its download link, `csv`) read back as the `data` option,
/// in either language, to be validated as any `data` is: the header, one row per
/// region (name, persons, share, reported or computed), the national total, then the
/// source alone on the last line. A computed "other regions" row that is exactly
/// what the regions leave of the total is `showRest`. The CSV has no title: `title`
/// gives it (without one, validation says `data.title` is required).
pub fn read_csv(text: &str, title: Option<&str>) -> Result<Value, OptionError> {
    let problem = |path: &str, p: &str| OptionError { path: path.into(), problem: p.into() };
    let rows = csv_rows(text);
    let header = rows.first().ok_or_else(|| problem("data", "the CSV is empty"))?;
    let lang = Lang::spoken().find(|l| header.first().map(String::as_str) == Some(l.text().table_headers[0]));
    let lang = lang.ok_or_else(|| problem("data", "the CSV's first line is not the chart's header (Région,… or Region,…)"))?;
    let t = lang.text();
    let number = |cell: &str| match cell.parse::<u64>() {
        Ok(n) if cell.bytes().all(|b| b.is_ascii_digit()) => Value::Number(n as f64),
        _ => Value::String(cell.to_string()),
    };
    let (mut regions, mut total, mut source) = (Vec::new(), None, None);
    for (i, row) in rows.iter().enumerate().skip(1) {
        match row.as_slice() {
            [name, persons, _share, origin] if name == t.national_total && origin == t.reported => total = Some(number(persons)),
            [name, persons, _share, origin] => {
                let computed = if origin == t.computed {
                    true
                } else if origin == t.reported {
                    false
                } else {
                    let line = digits(i as u64 + 1);
                    return Err(problem("data", &["line ", &line, ": the last cell must be \"", t.reported, "\" or \"", t.computed, "\", got \"", origin, "\""].concat()));
                };
                regions.push((name.clone(), number(persons), computed));
            }
            [text] if i == rows.len() - 1 => source = Some(text.clone()),
            _ => {
                let line = digits(i as u64 + 1);
                return Err(problem("data", &["line ", &line, ": expected 4 cells (region, persons, share, origin), or the source alone on the last line"].concat()));
            }
        }
    }
    let total = total.ok_or_else(|| problem("data.total", &["is required (a \"", t.national_total, "\" line)"].concat()))?;
    // The computed rest, as the chart writes it: back to `showRest`.
    let given: f64 = regions.iter().filter_map(|(_, p, c)| match p { Value::Number(n) if !c => Some(*n), _ => None }).sum();
    let rest = regions.iter().position(|(name, p, c)| *c && name == t.other_regions && matches!((p, &total), (Value::Number(p), Value::Number(t)) if *p == t - given));
    if let Some(i) = rest {
        regions.remove(i);
    }
    let mut data = vec![];
    if let Some(title) = title {
        data.push(("title".to_string(), Value::String(title.into())));
    }
    if let Some(source) = source {
        data.push(("source".into(), Value::String(source)));
    }
    data.push(("total".into(), total));
    let regions = regions
        .into_iter()
        .map(|(name, persons, computed)| {
            let mut r = vec![("name".to_string(), Value::String(name)), ("persons".into(), persons)];
            if computed {
                r.push(("computed".into(), Value::Bool(true)));
            }
            Value::Object(r)
        })
        .collect();
    data.push(("regions".into(), Value::Array(regions)));
    if rest.is_some() {
        data.push(("showRest".into(), Value::Bool(true)));
    }
    Ok(Value::Object(data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tooltips_give_the_exact_figure_and_share() {
        let d = Dataset::article(Lang::Fr);
        let (name, lines) = tooltip(&d, 0, Lang::Fr);
        assert_eq!(name, "Tombouctou");
        assert_eq!(lines, ["22\u{202F}328 personnes déplacées", "37,9\u{A0}% du total"]);
        let (name, lines) = tooltip(&d, 3, Lang::Fr);
        assert_eq!(name, "Autres régions");
        assert_eq!(lines.len(), 3, "computed rows carry a note");
        let en = Dataset::article(Lang::En);
        assert_eq!(tooltip(&en, 0, Lang::En).1, ["22,328 displaced people", "37.9% of the total"]);
    }

    #[test]
    fn announcements_are_one_sentence() {
        let d = Dataset::article(Lang::Fr);
        assert_eq!(announcement(&d, 1, Lang::Fr), "Ségou : 10\u{202F}794 personnes déplacées, 18,3\u{A0}% du total");
        assert_eq!(
            announcement(&d, 3, Lang::Fr),
            "Autres régions : 15\u{202F}482 personnes déplacées, 26,2\u{A0}% du total (calculé)"
        );
    }

    #[test]
    fn the_summary_names_the_largest_figures() {
        let s = summary(&Dataset::article(Lang::En), Lang::En, View::Bars);
        assert!(s.starts_with("Bar chart: Internally displaced people in Mali"), "{s}");
        assert!(s.contains("Timbuktu 22,328, Segou 10,794, Menaka 10,381, Other regions 15,482 (computed). National total"), "{s}");
        // Four at most.
        let mut d = Dataset::article(Lang::En);
        d.regions.push(crate::data::Region { name: "Gao".into(), persons: 1, computed: false, place: None });
        assert!(summary(&d, Lang::En, View::Bars).contains("(computed). National total"));
        assert!(s.contains("National total 58,985"), "{s}");
    }

    /// The cell as a spreadsheet shows it, from our CSV field: unquoted, quotes
    /// undoubled, and the neutralising quote taken off (what a round trip reads).
    fn csv_cell(field: &str) -> String {
        let inner = field.strip_prefix('"').and_then(|f| f.strip_suffix('"')).map(|f| f.replace("\"\"", "\"")).unwrap_or(field.to_string());
        match inner.strip_prefix('\'') {
            Some(rest) if rest.starts_with(FORMULA_STARTS) => rest.to_string(),
            _ => inner,
        }
    }

    /// What `read_csv` gives, validated and drawn as a chart would.
    fn round_trip(csv: &str, title: &str, lang: Lang) -> Dataset {
        let data = read_csv(csv, Some(title)).unwrap();
        let options = crate::options::validate(&Value::Object(vec![("data".into(), data)])).unwrap();
        let crate::options::Field::Set(input) = options.data else { panic!("no data") };
        input.to_dataset(lang)
    }

    #[test]
    fn the_charts_own_csv_reads_back_as_the_same_figures() {
        for lang in [Lang::Fr, Lang::En] {
            // The article's: its computed rest comes back as showRest.
            let article = Dataset::article(lang);
            let back = round_trip(&csv(&article, lang), &article.title, lang);
            let figures = |d: &Dataset| d.regions.iter().map(|r| (r.name.clone(), r.persons, r.computed)).collect::<Vec<_>>();
            assert_eq!(figures(&back), figures(&article));
            assert_eq!((back.total, &back.source, &back.title), (article.total, &article.source, &article.title));
            // A newsroom's, with names a spreadsheet would run, quotes and commas.
            let mut own = Dataset::article(lang);
            own.regions[0].name = "=HYPERLINK(\"http://x\",\"y\")".into();
            own.regions[1].name = "Gao, \"nord\"".into();
            own.source = "@source".into();
            let back = round_trip(&csv(&own, lang), "T", lang);
            assert_eq!(figures(&back), figures(&own));
            assert_eq!(back.source, "@source");
        }
    }

    #[test]
    fn a_bad_csv_is_refused_naming_the_field_or_the_line() {
        let err = |csv: &str| read_csv(csv, Some("T")).unwrap_err().to_string();
        assert_eq!(err(""), "data: the CSV is empty");
        assert!(err("Name,Persons\r\n").starts_with("data: the CSV's first line is not the chart's header"));
        let head = "Region,Displaced people,Share of total (%),Source of the figure\r\n";
        assert_eq!(err(&[head, "A,5,1,maybe\r\n"].concat()), "data: line 2: the last cell must be \"reported\" or \"computed\", got \"maybe\"");
        assert_eq!(err(&[head, "A,5\r\nsource\r\n"].concat()), "data: line 2: expected 4 cells (region, persons, share, origin), or the source alone on the last line");
        assert_eq!(err(&[head, "A,5,1,reported\r\nS\r\n"].concat()), "data.total: is required (a \"National total\" line)");
        // A bad figure is left for validation to name, with its path.
        let v = read_csv(&[head, "A,-5,1,reported\r\nNational total,10,100,reported\r\nS\r\n"].concat(), Some("T")).unwrap();
        let e = crate::options::validate(&Value::Object(vec![("data".into(), v)])).unwrap_err();
        assert_eq!(e.to_string(), "data.regions[0].persons: must be a whole number >= 0, got \"-5\"");
        // No title: validation names it.
        let v = read_csv(&[head, "A,5,1,reported\r\nNational total,10,100,reported\r\nS\r\n"].concat(), None).unwrap();
        assert_eq!(crate::options::validate(&Value::Object(vec![("data".into(), v)])).unwrap_err().to_string(), "data.title: is required");
    }

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_are_neutralised_and_read_back_unchanged() {
        for name in ["=HYPERLINK(\"http://example.com\",\"x\")", "@SUM(1+1)", "+1", "-2", "\tTab", "\rCR", "=1,2"] {
            let mut out = String::new();
            csv_field(&mut out, name);
            // Quoted, and what is inside the quotes starts with the single quote: a
            // spreadsheet opens it as text.
            assert!(out.starts_with("\"'"), "{name:?} -> {out:?}");
            assert_eq!(csv_cell(&out), name);
        }
        for plain in ["Tombouctou", "Autres régions", "22328", "37.9", "a, b", "say \"hi\""] {
            let mut out = String::new();
            csv_field(&mut out, plain);
            assert!(!out.contains('\''), "{plain:?} -> {out:?}");
            assert_eq!(csv_cell(&out), plain);
        }
        // In a whole file: a custom region and source that look like formulas.
        let mut d = Dataset::article(Lang::En);
        d.regions[0].name = "=cmd|' /C calc'!A0".into();
        d.source = "@source".into();
        let csv = csv(&d, Lang::En);
        assert!(csv.contains("\r\n\"'=cmd|' /C calc'!A0\","), "{csv}");
        assert!(csv.ends_with("\"'@source\"\r\n"), "{csv}");
    }

    #[test]
    fn csv_has_every_figure_unformatted_and_the_source() {
        let csv = csv(&Dataset::article(Lang::Fr), Lang::Fr);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "Région,Personnes déplacées,Part du total (%),Origine du chiffre");
        assert_eq!(lines[1], "Tombouctou,22328,37.9,publié");
        assert_eq!(lines[4], "Autres régions,15482,26.2,calculé");
        assert_eq!(lines[5], "Total national,58985,100.0,publié");
        assert!(lines[6].starts_with("\"Source : Commission Mouvement de Populations (CMP), chiffres"), "{}", lines[6]);
        let mut out = String::new();
        csv_field(&mut out, "a, \"b\"");
        assert_eq!(out, "\"a, \"\"b\"\"\"");
    }

    #[test]
    fn the_table_has_every_row_and_the_total() {
        let (headers, rows) = table(&Dataset::article(Lang::Fr), Lang::Fr);
        assert_eq!(headers[0], "Région");
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[3], ["Autres régions", "15\u{202F}482", "26,2\u{A0}%", "calculé"].map(String::from));
        assert_eq!(rows[4][1], "58\u{202F}985");
        assert_eq!(rows[4][2], "100,0\u{A0}%");
    }
}

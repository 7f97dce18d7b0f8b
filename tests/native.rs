//! Native tests of the pure core: the figures against the article, the layout at
//! every width we promise, the drawing (recorded and as SVG), and hit testing.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Recorder, svg_rects, svg_texts};
use mali_idp_chart::data::{self, Dataset};
use mali_idp_chart::format;
use mali_idp_chart::hit::row_at;
use mali_idp_chart::layout::{self, Estimate, Layout, TextRole};
use mali_idp_chart::locale::Lang;
use mali_idp_chart::render::{self, LIGHT};
use mali_idp_chart::{svg, words};

const WIDTHS: [f64; 4] = [280.0, 400.0, 640.0, 1200.0];
const LANGS: [Lang; 2] = [Lang::Fr, Lang::En];

/// A file of the article's folder beside the project (its sentences are not ours to
/// republish, so it is not in the repository). `MALI_IDP_ARTICLE_DIR` points
/// elsewhere. A missing file fails the test: the figures are never left unchecked
/// by accident (`MALI_IDP_SKIP_ARTICLE=1` skips on purpose, saying so).
fn article_file(name: &str) -> Option<String> {
    let dir = std::env::var("MALI_IDP_ARTICLE_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/article").into());
    let path = format!("{dir}/{name}");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) if std::env::var_os("MALI_IDP_SKIP_ARTICLE").is_some() => {
            eprintln!("SKIPPED: {path} not read (MALI_IDP_SKIP_ARTICLE is set)");
            None
        }
        Err(e) => panic!("cannot read {path} ({e}): set MALI_IDP_ARTICLE_DIR, or MALI_IDP_SKIP_ARTICLE=1 to skip"),
    }
}

fn article_number(n: u64) -> String {
    // The article groups thousands with a plain space: "58 985".
    format::int(n, Lang::Fr).replace('\u{202F}', " ")
}

#[test]
fn every_stated_figure_is_in_the_article() {
    let Some(text) = article_file("source-article-fr.txt") else { return };
    let article = text.as_str();
    for n in [data::NATIONAL_TOTAL, data::HOUSEHOLDS, data::INCREASE_SINCE_FEBRUARY] {
        assert!(article.contains(&article_number(n)), "{n} is not in the article");
    }
    // Each region's name (the article drops the accents: Segou, Menaka) is followed
    // closely by its figure in brackets.
    for r in data::ARTICLE_REGIONS {
        let figure = format!("({})", article_number(r.persons));
        let near = [r.name_en, r.name_fr].iter().flat_map(|name| article.match_indices(name)).any(|(i, _)| {
            article[i..].find(&figure).is_some_and(|d| d < 120)
        });
        assert!(near, "{} {figure} is not in the article", r.name_fr);
    }
}

/// The value cell of the row of FACTS.md's tables whose first cell starts with `label`.
fn facts_value(facts: &str, label: &str) -> String {
    let row = facts.lines().find(|l| l.starts_with(&format!("| {label}"))).unwrap_or_else(|| panic!("no row {label:?} in FACTS.md"));
    row.split('|').nth(2).unwrap().trim().to_string()
}

#[test]
fn derived_figures_and_shares_are_the_ones_facts_computes() {
    let Some(facts) = article_file("FACTS.md") else { return };
    assert_eq!(facts_value(&facts, "all other regions together"), article_number(data::other_regions()));
    assert_eq!(facts_value(&facts, "IDPs in February"), article_number(data::february_total()));
    let relative = format::share_permille(data::INCREASE_SINCE_FEBRUARY, data::february_total()).unwrap();
    assert_eq!(facts_value(&facts, "increase since February, relative"), format!("+{}", format::percent(relative, Lang::En).replace('%', " %")));
    // "Tombouctou 37.9 %, Ségou 18.3 %, Ménaka 17.6 %, others 26.2 %", in the chart's order.
    let d = Dataset::article(Lang::Fr);
    let shares: Vec<String> =
        d.regions.iter().map(|r| format::percent(format::share_permille(r.persons, d.total).unwrap(), Lang::En).replace('%', " %")).collect();
    let stated: Vec<String> = facts_value(&facts, "share of the national total")
        .split(", ")
        .map(|part| part.rsplitn(3, ' ').take(2).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(shares, stated);
}

#[test]
fn the_article_dataset_shows_each_stated_region_and_marks_only_the_remainder_computed() {
    for lang in LANGS {
        let d = Dataset::article(lang);
        let reported: Vec<_> = d.regions.iter().filter(|r| !r.computed).map(|r| (r.name.as_str(), r.persons)).collect();
        let stated: Vec<_> = data::ARTICLE_REGIONS
            .iter()
            .map(|r| (if lang == Lang::Fr { r.name_fr } else { r.name_en }, r.persons))
            .collect();
        assert_eq!(reported, stated, "{lang:?}: the article's regions, its figures, largest first");
        let computed: Vec<_> = d.regions.iter().filter(|r| r.computed).collect();
        assert_eq!(computed.len(), 1, "only the remainder is computed");
        assert_eq!(d.regions.last().map(|r| r.computed), Some(true), "and it comes last");
        assert_eq!(computed[0].name, lang.text().other_regions);
        assert_eq!(d.total, data::NATIONAL_TOTAL);
    }
}

#[test]
fn subtitle_states_total_households_and_increase() {
    let fr = format::subtitle(&Dataset::article(Lang::Fr), Lang::Fr);
    assert!(fr.contains("58\u{202F}985") && fr.contains("10\u{202F}248") && fr.contains("+14\u{202F}223"), "{fr}");
    let en = format::subtitle(&Dataset::article(Lang::En), Lang::En);
    assert!(en.contains("58,985") && en.contains("10,248") && en.contains("+14,223"), "{en}");
}

fn article_layout(lang: Lang, width: f64) -> (Dataset, Layout) {
    let d = Dataset::article(lang);
    let l = layout::compute(&d, lang, width, &Estimate);
    (d, l)
}

#[test]
fn bars_are_sorted_with_lengths_proportional_to_the_figures() {
    for lang in LANGS {
        for w in WIDTHS {
            let (d, l) = article_layout(lang, w);
            assert_eq!(l.rows.len(), d.regions.len());
            let reported: Vec<u64> = d.regions.iter().filter(|r| !r.computed).map(|r| r.persons).collect();
            assert!(reported.windows(2).all(|p| p[0] >= p[1]), "reported regions largest first");
            let (top, top_len) = (d.regions[0].persons as f64, l.rows[0].bar.w);
            for row in &l.rows {
                let persons = d.regions[row.region].persons as f64;
                let expected = top_len * persons / top;
                assert!((row.bar.w - expected).abs() < 1e-9, "bar {} at {w}px: {} vs {expected}", row.region, row.bar.w);
                assert_eq!(row.computed, d.regions[row.region].computed);
            }
            // All bars start at one baseline, top to bottom in order.
            assert!(l.rows.iter().all(|r| r.bar.x == l.rows[0].bar.x));
            assert!(l.rows.windows(2).all(|p| p[0].hit.bottom() <= p[1].hit.y));
        }
    }
}

fn inside(r: &layout::Rect, l: &Layout) -> bool {
    r.x >= 0.0 && r.y >= 0.0 && r.right() <= l.width + 1e-9 && r.bottom() <= l.height + 1e-9
}

#[test]
fn nothing_leaves_the_drawing_area_and_no_texts_overlap() {
    for lang in LANGS {
        for w in WIDTHS {
            let (_, l) = article_layout(lang, w);
            assert_eq!(l.width, w);
            for row in &l.rows {
                assert!(inside(&row.bar, &l) && inside(&row.hit, &l), "row {row:?} at {w}px");
            }
            for t in &l.texts {
                assert!(inside(&t.bounds(), &l), "{:?} leaves the {w}px chart: {:?}", t.text, t.bounds());
            }
            for (i, a) in l.texts.iter().enumerate() {
                for b in &l.texts[i + 1..] {
                    let (ra, rb) = (a.bounds(), b.bounds());
                    let overlap = ra.x < rb.right() && rb.x < ra.right() && ra.y < rb.bottom() && rb.y < ra.bottom();
                    assert!(!overlap, "{:?} overlaps {:?} at {w}px", a.text, b.text);
                }
            }
            // Figures never run into bars: each value starts after its bar ends.
            for row in &l.rows {
                let value = l.texts.iter().filter(|t| t.role == TextRole::Value).nth(row.region).unwrap();
                assert!(value.bounds().x > row.bar.right());
            }
        }
    }
}

#[test]
fn narrow_widths_put_names_above_bars() {
    assert!(article_layout(Lang::Fr, 280.0).1.stacked);
    assert!(!article_layout(Lang::Fr, 640.0).1.stacked);
}

#[test]
fn the_svg_holds_every_name_and_figure_and_bars_in_their_colours() {
    for lang in LANGS {
        for w in WIDTHS {
            let d = Dataset::article(lang);
            let (svg, l) = svg::render(&d, lang, w, &LIGHT).unwrap();
            let texts = svg_texts(&svg);
            let all = texts.join(" ");
            for (i, r) in d.regions.iter().enumerate() {
                assert!(all.contains(&layout::row_name(&d, i)), "{} missing at {w}px", r.name);
                assert!(texts.contains(&format::int(r.persons, lang)), "{} missing at {w}px", r.persons);
            }
            assert!(all.contains("Commission Mouvement de Populations"), "source line missing");
            // The computed row marked, and its footnote, whole, under the bars.
            assert!(all.contains(&[lang.text().other_regions, "*"].concat()), "computed row unmarked at {w}px");
            assert!(all.contains(&["* ", lang.text().computed_note].concat()), "computed footnote missing at {w}px: {all}");
            let rects = svg_rects(&svg);
            let bars: Vec<_> = rects.iter().skip(1).collect(); // first is the background
            assert_eq!(bars.len(), l.rows.len());
            for (bar, row) in bars.iter().zip(&l.rows) {
                assert!((bar.2 - row.bar.w).abs() <= 1.0, "svg bar width {} vs layout {}", bar.2, row.bar.w);
                let want = if row.computed { "#7D8A97" } else { "#1D5D90" };
                assert_eq!(bar.4, want);
            }
        }
    }
}

#[test]
fn drawing_paints_exactly_the_layout_at_any_scale() {
    let (_, l) = article_layout(Lang::Fr, 640.0);
    for scale in [1.0, 2.0, 3.0] {
        let mut rec = Recorder::new(render::backing_size(&l, scale));
        render::draw(&mut rec, &l, &LIGHT, scale).unwrap();
        assert!(rec.presented);
        assert_eq!(rec.rects[0].from, (0, 0), "background first");
        assert_eq!(rec.rects[0].to, (rec.size.0 as i32, rec.size.1 as i32));
        for (drawn, row) in rec.rects[1..].iter().zip(&l.rows) {
            assert_eq!(drawn.from, ((row.bar.x * scale).round() as i32, (row.bar.y * scale).round() as i32));
            assert_eq!(drawn.to, ((row.bar.right() * scale).round() as i32, (row.bar.bottom() * scale).round() as i32));
            assert!(drawn.fill);
        }
        let fills: Vec<_> = rec.rects[1..].iter().map(|r| r.rgb).collect();
        assert_eq!(fills, [LIGHT.bar, LIGHT.bar, LIGHT.bar, LIGHT.bar_computed]);
        // The overlay's highlight, as the overlay draws it (from its own corner, the
        // highlight box's): put back where the overlay sits, the chart's own pixels.
        for (item, row) in l.rows.iter().enumerate() {
            let at = render::highlight_box(&l, item, scale).0;
            let mut one = Recorder::new(rec.size);
            render::draw_highlight(&mut one, &l, &LIGHT, item, scale, at).unwrap();
            assert_eq!(one.rects.len(), 1, "one bar");
            let (from, to) = (one.rects[0].from, one.rects[0].to);
            assert_eq!(((from.0 + at.0, from.1 + at.1), (to.0 + at.0, to.1 + at.1)), render::corners(&row.bar, scale));
            assert_eq!(one.rects[0].rgb, LIGHT.bar_highlight);
            assert!(from.0 >= 0 && from.1 >= 0, "inside the overlay");
        }
        assert_eq!(rec.texts.len(), l.texts.len());
        for (drawn, t) in rec.texts.iter().zip(&l.texts) {
            assert_eq!(drawn.text, t.text);
            assert_eq!(drawn.size, t.font.size * scale, "font sizes scale with the ratio");
            assert_eq!(drawn.bold, t.font.bold);
        }
        assert_eq!(rec.other_calls, 0);
    }
}

#[test]
fn hit_testing_uses_the_drawn_rows() {
    for w in WIDTHS {
        let (_, l) = article_layout(Lang::Fr, w);
        for (i, row) in l.rows.iter().enumerate() {
            let (cx, cy) = row.bar.center();
            assert_eq!(row_at(&l, cx, cy), Some(i), "bar centre at {w}px");
            // The whole row counts, label area included, up to its edges.
            assert_eq!(row_at(&l, row.hit.x, row.hit.y), Some(i));
            assert_eq!(row_at(&l, row.hit.right() - 0.01, row.hit.bottom() - 0.01), Some(i));
            assert_eq!(row_at(&l, row.hit.x + 1.0, cy), Some(i), "label side of the row");
            // Just outside: left padding, right padding.
            assert_eq!(row_at(&l, row.hit.x - 0.5, cy), None);
            assert_eq!(row_at(&l, row.hit.right() + 0.5, cy), None);
        }
        for pair in l.rows.windows(2) {
            let gap_mid = (pair[0].hit.bottom() + pair[1].hit.y) / 2.0;
            assert_eq!(row_at(&l, pair[0].bar.center().0, gap_mid), None, "gap between rows at {w}px");
        }
        assert_eq!(row_at(&l, 10.0, 1.0), None, "title area");
        assert_eq!(row_at(&l, 10.0, l.height - 1.0), None, "source line");
        assert_eq!(row_at(&l, -5.0, l.rows[0].bar.y + 1.0), None, "left of the canvas");
        assert_eq!(row_at(&l, f64::NAN, 10.0), None);
    }
}

#[test]
fn the_static_fallbacks_in_www_are_up_to_date() {
    for (lang, file) in [(Lang::Fr, "fallback-fr.svg"), (Lang::En, "fallback-en.svg")] {
        let (fresh, _) = svg::render(&Dataset::article(lang), lang, 640.0, &LIGHT).unwrap();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/").to_string() + file;
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(committed == fresh, "www/{file} is stale or missing: run `make fallback`");
        let texts = svg_texts(&committed).join(" ");
        let d = Dataset::article(lang);
        for r in &d.regions {
            assert!(texts.contains(&format::int(r.persons, lang)), "{file} lacks {}", r.persons);
        }
    }
}

#[test]
fn the_fallback_tool_rejects_bad_arguments_by_name() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_fallback")).args(args).output().unwrap()
    };
    let ok = run(&["--lang", "en", "--width", "400"]);
    assert!(ok.status.success());
    assert!(String::from_utf8_lossy(&ok.stdout).contains("Timbuktu"));
    for (args, needle) in [
        (&["--lang", "it"][..], "--lang: must be fr, en, es, pt, de or ar, got \"it\""),
        (&["--width", "abc"][..], "--width: must be a number of pixels from 200 to 4000, got \"abc\""),
        (&["--width", "NaN"][..], "--width: must be a number"),
        (&["--width"][..], "--width: needs a value"),
        (&["--colour", "red"][..], "unknown argument \"--colour\""),
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}

fn many(n: usize) -> Dataset {
    let regions = (0..n)
        .map(|i| mali_idp_chart::data::Region { name: format!("Région {i}"), persons: (i as u64 * 7919) % 100_000, computed: false, place: None })
        .collect::<Vec<_>>();
    let total = regions.iter().map(|r| r.persons).sum();
    Dataset { title: "Test".into(), subtitle: None, source: "Test".into(), total, households: None, increase: None, regions }.sorted()
}

#[test]
fn long_lists_stay_inside_a_canvas_browsers_accept_and_never_overlap() {
    for n in [1, 41, 500, mali_idp_chart::options::MAX_REGIONS] {
        for w in WIDTHS {
            let l = layout::compute(&many(n), Lang::Fr, w, &Estimate);
            assert_eq!(l.rows.len(), n);
            for dpr in [1.0, 2.0, 3.0] {
                let scale = render::effective_scale(&l, dpr);
                let (bw, bh) = render::backing_size(&l, scale);
                assert!(bw <= 32_767 && bh <= 32_767, "{n} rows at {w}px, ratio {dpr}: {bw}x{bh}");
                assert!(scale <= dpr && scale > 0.0);
            }
            for pair in l.rows.windows(2) {
                assert!(pair[0].hit.bottom() <= pair[1].hit.y, "rows overlap with {n} rows");
            }
            for t in &l.texts {
                assert!(inside(&t.bounds(), &l), "{:?} leaves the chart with {n} rows at {w}px", t.text);
            }
        }
    }
}

/// The pages that carry a static picture, and its languages in each.

fn www(file: &str) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/").to_string() + file;
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_pages_carry_an_up_to_date_static_picture_and_its_stylesheet() {
    assert!(www("mali-idp-chart.css") == svg::picture_css(&LIGHT), "www/mali-idp-chart.css is stale: run `make fallback`");
    for lang in LANGS {
        for view in [layout::View::Bars, layout::View::Map, layout::View::Both] {
            let file = svg::picture_file(lang, view);
            let picture = svg::picture_view(&Dataset::article(lang), lang, view, &LIGHT).unwrap();
            assert!(www(&file) == picture + "\n", "www/{file} is stale: run `make fallback`");
        }
    }
    let index = www("index.html");
    let at = svg::between(&index, svg::DATASET_MARKERS).expect("index.html: no dataset markers");
    assert!(index[at].trim() == svg::dataset_json_ld(Lang::Fr), "index.html: stale dataset description, run `make fallback`");
    for page in svg::TITLED_PAGES {
        let html = www(page);
        let at = svg::between(&html, svg::TITLE_MARKERS).unwrap_or_else(|| panic!("{page}: no title markers"));
        assert!(html[at].trim() == svg::titles(), "{page}: stale titles, run `make fallback`");
    }
    for (page, lang, view) in svg::PAGES {
        let html = www(page);
        let picture = svg::picture_view(&Dataset::article(lang), lang, view, &LIGHT).unwrap();
        let (open, close) = svg::markers(lang, view);
        let at = svg::between(&html, (&open, close)).unwrap_or_else(|| panic!("{page}: no {open}"));
        assert!(html[at].trim() == picture, "{page} ({lang:?}, {view:?}): stale picture, run `make fallback`");
    }
}

#[test]
fn the_static_picture_has_one_drawing_per_artboard_as_tall_as_the_live_chart_there() {
    for lang in LANGS {
        let d = Dataset::article(lang);
        let html = svg::picture(&d, lang, &LIGHT).unwrap();
        let drawings: Vec<&str> = html.split("<svg class=\"mic-a").skip(1).collect();
        assert_eq!(drawings.len(), layout::ARTBOARDS.len());
        for (drawing, a) in drawings.iter().zip(layout::ARTBOARDS) {
            let live = layout::compute(&d, lang, a, &Estimate);
            let view_box = format!("{a}\" viewBox=\"0 0 {a} {}\"", live.height);
            assert!(drawing.starts_with(&view_box), "{a} px: {}", &drawing[..60]);
            // Every figure drawn, beside its bar, in each drawing.
            let svg = &drawing[..drawing.find("</svg>").unwrap()];
            let texts = svg_texts(svg);
            for r in &d.regions {
                assert!(texts.contains(&format::int(r.persons, lang)), "{a} px lacks {}", r.persons);
            }
            assert_eq!(svg_rects(svg).len(), 1 + d.regions.len(), "{a} px: background and one bar per region");
        }
        // For screen readers, every drawing's name reads each region as the live
        // region announces it (figure, share, computed or not) and the total; no
        // hidden table for four regions.
        assert!(!html.contains("<table>"), "no table for {} regions", d.regions.len());
        for drawing in &drawings {
            let label = &drawing[drawing.find("aria-label=\"").unwrap() + 12..];
            let label = &label[..label.find('"').unwrap()];
            for i in 0..d.regions.len() {
                assert!(label.contains(&words::announcement(&d, i, lang)), "{lang:?}: the name lacks region {i}: {label}");
            }
            assert!(label.ends_with(&format!(" {}.", format::int(d.total, lang))), "{lang:?}: the name ends with the total: {label}");
        }
        // The CSV link holds the live chart's CSV, percent-encoded.
        let href = html.split("href=\"data:text/csv;charset=utf-8,").nth(1).unwrap();
        let encoded = &href[..href.find('"').unwrap()];
        let mut bytes = Vec::new();
        let mut it = encoded.bytes();
        while let Some(b) = it.next() {
            if b == b'%' {
                let hex = [it.next().unwrap(), it.next().unwrap()];
                bytes.push(u8::from_str_radix(std::str::from_utf8(&hex).unwrap(), 16).unwrap());
            } else {
                bytes.push(b);
            }
        }
        assert_eq!(String::from_utf8(bytes).unwrap(), format!("\u{FEFF}{}", words::csv(&d, lang)));
    }
    // Markup in data stays text.
    let mut d = Dataset::article(Lang::En);
    d.title = "<b>\"A&B\"</b>".into();
    let html = svg::picture(&d, Lang::En, &LIGHT).unwrap();
    assert!(html.contains("aria-label=\"Bar chart: &lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;. Timbuktu"), "{html}");
}

#[test]
fn a_picture_of_more_regions_than_its_name_reads_has_the_data_table() {
    for n in [svg::NAMED_IN_FULL, svg::NAMED_IN_FULL + 1] {
        let mut d = many(n);
        d.title = "<b>\"A&B\"</b>".into();
        let html = svg::picture(&d, Lang::Fr, &LIGHT).unwrap();
        let label = &html[html.find("aria-label=\"").unwrap() + 12..];
        let label = &label[..label.find('"').unwrap()];
        let last = words::announcement(&d, n - 1, Lang::Fr);
        if n <= svg::NAMED_IN_FULL {
            assert!(!html.contains("<table>") && label.contains(&last), "{n} regions: all in the name, no table");
            continue;
        }
        assert!(!label.contains(&last), "{n} regions: the name reads the largest, not every one");
        let table = &html[html.find("<table>").unwrap()..];
        assert!(table.starts_with("<table><caption>&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;</caption>"), "markup in data stays text");
        for k in d.regions.iter().map(|r| r.persons).chain([d.total]) {
            assert!(table.contains(&format!("<td>{}</td>", format::int(k, Lang::Fr))), "table lacks {k}");
        }
    }
}

#[test]
fn the_stylesheet_shows_exactly_one_drawing_at_every_width() {
    let css = svg::picture_css(&LIGHT);
    for (i, a) in layout::ARTBOARDS.iter().enumerate() {
        let (from, to) = layout::artboard::range(i);
        let query = if to.is_finite() { format!("({from}px <= width < {to}px)") } else { format!("(width >= {from}px)") };
        assert!(css.contains(&format!("@container {query} {{ .mali-idp-chart-static .mic-box > .mic-a{a} {{ display: block; }} }}")), "{a}");
    }
    // The footer's padding switches where the layout's does.
    assert!(css.contains(&format!("@container (width < {}px)", layout::NARROW_BELOW)));
}

#[test]
fn the_picture_writes_each_text_at_the_live_charts_size_to_the_hundredth() {
    // plotters' SVG backend divides the size it is given by 1.24: what it writes must
    // be the live chart's size itself, not a float's error ("13.000000000000002").
    for lang in LANGS {
        let d = Dataset::article(lang);
        let html = svg::picture(&d, lang, &LIGHT).unwrap();
        for (drawing, a) in html.split("<svg class=\"mic-a").skip(1).zip(layout::ARTBOARDS) {
            let live = layout::compute(&d, lang, a, &Estimate);
            let written: Vec<&str> = drawing.split("font-size=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]).collect();
            assert_eq!(written.len(), live.texts.len(), "{a} px: one size per text");
            for (w, t) in written.iter().zip(&live.texts) {
                let decimals = w.split('.').nth(1).map_or(0, str::len);
                assert!(decimals <= 2, "{a} px: font-size=\"{w}\"");
                assert_eq!(w.parse::<f64>().unwrap(), (t.font.size * 100.0).round() / 100.0, "{a} px: {}", t.text);
            }
        }
    }
}

#[test]
fn in_the_dark_theme_the_picture_takes_the_live_charts_dark_colours() {
    use mali_idp_chart::render::DARK;
    use mali_idp_chart::theme::hex;
    let css = svg::picture_css(&LIGHT);
    let html = svg::picture(&Dataset::article(Lang::Fr), Lang::Fr, &LIGHT).unwrap();
    let pairs = [
        (LIGHT.background, DARK.background),
        (LIGHT.bar, DARK.bar),
        (LIGHT.bar_computed, DARK.bar_computed),
        (LIGHT.text, DARK.text),
        (LIGHT.muted, DARK.muted),
    ];
    for (light, dark) in pairs {
        let attr = format!("[fill=\"{}\"]", hex(light).to_uppercase());
        assert!(html.contains(&attr[1..attr.len() - 1]), "the drawings use {attr} as written");
        // One rule, dark where the page's used colour scheme is (`light-dark()`,
        // as the live chart's "auto"), or where theme="dark" sets the scheme.
        let rule = format!("{attr} {{ fill: light-dark({}, {}); }}", hex(light), hex(dark));
        assert_eq!(css.matches(&rule).count(), 1, "{rule}");
    }
    for scheme in ["light", "dark"] {
        let rule = format!(":is(mali-idp-chart[theme=\"{scheme}\"] > .mali-idp-chart-static, html[data-theme=\"{scheme}\"] .mali-idp-chart-static) {{ color-scheme: {scheme}; }}");
        assert!(css.contains(&rule), "theme={scheme} sets the picture's scheme: {rule}");
    }
    // Every fill the drawings use has its dark counterpart.
    for fill in html.split("fill=\"").skip(1).map(|f| &f[..7]) {
        assert!(css.contains(&format!("[fill=\"{fill}\"]")), "{fill} has no dark colour");
    }
}

/// The map drawn through the recording backend: every region filled once (the two
/// with a figure tinted), every ring outlined in the background colour, Bamako's
/// dot, and each circle at its town with the radius the layout gives, in the bars'
/// colour; at 2x, every coordinate doubled.
#[test]
fn the_map_is_drawn_from_its_layout_through_any_backend() {
    use common::DrawnShape;
    use mali_idp_chart::map::SHAPES;
    let data = Dataset::article(Lang::Fr);
    for scale in [1.0, 2.0] {
        let l = layout::compute_view(&data, Lang::Fr, layout::View::Map, 640.0, &Estimate);
        let map = l.map.as_ref().unwrap();
        let mut rec = Recorder::new(render::backing_size(&l, scale));
        render::draw(&mut rec, &l, &LIGHT, scale).unwrap();
        let polygons: Vec<_> = rec.shapes.iter().filter_map(|s| match s { DrawnShape::Polygon { points, rgb } => Some((points, *rgb)), _ => None }).collect();
        assert_eq!(polygons.len(), SHAPES.len(), "one fill per region");
        let tinted = polygons.iter().filter(|(_, rgb)| *rgb == render::tinted_color(&LIGHT)).count();
        assert_eq!(tinted, 2, "Tombouctou and Ségou have figures of their own");
        // Every fill is its region's outer ring, in device pixels.
        for (points, _) in &polygons {
            let first = points[0];
            let matching = map.regions.iter().any(|rings| {
                let (x, y) = rings[0][0];
                ((x * scale).round() as i32, (y * scale).round() as i32) == first && rings[0].len() + 1 == points.len()
            });
            assert!(matching, "a fill that is no region's ring: {first:?}");
        }
        let rings = map.regions.iter().map(Vec::len).sum::<usize>();
        let borders = rec.shapes.iter().filter(|s| matches!(s, DrawnShape::Path { rgb, .. } if *rgb == LIGHT.background)).count();
        assert_eq!(borders, rings, "each ring outlined");
        let filled: Vec<_> = rec.shapes.iter().filter_map(|s| match s { DrawnShape::Circle { center, radius, rgb, fill: true } => Some((*center, *radius, *rgb)), _ => None }).collect();
        assert_eq!(filled.len(), 1 + map.circles.len(), "Bamako's dot and a circle per figure");
        for c in &map.circles {
            let want = (((c.center.0 * scale).round() as i32, (c.center.1 * scale).round() as i32), (c.r * scale).round() as u32, LIGHT.bar);
            assert!(filled.contains(&want), "circle {} drawn at its place: {want:?} in {filled:?}", c.item);
        }
        // No bars on the map alone; the labels and notes are texts.
        assert_eq!(rec.rects.len(), 1, "the background only");
        assert!(rec.texts.iter().any(|t| t.text.starts_with("Tombouctou 22")), "{:?}", rec.texts.iter().map(|t| &t.text).collect::<Vec<_>>());
    }
}

/// The static picture of a map draws the land once, as a symbol, and each artboard
/// uses it at its own map's place and size (15 copies of the polygons weighed
/// ~230 KB per picture).
#[test]
fn a_map_picture_draws_its_land_once_and_uses_it_on_every_artboard() {
    let data = Dataset::article(Lang::En);
    let html = svg::picture_view(&data, Lang::En, layout::View::Both, &LIGHT).unwrap();
    assert_eq!(html.matches("<symbol ").count(), 1);
    assert_eq!(html.matches("<polygon").count(), mali_idp_chart::map::SHAPES.len(), "the land's polygons, once");
    let uses: Vec<&str> = html.split("<use ").skip(1).map(|u| &u[..u.find("/>").unwrap()]).collect();
    assert_eq!(uses.len(), layout::ARTBOARDS.len());
    for (u, &a) in uses.iter().zip(layout::ARTBOARDS.iter()) {
        let m = layout::compute_view(&data, Lang::En, layout::View::Both, a, &Estimate).map.unwrap();
        assert!(u.contains("href=\"#mic-land-en-both\""), "{u}");
        let get = |name: &str| common::attr(u, name).unwrap();
        assert_eq!((get("x"), get("y"), get("width"), get("height")), (m.frame.x, m.frame.y, m.frame.w, m.frame.h), "artboard {a}");
    }
    // With the land drawn once, the map and the bars together weigh less than twice
    // the bars alone and two lands (the circles, labels and leader lines of every
    // artboard are the rest); a copy per artboard would add the land once more for
    // each of them.
    let bars = svg::picture(&data, Lang::En, &LIGHT).unwrap();
    let land = html[html.find("<symbol ").unwrap()..html.find("</symbol>").unwrap()].len();
    assert!(html.len() < 2 * bars.len() + 2 * land, "{} bytes against {} for the bars, {land} for the land", html.len(), bars.len());
    assert!(layout::ARTBOARDS.len() * land > 4 * land, "a copy per artboard would fail the bound above");
}

/// The overlay's highlight, for every item of every view at several artboards and
/// ratios: `draw_highlight`, drawn with the overlay's corner (`highlight_box`) taken
/// off, paints only inside the box `highlight_box` gives, and that box fits the
/// overlay (`overlay_size`): the one paints what the other sized.
#[test]
fn every_highlight_is_drawn_inside_the_box_the_overlay_is_sized_to() {
    use common::DrawnShape;
    let d = Dataset::article(Lang::Fr);
    for view in [layout::View::Bars, layout::View::Map, layout::View::Both] {
        for width in [200.0, 400.0, 800.0, 1280.0] {
            let l = layout::compute_view(&d, Lang::Fr, view, width, &Estimate);
            for scale in [1.0, 2.0, 3.0] {
                let (ow, oh) = render::overlay_size(&l, scale);
                let items = l.items();
                assert!(items >= d.regions.len(), "{view:?}: every figure can be highlighted");
                let mut tight = (false, false);
                for item in 0..items {
                    let (at, end) = render::highlight_box(&l, item, scale);
                    let (w, h) = (end.0 - at.0, end.1 - at.1);
                    assert!(w <= ow && h <= oh, "{view:?} {width} {scale} item {item}: box {w}x{h} over the overlay {ow}x{oh}");
                    tight = (tight.0 || w == ow, tight.1 || h == oh);
                    let mut rec = Recorder::new((ow as u32, oh as u32));
                    render::draw_highlight(&mut rec, &l, &LIGHT, item, scale, at).unwrap();
                    let inside = |(x, y): (i32, i32), margin: i32| {
                        assert!(x - margin >= 0 && y - margin >= 0 && x + margin <= w && y + margin <= h,
                            "{view:?} {width} {scale} item {item}: ({x}, {y}) ± {margin} outside its box {w}x{h}");
                    };
                    let mut drawn = 0;
                    for r in &rec.rects {
                        inside(r.from, 0);
                        inside(r.to, 0);
                        assert_eq!(r.rgb, LIGHT.bar_highlight);
                        drawn += 1;
                    }
                    for s in &rec.shapes {
                        match s {
                            DrawnShape::Circle { center, radius, .. } => inside(*center, *radius as i32),
                            DrawnShape::Path { points, width, .. } => points.iter().for_each(|p| inside(*p, (*width as i32 + 1) / 2)),
                            DrawnShape::Polygon { points, .. } => points.iter().for_each(|p| inside(*p, 0)),
                        }
                        drawn += 1;
                    }
                    // A figure with neither a bar nor a circle (the map's "other
                    // regions", read from its line under the map) paints nothing.
                    let shown = l.rows.get(item).is_some() || item >= l.figures || l.map().and_then(|m| m.circle(item)).is_some();
                    assert_eq!(drawn > 0, shown, "{view:?} {width} {scale} item {item}: drawn {drawn}");
                }
                assert_eq!(tight, (true, true), "{view:?} {width} {scale}: the overlay is no larger than its largest box");
            }
        }
    }
}

/// A newsroom's figures as the picture command draws them (bars and map): every
/// artboard shows their names and figures and none of the article's, and the element
/// to paste carries the same data as its inline JSON.
#[test]
fn a_newsrooms_picture_shows_their_figures_only() {
    use mali_idp_chart::options::{Field, Value, validate};
    let region = |name: &str, persons: f64| Value::Object(vec![("name".into(), Value::String(name.into())), ("persons".into(), Value::Number(persons))]);
    let given = Value::Object(vec![
        ("title".into(), Value::String("Displaced people, our </script> update".into())),
        ("source".into(), Value::String("Our newsroom".into())),
        ("total".into(), Value::Number(41_000.0)),
        ("regions".into(), Value::Array(vec![region("Gao", 17_250.0), region("Kidal", 9_100.0), region("Zone B", 900.0)])),
    ]);
    let Field::Set(input) = validate(&Value::Object(vec![("data".into(), given.clone())])).unwrap().data else { panic!() };
    for lang in [Lang::Fr, Lang::En] {
        let data = input.to_dataset(lang);
        for view in [layout::View::Bars, layout::View::Map] {
            let html = svg::picture_view(&data, lang, view, &LIGHT).unwrap();
            for a in layout::ARTBOARDS {
                let start = html.find(&format!("<svg class=\"mic-a{a}\"")).unwrap();
                let drawing = &html[start..start + html[start..].find("</svg>").unwrap()];
                let texts = svg_texts(drawing).join(" ");
                for (name, persons) in [("Gao", 17_250), ("Kidal", 9_100), ("Zone B", 900)] {
                    assert!(texts.contains(name), "{lang:?} {view:?} {a}: {name} missing in {texts}");
                    assert!(texts.contains(&format::int(persons, lang)), "{lang:?} {view:?} {a}: {persons} missing in {texts}");
                }
                // The article's figures (the map names its regions, Tombouctou among them).
                for article in ["22\u{202f}328", "22,328", "58\u{202f}985", "58,985", "10\u{202f}794", "10,794", "15\u{202f}482", "15,482"] {
                    assert!(!texts.contains(article), "{lang:?} {view:?} {a}: the article's {article} in {texts}");
                }
            }
            let element = svg::element(&given, lang, view, &html);
            assert!(element.contains("\"persons\": 17250") && element.contains("\"name\": \"Zone B\""), "{element}");
            // The title's </script> is escaped (it would end the data block early), and
            // kept: the one </script> is the block's own, and the JSON holds the title.
            assert_eq!(element.matches("</script").count(), 1, "{element}");
            let open = element.find("<script type=\"application/json\">").unwrap();
            let block = &element[open..element.find("</script>").unwrap()];
            assert!(block.contains("\"title\": \"Displaced people, our \\u003c/script> update\""), "{block}");
            assert!(element.contains(&html));
        }
    }
}

/// An Arabic chart (issue 26) is the mirror of the same chart laid out left to right,
/// at every artboard, and reads the way a right-to-left reader reads it. Compared
/// with English, which writes numbers as Arabic's default does, on figures whose words
/// are all the dataset's (its own subtitle, no computed row): only the direction differs.
#[test]
fn an_arabic_chart_mirrors_the_bars_and_reads_from_the_right() {
    let mut article = Dataset::article(Lang::Ar);
    article.regions.retain(|r| !r.computed);
    article.subtitle = Some("58,985 من النازحين".into());
    let mut long = many(41);
    long.subtitle = Some("عنوان فرعي".into());
    for d in [article, long] {
        for a in layout::ARTBOARDS {
            let ltr = layout::compute(&d, Lang::En, a, &Estimate);
            let rtl = layout::compute(&d, Lang::Ar, a, &Estimate);
            assert!(rtl.rtl && !ltr.rtl);
            assert_eq!((rtl.width, rtl.height, rtl.stacked), (ltr.width, ltr.height, ltr.stacked), "{a} px");
            let w = rtl.width;
            // Bars grow leftward from one right edge; each is its mirror.
            let start = rtl.rows[0].bar.x + rtl.rows[0].bar.w;
            for (l, r) in ltr.rows.iter().zip(&rtl.rows) {
                assert!((r.bar.x + r.bar.w - start).abs() < 1e-9, "{a} px: every bar starts at the same right edge");
                assert!((r.bar.x - (w - l.bar.x - l.bar.w)).abs() < 1e-9 && r.bar.w == l.bar.w && r.bar.y == l.bar.y, "{a} px: the bar mirrored");
            }
            assert!(start > w / 2.0, "{a} px: the bars start on the right half ({start} of {w})");
            // Every text inside the chart, anchored at its other end.
            assert_eq!(ltr.texts.len(), rtl.texts.len());
            for (l, t) in ltr.texts.iter().zip(&rtl.texts) {
                let b = t.bounds();
                assert!(b.x >= -1e-9 && b.x + b.w <= w + 1e-9, "{a} px: {:?} overflows ({} to {} of {w})", t.text, b.x, b.x + b.w);
                assert!((b.x - (w - l.bounds().x - l.bounds().w)).abs() < 1e-9 && t.align != l.align, "{a} px: {:?} mirrored", t.text);
            }
            // Each figure at its bar's left end; each name (beside its bar) on its right.
            for t in &rtl.texts {
                let row = rtl.rows.iter().find(|r| t.y >= r.bar.y - 1.0 && t.y <= r.bar.y + r.bar.h + 1.0);
                match (t.role, row) {
                    (TextRole::Value, Some(r)) => assert!(t.bounds().x + t.bounds().w <= r.bar.x + 1e-9, "{a} px: {:?} left of its bar", t.text),
                    (TextRole::Name, Some(r)) if !rtl.stacked => assert!(t.bounds().x >= r.bar.x + r.bar.w - 1e-9, "{a} px: {:?} right of its bar", t.text),
                    _ => {}
                }
            }
            // The pointer finds, at the mirrored point, the row it found.
            let mut seen = 0;
            for i in 0..40 {
                for j in 0..40 {
                    let (x, y) = (w * (i as f64 + 0.5) / 40.0, ltr.height * (j as f64 + 0.5) / 40.0);
                    let found = row_at(&ltr, x, y);
                    assert_eq!(row_at(&rtl, w - x, y), found, "{a} px at ({x}, {y})");
                    seen += found.is_some() as usize;
                }
            }
            assert!(seen > 0, "{a} px: the grid met some rows");
        }
    }
}

/// The map is geography: in Arabic it is not mirrored but laid out in its column's
/// mirrored place (the same place alone, the right column beside the bars), its
/// figures' labels where their rules put them in English, moved with it; every other text is
/// mirrored and stays inside the chart. Compared with English on the same figures
/// (Arabic writes numbers as English does by default) and the same subtitle.
#[cfg(feature = "map")]
#[test]
fn arabic_indic_digits_are_every_digit_of_the_chart_and_map() {
    // ar-EG writes its figures in Arabic-Indic digits: so is every other number the
    // chart shows (the map's note's year), in every view and artboard.
    let lang = Lang::from_tag("ar-EG").unwrap();
    assert!(lang.numbers().arabic_digits);
    let d = Dataset::article(lang);
    for view in [layout::View::Bars, layout::View::Map, layout::View::Both] {
        for a in layout::ARTBOARDS {
            let l = layout::compute_view(&d, lang, view, a, &Estimate);
            for t in &l.texts {
                assert!(!t.text.chars().any(|c| c.is_ascii_digit()), "{view:?} {a} px: {:?}", t.text);
            }
            assert!(l.texts.iter().any(|t| t.text.contains('٢')), "{view:?} {a} px: some Arabic-Indic digit");
        }
    }
}

#[test]
fn an_arabic_map_is_moved_not_mirrored() {
    use layout::View;
    let mut d = Dataset::article(Lang::Ar);
    d.subtitle = Some("58,985 من النازحين".into());
    for view in [View::Map, View::Both] {
        for a in layout::ARTBOARDS {
            let rtl = layout::compute_view(&d, Lang::Ar, view, a, &Estimate);
            let ltr = layout::compute_view(&d, Lang::En, view, a, &Estimate);
            let (m, back) = (rtl.map().unwrap(), ltr.map().unwrap());
            let dx = m.frame.x - back.frame.x;
            assert!((m.frame.x - (rtl.width - back.frame.x - back.frame.w)).abs() < 1e-9, "{view:?} {a} px: the frame at its mirrored place");
            assert_eq!((m.frame.y, m.frame.w, m.frame.h), (back.frame.y, back.frame.w, back.frame.h));
            if view == View::Both && rtl.rows.first().is_some_and(|r| r.bar.y < m.frame.bottom()) {
                assert!(m.frame.x > rtl.width / 2.0 - 1e-9, "{view:?} {a} px: side by side, the map on the right");
            }
            for (c, b) in m.circles.iter().zip(&back.circles) {
                assert!((c.center.0 - dx - b.center.0).abs() < 1e-9 && (c.center.1, c.r) == (b.center.1, b.r), "a circle moved, not mirrored");
            }
            for (ring, b) in m.regions.iter().flatten().zip(back.regions.iter().flatten()) {
                assert!(ring.iter().zip(b).all(|(p, q)| (p.0 - dx - q.0).abs() < 1e-9 && p.1 == q.1), "a shape moved, not mirrored");
            }
            let labels = |l: &layout::Layout| -> Vec<(f64, f64)> {
                l.texts.iter().filter(|t| t.role == TextRole::MapFigure).map(|t| (t.bounds().x, t.y)).collect()
            };
            // (The regions' own names are each language's, of other widths: the
            // figures' labels, the dataset's words, are the same in both.)
            let (ours, theirs) = (labels(&rtl), labels(&ltr));
            assert_eq!(ours.len(), theirs.len(), "{view:?} {a} px: as many labels placed");
            for (o, t) in ours.iter().zip(&theirs) {
                assert!((o.0 - dx - t.0).abs() < 1e-9 && o.1 == t.1, "{view:?} {a} px: a label moved with the map");
            }
            for t in &rtl.texts {
                let b = t.bounds();
                assert!(b.x >= -1e-9 && b.x + b.w <= rtl.width + 1e-9, "{view:?} {a} px: {:?} inside", t.text);
            }
            // Every circle found where it is drawn, and the line of the figure with no
            // place on the right, where its text is.
            for c in &m.circles {
                assert_eq!(mali_idp_chart::highlight::Targets::item_at(&rtl, c.center), Some(c.item));
            }
            for (item, r) in &m.unplaced {
                assert!((r.right() - (rtl.width - rtl.pad)).abs() < 1e-9 || view == View::Both, "{view:?} {a} px: the line ends at the right margin");
                assert_eq!(mali_idp_chart::highlight::Targets::item_at(&rtl, r.center()), Some(*item));
            }
        }
    }
}

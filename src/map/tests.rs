use super::*;
use crate::data::{ARTICLE_REGIONS, BAMAKO, Dataset, PLACES};
use crate::layout::{self, ARTBOARDS, Estimate, View};
use crate::locale::Lang;

fn degrees(shape: &Shape) -> Vec<Vec<(f64, f64)>> {
    shape.rings.iter().map(|r| r.points()).collect()
}

/// Winding number: a second, independent point-in-polygon test (holes wind the
/// other way in GeoJSON; a point in a hole has a winding number of 0 in total).
fn winding(rings: &[Vec<(f64, f64)>], (x, y): (f64, f64)) -> bool {
    let mut w = 0i32;
    for ring in rings {
        for i in 0..ring.len() {
            let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
            let side = (b.0 - a.0) * (y - a.1) - (x - a.0) * (b.1 - a.1);
            if a.1 <= y && b.1 > y && side > 0.0 {
                w += 1;
            } else if a.1 > y && b.1 <= y && side < 0.0 {
                w -= 1;
            }
        }
    }
    w != 0
}

#[test]
fn the_projection_keeps_malis_proportions_at_its_latitude() {
    let mid = (EXTENT.1 + EXTENT.3) / 2.0;
    assert!((COS_MID_LATITUDE - mid.to_radians().cos()).abs() < 1e-5, "cos({mid}°) = {}", mid.to_radians().cos());
    let p = Projection::fit((10.0, 20.0), 500.0);
    let (x0, y0) = p.project((EXTENT.0, EXTENT.3));
    let (x1, y1) = p.project((EXTENT.2, EXTENT.1));
    assert!((x0 - 10.0).abs() < 1e-9 && (y0 - 20.0).abs() < 1e-9);
    assert!((x1 - 510.0).abs() < 1e-9, "fits the width: {x1}");
    assert!(((x1 - x0) / (y1 - y0) - ASPECT).abs() < 1e-9);
    // At Mali's middle latitude a kilometre east is as long as a kilometre north:
    // one degree of longitude is cos(latitude) degrees of latitude.
    let (a, b) = (p.project((0.0, mid)), p.project((1.0, mid)));
    let (c, d) = (p.project((0.0, mid)), p.project((0.0, mid + COS_MID_LATITUDE)));
    assert!(((b.0 - a.0) - (c.1 - d.1)).abs() < 1e-9);
    // North is up.
    assert!(d.1 < c.1);
}

#[test]
fn every_town_lies_in_its_region() {
    // Every place with a town: the town in its polygon (Ménaka's, which has none of
    // its own since its boundaries are from before 2016, in Gao's).
    let mut towns = 0;
    for p in PLACES {
        let Some(town) = p.town else { continue };
        let holding: Vec<&str> = SHAPES.iter().filter(|s| inside(&degrees(s), town)).map(|s| s.code).collect();
        assert_eq!(holding, [p.shape.unwrap_or("ML-7")], "{}", p.name_fr);
        towns += 1;
    }
    assert_eq!(towns, 5, "the five towns PROVENANCE.md gives");
    // Every polygon is a place, named as the map names it.
    for (i, s) in SHAPES.iter().enumerate() {
        let p = PLACES.iter().find(|p| p.shape == Some(s.code)).unwrap_or_else(|| panic!("{} is no place", s.code));
        assert_eq!((p.name_fr, p.name_en), (s.name_fr, s.name_en));
        // The table every language names the shapes by.
        assert_eq!((super::shape_name(i, Lang::Fr), super::shape_name(i, Lang::En)), (s.name_fr, s.name_en));
        for lang in Lang::spoken() {
            let place = PLACES.iter().position(|q| std::ptr::eq(q, p)).unwrap();
            assert_eq!(super::shape_name(i, lang), crate::data::place_name(place, lang), "{} in {lang:?}", s.code);
        }
    }
    // The article's regions are at their places.
    assert_eq!(ARTICLE_REGIONS.map(|r| PLACES[r.place].shape), [Some("ML-6"), Some("ML-4"), None]);
    assert_eq!(BAMAKO, PLACES[4].town.unwrap());
}

#[test]
fn point_in_polygon_agrees_with_a_winding_number_test_on_a_grid() {
    let mut inside_any = 0;
    for i in 0..=400 {
        for j in 0..=400 {
            // Off the 0.01° grid the coordinates sit on, so no point is on an edge.
            let p = (
                EXTENT.0 + (EXTENT.2 - EXTENT.0) * (i as f64 + 0.37) / 401.0,
                EXTENT.1 + (EXTENT.3 - EXTENT.1) * (j as f64 + 0.61) / 401.0,
            );
            let mut holders = 0;
            for s in SHAPES {
                let rings = degrees(s);
                let ours = inside(&rings, p);
                assert_eq!(ours, winding(&rings, p), "{} at {p:?}", s.code);
                holders += ours as u32;
            }
            // The simplified regions still tile the country: no point in two.
            assert!(holders <= 1, "{p:?} is in {holders} regions");
            inside_any += holders;
        }
    }
    // Mali fills about 40% of its bounding box.
    let share = inside_any as f64 / (401.0 * 401.0);
    assert!((0.3..0.55).contains(&share), "{share}");
}

/// The source GeoJSON's polygons for each code, read without a JSON library (the
/// file is nested arrays of numbers under "coordinates").
fn source_shapes() -> Option<Vec<(String, Vec<Vec<(f64, f64)>>)>> {
    let dir = std::env::var("MALI_IDP_ARTICLE_DIR")
        .map(|d| std::path::PathBuf::from(d).join("../geo"))
        .unwrap_or_else(|_| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/geo"));
    let path = dir.join("mali-regions-ne10m.geojson");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(_) if std::env::var_os("MALI_IDP_SKIP_ARTICLE").is_some() => {
            eprintln!("SKIPPED: {} not read (MALI_IDP_SKIP_ARTICLE is set)", path.display());
            return None;
        }
        Err(e) => {
            panic!("cannot read {} ({e}): set MALI_IDP_ARTICLE_DIR, or MALI_IDP_SKIP_ARTICLE=1 to skip", path.display())
        }
    };
    let mut out = Vec::new();
    for part in text.split("\"iso_3166_2\":\"").skip(1) {
        let code = part[..part.find('"').unwrap()].to_string();
        let coords = &part[part.find("\"coordinates\":").unwrap() + 14..];
        // Rings: the innermost arrays of pairs.
        let mut rings = Vec::new();
        let mut depth = 0;
        let mut ring: Vec<(f64, f64)> = Vec::new();
        let mut number = String::new();
        let mut pair = Vec::new();
        for c in coords.chars() {
            match c {
                '[' => depth += 1,
                ']' => {
                    if !number.is_empty() {
                        pair.push(number.parse::<f64>().unwrap());
                        number.clear();
                    }
                    if pair.len() == 2 {
                        ring.push((pair[0], pair[1]));
                        pair.clear();
                    } else if !ring.is_empty() {
                        rings.push(std::mem::take(&mut ring));
                    }
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                ',' if !number.is_empty() => {
                    pair.push(number.parse::<f64>().unwrap());
                    number.clear();
                }
                '-' | '.' | '0'..='9' => number.push(c),
                _ => {}
            }
        }
        out.push((code, rings));
    }
    Some(out)
}

#[test]
fn the_simplified_regions_match_the_source_away_from_borders() {
    let Some(source) = source_shapes() else {
        return;
    };
    assert_eq!(source.len(), SHAPES.len());
    let ours: Vec<(&str, Vec<Vec<(f64, f64)>>)> = SHAPES.iter().map(|s| (s.code, degrees(s))).collect();
    let near_border = |p: (f64, f64)| {
        source.iter().flat_map(|(_, rings)| rings).any(|ring| {
            (0..ring.len()).any(|i| {
                let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
                segment_distance(p, a, b) < 0.05
            })
        })
    };
    let (mut checked, mut mismatched) = (0, Vec::new());
    for i in 0..120 {
        for j in 0..120 {
            let p = (
                EXTENT.0 + (EXTENT.2 - EXTENT.0) * (i as f64 + 0.5) / 120.0,
                EXTENT.1 + (EXTENT.3 - EXTENT.1) * (j as f64 + 0.5) / 120.0,
            );
            let theirs = source.iter().find(|(_, r)| winding(r, p)).map(|(c, _)| c.as_str());
            let mine = ours.iter().find(|(_, r)| inside(r, p)).map(|(c, _)| *c);
            if theirs != mine {
                if !near_border(p) {
                    mismatched.push((p, theirs, mine));
                }
            } else if theirs.is_some() {
                checked += 1;
            }
        }
    }
    assert!(mismatched.is_empty(), "{mismatched:?}");
    assert!(checked > 4000, "{checked}");
}

fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 { 0.0 } else { (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0) };
    ((p.0 - a.0 - t * dx).powi(2) + (p.1 - a.1 - t * dy).powi(2)).sqrt()
}

#[test]
fn circle_areas_are_proportional_to_the_figures_and_sit_on_the_towns() {
    let data = Dataset::article(Lang::Fr);
    let m = MapLayout::new(&data, (0.0, 0.0), 400.0);
    assert_eq!(m.circles.len(), 3, "Tombouctou, Ségou, Ménaka: the other regions have no place");
    for a in &m.circles {
        for b in &m.circles {
            let ratio = (a.r * a.r) / (b.r * b.r);
            let figures = data.regions[a.item].persons as f64 / data.regions[b.item].persons as f64;
            assert!((ratio - figures).abs() < 1e-9, "{ratio} vs {figures}");
        }
        let town = PLACES[data.regions[a.item].place.unwrap()].town.unwrap();
        assert_eq!(a.center, m.projection.project(town));
        // A circle reads its own figure, whatever is under it.
        assert_eq!(m.item_at(a.center, 4), Some(a.item));
    }
    // Largest first, so the smaller ones are drawn on top.
    assert!(m.circles.windows(2).all(|w| w[0].r >= w[1].r));
}

#[test]
fn regions_read_their_figure_or_say_they_have_none() {
    let data = Dataset::article(Lang::En);
    let m = MapLayout::new(&data, (0.0, 0.0), 500.0);
    let extra = data.regions.len();
    for (i, s) in SHAPES.iter().enumerate() {
        // A point inside the region, away from its circle: its corners' mean is not
        // always inside, so take the first grid point that is.
        let rings = &m.regions[i];
        let f = m.frame;
        let point = (0..200)
            .flat_map(|a| {
                (0..200).map(move |b| (f.x + f.w * (a as f64 + 0.5) / 200.0, f.y + f.h * (b as f64 + 0.5) / 200.0))
            })
            .find(|&p| {
                inside(rings, p) && !m.circles.iter().any(|c| c.contains(p)) && (i == 0 || !inside(&m.regions[0], p))
            })
            .unwrap_or_else(|| panic!("{} has a point", s.code));
        let expected = match s.code {
            "ML-6" => Some(0),
            "ML-4" => Some(1),
            _ => Some(extra + i),
        };
        assert_eq!(m.item_at(point, extra), expected, "{}", s.code);
    }
    assert_eq!(m.item_at((f64::NAN, 0.0), extra), None);
    assert_eq!(m.item_at((-5.0, -5.0), extra), None);
}

#[test]
fn labels_overlap_neither_each_other_nor_the_circles_at_any_width() {
    for lang in [Lang::Fr, Lang::En] {
        let data = Dataset::article(lang);
        for view in [View::Map, View::Both] {
            for &w in ARTBOARDS.iter() {
                let l = layout::compute_view(&data, lang, view, w, &Estimate);
                let map = l.map.as_ref().unwrap();
                let labels: Vec<_> = l
                    .texts
                    .iter()
                    .filter(|t| matches!(t.role, layout::TextRole::MapName | layout::TextRole::MapFigure))
                    .collect();
                for (i, a) in labels.iter().enumerate() {
                    let ab = a.bounds();
                    for b in &labels[i + 1..] {
                        let bb = b.bounds();
                        let overlap =
                            ab.x < bb.right() && bb.x < ab.right() && ab.y < bb.bottom() && bb.y < ab.bottom();
                        assert!(!overlap, "{w} {view:?}: {:?} and {:?}", a.text, b.text);
                    }
                    for c in &map.circles {
                        assert!(!c.touches(&ab), "{w} {view:?}: {:?} on a circle", a.text);
                    }
                    assert!(ab.x >= 0.0 && ab.right() <= l.width, "{w}: {:?} out of the chart", a.text);
                }
                every_circle_is_labelled(&data, &l, &format!("{w} {view:?} {lang:?}"));
            }
        }
    }
}

/// Every circle's name and figure written once, at every artboard: next to the
/// circle, or joined to it by a leader line from its edge; never nearer another
/// circle than its own (a label beside two circles reads as the nearer one's).
fn every_circle_is_labelled(data: &Dataset, l: &layout::Layout, at: &str) {
    let map = l.map().unwrap();
    let edge = |c: &Circle, b: &Rect| {
        let (dx, dy) = (c.center.0.clamp(b.x, b.right()) - c.center.0, c.center.1.clamp(b.y, b.bottom()) - c.center.1);
        (dx * dx + dy * dy).sqrt() - c.r
    };
    for c in &map.circles {
        let r = &data.regions[c.item];
        let mine: Vec<_> =
            l.texts.iter().filter(|t| t.role == layout::TextRole::MapFigure && t.text.starts_with(&r.name)).collect();
        let [t] = mine[..] else { panic!("{at}: {} has {} labels", r.name, mine.len()) };
        assert!(
            t.text.ends_with(&crate::format::int(r.persons, Lang::Fr))
                || t.text.ends_with(&crate::format::int(r.persons, Lang::En)),
            "{at}: {}",
            t.text
        );
        let b = t.bounds();
        let own = edge(c, &b);
        let joined = map.leaders.iter().any(|&(from, to)| {
            let on_edge = ((from.0 - c.center.0).hypot(from.1 - c.center.1) - c.r).abs() < 0.5;
            let at_label =
                (to.0 - to.0.clamp(b.x, b.right())).abs() < 0.5 && (to.1 - to.1.clamp(b.y, b.bottom())).abs() < 0.5;
            on_edge && at_label
        });
        // Beside it: as near as the gap the placement leaves (4 px, the text's height
        // above or below), and nearer it than any other circle. Farther: a leader
        // line from its circle's edge to it says whose it is.
        if !joined {
            assert!(
                own <= 4.0 + t.font.size * 0.6 + 1.0,
                "{at}: {:?} is {own:.1} px from its circle with no leader line",
                t.text
            );
            for o in map.circles.iter().filter(|o| o.item != c.item) {
                assert!(
                    edge(o, &b) > own,
                    "{at}: {:?} nearer {} than its own circle",
                    t.text,
                    data.regions[o.item].name
                );
            }
        }
    }
}

#[test]
fn the_unplaced_figure_has_its_own_line_under_the_map_and_is_a_target() {
    let data = Dataset::article(Lang::Fr);
    let l = layout::compute_view(&data, Lang::Fr, View::Map, 640.0, &Estimate);
    let map = l.map.as_ref().unwrap();
    let [(item, line)] = map.unplaced[..] else { panic!("one line: {:?}", map.unplaced) };
    assert!(data.regions[item].computed);
    assert!(line.y >= map.frame.bottom());
    let text = l.texts.iter().find(|t| line.contains(t.x + 1.0, t.y)).unwrap();
    assert!(text.text.starts_with("Autres régions* 15\u{202f}482"), "{}", text.text);
    use crate::highlight::Targets;
    assert_eq!(l.item_at(line.center()), Some(item));
    assert_eq!(l.figures(), 4, "the keyboard walks the four figures");
    assert!(l.rows.is_empty(), "no bars on the map alone");
    // Every item's keyboard tooltip goes by its own shape.
    for c in &map.circles {
        assert_eq!(l.anchor(c.item), (c.center.0 + c.r, c.center.1));
    }
    assert_eq!(l.anchor(item), (line.right(), line.center().1));
}

#[test]
fn both_views_side_by_side_when_wide_stacked_when_narrow() {
    let data = Dataset::article(Lang::Fr);
    let wide = layout::compute_view(&data, Lang::Fr, View::Both, 1280.0, &Estimate);
    let map = wide.map.as_ref().unwrap();
    assert!(wide.rows.iter().all(|r| r.hit.x >= map.frame.right()), "bars to the right of the map");
    assert!(wide.rows[0].hit.y < map.frame.center().1, "and beside it");
    // One figure: the notes and the source fill the bars' column under the bars, and
    // the chart ends with the taller column.
    let bars_bottom = wide.rows.iter().map(|r| r.hit.bottom()).fold(0.0, f64::max);
    let notes: Vec<_> = wide.texts.iter().filter(|t| matches!(t.role, layout::TextRole::Note | layout::TextRole::Source) && t.bounds().x >= map.frame.right()).collect();
    assert!(notes.iter().any(|t| t.role == layout::TextRole::Source), "the source in the bars' column");
    assert!(notes.iter().any(|t| t.text.contains("Natural Earth")), "the boundaries' note too");
    assert!(notes.iter().all(|t| t.bounds().y >= bars_bottom), "under the bars");
    let column_bottom = |texts: &[&layout::TextItem]| texts.iter().map(|t| t.bounds().bottom()).fold(0.0, f64::max);
    let right = column_bottom(&notes);
    let left = map.unplaced.iter().map(|(_, r)| r.bottom()).fold(map.frame.bottom(), f64::max);
    assert!((wide.height - (right.max(left) + wide.pad)).abs() <= 1.0, "height {} for columns ending at {left} and {right}", wide.height);
    let narrow = layout::compute_view(&data, Lang::Fr, View::Both, 400.0, &Estimate);
    let map = narrow.map.as_ref().unwrap();
    assert!(narrow.rows.iter().all(|r| r.hit.y >= map.frame.bottom()), "bars under the map");
    // A bar and its circle are the same item.
    use crate::highlight::Targets;
    for c in &map.circles {
        assert_eq!(narrow.item_at(c.center), Some(c.item));
        assert_eq!(narrow.item_at(narrow.rows[c.item].bar.center()), Some(c.item));
    }
}

#[test]
fn the_words_cover_the_map_too() {
    use crate::words;
    let data = Dataset::article(Lang::Fr);
    let label = words::summary(&data, Lang::Fr, View::Map);
    assert!(label.starts_with("Carte du Mali : "), "{label}");
    assert!(label.contains("Un cercle par chiffre") && label.contains("Tombouctou 22\u{202f}328"), "{label}");
    let caption = words::table_caption(&data, Lang::Fr, View::Both);
    assert!(caption.contains("Natural Earth") && caption.contains("2016"), "{caption}");
    assert_eq!(words::table_caption(&data, Lang::Fr, View::Bars), data.title);
    // A region without a figure: its name, and where its people are counted.
    let gao = SHAPES.iter().position(|s| s.code == "ML-7").unwrap();
    let (name, lines) = words::item_tooltip(&data, data.regions.len() + gao, Lang::Fr);
    assert_eq!(name, "Gao");
    assert!(
        lines[0].contains("autres régions") && lines[0].contains("15\u{202f}482") && lines[0].contains("calculé"),
        "{lines:?}"
    );
    assert!(lines[1].contains("Ménaka"), "Gao held Ménaka before 2016: {lines:?}");
    let kayes = SHAPES.iter().position(|s| s.code == "ML-1").unwrap();
    let said = words::item_announcement(&data, data.regions.len() + kayes, Lang::Fr);
    assert!(said.starts_with("Kayes : Pas de chiffre propre"), "{said}");
    assert_eq!(words::item_tooltip(&data, 0, Lang::Fr), words::tooltip(&data, 0, Lang::Fr));
}

/// A newsroom's figures on the map: names matched in either language, circles at
/// the towns the geography gives or well inside the region otherwise, the matched
/// regions shaded, and each unmatched name on a line of its own under the map.
#[test]
fn a_newsrooms_figures_are_placed_by_name_and_the_rest_listed_under_the_map() {
    use crate::highlight::Targets;
    use crate::options::{Field, Value, validate};
    let region = |name: &str, persons: f64| {
        Value::Object(vec![("name".into(), Value::String(name.into())), ("persons".into(), Value::Number(persons))])
    };
    let input = Value::Object(vec![
        ("title".into(), Value::String("T".into())),
        ("source".into(), Value::String("S".into())),
        ("total".into(), Value::Number(50_000.0)),
        (
            "regions".into(),
            Value::Array(vec![
                region("gao", 17_250.0),
                region("Kidal", 9_100.0),
                region("MOPTI", 6_000.0),
                region("Timbuktu", 4_000.0),
                region("Ménaka", 3_000.0),
                // The capital's district, as reports name it: its circle on the dot.
                region("District de Bamako", 2_000.0),
                region("Taoudénit", 1_500.0),
                region("Zone B", 900.0),
            ]),
        ),
    ]);
    let Field::Set(input) = validate(&Value::Object(vec![("data".into(), input)])).unwrap().data else { panic!() };
    for lang in [Lang::Fr, Lang::En] {
        let data = input.to_dataset(lang);
        for width in ARTBOARDS {
            let l = layout::compute_view(&data, lang, View::Map, width, &Estimate);
            let m = l.map().unwrap();
            let name = |item: usize| data.regions[item].name.as_str();
            let circled: Vec<&str> = m.circles.iter().map(|c| name(c.item)).collect();
            assert_eq!(circled, ["gao", "Kidal", "MOPTI", "Timbuktu", "Ménaka", "District de Bamako"], "{width}");
            for c in &m.circles {
                let place = &PLACES[data.regions[c.item].place.unwrap()];
                match place.town {
                    Some(town) => assert_eq!(c.center, m.projection.project(town)),
                    // No town given: well inside its own polygon, a circle's radius
                    // at least from its border wherever it fits.
                    None => {
                        let i = SHAPES.iter().position(|s| Some(s.code) == place.shape).unwrap();
                        assert!(inside(&m.regions[i], c.center), "{} at {width}", place.name_fr);
                        assert!(
                            edge_distance(&m.regions[i], c.center) >= c.r.min(width / 40.0),
                            "{} at {width}: too near its border",
                            place.name_fr
                        );
                    }
                }
                assert_eq!(l.item_at(c.center), Some(c.item), "{} at {width}", name(c.item));
            }
            // Shaded: the regions matched by a name with a polygon (Ménaka has none).
            let shaded: Vec<&str> = SHAPES.iter().zip(&m.figured).filter_map(|(s, f)| f.map(|_| s.code)).collect();
            assert_eq!(shaded, ["ML-BKO", "ML-5", "ML-6", "ML-7", "ML-8"]);
            // Each unmatched name on its own line under the map, a target.
            let listed: Vec<&str> = m.unplaced.iter().map(|(item, _)| name(*item)).collect();
            assert_eq!(listed, ["Taoudénit", "Zone B"]);
            for (item, line) in &m.unplaced {
                assert!(line.y >= m.frame.bottom());
                assert_eq!(l.item_at(line.center()), Some(*item));
                let text: String = l
                    .texts
                    .iter()
                    .filter(|t| line.contains(t.x + 1.0, t.y))
                    .map(|t| t.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                assert!(
                    text.starts_with(name(*item))
                        && text.contains(lang.map_text().unmatched.split(' ').next().unwrap()),
                    "{text}"
                );
            }
            assert_eq!(l.figures(), data.regions.len(), "the keyboard walks every figure");
            every_circle_is_labelled(&data, &l, &format!("newsroom {width} {lang:?}"));
        }
        // Gao's polygon reads Gao's figure; Kayes, with none, says so, and that
        // there is no computed rest to be counted in.
        let l = layout::compute_view(&data, lang, View::Map, 640.0, &Estimate);
        let gao = SHAPES.iter().position(|s| s.code == "ML-7").unwrap();
        assert_eq!(l.map().unwrap().figured[gao].map(|i| data.regions[i].name.as_str()), Some("gao"));
        let kayes = SHAPES.iter().position(|s| s.code == "ML-1").unwrap();
        let (_, lines) = crate::words::item_tooltip(&data, data.regions.len() + kayes, lang);
        assert_eq!(lines, [lang.map_text().no_figure], "no computed rest to be counted in");
    }
}

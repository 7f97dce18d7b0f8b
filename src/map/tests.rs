use super::*;
use crate::data::{ARTICLE_REGIONS, BAMAKO, Dataset};
use crate::layout::{self, ARTBOARDS, Estimate, View};
use crate::locale::Lang;

fn degrees(shape: &Shape) -> Vec<Vec<(f64, f64)>> {
    shape.rings.iter().map(|r| r.points()).collect()
}

fn shape(code: &str) -> &'static Shape {
    SHAPES.iter().find(|s| s.code == code).unwrap()
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
    let cases = [
        (ARTICLE_REGIONS[0].town, "ML-6"),
        (ARTICLE_REGIONS[1].town, "ML-4"),
        (ARTICLE_REGIONS[2].town, "ML-7"),
        ((-0.044, 16.27), "ML-7"), // Gao
        (BAMAKO, "ML-BKO"),
    ];
    for (town, code) in cases {
        let holding: Vec<&str> = SHAPES.iter().filter(|s| inside(&degrees(s), town)).map(|s| s.code).collect();
        assert_eq!(holding, [code], "{town:?}");
    }
    // The article's regions name the polygons that are theirs.
    assert_eq!(ARTICLE_REGIONS.map(|r| r.shape), [Some("ML-6"), Some("ML-4"), None]);
    assert_eq!(shape("ML-6").name_fr, ARTICLE_REGIONS[0].name_fr);
    assert_eq!(shape("ML-4").name_en, ARTICLE_REGIONS[1].name_en);
}

#[test]
fn point_in_polygon_agrees_with_a_winding_number_test_on_a_grid() {
    let mut inside_any = 0;
    for i in 0..=400 {
        for j in 0..=400 {
            // Off the 0.01° grid the coordinates sit on, so no point is on an edge.
            let p = (EXTENT.0 + (EXTENT.2 - EXTENT.0) * (i as f64 + 0.37) / 401.0, EXTENT.1 + (EXTENT.3 - EXTENT.1) * (j as f64 + 0.61) / 401.0);
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
        Err(e) => panic!("cannot read {} ({e}): set MALI_IDP_ARTICLE_DIR, or MALI_IDP_SKIP_ARTICLE=1 to skip", path.display()),
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
    let Some(source) = source_shapes() else { return };
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
            let p = (EXTENT.0 + (EXTENT.2 - EXTENT.0) * (i as f64 + 0.5) / 120.0, EXTENT.1 + (EXTENT.3 - EXTENT.1) * (j as f64 + 0.5) / 120.0);
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
        let town = ARTICLE_REGIONS[data.regions[a.item].place.unwrap()].town;
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
            .flat_map(|a| (0..200).map(move |b| (f.x + f.w * (a as f64 + 0.5) / 200.0, f.y + f.h * (b as f64 + 0.5) / 200.0)))
            .find(|&p| inside(rings, p) && !m.circles.iter().any(|c| c.contains(p)) && (i == 0 || !inside(&m.regions[0], p)))
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
                let labels: Vec<_> = l.texts.iter().filter(|t| matches!(t.role, layout::TextRole::MapName | layout::TextRole::MapFigure)).collect();
                for (i, a) in labels.iter().enumerate() {
                    let ab = a.bounds();
                    for b in &labels[i + 1..] {
                        let bb = b.bounds();
                        let overlap = ab.x < bb.right() && bb.x < ab.right() && ab.y < bb.bottom() && bb.y < ab.bottom();
                        assert!(!overlap, "{w} {view:?}: {:?} and {:?}", a.text, b.text);
                    }
                    for c in &map.circles {
                        assert!(!c.touches(&ab), "{w} {view:?}: {:?} on a circle", a.text);
                    }
                    assert!(ab.x >= 0.0 && ab.right() <= l.width, "{w}: {:?} out of the chart", a.text);
                }
                // Every circle's figure is written beside it from a middling width on.
                if w >= 400.0 {
                    let figures = labels.iter().filter(|t| t.role == layout::TextRole::MapFigure).count();
                    assert_eq!(figures, 3, "{w} {view:?} {lang:?}");
                }
            }
        }
    }
}

#[test]
fn the_unplaced_figure_has_its_own_line_under_the_map_and_is_a_target() {
    let data = Dataset::article(Lang::Fr);
    let l = layout::compute_view(&data, Lang::Fr, View::Map, 640.0, &Estimate);
    let map = l.map.as_ref().unwrap();
    let (item, line) = map.unplaced.unwrap();
    assert!(data.regions[item].computed);
    assert!(line.y >= map.frame.bottom());
    let text = l.texts.iter().find(|t| line.contains(t.x + 1.0, t.y)).unwrap();
    assert!(text.text.starts_with("Autres régions* 15\u{202f}482"), "{}", text.text);
    use crate::highlight::Targets;
    assert_eq!(l.item_at(line.center()), Some(item));
    assert_eq!(l.count(), 4, "the keyboard walks the four figures");
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
    assert!(label.contains("Tombouctou, Ségou et Ménaka") && label.contains("22\u{202f}328"), "{label}");
    let caption = words::table_caption(&data, Lang::Fr, View::Both);
    assert!(caption.contains("Natural Earth") && caption.contains("2016"), "{caption}");
    assert_eq!(words::table_caption(&data, Lang::Fr, View::Bars), data.title);
    // A region without a figure: its name, and where its people are counted.
    let gao = SHAPES.iter().position(|s| s.code == "ML-7").unwrap();
    let (name, lines) = words::item_tooltip(&data, data.regions.len() + gao, Lang::Fr);
    assert_eq!(name, "Gao");
    assert!(lines[0].contains("autres régions") && lines[0].contains("15\u{202f}482") && lines[0].contains("calculé"), "{lines:?}");
    assert!(lines[1].contains("Ménaka"), "Gao held Ménaka before 2016: {lines:?}");
    let kayes = SHAPES.iter().position(|s| s.code == "ML-1").unwrap();
    let said = words::item_announcement(&data, data.regions.len() + kayes, Lang::Fr);
    assert!(said.starts_with("Kayes : Pas de chiffre propre"), "{said}");
    assert_eq!(words::item_tooltip(&data, 0, Lang::Fr), words::tooltip(&data, 0, Lang::Fr));
}

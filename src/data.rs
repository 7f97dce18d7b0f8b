//! The figures: the article's, compiled in as constants, and the `Dataset` the chart
//! draws. Pure: no web, no parsing at start-up. Depends on `locale` for names only.
//!
//! Source: press release of IOM Mali (OIM Mali), figures from Mali's Commission
//! Mouvement de Populations (CMP), collected under IOM's Displacement Tracking Matrix.
//! The article gives no publication date, so none is stated anywhere.

use crate::locale::Lang;

/// IDPs in the whole country, as stated in the article.
pub const NATIONAL_TOTAL: u64 = 58_985;
/// Households (familles) those IDPs form, as stated.
pub const HOUSEHOLDS: u64 = 10_248;
/// Increase since February, as stated.
pub const INCREASE_SINCE_FEBRUARY: u64 = 14_223;

/// One region as the article reports it, with its names in both languages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArticleRegion {
    pub name_fr: &'static str,
    pub name_en: &'static str,
    pub persons: u64,
    /// Where it is on the map: an index into [`PLACES`].
    pub place: usize,
}

/// The three regions the article names, in the article's order (largest first).
pub const ARTICLE_REGIONS: [ArticleRegion; 3] = [
    ArticleRegion { name_fr: "Tombouctou", name_en: "Timbuktu", persons: 22_328, place: 0 },
    ArticleRegion { name_fr: "Ségou", name_en: "Segou", persons: 10_794, place: 1 },
    ArticleRegion { name_fr: "Ménaka", name_en: "Menaka", persons: 10_381, place: 2 },
];

/// Bamako, the capital (longitude, latitude): a reference dot on the map.
pub const BAMAKO: (f64, f64) = (-8.003, 12.639);

/// A place a figure can have on the map: a region of the map's geography by its
/// French and English names, the town its circle goes at where the geography gives
/// one (PROVENANCE.md of the map's geometry: longitude, latitude), and the map
/// polygon it is (ISO 3166-2; the boundaries are from before 2016: Ménaka lay inside
/// Gao then, so it has a town and no polygon).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    pub name_fr: &'static str,
    pub name_en: &'static str,
    pub town: Option<(f64, f64)>,
    pub shape: Option<&'static str>,
}

/// Every place a region's name can match (the article's three first, in its order).
pub const PLACES: [Place; 10] = [
    Place { name_fr: "Tombouctou", name_en: "Timbuktu", town: Some((-3.009, 16.776)), shape: Some("ML-6") },
    Place { name_fr: "Ségou", name_en: "Segou", town: Some((-6.27, 13.43)), shape: Some("ML-4") },
    Place { name_fr: "Ménaka", name_en: "Menaka", town: Some((2.40, 15.917)), shape: None },
    Place { name_fr: "Gao", name_en: "Gao", town: Some((-0.044, 16.27)), shape: Some("ML-7") },
    Place { name_fr: "Bamako", name_en: "Bamako", town: Some(BAMAKO), shape: Some("ML-BKO") },
    Place { name_fr: "Kayes", name_en: "Kayes", town: None, shape: Some("ML-1") },
    Place { name_fr: "Koulikoro", name_en: "Koulikoro", town: None, shape: Some("ML-2") },
    Place { name_fr: "Sikasso", name_en: "Sikasso", town: None, shape: Some("ML-3") },
    Place { name_fr: "Mopti", name_en: "Mopti", town: None, shape: Some("ML-5") },
    Place { name_fr: "Kidal", name_en: "Kidal", town: None, shape: Some("ML-8") },
];

/// A character folded for matching: lower case, French accents taken off. By hand
/// for the letters place names use: `char::to_lowercase` links Unicode's case tables
/// (+9.5 KB gzip in the map build, measured).
fn fold_char(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'Î' | 'Ï' | 'Í' => 'i',
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' | 'Ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => 'u',
        'ç' | 'Ç' => 'c',
        c => c.to_ascii_lowercase(),
    }
}

/// A name folded for matching: trimmed, each character folded.
fn fold(name: &str) -> String {
    name.trim().chars().map(fold_char).collect()
}

/// Whether the place name `name` folds to `folded`, compared a character at a time:
/// no string is made for it (a thousand regions are matched against every place's
/// name in every language of the build).
fn folds_to(name: &str, folded: &str) -> bool {
    name.chars().map(fold_char).eq(folded.chars())
}

/// The place a region's name matches, in any language of this build, case and accents
/// ignored ("TOMBOUCTOU", "Timbuktu", "Segou" ...), with or without the kind of unit
/// reports put around it ("District de Bamako", "Bamako district", "Région de Gao",
/// "Gao Region"): an index into [`PLACES`].
pub fn place_of(name: &str) -> Option<usize> {
    let folded = fold(name);
    let mut name = folded.as_str();
    for prefix in ["district de ", "district of ", "region de ", "region of ", "region "] {
        name = name.strip_prefix(prefix).unwrap_or(name);
    }
    for suffix in [" district", " region"] {
        name = name.strip_suffix(suffix).unwrap_or(name);
    }
    let name = name.trim();
    PLACES.iter().position(|p| folds_to(p.name_fr, name) || folds_to(p.name_en, name)).or_else(|| {
        // The build's other languages, if any (a constant `None` otherwise).
        Lang::spoken().find_map(|l| l.place_names()?.iter().position(|n| folds_to(n, name)))
    })
}

/// How `lang` names the place `PLACES[place]`.
pub fn place_name(place: usize, lang: Lang) -> &'static str {
    let p = &PLACES[place];
    match (lang, lang.place_names()) {
        (Lang::Fr, _) => p.name_fr,
        (_, Some(names)) => names[place],
        _ => p.name_en,
    }
}

/// Persons in all the other regions together: computed, never reported. The article
/// does not say which regions these are, so the figure is never split.
pub const fn other_regions() -> u64 {
    let mut rest = NATIONAL_TOTAL;
    let mut i = 0;
    while i < ARTICLE_REGIONS.len() {
        rest -= ARTICLE_REGIONS[i].persons;
        i += 1;
    }
    rest
}

/// IDPs in February: computed as total − increase.
pub const fn february_total() -> u64 {
    NATIONAL_TOTAL - INCREASE_SINCE_FEBRUARY
}

/// One bar of the chart.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Region {
    pub name: String,
    pub persons: u64,
    /// Derived from other figures rather than reported: drawn muted and footnoted.
    pub computed: bool,
    /// Where it goes on the map: an index into [`PLACES`] (`None`: no place, and it
    /// is listed under the map).
    pub place: Option<usize>,
}

/// What an item number names. Items are the dataset's regions first (`0..regions`),
/// then, on a map only, one per map region without a figure (`regions + shape`): the
/// one place this numbering is written (hit testing, highlighting and words use it).
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Item {
    Region(usize),
    Shape(usize),
}

impl Item {
    /// Item number `n` of a chart whose dataset has `regions` regions.
    pub fn of(n: usize, regions: usize) -> Item {
        match n.checked_sub(regions) {
            Some(shape) => Item::Shape(shape),
            None => Item::Region(n),
        }
    }

    /// Its number in a chart whose dataset has `regions` regions.
    pub fn number(self, regions: usize) -> usize {
        match self {
            Item::Region(i) => i,
            Item::Shape(shape) => regions + shape,
        }
    }
}

/// Everything the chart shows, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dataset {
    pub title: String,
    /// Shown under the title; `None` lets the chart write one from the figures.
    pub subtitle: Option<String>,
    pub source: String,
    /// The national total shares are computed against.
    pub total: u64,
    pub households: Option<u64>,
    pub increase: Option<u64>,
    /// In display order: largest first (see [`Dataset::sorted`]).
    pub regions: Vec<Region>,
}

impl Dataset {
    /// The article's figures in `lang`, largest region first, "other regions" last
    /// (it is the remainder, and marked as computed).
    pub fn article(lang: Lang) -> Dataset {
        let text = lang.text();
        let mut regions: Vec<Region> = ARTICLE_REGIONS
            .iter()
            .map(|r| Region {
                // Not through `place_name`: reading `PLACES` by index would link its
                // every field into the bars build.
                name: match (lang, lang.place_names()) {
                    (Lang::Fr, _) => r.name_fr,
                    (_, Some(names)) => names[r.place],
                    _ => r.name_en,
                }
                .to_string(),
                persons: r.persons,
                computed: false,
                place: Some(r.place),
            })
            .collect();
        regions.push(Region { name: text.other_regions.to_string(), persons: other_regions(), computed: true, place: None });
        Dataset {
            title: text.title.to_string(),
            subtitle: None,
            source: text.source.to_string(),
            total: NATIONAL_TOTAL,
            households: Some(HOUSEHOLDS),
            increase: Some(INCREASE_SINCE_FEBRUARY),
            regions,
        }
        .sorted()
    }

    /// Reported regions largest first (ties keep their order), computed ones after
    /// them: a remainder is not a region and should not rank among them.
    pub fn sorted(mut self) -> Dataset {
        // A stable insertion sort rather than core's sorts, which cost ~1.7 KB of wasm:
        // at most MAX_REGIONS (1,000) rows, so at worst ~500,000 short steps, well
        // under a millisecond, and none for input that is already in order.
        let key = |r: &Region| (r.computed, std::cmp::Reverse(r.persons));
        let rows = &mut self.regions;
        for i in 1..rows.len() {
            let mut j = i;
            while j > 0 && key(&rows[j - 1]) > key(&rows[j]) {
                rows.swap(j - 1, j);
                j -= 1;
            }
        }
        self
    }

    /// The largest figure, which sets the scale (at least 1, so an all-zero chart
    /// still has a scale).
    pub fn max_persons(&self) -> u64 {
        self.regions.iter().map(|r| r.persons).max().unwrap_or(0).max(1)
    }

    pub fn has_computed(&self) -> bool {
        self.regions.iter().any(|r| r.computed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_places_in_either_language_whatever_the_case_and_accents() {
        assert_eq!(place_of("Tombouctou"), Some(0));
        assert_eq!(place_of("timbuktu"), Some(0));
        assert_eq!(place_of(" SÉGOU "), Some(1));
        assert_eq!(place_of("Segou"), Some(1));
        assert_eq!(place_of("ménaka"), Some(2));
        assert_eq!(place_of("MENAKA"), Some(2));
        assert_eq!(place_of("Kidal"), Some(9));
        // As reports name them, with the kind of unit (DTM counts Bamako's district).
        for bamako in ["Bamako", "District de Bamako", "Bamako district", "BAMAKO DISTRICT", "district of Bamako"] {
            assert_eq!(place_of(bamako), Some(4), "{bamako}");
        }
        assert_eq!(place_of("Région de Gao"), Some(3));
        assert_eq!(place_of("Gao Region"), Some(3));
        assert_eq!(place_of("region de Tombouctou"), Some(0));
        assert_eq!(place_of("District"), None, "the unit alone names no place");
        for (i, p) in PLACES.iter().enumerate() {
            assert_eq!(place_of(p.name_fr), Some(i));
            assert_eq!(place_of(p.name_en), Some(i));
        }
        // No partial or fuzzy matches: a name the map does not know stays unplaced.
        for other in ["Tombouctou nord", "Gao-Ménaka", "Taoudénit", "Bamakoville", "", "Région A", "Cercle de Gao"] {
            assert_eq!(place_of(other), None, "{other}");
        }
        // The article's regions are the first places, in its order.
        for (i, r) in ARTICLE_REGIONS.iter().enumerate() {
            assert_eq!((r.place, PLACES[r.place].name_fr, PLACES[r.place].name_en), (i, r.name_fr, r.name_en));
        }
    }

    #[test]
    fn the_remainder_and_february_follow_from_the_stated_figures() {
        assert_eq!(other_regions(), 15_482);
        assert_eq!(february_total(), 44_762);
    }

    #[test]
    fn sorting_puts_computed_rows_last_and_keeps_ties_stable() {
        let r = |name: &str, persons, computed| Region { name: name.into(), persons, computed, place: None };
        let d = Dataset {
            title: String::new(),
            subtitle: None,
            source: String::new(),
            total: 100,
            households: None,
            increase: None,
            regions: vec![r("a", 5, false), r("rest", 50, true), r("b", 9, false), r("c", 5, false)],
        }
        .sorted();
        let names: Vec<_> = d.regions.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["b", "a", "c", "rest"]);
    }
}

//! The chart's own words: French (the default) and English in every build, and the
//! other languages of the wires that cover Mali (Spanish, Portuguese, German, Arabic),
//! each in a file of its own behind a cargo feature of its name. Natively, in the
//! browser tests and in the npm picture command every language is built in; a page's
//! wasm speaks French and English, plus the one language of its build (`tools/build.sh
//! … ar`), so a French or English page fetches no other language's words and a page in
//! another language only its own (issue 26; the bytes are in the README's ledger).
//! Pure; depends on `numbers` for how each writes a number. Every sentence here is
//! ours; only the figures come from the article.

#[cfg(feature = "ar")]
mod ar;
#[cfg(feature = "de")]
mod de;
#[cfg(feature = "es")]
mod es;
#[cfg(feature = "pt")]
mod pt;

use crate::numbers::{self, NumberStyle};

/// A language the chart speaks, with the regional variant when its numbers differ
/// (CLDR's, as `Intl.NumberFormat` writes them: see `numbers`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
    // The others exist only in builds with their feature: a French and English
    // build's `Lang` has two values, and each `match` on it stays as small as before.
    /// Spanish of Spain: no grouping below 10 000.
    #[cfg(feature = "es")]
    Es,
    /// Latin American Spanish (`es-419`): grouped as English writes it.
    #[cfg(feature = "es")]
    Es419,
    /// Portuguese of Brazil (CLDR's `pt`).
    #[cfg(feature = "pt")]
    Pt,
    /// Portuguese of Portugal: a no-break space between groups, none below 10 000.
    #[cfg(feature = "pt")]
    PtPt,
    #[cfg(feature = "de")]
    De,
    /// Swiss (and Liechtenstein) German: an apostrophe between groups.
    #[cfg(feature = "de")]
    DeCh,
    /// Arabic, right to left, with Western digits (CLDR's default for `ar`).
    #[cfg(feature = "ar")]
    Ar,
    /// Arabic with Arabic-Indic digits (`ar-EG`, or any tag with `-u-nu-arab`).
    #[cfg(feature = "ar")]
    ArArab,
}

/// The one language of a build for one language alone (its default; `Lang::own`).
#[cfg(all(feature = "alone", feature = "ar"))]
const ALONE: Lang = Lang::Ar;
#[cfg(all(feature = "alone", feature = "de", not(feature = "ar")))]
const ALONE: Lang = Lang::De;
#[cfg(all(feature = "alone", feature = "pt", not(any(feature = "ar", feature = "de"))))]
const ALONE: Lang = Lang::Pt;
#[cfg(all(feature = "alone", feature = "es", not(any(feature = "ar", feature = "de", feature = "pt"))))]
const ALONE: Lang = Lang::Es;
#[cfg(all(feature = "alone", feature = "en", not(any(feature = "ar", feature = "de", feature = "pt", feature = "es"))))]
const ALONE: Lang = Lang::En;
#[cfg(all(feature = "alone", feature = "fr", not(any(feature = "ar", feature = "de", feature = "pt", feature = "es", feature = "en"))))]
const ALONE: Lang = Lang::Fr;

/// Each language and variant this build speaks, in a fixed order.
const SPOKEN: &[Lang] = &[
    #[cfg(any(not(feature = "alone"), feature = "fr"))]
    Lang::Fr,
    #[cfg(any(not(feature = "alone"), feature = "en"))]
    Lang::En,
    #[cfg(feature = "es")]
    Lang::Es,
    #[cfg(feature = "es")]
    Lang::Es419,
    #[cfg(feature = "pt")]
    Lang::Pt,
    #[cfg(feature = "pt")]
    Lang::PtPt,
    #[cfg(feature = "de")]
    Lang::De,
    #[cfg(feature = "de")]
    Lang::DeCh,
    #[cfg(feature = "ar")]
    Lang::Ar,
    #[cfg(feature = "ar")]
    Lang::ArArab,
];

impl Lang {
    /// The languages (and variants) this build speaks.
    pub fn spoken() -> impl Iterator<Item = Lang> {
        SPOKEN.iter().copied()
    }

    /// What `lang` may be in this build, for an error message: "\"fr\" or \"en\""…
    pub const EXPECTED: &'static str = if cfg!(feature = "alone") {
        if cfg!(feature = "fr") {
            "\"fr\" (this build's language)"
        } else if cfg!(feature = "en") {
            "\"en\" (this build's language)"
        } else if cfg!(feature = "ar") {
            "\"ar\" (this build's language)"
        } else if cfg!(feature = "de") {
            "\"de\" (this build's language)"
        } else if cfg!(feature = "pt") {
            "\"pt\" (this build's language)"
        } else {
            "\"es\" (this build's language)"
        }
    } else if cfg!(all(feature = "es", feature = "pt", feature = "de", feature = "ar")) {
        "\"fr\", \"en\", \"es\", \"pt\", \"de\" or \"ar\" (a region may follow: \"pt-PT\", \"ar-EG\")"
    } else if cfg!(feature = "ar") {
        "\"fr\", \"en\" or \"ar\" (this build's languages)"
    } else if cfg!(feature = "es") {
        "\"fr\", \"en\" or \"es\" (this build's languages)"
    } else if cfg!(feature = "pt") {
        "\"fr\", \"en\" or \"pt\" (this build's languages)"
    } else if cfg!(feature = "de") {
        "\"fr\", \"en\" or \"de\" (this build's languages)"
    } else {
        "\"fr\" or \"en\""
    };

    /// Parses a BCP 47 tag loosely ("fr", "fr-FR", "en-GB", "pt_PT", "ar-EG",
    /// "ar-u-nu-arab"…, any case); `None` for a language this build does not speak.
    /// The primary subtag picks the language; for Spanish, Portuguese, German and
    /// Arabic the region (or Arabic's numbering system) picks the variant.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        // The primary subtag: up to the first "-" or "_" (bytes: both are ASCII, and
        // str::split's pattern searcher costs the wasm ~0.3 KB).
        let bytes = tag.as_bytes();
        let end = bytes.iter().position(|&b| b == b'-' || b == b'_').unwrap_or(bytes.len());
        let primary = &bytes[..end];
        let is = |code: &[u8]| primary.eq_ignore_ascii_case(code);
        // A build for one language alone (`alone`) takes no other.
        let alone = cfg!(feature = "alone");
        if is(b"fr") && (!alone || cfg!(feature = "fr")) {
            return Some(Lang::Fr);
        } else if is(b"en") && (!alone || cfg!(feature = "en")) {
            return Some(Lang::En);
        }
        // The variant: a later subtag, whole and case ignored, names the region
        // ("es-419", "pt-PT", "de-CH", "ar-EG") or Arabic's numbering ("-u-nu-arab").
        let rest = &bytes[end..];
        let has = |sub: &[u8]| rest.split(|&b| b == b'-' || b == b'_').any(|s| s.eq_ignore_ascii_case(sub));
        let _ = has; // unread in a French and English build
        #[cfg(feature = "es")]
        if is(b"es") {
            return Some(if has(b"419") { Lang::Es419 } else { Lang::Es });
        }
        #[cfg(feature = "pt")]
        if is(b"pt") {
            return Some(if has(b"pt") { Lang::PtPt } else { Lang::Pt });
        }
        #[cfg(feature = "de")]
        if is(b"de") {
            return Some(if has(b"ch") || has(b"li") { Lang::DeCh } else { Lang::De });
        }
        #[cfg(feature = "ar")]
        if is(b"ar") {
            return Some(if has(b"arab") || has(b"eg") { Lang::ArArab } else { Lang::Ar });
        }
        None
    }

    /// The language this value reads as: itself, but in a build for one language
    /// alone (`alone`: a page's build in one language) French and English read as
    /// that language, so that no word of another is linked. Every accessor below goes
    /// through it.
    #[inline]
    pub fn own(self) -> Lang {
        match self {
            #[cfg(feature = "alone")]
            Lang::Fr | Lang::En => ALONE,
            #[allow(unreachable_patterns)]
            l => l,
        }
    }

    /// The tag the chart's root carries (`lang`), its JSON-LD, and what
    /// `Intl.NumberFormat` is asked for in the tests.
    pub fn tag(self) -> &'static str {
        match self.own() {
            Lang::Fr => "fr",
            Lang::En => "en",
            #[cfg(feature = "es")]
            Lang::Es => "es",
            #[cfg(feature = "es")]
            Lang::Es419 => "es-419",
            #[cfg(feature = "pt")]
            Lang::Pt => "pt-BR",
            #[cfg(feature = "pt")]
            Lang::PtPt => "pt-PT",
            #[cfg(feature = "de")]
            Lang::De => "de",
            #[cfg(feature = "de")]
            Lang::DeCh => "de-CH",
            #[cfg(feature = "ar")]
            Lang::Ar => "ar",
            #[cfg(feature = "ar")]
            Lang::ArArab => "ar-u-nu-arab",
        }
    }

    /// Whether the language is written right to left (the chart is then mirrored:
    /// `Layout::mirrored`). A constant false in a build without Arabic.
    pub fn rtl(self) -> bool {
        #[cfg(feature = "ar")]
        return matches!(self.own(), Lang::Ar | Lang::ArArab);
        #[cfg(not(feature = "ar"))]
        return false;
    }

    /// How the language writes a number (`numbers`).
    pub fn numbers(self) -> NumberStyle {
        match self.own() {
            Lang::Fr => numbers::FRENCH,
            #[cfg(feature = "es")]
            Lang::Es => numbers::SPANISH,
            #[cfg(feature = "pt")]
            Lang::Pt => numbers::BRAZILIAN,
            #[cfg(feature = "pt")]
            Lang::PtPt => numbers::EUROPEAN_PORTUGUESE,
            #[cfg(feature = "de")]
            Lang::De => numbers::GERMAN,
            #[cfg(feature = "de")]
            Lang::DeCh => numbers::SWISS_GERMAN,
            #[cfg(feature = "ar")]
            Lang::Ar => numbers::ARABIC,
            #[cfg(feature = "ar")]
            Lang::ArArab => numbers::ARABIC_INDIC,
            // English, and Latin American Spanish, which groups as English does.
            #[allow(unreachable_patterns)]
            _ => numbers::ENGLISH,
        }
    }

    /// What goes between a label and what it says: French puts a space before the
    /// colon (a narrow one would be typographers' choice; a plain one is what every
    /// font and screen reader handles); the others none.
    pub fn colon(self) -> &'static str {
        match self.own() {
            Lang::Fr => " : ",
            _ => ": ",
        }
    }

    /// Between the items of a list: Arabic has its own comma.
    pub fn comma(self) -> &'static str {
        if self.rtl() { "\u{60C} " } else { ", " }
    }

    pub fn text(self) -> &'static Text {
        match self.own() {
            Lang::Fr => &FR,
            #[cfg(feature = "es")]
            Lang::Es | Lang::Es419 => &es::TEXT,
            #[cfg(feature = "pt")]
            Lang::Pt => &pt::BRAZIL,
            #[cfg(feature = "pt")]
            Lang::PtPt => &pt::PORTUGAL,
            #[cfg(feature = "de")]
            Lang::De | Lang::DeCh => &de::TEXT,
            #[cfg(feature = "ar")]
            Lang::Ar | Lang::ArArab => &ar::TEXT,
            #[allow(unreachable_patterns)]
            _ => &EN,
        }
    }

    /// What a chart says in its alert box when it stops on an internal error (the
    /// panic hook's message: only test and debug builds have the hook, so no build a
    /// page fetches links these words).
    pub fn internal_error(self) -> &'static str {
        match self.own() {
            Lang::Fr => "mali-idp-chart : erreur interne, le graphique s'est arrêté. Rechargez la page.",
            #[cfg(feature = "es")]
            Lang::Es | Lang::Es419 => es::INTERNAL_ERROR,
            #[cfg(feature = "pt")]
            Lang::Pt | Lang::PtPt => pt::INTERNAL_ERROR,
            #[cfg(feature = "de")]
            Lang::De | Lang::DeCh => de::INTERNAL_ERROR,
            #[cfg(feature = "ar")]
            Lang::Ar | Lang::ArArab => ar::INTERNAL_ERROR,
            #[allow(unreachable_patterns)]
            _ => "mali-idp-chart: internal error, the chart stopped. Please reload the page.",
        }
    }

    /// The map's words: a static of their own, so the bars build (which never
    /// reads them) links none of them.
    pub fn map_text(self) -> &'static MapText {
        match self.own() {
            Lang::Fr => &MAP_FR,
            #[cfg(feature = "es")]
            Lang::Es | Lang::Es419 => &es::MAP,
            #[cfg(feature = "pt")]
            Lang::Pt | Lang::PtPt => &pt::MAP,
            #[cfg(feature = "de")]
            Lang::De | Lang::DeCh => &de::MAP,
            #[cfg(feature = "ar")]
            Lang::Ar => &ar::MAP,
            #[cfg(feature = "ar")]
            Lang::ArArab => &ar::MAP_ARAB,
            #[allow(unreachable_patterns)]
            _ => &MAP_EN,
        }
    }

    /// How the language names the places of `data::PLACES` (in its order), for
    /// the languages other than French and English (whose names are in `PLACES`).
    pub fn place_names(self) -> Option<&'static [&'static str; 10]> {
        match self.own() {
            #[cfg(feature = "es")]
            Lang::Es | Lang::Es419 => Some(&es::PLACES),
            #[cfg(feature = "pt")]
            Lang::Pt | Lang::PtPt => Some(&pt::PLACES),
            #[cfg(feature = "de")]
            Lang::De | Lang::DeCh => Some(&de::PLACES),
            #[cfg(feature = "ar")]
            Lang::Ar | Lang::ArArab => Some(&ar::PLACES),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }

    /// The JSON-LD's words (the static picture's, never in a page's wasm): "by
    /// region", the publisher, what is measured, what the figures are based on.
    #[cfg(any(not(target_arch = "wasm32"), feature = "picture"))]
    pub fn dataset_words(self) -> [&'static str; 4] {
        match self.own() {
            Lang::Fr => [
                "Par région",
                "OIM Mali (Organisation internationale pour les migrations), Matrice de suivi des déplacements",
                "Personnes déplacées internes",
                "Communiqué de presse de l'OIM Mali",
            ],
            #[cfg(feature = "es")]
            Lang::Es | Lang::Es419 => es::DATASET,
            #[cfg(feature = "pt")]
            Lang::Pt | Lang::PtPt => pt::DATASET,
            #[cfg(feature = "de")]
            Lang::De | Lang::DeCh => de::DATASET,
            #[cfg(feature = "ar")]
            Lang::Ar | Lang::ArArab => ar::DATASET,
            #[allow(unreachable_patterns)]
            _ => [
                "By region",
                "IOM Mali (International Organization for Migration), Displacement Tracking Matrix",
                "Internally displaced people",
                "Press release of IOM Mali",
            ],
        }
    }
}

/// Fixed strings of one language (the map's are in [`MapText`]). Sentences with figures are built in `words`.
#[derive(Debug)]
pub struct Text {
    pub title: &'static str,
    pub source: &'static str,
    pub other_regions: &'static str,
    /// Footnote for computed rows; the asterisk matches the one after their name.
    pub computed_note: &'static str,
    /// Unit after a count in tooltips and the table ("personnes déplacées").
    pub persons_unit: &'static str,
    pub households_unit: &'static str,
    pub since_february: &'static str,
    pub in_the_country: &'static str,
    /// After a share: "37,9 % du total".
    pub of_total: &'static str,
    /// Short tooltip note for a computed row.
    pub computed_tip: &'static str,
    /// How a figure was obtained, in the data table.
    pub reported: &'static str,
    pub computed: &'static str,
    pub table_headers: [&'static str; 4],
    pub national_total: &'static str,
    /// Start of the canvas's accessible name, before the largest figures.
    pub summary_lead: &'static str,
    pub summary_tail: &'static str,
    pub download: &'static str,
    pub download_file: &'static str,
    /// The image link under the chart, and its file's name.
    pub download_image: &'static str,
    pub image_file: &'static str,
    /// The button that plays the bars as tones (`sound`).
    pub listen: &'static str,
    /// Said before the first tone when a long list plays only its first regions:
    /// `[0]` the number played `[1]` the number of regions `[2]`.
    pub played_of: [&'static str; 3],
    /// The chart's keys, said after its summary in its accessible name.
    pub keys: &'static str,
}

static FR: Text = Text {
    title: "Personnes déplacées internes au Mali, par région",
    source: "Source : Commission Mouvement de Populations (CMP), chiffres diffusés par l'OIM Mali (Matrice de suivi des déplacements)",
    other_regions: "Autres régions",
    computed_note: "Calculé : total national moins les régions citées. Le détail n'est pas publié.",
    persons_unit: "personnes déplacées",
    households_unit: "familles",
    since_february: "depuis février",
    in_the_country: "dans le pays",
    of_total: "du total",
    computed_tip: "Chiffre calculé : total national moins les régions citées",
    reported: "publié",
    computed: "calculé",
    table_headers: ["Région", "Personnes déplacées", "Part du total", "Origine du chiffre"],
    national_total: "Total national",
    summary_lead: "Graphique en barres",
    summary_tail: "Le tableau qui suit donne chaque chiffre.",
    download: "Télécharger les données (CSV)",
    download_file: "deplaces-internes-mali.csv",
    download_image: "Télécharger l'image (PNG)",
    image_file: "deplaces-internes-mali.png",
    listen: "Écouter",
    played_of: ["Les ", " premières régions sur ", " : les suivantes ne sont pas jouées."],
    keys: "Flèches : d'une région à l'autre. L : les écouter en sons.",
};

static EN: Text = Text {
    title: "Internally displaced people in Mali, by region",
    source: "Source: Commission Mouvement de Populations (CMP), figures released by IOM Mali (Displacement Tracking Matrix)",
    other_regions: "Other regions",
    computed_note: "Computed: national total minus the regions named. No breakdown is published.",
    persons_unit: "displaced people",
    households_unit: "households",
    since_february: "since February",
    in_the_country: "across the country",
    of_total: "of the total",
    computed_tip: "Computed: national total minus the regions named",
    reported: "reported",
    computed: "computed",
    table_headers: ["Region", "Displaced people", "Share of total", "Source of the figure"],
    national_total: "National total",
    summary_lead: "Bar chart",
    summary_tail: "The table that follows gives every figure.",
    download: "Download the data (CSV)",
    download_file: "internally-displaced-mali.csv",
    download_image: "Download the image (PNG)",
    image_file: "internally-displaced-mali.png",
    listen: "Listen",
    played_of: ["The first ", " regions of ", ": the others are not played."],
    keys: "Arrow keys: from region to region. L: hear them as tones.",
};

/// The map's fixed strings in one language.
#[derive(Debug)]
pub struct MapText {
    /// Under the map: the boundaries' source and vintage.
    pub map_note: &'static str,
    /// After a computed figure's name and value, under the map (it has no place).
    pub unplaced: &'static str,
    /// After a region's name and value, under the map, when the name matches none of
    /// the map's regions.
    pub unmatched: &'static str,
    /// A region without a figure of its own (tooltip and announcement), and what
    /// follows when the figures have a computed rest it is counted in.
    pub no_figure: &'static str,
    pub counted_in_rest: &'static str,
    /// Gao's polygon, which held Ménaka before 2016.
    pub gao_note: &'static str,
    /// The accessible name's lead for the map and for both views.
    pub summary_lead_map: &'static str,
    pub summary_lead_both: &'static str,
    /// Said of the map in the accessible name.
    pub map_summary: &'static str,
}

static MAP_FR: MapText = MapText {
    map_note: "Limites : Natural Earth, régions d'avant 2016 (Ménaka faisait alors partie de la région de Gao).",
    unplaced: "sans place sur la carte : la source ne dit pas de quelles régions il s'agit",
    unmatched: "pas sur la carte : ce nom n'est celui d'aucune de ses régions",
    no_figure: "Pas de chiffre propre",
    counted_in_rest: " : compté dans les autres régions",
    gao_note: "Ménaka (cercle) en faisait partie avant 2016",
    summary_lead_map: "Carte du Mali",
    summary_lead_both: "Carte du Mali et graphique en barres",
    map_summary: "Un cercle par chiffre, à la ville principale de sa région ou en son centre, de surface proportionnelle aux personnes.",
};

static MAP_EN: MapText = MapText {
    map_note: "Boundaries: Natural Earth, regions before 2016 (Menaka was then part of the Gao region).",
    unplaced: "not on the map: the source does not say which regions these are",
    unmatched: "not on the map: the name is none of its regions'",
    no_figure: "No figure of its own",
    counted_in_rest: ": counted in the other regions",
    gao_note: "Menaka (circle) was part of it before 2016",
    summary_lead_map: "Map of Mali",
    summary_lead_both: "Map of Mali and bar chart",
    map_summary: "One circle per figure, at its region's main town or in its middle, its area proportional to the people counted.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_loosely_and_reject_other_languages() {
        // The same table as the pages' rule (tests/e2e/lang.test.mjs).
        let mut cases = 0;
        for line in include_str!("../../tests/lang-tags.txt").lines().filter(|l| !l.starts_with('#')) {
            let (tag, want) = line.split_once('\t').expect("tag, a tab, the language");
            let tag = if tag == "\"\"" { "" } else { tag };
            // A language this build does not speak is no language to it.
            let want = if Lang::spoken().any(|l| l.tag().starts_with(want)) { want } else { "-" };
            assert_eq!(Lang::from_tag(tag).map(|l| &l.tag()[..2]).unwrap_or("-"), want, "tag {tag:?}");
            cases += 1;
        }
        assert!(cases >= 10, "the table was read");
    }
}

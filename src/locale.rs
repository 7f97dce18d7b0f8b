//! The chart's own words in French (default) and English. Pure; depends on nothing.
//! Every sentence here is ours; only the figures come from the article.

/// A language the chart speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Parses a BCP 47 tag loosely ("fr", "fr-FR", "en-GB" ...); `None` for others.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        // The primary subtag: up to the first "-" or "_" (bytes: both are ASCII, and
        // str::split's pattern searcher costs the wasm ~0.3 KB).
        let primary = &tag.as_bytes()[..tag.bytes().position(|b| b == b'-' || b == b'_').unwrap_or(tag.len())];
        if primary.eq_ignore_ascii_case(b"fr") {
            Some(Lang::Fr)
        } else if primary.eq_ignore_ascii_case(b"en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// What goes between a label and what it says: French puts a space before the
    /// colon (a narrow one would be typographers' choice; a plain one is what every
    /// font and screen reader handles).
    pub fn colon(self) -> &'static str {
        match self {
            Lang::Fr => " : ",
            Lang::En => ": ",
        }
    }

    pub fn text(self) -> &'static Text {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }

    /// What a chart says in its alert box when it stops on an internal error (the
    /// panic hook's message: only test and debug builds have the hook, so no build a
    /// page fetches links these words).
    pub fn internal_error(self) -> &'static str {
        match self {
            Lang::Fr => "mali-idp-chart : erreur interne, le graphique s'est arrêté. Rechargez la page.",
            Lang::En => "mali-idp-chart: internal error, the chart stopped. Please reload the page.",
        }
    }

    /// The map's words: a static of their own, so the bars build (which never
    /// reads them) links none of them.
    pub fn map_text(self) -> &'static MapText {
        match self {
            Lang::Fr => &MAP_FR,
            Lang::En => &MAP_EN,
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
        for line in include_str!("../tests/lang-tags.txt").lines().filter(|l| !l.starts_with('#')) {
            let (tag, want) = line.split_once('\t').expect("tag, a tab, the language");
            let tag = if tag == "\"\"" { "" } else { tag };
            assert_eq!(Lang::from_tag(tag).map(Lang::tag).unwrap_or("-"), want, "tag {tag:?}");
            cases += 1;
        }
        assert!(cases >= 10, "the table was read");
    }
}

//! German (Germany, Austria and Switzerland: the same words; Swiss numbers differ,
//! `Lang::numbers`). Ours, written from the article's facts like the French.
//!
//! Place names: "Timbuktu" as the Duden and the German-language press (dpa) write
//! it; the others keep their French spelling, accents included, as German atlases
//! and dpa do (Ségou, Ménaka).

use super::{MapText, Text};

pub static TEXT: Text = Text {
    title: "Binnenvertriebene in Mali nach Region",
    source: "Quelle: Commission Mouvement de Populations (CMP), Zahlen veröffentlicht von der IOM Mali (Displacement Tracking Matrix)",
    other_regions: "Übrige Regionen",
    computed_note: "Berechnet: landesweite Zahl abzüglich der genannten Regionen. Eine Aufschlüsselung wurde nicht veröffentlicht.",
    persons_unit: "Binnenvertriebene",
    households_unit: "Haushalte",
    since_february: "seit Februar",
    in_the_country: "im ganzen Land",
    of_total: "der Gesamtzahl",
    computed_tip: "Berechnete Zahl: landesweite Zahl abzüglich der genannten Regionen",
    reported: "veröffentlicht",
    computed: "berechnet",
    table_headers: ["Region", "Binnenvertriebene", "Anteil an der Gesamtzahl", "Herkunft der Zahl"],
    national_total: "Insgesamt",
    summary_lead: "Balkendiagramm",
    summary_tail: "Die folgende Tabelle nennt jede Zahl.",
    download: "Daten herunterladen (CSV)",
    download_file: "binnenvertriebene-mali.csv",
    download_image: "Bild herunterladen (PNG)",
    image_file: "binnenvertriebene-mali.png",
    listen: "Anhören",
    played_of: ["Die ersten ", " von ", " Regionen: Die übrigen werden nicht abgespielt."],
    keys: "Pfeiltasten: von Region zu Region. L: als Töne anhören.",
};

pub static MAP: MapText = MapText {
    map_note: "Grenzen: Natural Earth, Regionen vor 2016 (Ménaka gehörte damals zur Region Gao).",
    unplaced: "nicht auf der Karte: Die Quelle sagt nicht, welche Regionen das sind",
    unmatched: "nicht auf der Karte: Keine ihrer Regionen trägt diesen Namen",
    no_figure: "Keine eigene Zahl",
    counted_in_rest: ": in den übrigen Regionen mitgezählt",
    gao_note: "Ménaka (Kreis) gehörte bis 2016 dazu",
    summary_lead_map: "Karte von Mali",
    summary_lead_both: "Karte von Mali und Balkendiagramm",
    map_summary: "Ein Kreis je Zahl, am Hauptort seiner Region oder in ihrer Mitte, seine Fläche proportional zur Zahl der Menschen.",
};

/// `data::PLACES` in its order: Tombouctou, Ségou, Ménaka, Gao, Bamako, Kayes,
/// Koulikoro, Sikasso, Mopti, Kidal.
pub const PLACES: [&str; 10] = ["Timbuktu", "Ségou", "Ménaka", "Gao", "Bamako", "Kayes", "Koulikoro", "Sikasso", "Mopti", "Kidal"];

pub const INTERNAL_ERROR: &str = "mali-idp-chart: interner Fehler, die Grafik wurde angehalten. Bitte laden Sie die Seite neu.";

#[cfg(any(not(target_arch = "wasm32"), feature = "picture"))]
pub const DATASET: [&str; 4] = [
    "Nach Region",
    "IOM Mali (Internationale Organisation für Migration), Displacement Tracking Matrix",
    "Binnenvertriebene",
    "Pressemitteilung der IOM Mali",
];

//! Spanish (Spain and Latin America: the same words; only the numbers differ,
//! `Lang::numbers`). Ours, written from the article's facts like the French.
//!
//! Place names: "Malí" and "Tombuctú" as the Real Academia's *Diccionario
//! panhispánico de dudas* and Fundéu write them; "Segú" as Spanish-language
//! encyclopedias and agencies (EFE) write the town; the others keep their French
//! spelling, which Spanish uses unchanged.

use super::{MapText, Text};

pub static TEXT: Text = Text {
    title: "Desplazados internos en Malí, por región",
    source: "Fuente: Commission Mouvement de Populations (CMP), cifras difundidas por la OIM Malí (Matriz de Seguimiento de Desplazamientos)",
    other_regions: "Otras regiones",
    computed_note: "Cifra calculada: total nacional menos las regiones citadas. No se publica el desglose.",
    persons_unit: "personas desplazadas",
    households_unit: "hogares",
    since_february: "desde febrero",
    in_the_country: "en todo el país",
    of_total: "del total",
    computed_tip: "Cifra calculada: total nacional menos las regiones citadas",
    reported: "publicada",
    computed: "calculada",
    table_headers: ["Región", "Personas desplazadas", "Porcentaje del total", "Origen de la cifra"],
    national_total: "Total nacional",
    summary_lead: "Gráfico de barras",
    summary_tail: "La tabla siguiente recoge cada cifra.",
    download: "Descargar los datos (CSV)",
    download_file: "desplazados-internos-mali.csv",
    download_image: "Descargar la imagen (PNG)",
    image_file: "desplazados-internos-mali.png",
    listen: "Escuchar",
    played_of: ["Las primeras ", " regiones de ", ": las demás no se reproducen."],
    keys: "Flechas: de una región a otra. L: escucharlas como tonos.",
};

pub static MAP: MapText = MapText {
    map_note: "Límites: Natural Earth, regiones anteriores a 2016 (Ménaka formaba parte entonces de la región de Gao).",
    unplaced: "sin lugar en el mapa: la fuente no dice de qué regiones se trata",
    unmatched: "fuera del mapa: ese nombre no es el de ninguna de sus regiones",
    no_figure: "Sin cifra propia",
    counted_in_rest: ": contada en las otras regiones",
    gao_note: "Ménaka (círculo) formaba parte de ella antes de 2016",
    summary_lead_map: "Mapa de Malí",
    summary_lead_both: "Mapa de Malí y gráfico de barras",
    map_summary: "Un círculo por cifra, en la ciudad principal de su región o en su centro, con un área proporcional a las personas.",
};

/// `data::PLACES` in its order: Tombouctou, Ségou, Ménaka, Gao, Bamako, Kayes,
/// Koulikoro, Sikasso, Mopti, Kidal.
pub const PLACES: [&str; 10] = ["Tombuctú", "Segú", "Ménaka", "Gao", "Bamako", "Kayes", "Koulikoro", "Sikasso", "Mopti", "Kidal"];

pub const INTERNAL_ERROR: &str = "mali-idp-chart: error interno, el gráfico se detuvo. Vuelva a cargar la página.";

#[cfg(any(not(target_arch = "wasm32"), feature = "picture"))]
pub const DATASET: [&str; 4] = [
    "Por región",
    "OIM Malí (Organización Internacional para las Migraciones), Matriz de Seguimiento de Desplazamientos",
    "Desplazados internos",
    "Comunicado de prensa de la OIM Malí",
];

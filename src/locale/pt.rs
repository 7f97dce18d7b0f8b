//! Portuguese: Brazil (CLDR's `pt`) and Portugal share every word but the download
//! links ("Baixar" in Brazil, "Descarregar" in Portugal); their numbers differ
//! (`Lang::numbers`). Ours, written from the article's facts like the French.
//!
//! Place names: "Tombuctu", "Segu" and "Bamaco" as Portuguese dictionaries and the
//! Portuguese-language press of both countries write them (Lusa, Agência Brasil);
//! the others keep their French spelling, which Portuguese uses unchanged.

use super::{MapText, Text};

/// Brazil's words, which Portugal's start from.
const BASE: Text = Text {
    title: "Deslocados internos no Mali, por região",
    source: "Fonte: Commission Mouvement de Populations (CMP), números divulgados pela OIM Mali (Matriz de Monitoramento de Deslocamentos)",
    other_regions: "Outras regiões",
    computed_note: "Calculado: total nacional menos as regiões citadas. Os números de cada uma não são publicados.",
    persons_unit: "pessoas deslocadas",
    households_unit: "famílias",
    since_february: "desde fevereiro",
    in_the_country: "no país",
    of_total: "do total",
    computed_tip: "Número calculado: total nacional menos as regiões citadas",
    reported: "publicado",
    computed: "calculado",
    table_headers: ["Região", "Pessoas deslocadas", "Parte do total", "Origem do número"],
    national_total: "Total nacional",
    summary_lead: "Gráfico de barras",
    summary_tail: "A tabela a seguir traz cada número.",
    download: "Baixar os dados (CSV)",
    download_file: "deslocados-internos-mali.csv",
    download_image: "Baixar a imagem (PNG)",
    image_file: "deslocados-internos-mali.png",
    listen: "Ouvir",
    played_of: ["As primeiras ", " regiões de ", ": as outras não são tocadas."],
    keys: "Setas: de uma região a outra. L: ouvi-las como tons.",
};

pub static BRAZIL: Text = BASE;

pub static PORTUGAL: Text = Text {
    source: "Fonte: Commission Mouvement de Populations (CMP), números divulgados pela OIM Mali (Matriz de Monitorização de Deslocações)",
    download: "Descarregar os dados (CSV)",
    download_image: "Descarregar a imagem (PNG)",
    ..BASE
};

pub static MAP: MapText = MapText {
    map_note: "Limites: Natural Earth, regiões anteriores a 2016 (Ménaka fazia então parte da região de Gao).",
    unplaced: "sem lugar no mapa: a fonte não diz de que regiões se trata",
    unmatched: "fora do mapa: esse nome não é o de nenhuma das suas regiões",
    no_figure: "Sem número próprio",
    counted_in_rest: ": contado nas outras regiões",
    gao_note: "Ménaka (círculo) fazia parte dela antes de 2016",
    summary_lead_map: "Mapa do Mali",
    summary_lead_both: "Mapa do Mali e gráfico de barras",
    map_summary: "Um círculo por número, na cidade principal da sua região ou no seu centro, com área proporcional às pessoas.",
};

/// `data::PLACES` in its order: Tombouctou, Ségou, Ménaka, Gao, Bamako, Kayes,
/// Koulikoro, Sikasso, Mopti, Kidal.
pub const PLACES: [&str; 10] = ["Tombuctu", "Segu", "Ménaka", "Gao", "Bamaco", "Kayes", "Koulikoro", "Sikasso", "Mopti", "Kidal"];

pub const INTERNAL_ERROR: &str = "mali-idp-chart: erro interno, o gráfico parou. Recarregue a página.";

#[cfg(any(not(target_arch = "wasm32"), feature = "picture"))]
pub const DATASET: [&str; 4] = [
    "Por região",
    "OIM Mali (Organização Internacional para as Migrações), Matriz de Monitoramento de Deslocamentos",
    "Deslocados internos",
    "Comunicado de imprensa da OIM Mali",
];

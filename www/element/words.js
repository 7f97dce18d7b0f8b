// The element's own words (its static image's text alternative, and what its
// placeholder says while the chart loads or when it could not be loaded) in the
// languages besides French and English, fetched only by a page with a chart in one of
// them, so that French and English pages fetch nothing more (issue 26).
// tools/element.mjs writes each language's into a module of its own,
// www/mali-idp-chart-words-ar.js…
// Ours, like the chart's words in src/locale/. Each: [the text alternative, loading,
// could not be loaded].
export const WORDS = {
  es: [
    'Gráfico: desplazados internos en Malí, por región (imagen estática)',
    'Cargando el gráfico…',
    'No se pudo cargar el gráfico.',
  ],
  // Brazil and Portugal alike ("em carregamento" reads natively in both).
  pt: [
    'Gráfico: deslocados internos no Mali, por região (imagem estática)',
    'Gráfico em carregamento…',
    'Não foi possível carregar o gráfico.',
  ],
  de: [
    'Grafik: Binnenvertriebene in Mali nach Region (statisches Bild)',
    'Die Grafik wird geladen…',
    'Die Grafik konnte nicht geladen werden.',
  ],
  ar: [
    'رسم بياني: النازحون داخليا في مالي حسب المنطقة (صورة ثابتة)',
    'جار تحميل الرسم البياني…',
    'تعذر تحميل الرسم البياني.',
  ],
};

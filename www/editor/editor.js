// The editor page (editor.html): a newsroom's figures in (pasted from a spreadsheet,
// the chart's own CSV, or typed), the real element previewed at three widths, the
// embed code and the downloads out. Every check of the figures is the chart's own:
// the `picture` build (the npm command's, drawn by the same Rust code) validates them
// and draws the static picture; this script only reads cells (table.js) and points
// the chart's message at the cell it names. Our own UI: one form and a preview need
// no framework.
import init, { picture, articleData, readCsv } from '../pkg/editor/mali_idp_chart.js';
import { regions as readRegions, figure, locate, problemIn } from './table.js';

const UI = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'fr';
/** The chart's languages, as its language menu offers them (BCP 47 tags: the region
 * picks how numbers are written), and the stem of the files made in each. */
const LANGS = ['fr', 'en', 'es', 'es-419', 'pt-BR', 'pt-PT', 'de', 'de-CH', 'ar', 'ar-EG'];
const FILES = { fr: 'deplaces-internes', en: 'internally-displaced', es: 'desplazados-internos', pt: 'deslocados-internos', de: 'binnenvertriebene', ar: 'mali-idp-ar' };
const fileName = (lang) => FILES[lang.slice(0, 2)] ?? FILES.fr;

const WORDS = {
  fr: {
    title: 'Éditeur du graphique des déplacés internes au Mali',
    heading: 'Éditeur du graphique',
    intro: 'Collez vos chiffres, réglez le graphique, copiez le code à intégrer. Tout se fait dans ce navigateur : rien n\'est envoyé.',
    back: 'Retour à l\'article',
    other: ['English', '?lang=en', 'en'],
    dataHeading: 'Données',
    pasteLabel: 'Coller un tableau',
    pasteHint: 'Copié d\'un tableur (colonnes : région, personnes, calculé ou non), ou le CSV que donne le lien « Télécharger les données » du graphique. Une ligne « Total » donne le total.',
    read: 'Lire le tableau collé',
    regionsCaption: 'Régions (une ligne par chiffre)',
    colName: 'Région', colPersons: 'Personnes', colComputed: 'Calculé', colRemove: 'Retirer',
    remove: (n) => `Retirer la ligne ${n}`,
    add: 'Ajouter une ligne',
    title_: 'Titre', subtitle: 'Sous-titre (facultatif)', source: 'Source', total: 'Total national',
    households: 'Familles (facultatif)', increase: 'Hausse depuis le chiffre précédent (facultatif)',
    showRest: 'Montrer le reste du total comme une barre « autres régions » (calculée)',
    optionsHeading: 'Options', chartLang: 'Langue du graphique', view: 'Vue', viewBars: 'Barres', viewMap: 'Carte', viewBoth: 'Carte et barres',
    theme: 'Thème', themeAuto: 'Celui de la page', themeLight: 'Clair', themeDark: 'Sombre',
    loading: 'Dessin du graphique', loadingLazy: 'Quand le lecteur en approche', loadingEager: 'Dès l\'ouverture de la page',
    reset: 'Repartir des chiffres de l\'article',
    previewHeading: 'Aperçu', phone: 'Téléphone (320 px)', column: 'Colonne d\'article (640 px)', wide: 'Large (1 000 px)',
    outHeading: 'Code à intégrer',
    base: 'Adresse des fichiers du graphique',
    baseHint: 'Là où votre rédaction héberge les fichiers du paquet npm mali-idp-chart (mali-idp-chart.js, mali-idp-chart.css et les fichiers .wasm), terminée par « / ».',
    code: 'Code à coller dans l\'article (l\'image statique incluse : elle s\'affiche avant tout script)',
    copy: 'Copier le code', copied: 'Code copié.', selected: 'Copie refusée par le navigateur : le code est sélectionné, faites Ctrl+C (⌘C).',
    iframeHeading: 'Pour un CMS qui n\'accepte pas de script : une iframe',
    iframeHint: 'Téléchargez la page du graphique, déposez-la à l\'adresse des fichiers ci-dessus, puis collez le code de l\'iframe dans l\'article. Sa hauteur est celle du graphique à 640 px ; là où un script est permis, embed-parent.js l\'ajuste à chaque largeur.',
    dPage: 'La page du graphique, pour l\'iframe (HTML)',
    iframeCode: 'Code de l\'iframe',
    downloads: 'Téléchargements :',
    dSvg: 'Image SVG (640 px)', dPng: 'Image PNG (640 px, 2×)', dCard: 'Carte pour les réseaux sociaux (PNG 1 200 × 630)', dCsv: 'Données (CSV)', dJson: 'Données (JSON)',
    ok: 'Aperçu à jour.', kept: 'Le dernier aperçu valable est conservé.',
    at: (row, col) => `Ligne ${row}, ${col}`,
    cols: { name: 'région', persons: 'personnes', computed: 'calculé' },
    fields: { title: 'titre', subtitle: 'sous-titre', source: 'source', total: 'total national', households: 'familles', increase: 'hausse', regions: 'régions', showRest: 'reste' },
    problems: 'Problème',
    pasteEmpty: 'Rien à lire : collez d\'abord un tableau.',
    pasted: (n, summed, emptied) => `Tableau lu : ${n} ligne${n > 1 ? 's' : ''}.${summed ? ' Sans ligne « Total », le total national est la somme des lignes : corrigez-le s\'il est plus grand.' : ''}${emptied ? ' Les champs qui venaient de l\'article sont vidés : donnez les vôtres.' : ''}`,
    computedHint: 'Calculé : un chiffre que vous avez déduit d\'autres (un reste, une somme) plutôt que publié tel quel ; le graphique le dessine en gris et le signale.',
    resetConfirm: 'Remplacer vos chiffres par ceux de l\'article ? Les options et l\'adresse des fichiers restent.',
    fitNote: 'Là où le CMS accepte un script, celui-ci ajuste la hauteur de l\'iframe à chaque largeur :',
    yesNo: 'ne dit ni oui ni non (oui, x, 1, calculé ; non, vide, 0, publié).',
    split: (n) => `Ligne ${n} : une virgule coupe-t-elle un chiffre en deux ? Collez depuis le tableur (des tabulations), ou écrivez les chiffres sans virgule (17 250).`,
    tooLong: (kb) => `Le code fait ${kb} Ko (l'image statique de toutes ces lignes) : trop long pour être affiché ici. Le bouton « Copier le code » le copie entier.`,
    stale: 'Le code et les téléchargements sont ceux du dernier aperçu valable, pas des chiffres du formulaire : corrigez le problème signalé.',
    wasm: 'L\'éditeur n\'a pas pu charger le code du graphique : ',
  },
  en: {
    title: 'Chart editor: internally displaced people in Mali',
    heading: 'Chart editor',
    intro: 'Paste your figures, set the chart up, copy the embed code. Everything happens in this browser: nothing is sent anywhere.',
    back: 'Back to the article',
    other: ['Français', '?lang=fr', 'fr'],
    dataHeading: 'Data',
    pasteLabel: 'Paste a table',
    pasteHint: 'Copied from a spreadsheet (columns: region, persons, computed or not), or the CSV the chart\'s "Download the data" link gives. A "Total" line gives the total.',
    read: 'Read the pasted table',
    regionsCaption: 'Regions (one row per figure)',
    colName: 'Region', colPersons: 'Persons', colComputed: 'Computed', colRemove: 'Remove',
    remove: (n) => `Remove row ${n}`,
    add: 'Add a row',
    title_: 'Title', subtitle: 'Subtitle (optional)', source: 'Source', total: 'National total',
    households: 'Households (optional)', increase: 'Increase since the previous figure (optional)',
    showRest: 'Show what the regions leave of the total as an "other regions" bar (computed)',
    optionsHeading: 'Options', chartLang: 'Chart language', view: 'View', viewBars: 'Bars', viewMap: 'Map', viewBoth: 'Map and bars',
    theme: 'Theme', themeAuto: 'The page\'s', themeLight: 'Light', themeDark: 'Dark',
    loading: 'Drawing the chart', loadingLazy: 'When the reader comes near it', loadingEager: 'As soon as the page opens',
    reset: 'Start again from the article\'s figures',
    previewHeading: 'Preview', phone: 'Phone (320 px)', column: 'Article column (640 px)', wide: 'Wide (1,000 px)',
    outHeading: 'Embed code',
    base: 'Address of the chart\'s files',
    baseHint: 'Where your newsroom hosts the files of the mali-idp-chart npm package (mali-idp-chart.js, mali-idp-chart.css and the .wasm files), ending in "/".',
    code: 'Code to paste into the article (the static picture included: it shows before any script)',
    copy: 'Copy the code', copied: 'Code copied.', selected: 'The browser refused to copy: the code is selected, press Ctrl+C (⌘C).',
    iframeHeading: 'For a CMS that takes no script: an iframe',
    iframeHint: 'Download the chart\'s page, put it at the files\' address above, then paste the iframe\'s code into the article. Its height is the chart\'s at 640 px; where a script is allowed, embed-parent.js fits it at every width.',
    dPage: 'The chart\'s page, for the iframe (HTML)',
    iframeCode: 'The iframe\'s code',
    downloads: 'Downloads:',
    dSvg: 'SVG image (640 px)', dPng: 'PNG image (640 px, 2×)', dCard: 'Social media card (PNG 1,200 × 630)', dCsv: 'Data (CSV)', dJson: 'Data (JSON)',
    ok: 'Preview up to date.', kept: 'The last good preview is kept.',
    at: (row, col) => `Row ${row}, ${col}`,
    cols: { name: 'region', persons: 'persons', computed: 'computed' },
    fields: { title: 'title', subtitle: 'subtitle', source: 'source', total: 'national total', households: 'households', increase: 'increase', regions: 'regions', showRest: 'rest' },
    problems: 'Problem',
    pasteEmpty: 'Nothing to read: paste a table first.',
    pasted: (n, summed, emptied) => `Table read: ${n} row${n > 1 ? 's' : ''}.${summed ? ' With no "Total" row, the national total is the sum of the rows: correct it if it is larger.' : ''}${emptied ? ' The fields that came from the article are emptied: give yours.' : ''}`,
    computedHint: 'Computed: a figure you derived from others (a remainder, a sum) rather than one published as such; the chart draws it in grey and says so.',
    resetConfirm: 'Replace your figures with the article\'s? The options and the files\' address stay.',
    fitNote: 'Where the CMS allows a script, this fits the iframe\'s height at every width:',
    yesNo: 'says neither yes nor no (yes, x, 1, computed; no, empty, 0, reported).',
    split: (n) => `Row ${n}: does a comma cut a figure in two? Paste from the spreadsheet (tabs), or write the figures without commas (17250).`,
    tooLong: (kb) => `The code is ${kb} KB (the static picture of all these rows): too long to show here. The "Copy the code" button copies all of it.`,
    stale: 'The code and the downloads are the last good preview\'s, not the form\'s figures: fix the problem shown.',
    wasm: 'The editor could not load the chart\'s code: ',
  },
};
const W = WORDS[UI];
const $ = (id) => document.getElementById(id);
const FIELDS = ['title', 'subtitle', 'source', 'total', 'households', 'increase', 'showRest'];
const NUMBERS = ['total', 'households', 'increase'];
// Kept in this browser's localStorage, not in the URL: a newsroom's figures before
// publication stay on the machine (a URL is shared, logged, and has a length limit).
const STORE = 'mali-idp-chart-editor';
const DEBOUNCE_MS = 300;
// The first line of the chart's own CSV (its download link's), in either language.
const OUR_CSV = /^\uFEFF?(Région,Personnes déplacées,Part du total \(%\),Origine du chiffre|Region,Displaced people,Share of total \(%\),Source of the figure)\r?\n/;

/** The editor's state: what the newsroom typed, as typed (cells are text). */
let state;
/** The last figures the chart accepted, and what it drew for them. */
let good = null;

function words() {
  document.documentElement.lang = UI;
  document.title = W.title;
  for (const el of document.querySelectorAll('[data-t]')) {
    const key = el.dataset.t === 'title' ? 'title_' : el.dataset.t;
    if (typeof W[key] === 'string') el.textContent = W[key];
  }
  const [text, href, lang] = W.other;
  Object.assign($('other-lang'), { textContent: text, href, lang, hreflang: lang });
}

/** The state from the article's figures, in the chart's language. */
function article(lang) {
  const d = JSON.parse(articleData(lang));
  return {
    rows: d.regions.map((r) => ({ name: r.name, persons: String(r.persons), computed: r.computed })),
    fields: { title: d.title, subtitle: d.subtitle ?? '', source: d.source, total: String(d.total),
      households: d.households == null ? '' : String(d.households), increase: d.increase == null ? '' : String(d.increase), showRest: false },
    options: { lang, view: 'bars', theme: 'auto', loading: 'lazy' },
    base: new URL('./', location.href).href,
  };
}

/** The `data` option from the state: cells read, nothing judged. */
function data() {
  const f = state.fields;
  const d = { title: f.title, source: f.source, total: figure(f.total), regions: state.rows.map((r) => ({ name: r.name, persons: figure(r.persons), computed: r.computed })) };
  if (f.subtitle.trim()) d.subtitle = f.subtitle;
  for (const k of ['households', 'increase']) if (String(f[k]).trim()) d[k] = figure(f[k]);
  if (f.showRest) d.showRest = true;
  return d;
}

function save() {
  try { localStorage.setItem(STORE, JSON.stringify(state)); } catch { /* private mode: nothing kept */ }
}

function restore() {
  try {
    const s = JSON.parse(localStorage.getItem(STORE));
    const known = { lang: LANGS, view: ['bars', 'map', 'both'], theme: ['auto', 'light', 'dark'], loading: ['lazy', 'eager'] };
    if (s && Array.isArray(s.rows) && s.fields && s.options && typeof s.base === 'string') {
      for (const [k, values] of Object.entries(known)) if (!values.includes(s.options[k])) s.options[k] = values[0];
      return s;
    }
  } catch { /* nothing kept, or not ours */ }
  return null;
}

// ---- the regions table ----------------------------------------------------------

function rowsTable() {
  const body = $('regions').tBodies[0];
  body.replaceChildren(...state.rows.map((r, i) => {
    const tr = document.createElement('tr');
    const cell = (col, input) => {
      const td = document.createElement('td');
      input.id = `r${i}-${col}`;
      input.dataset.row = i;
      input.dataset.col = col;
      input.setAttribute('aria-label', `${W.at(i + 1, W.cols[col])}`);
      td.append(input);
      return td;
    };
    const name = Object.assign(document.createElement('input'), { value: r.name });
    const persons = Object.assign(document.createElement('input'), { value: r.persons, inputMode: 'numeric' });
    const comp = Object.assign(document.createElement('input'), { type: 'checkbox', checked: r.computed === true });
    const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: '×' });
    remove.setAttribute('aria-label', W.remove(i + 1));
    remove.addEventListener('click', () => {
      state.rows.splice(i, 1);
      rowsTable();
      // Focus stays in the table: the row that took this one's place, or the one before, or "Add".
      ($(`r${Math.min(i, state.rows.length - 1)}-remove`) ?? $('add')).focus();
      changed();
    });
    remove.id = `r${i}-remove`;
    const rm = document.createElement('td');
    rm.append(remove);
    tr.append(cell('name', name), cell('persons', persons), cell('computed', comp), rm);
    return tr;
  }));
}

function fieldsIn() {
  for (const k of FIELDS) {
    const el = document.querySelector(`[data-field="${k}"]`);
    if (el.type === 'checkbox') el.checked = !!state.fields[k];
    else el.value = state.fields[k];
  }
  for (const el of document.querySelectorAll('[data-option]')) el.value = state.options[el.dataset.option] ?? el.options[0].value;
  $('base').value = state.base;
}

// ---- checking and drawing -------------------------------------------------------

let timer = 0;
function changed() {
  save();
  clearTimeout(timer);
  timer = setTimeout(() => { timer = 0; check(); }, DEBOUNCE_MS);
}

/** Clears the marks of the last problem. */
function clearProblem() {
  for (const el of document.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    el.setAttribute('aria-describedby', (el.getAttribute('aria-describedby') ?? '').replace(/\s*problem/, '').trim());
    if (!el.getAttribute('aria-describedby')) el.removeAttribute('aria-describedby');
  }
  $('problem')?.remove();
  $('regions-error').textContent = '';
}

/** Shows the chart's message at the cell or field it names, in the editor's words. */
function showProblem(message) {
  const at = locate(message);
  let where;
  let label;
  if (at.row) {
    where = $(`r${at.row - 1}-${at.column}`);
    label = W.at(at.row, W.cols[at.column] ?? at.column);
  } else if (at.field && at.field !== 'regions') {
    where = document.querySelector(`[data-field="${at.field}"]`);
    label = W.fields[at.field] ?? at.field;
  } else {
    label = W.fields.regions;
  }
  const p = document.createElement('p');
  p.id = 'problem';
  p.className = 'error';
  p.textContent = `${label[0].toUpperCase()}${label.slice(1)}${UI === 'fr' ? ' : ' : ': '}${problemIn(UI, at.problem)}`;
  if (where) {
    where.setAttribute('aria-invalid', 'true');
    where.setAttribute('aria-describedby', `${where.getAttribute('aria-describedby') ?? ''} problem`.trim());
    (where.closest('td') ?? where.closest('p')).append(p);
  } else {
    $('regions-error').append(p);
  }
  $('status').textContent = `${W.problems} — ${p.textContent} ${good ? W.kept : ''}`.trim();
}

/** Validates and draws the picture with the chart's own code; on success updates the
 * previews and the output, on failure keeps them and says where the problem is. */
function check() {
  const d = data();
  const { lang, view, theme } = state.options;
  let out;
  try {
    out = picture(d, null, lang, view, 640, theme);
  } catch (err) {
    // Opened with a problem in the work kept: the last figures the chart accepted, shown.
    if (!good) lastGood();
    clearProblem();
    showProblem(err.message);
    $('out-stale').textContent = good ? W.stale : '';
    return;
  }
  clearProblem();
  $('out-stale').textContent = '';
  good = { data: d, out, lang, view, theme };
  try { localStorage.setItem(`${STORE}:good`, JSON.stringify({ data: d, lang, view, theme })); } catch { /* not kept */ }
  $('status').textContent = W.ok;
  previews();
  output();
}

/** The last figures the chart accepted in this browser, previewed and output again. */
function lastGood() {
  try {
    const last = JSON.parse(localStorage.getItem(`${STORE}:good`));
    if (!last?.data) return;
    good = { ...last, out: picture(last.data, null, last.lang, last.view, 640, last.theme) };
  } catch {
    return; // nothing kept, or no longer valid
  }
  previews();
  output();
}

/** The three previews: the real element, given the figures as its inline JSON. */
/** The embed code, whole (the box shows it up to SHOWN_MAX characters). */
let code = '';
const SHOWN_MAX = 200_000;
let drawing = 0;
/** A task of its own: each preview is redrawn in one, so that 1,000 rows redrawn three
 * times are three pauses, not one long freeze. */
const task = () => new Promise((r) => setTimeout(r));
async function previews() {
  const { data: d, lang, view, theme } = good;
  const mine = ++drawing;
  for (const slot of document.querySelectorAll('.preview .slot')) {
    await task();
    if (mine !== drawing) return; // newer figures came meanwhile
    let el = slot.querySelector('mali-idp-chart');
    const json = JSON.stringify(d);
    // (Another language is another build: the element draws anew, nothing to update.)
    if (el?.chart && el.getAttribute('view') === view && el.getAttribute('lang') === lang) {
      el.querySelector('script').textContent = json;
      el.setAttribute('lang', lang);
      el.setAttribute('theme', theme);
      try {
        el.chart.update({ data: d });
        continue;
      } catch (err) {
        console.error(err); // drawn anew below
      }
    }
    el = document.createElement('mali-idp-chart');
    for (const [k, v] of Object.entries({ lang, view, theme, loading: 'eager' })) el.setAttribute(k, v);
    const script = Object.assign(document.createElement('script'), { type: 'application/json', textContent: json });
    el.append(script);
    slot.replaceChildren(el);
  }
}

/** The embed code and the downloads, for the last good figures. */
function output() {
  const { out, data: d, theme } = good;
  // The files' address as the newsroom typed it, made safe in an attribute and a comment.
  const base = escape(state.base.endsWith('/') ? state.base : `${state.base}/`).replace(/--/g, '%2D%2D');
  // The element's own attributes besides lang and view (which the chart's code writes).
  const attrs = `${theme === 'auto' ? '' : ` theme="${theme}"`}${state.options.loading === 'eager' ? ' loading="eager"' : ''}`;
  const element = out.element.replace('<mali-idp-chart ', `<mali-idp-chart${attrs} `);
  code = `<link rel="stylesheet" href="${base}mali-idp-chart.css">\n<script type="module" src="${base}mali-idp-chart.js"></script>\n${element}\n`;
  // A code of megabytes (a picture of hundreds of rows) in the box would hold the page
  // still for half a second and more: the box says so, the copy button copies it.
  $('code').value = code.length <= SHOWN_MAX ? code : W.tooLong(Math.round(code.length / 1024));
  // Blob URLs: a picture of 1,000 rows is megabytes, which a data: URL would encode.
  for (const a of document.querySelectorAll('#d-page, .downloads a[download]')) if (a.href.startsWith('blob:')) URL.revokeObjectURL(a.href);
  const url = (text, type) => URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const name = fileName(good.lang);
  // The iframe's page is named after its title: a second chart does not overwrite the first.
  const file = slug(d.title) || name;
  Object.assign($('d-page'), { href: url(iframePage(base, element, d.title, good.lang), 'text/html'), download: `${file}.html` });
  fitIframe(base, file, d.title);
  Object.assign($('d-svg'), { href: url(out.svg, 'image/svg+xml'), download: `${name}.svg` });
  Object.assign($('d-csv'), { href: url(`\uFEFF${out.csv}`, 'text/csv'), download: `${name}.csv` });
  Object.assign($('d-json'), { href: url(`${JSON.stringify(d, null, 2)}\n`, 'application/json'), download: `${name}.json` });
}

/** A file name from a title: lower case ASCII letters and digits, words joined by "-". */
const slug = (t) => String(t).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '');

let fitting = 0;
/** The iframe's code, as high as the chart at 640 px once that preview draws the
 * figures now shown (until then, the code waits: a height measured before is wrong). */
async function fitIframe(base, file, title) {
  const mine = ++fitting;
  $('iframe-code').value = '';
  const want = JSON.stringify(good.data);
  for (let i = 0; i < 100; i++) {
    const el = document.querySelector('.slot[data-width="640"] mali-idp-chart');
    if (el?.chart && el.querySelector('script').textContent === want && el.getAttribute('view') === good.view) {
      const height = Math.ceil(el.getBoundingClientRect().height);
      if (mine !== fitting) return;
      $('iframe-code').value = `<iframe src="${base}${file}.html?id=${file}" title="${escape(title)}" loading="lazy" style="width:100%;border:0;height:${height}px"></iframe>
<!-- ${W.fitNote} <script type="module">import { listenForHeights } from "${base}embed-parent.js"; listenForHeights();</script> -->
`;
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
    if (mine !== fitting) return;
  }
  // The preview never drew: the code with a height to correct, rather than none.
  $('iframe-code').value = `<iframe src="${base}${file}.html?id=${file}" title="${escape(title)}" loading="lazy" style="width:100%;border:0;height:480px"></iframe>\n`;
}

/** Text for HTML (the newsroom's title in the pages we write). */
const escape = (t) => String(t).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page an iframe shows, for a CMS that takes no script in the article: the
 * element (figures, picture) alone, titled and in its language, posting its height
 * to the article as embed.html does ({ type: "mali-idp-chart:height", id, height }). */
function iframePage(base, element, title, lang) {
  return `<!doctype html>
<html lang="${lang}"${lang.startsWith('ar') ? ' dir="rtl"' : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<link rel="stylesheet" href="${base}mali-idp-chart.css">
<script type="module" src="${base}mali-idp-chart.js"></script>
<style>body { margin: 0; }</style>
</head>
<body>
<main>
${element}
</main>
<script type="module">
const id = new URLSearchParams(location.search).get('id');
let last = -1;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: 'mali-idp-chart:height', id, height }, '*');
}).observe(document.documentElement);
</script>
</body>
</html>
`;
}

/** The SVG drawn on a canvas, as a PNG download: at twice its size, or centred on a
 * 1,200 × 630 card (what social networks show; they take no SVG). */
async function png(card) {
  if (!good) return;
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(good.out.svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (card) {
    [canvas.width, canvas.height] = [1200, 630];
    // The card's margins in the drawing's own background (its first rectangle's fill).
    ctx.fillStyle = /<rect[^>]*fill="(#[0-9A-Fa-f]{6})"/.exec(good.out.svg)?.[1] ?? '#fff';
    ctx.fillRect(0, 0, 1200, 630);
    const scale = Math.min(1200 / img.width, 630 / img.height);
    const [w, h] = [img.width * scale, img.height * scale];
    ctx.drawImage(img, (1200 - w) / 2, (630 - h) / 2, w, h);
  } else {
    [canvas.width, canvas.height] = [img.width * 2, img.height * 2];
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  }
  const a = document.createElement('a');
  a.href = canvas.toDataURL('image/png');
  a.download = `${fileName(good.lang)}${card ? '-card' : ''}.png`;
  a.click();
}

// ---- wiring ---------------------------------------------------------------------

function listen() {
  $('regions').addEventListener('input', (e) => {
    const { row, col } = e.target.dataset;
    if (row === undefined) return;
    state.rows[row][col] = col === 'computed' ? e.target.checked : e.target.value;
    changed();
  });
  $('add').addEventListener('click', () => {
    state.rows.push({ name: '', persons: '', computed: false });
    rowsTable();
    $(`r${state.rows.length - 1}-name`).focus();
    changed();
  });
  for (const el of document.querySelectorAll('[data-field]')) {
    el.addEventListener('input', () => {
      state.fields[el.dataset.field] = el.type === 'checkbox' ? el.checked : el.value;
      changed();
    });
  }
  for (const el of document.querySelectorAll('[data-option]')) {
    el.addEventListener('change', () => {
      state.options[el.dataset.option] = el.value;
      if (el.dataset.option === 'lang') {
        // The article's words still in the fields follow the chart's language (a
        // newsroom's own words stay theirs).
        retranslate(el.value);
        rowsTable();
        fieldsIn();
      }
      changed();
    });
  }
  $('base').addEventListener('input', () => { state.base = $('base').value; save(); if (good) output(); });
  $('read').addEventListener('click', readPasted);
  // A paste replaces what the box held (a second table is not appended to the first).
  $('paste').addEventListener('paste', (e) => {
    const text = e.clipboardData?.getData('text/plain');
    if (text == null) return setTimeout(readPasted);
    e.preventDefault();
    $('paste').value = text;
    readPasted();
  });
  $('reset').addEventListener('click', () => {
    if (!confirm(W.resetConfirm)) return;
    state = { ...article(state.options.lang), options: state.options, base: state.base };
    rowsTable();
    fieldsIn();
    changed();
  });
  // An edit still waiting for its check is checked first: what is copied or
  // downloaded is what the form says (or the problem is shown).
  const now = () => { if (timer) { clearTimeout(timer); timer = 0; check(); } };
  for (const id of ['d-svg', 'd-csv', 'd-json', 'd-page']) $(id).addEventListener('click', now, { capture: true });
  $('copy').addEventListener('click', async () => {
    now();
    try {
      await navigator.clipboard.writeText(code);
      $('copied').textContent = W.copied;
    } catch {
      $('code').focus();
      $('code').select();
      $('copied').textContent = W.selected;
    }
  });
  $('d-png').addEventListener('click', (e) => { e.preventDefault(); now(); png(false); });
  $('d-card').addEventListener('click', (e) => { e.preventDefault(); now(); png(true); });
}

/** The fields and region names that hold the article's words in any language, in
 * `lang`'s instead (the rows are in the same order in every language: by figure). */
function retranslate(lang) {
  const all = LANGS.map(article);
  const to = article(lang);
  for (const k of ['title', 'subtitle', 'source']) {
    if (all.some((a) => a.fields[k] !== '' && a.fields[k] === state.fields[k])) state.fields[k] = to.fields[k];
  }
  state.rows.forEach((r, i) => {
    if (to.rows[i] && all.some((a) => a.rows[i]?.name === r.name)) r.name = to.rows[i].name;
  });
}

/** After a paste: the fields that still hold the article's words or figures are
 * emptied (the chart then asks for a title and a source), so no figure of the
 * article is drawn beside a newsroom's; the pasted table's source line, if any, is
 * the source. */
function forgetArticle(source) {
  const theirs = LANGS.map((l) => article(l).fields);
  let emptied = 0;
  for (const k of ['title', 'subtitle', 'source', 'households', 'increase']) {
    if (theirs.some((a) => a[k] !== '' && a[k] === state.fields[k])) { state.fields[k] = ''; emptied++; }
  }
  if (source) state.fields.source = source;
  return emptied;
}

/** The pasted text into the table: the chart's own CSV through the chart's reader,
 * anything else as a spreadsheet's table. */
function readPasted() {
  const text = $('paste').value;
  $('paste-error').textContent = '';
  $('paste-note').textContent = '';
  if (!text.trim()) {
    $('paste-error').textContent = W.pasteEmpty;
    return;
  }
  if (OUR_CSV.test(text)) {
    try {
      const d = JSON.parse(readCsv(text, state.fields.title || null));
      state.rows = d.regions.map((r) => ({ name: r.name, persons: String(r.persons), computed: r.computed === true }));
      state.fields.total = String(d.total);
      state.fields.showRest = d.showRest === true;
      forgetArticle(d.source);
    } catch (err) {
      $('paste-error').textContent = err.message;
      return;
    }
  } else {
    const t = readRegions(text);
    if (t.split) {
      $('paste-error').textContent = W.split(t.split);
      return;
    }
    // A checkbox holds yes or no: a word that is neither is said, not dropped.
    const odd = t.regions.findIndex((r) => typeof r.computed === 'string');
    if (odd >= 0) {
      $('paste-error').textContent = `${W.at(odd + 1, W.cols.computed)}${UI === 'fr' ? ' : ' : ': '}"${t.regions[odd].computed}" ${W.yesNo}`;
      return;
    }
    state.rows = t.regions.map((r) => ({ name: r.name, persons: r.persons == null ? '' : String(r.persons), computed: r.computed === true }));
    // No total given: the sum of the rows, said in the note (a country's total may be larger).
    const summed = t.total == null;
    state.fields.total = String(summed ? t.regions.reduce((sum, r) => sum + (typeof r.persons === 'number' ? r.persons : 0), 0) : t.total);
    $('paste-note').textContent = W.pasted(state.rows.length, summed, forgetArticle(t.source));
  }
  rowsTable();
  fieldsIn();
  changed();
}

words();
try {
  await init();
} catch (err) {
  $('status').textContent = W.wasm + err.message;
  throw err;
}
state = restore() ?? article(UI);
rowsTable();
fieldsIn();
listen();
check();
// Tests and the curious: the state and the last good output.
window.editor = { get state() { return state; }, get good() { return good; }, check };

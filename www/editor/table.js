// The editor's reading of what a newsroom pastes, and of the chart's own messages:
// no rule about the figures is here. A cell that is plainly a whole number (digits,
// perhaps grouped) becomes one; anything else goes to the chart as the text it is,
// and the chart's own validation (the same code as the widget's and the npm
// command's) says what is wrong with it. Pure functions, tested by Node
// (tests/tools/editor.test.mjs).

/** The rows of a pasted table: tab-separated (a spreadsheet's copy) when any line
 * has a tab; otherwise split at semicolons (a CSV from a French spreadsheet) when the
 * first line has more of them than commas, at commas else; quoted cells ("a, b",
 * "a ""b""", a line break inside quotes) as spreadsheets write them; empty lines,
 * and columns empty in every row, dropped. */
export function rows(text) {
  const body = text.replace(/^\uFEFF/, '');
  const first = body.split('\n', 1)[0];
  const count = (c) => first.split(c).length - 1;
  const sep = body.includes('\t') ? '\t' : count(';') > count(',') ? ';' : ',';
  const out = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === sep) { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell); out.push(row); row = []; cell = ''; } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); out.push(row); }
  const full = out.filter((r) => r.some((c) => c.trim() !== ''));
  const width = Math.max(0, ...full.map((r) => r.length));
  const used = Array.from({ length: width }, (_, i) => full.some((r) => (r[i] ?? '').trim() !== ''));
  return Object.assign(full.map((r) => r.filter((_, i) => used[i])), { sep });
}

/** A figure as typed or pasted: a whole number when it is only digits, grouped or not
 * (spaces, no-break spaces, apostrophes, or a comma or point before each group of
 * three: "17 250", "17'250", "17,250", "17.250"); otherwise the text, trimmed, for the
 * chart to reject by name ("12,5" is not a whole number). Empty: null. */
export function figure(cell) {
  const t = String(cell ?? '').trim();
  if (t === '') return null;
  // One kind of separator, before each group of three digits and nowhere else:
  // "2 500 3 000" (two figures in one cell) stays text.
  const one = t.replace(/[\u00a0\u202f\u2009]/g, ' ').replace(/’/g, "'");
  if (/^\d+$/.test(one) || /^\d{1,3}([ '.,])\d{3}(\1\d{3})*$/.test(one)) return Number(one.replace(/\D/g, ''));
  return t;
}

const YES = ['yes', 'oui', 'true', 'vrai', '1', 'x', 'computed', 'calcule'];
const NO = ['', 'no', 'non', 'false', 'faux', '0', 'reported', 'publie'];
const fold = (s) => String(s ?? '').trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Whether a pasted "computed" cell says so (yes/oui/x/1/calculé/computed…, or
 * no/non/empty/publié/reported…); anything else goes to the chart as text. */
export function computed(cell) {
  const f = fold(cell);
  if (YES.includes(f)) return true;
  if (NO.includes(f)) return false;
  return String(cell).trim();
}

// "Total", "Total national", "Total général" (a pivot table's), "Grand total", "Total :".
const TOTAL = /^(grand )?total\b|^ensemble$|^national total$/;
// The persons column: a header naming people first, a generic count second, never
// households ("ménages", "familles").
const PERSONS = /pers|pdi|idp|deplac|displac|people|individu/;
const COUNT = /nombre|number|figure|chiffre|effectif|total/;
const NOT_PERSONS = /menage|household|famil/;
// The computed column; "Source of the figure" is the chart's own English CSV's.
const COMPUTED = /calcul|comput|origin|source of the figure/;
// The chart's own CSV's source line, through a spreadsheet.
const SOURCE = /^source\b/;

/** A pasted table read as regions. A first row whose second cell is not a figure is a
 * header: its cells say which column holds the persons (a header naming people,
 * persons, PDI, IDPs, "nombre"…; else the second) and which, if any, whether a figure
 * is computed ("calculé", "computed", "origine"; a column of shares is not it). With
 * no header, the first column is the name, the second the persons, and a third the
 * computed flag only if every one of its cells says yes or no. A row named "Total"
 * (or "Total national", "Total général", "Grand total", "Total :") gives the total; a
 * last row with only its first cell (the chart's own CSV's source line, through a
 * spreadsheet) gives the source. */
export function regions(text) {
  const all = rows(text);
  const col = { name: 0, persons: 1, computed: -1 };
  let header = null;
  // A header holds no digit at all after its first cell ("17 250*" is a figure, badly typed).
  if (all.length && all[0].slice(1).every((c) => !/\d/.test(c))) {
    const head = all.shift().map(fold);
    header = head.length;
    const find = (re) => head.findIndex((h, i) => i > 0 && re.test(h) && !NOT_PERSONS.test(h));
    const persons = find(PERSONS) > 0 ? find(PERSONS) : find(COUNT);
    if (persons > 0) col.persons = persons;
    col.computed = head.findIndex((h, i) => i > 0 && COMPUTED.test(h));
  } else if (all.length && all.every((r) => typeof computed(r[2] ?? '') === 'boolean')) {
    col.computed = 2;
  }
  let total = null;
  let source = null;
  const out = [];
  all.forEach((r, i) => {
    const name = (r[col.name] ?? '').trim();
    if (TOTAL.test(fold(name).replace(/\s*:$/, ''))) { total = figure(r[col.persons]); return; }
    if (i === all.length - 1 && r.slice(1).every((c) => c.trim() === '') && SOURCE.test(fold(name)) && out.length > 0) { source = name; return; }
    out.push({ name, persons: figure(r[col.persons]), computed: col.computed < 0 ? false : computed(r[col.computed] ?? '') });
  });
  // Split at commas, a figure typed with a comma splits in two ("Gao, 17,250"): a
  // cell of exactly three digits after a figure says so; asked, not guessed.
  // With a header, a row wider than it; without, three digits right after a figure.
  const splits = (r) => (header ? r.length > header
    : r.some((c, j) => j > col.persons && /^\d{3}$/.test(c.trim()) && typeof figure(r[j - 1]) === 'number'));
  const split = all.sep === ',' ? all.findIndex(splits) : -1;
  return { regions: out, total, source, split: split < 0 ? null : split + 1 };
}

/** Where a message of the chart's validation points, in the editor's terms:
 * "data.regions[2].persons: …" is row 3's persons cell; "data.title: …" the title
 * field; the regions adding up to more than the total, the total. Anything else
 * (the whole table) is `{ field: 'regions' }`. */
export function locate(message) {
  const m = /^(?:mali-idp-chart: )?data(?:\.([a-zA-Z]+))?(?:\[(\d+)\])?(?:\.([a-zA-Z]+))?: (.*)$/s.exec(message);
  if (!m) return { field: null, problem: message };
  const [, field, index, column, problem] = m;
  if (field === 'regions' && index !== undefined) return { field, row: Number(index) + 1, column: column ?? 'name', problem };
  if (field === 'regions' && /more than data\.total/.test(problem)) return { field: 'total', problem };
  return { field: field ?? 'regions', problem };
}

// The chart's problems (its validation's templates, src/options.rs) in the editor's
// words. The rule and the message's facts stay the chart's; only the words change.
// A template not listed here is shown as the chart wrote it.
const KINDS = {
  fr: {
    'a whole number >= 0': 'un nombre entier ≥ 0', 'a string': 'un texte', 'true or false': 'vrai ou faux',
    'an object': 'un objet', 'an array': 'une liste', 'at most 9007199254740991 (2^53 − 1)': 'au plus 9007199254740991 (2^53 − 1)',
  },
  en: {},
};
const PROBLEMS = {
  fr: [
    [/^must be at most (\d+) characters, got (\d+)$/, (m) => `doit faire au plus ${m[1]} caractères, en a ${m[2]}`],
    [/^must be (.+), got (.*)$/s, (m, k) => `doit être ${k[m[1]] ?? m[1]}, reçu ${m[2]}`],
    [/^must not be empty$/, () => 'ne doit pas être vide'],
    [/^must list at least one region$/, () => 'doit compter au moins une région'],
    [/^must list at most (\d+) regions, got (\d+)$/, (m) => `doit compter au plus ${m[1]} régions, en compte ${m[2]}`],
    [/^(".*") is already data\.regions\[(\d+)\]\.name$/s, (m) => `${m[1]} est déjà le nom de la ligne ${Number(m[2]) + 1}`],
    [/^the regions add up to (\d+), more than data\.total \((\d+)\)$/, (m) => `les régions font ${m[1]} en tout, plus que le total national (${m[2]})`],
    [/^is required$/, () => 'est obligatoire'],
    [/^given twice$/, () => 'est donné deux fois'],
    [/^unknown field \(known: (.*)\)$/, (m) => `champ inconnu (champs connus : ${m[1]})`],
  ],
  en: [
    [/^(".*") is already data\.regions\[(\d+)\]\.name$/s, (m) => `${m[1]} is already the name of row ${Number(m[2]) + 1}`],
    [/^the regions add up to (\d+), more than data\.total \((\d+)\)$/, (m) => `the regions add up to ${m[1]}, more than the national total (${m[2]})`],
  ],
};

/** A problem from the chart's validation in the editor's language ("fr" or "en"). */
export function problemIn(lang, problem) {
  for (const [re, say] of PROBLEMS[lang] ?? []) {
    const m = re.exec(problem);
    if (m) return say(m, KINDS[lang]);
  }
  return problem;
}

// The editor page's reading of pasted tables and of the chart's messages
// (www/editor/table.js): figures as a spreadsheet writes them, and where a
// validation message points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { rows, figure, computed, regions, locate, problemIn } from '../../www/editor/table.js';

test('a spreadsheet copy (tabs) and a CSV (commas, quotes) split into the same cells', () => {
  assert.deepEqual([...rows('Gao\t17 250\r\nMopti\t12 125\n\n')], [['Gao', '17 250'], ['Mopti', '12 125']]);
  assert.deepEqual([...rows('"Gao, ville",17250\n"Le ""Nord""",5')], [['Gao, ville', '17250'], ['Le "Nord"', '5']]);
  assert.deepEqual([...rows('"two\nlines"\t3')], [['two\nlines', '3']]);
  assert.deepEqual([...rows('\uFEFFa,b')], [['a', 'b']]);
});

test('figures: grouped digits are whole numbers; anything else stays text for the chart to reject', () => {
  for (const [cell, n] of [['17 250', 17250], ['17\u00a0250', 17250], ['17\u202f250', 17250], ["17'250", 17250], ['17,250', 17250],
    ['17.250', 17250], ['1,234,567', 1234567], ['6875', 6875], [' 0 ', 0]]) assert.equal(figure(cell), n, cell);
  for (const cell of ['12,5', '12.5', '-3', '1,23', '1,234.567', 'abc', '1e3']) assert.equal(figure(cell), cell.trim(), cell);
  assert.equal(figure('  '), null);
});

test('the computed column reads yes and no in French and English; other words go to the chart', () => {
  for (const c of ['oui', 'Yes', 'x', '1', 'Calculé', 'computed']) assert.equal(computed(c), true, c);
  for (const c of ['', 'non', 'No', '0', 'publié', 'reported']) assert.equal(computed(c), false, c);
  assert.equal(computed('peut-être'), 'peut-être');
});

test('a pasted table: header skipped, a total row read as the total, regions in order', () => {
  const t = regions('Région\tPDI\tCalculé ?\nGao\t17 250\t\nMopti\t12 125\tnon\nKidal\t6 875\nAutres régions\t3 000\toui\nTotal\t40 000\n');
  assert.equal(t.total, 40000);
  assert.deepEqual(t.regions, [
    { name: 'Gao', persons: 17250, computed: false }, { name: 'Mopti', persons: 12125, computed: false },
    { name: 'Kidal', persons: 6875, computed: false }, { name: 'Autres régions', persons: 3000, computed: true }]);
  // No header: the first row is a region.
  assert.deepEqual(regions('Gao\t5').regions, [{ name: 'Gao', persons: 5, computed: false }]);
  // A bad figure reaches the chart as text.
  assert.equal(regions('Gao\t12,5').regions[0].persons, '12,5');
});

test('tables as spreadsheets give them: semicolons, empty columns, a share column, pivot totals, the chart\'s CSV through a spreadsheet', () => {
  assert.deepEqual([...rows('Région;Personnes\nGao;17 250')], [['Région', 'Personnes'], ['Gao', '17 250']], 'a French spreadsheet\'s CSV');
  assert.deepEqual([...rows('Gao,17250')], [['Gao', '17250']]);
  assert.deepEqual([...rows('\tGao\t5\t\n\tMopti\t6\t')], [['Gao', '5'], ['Mopti', '6']], 'columns empty everywhere dropped');
  // A share column is not the computed one; the persons column found by its header.
  const shares = regions('Région\tPart (%)\tPersonnes déplacées\nGao\t60\t17 250\nTotal général\t100\t28 750\n');
  assert.deepEqual(shares.regions, [{ name: 'Gao', persons: 17250, computed: false }]);
  assert.equal(shares.total, 28750);
  for (const t of ['Total', 'TOTAL', 'Total national', 'Total général', 'Grand total', 'Total :']) assert.equal(regions(`Gao\t5\n${t}\t9`).total, 9, t);
  assert.equal(regions('Totalité des camps\t5').regions.length, 1, 'a name that starts with "Total" but is a word of its own');
  // No header: a third column is the computed flag only if it reads yes or no throughout.
  assert.deepEqual(regions('Gao\t5\tx\nMopti\t6\t').regions.map((r) => r.computed), [true, false]);
  assert.deepEqual(regions('Gao\t5\t60\nMopti\t6\t40').regions.map((r) => r.computed), [false, false]);
  // The chart's own CSV opened in a spreadsheet and copied: the header, the origin
  // column, the total and the source line all read.
  const ours = regions('Région\tPersonnes déplacées\tPart du total (%)\tOrigine du chiffre\nTombouctou\t22328\t37.9\tpublié\nAutres régions\t15482\t26.2\tcalculé\nTotal national\t58985\t100.0\tpublié\nSource : CMP\t\t\t\n');
  assert.deepEqual(ours, { regions: [{ name: 'Tombouctou', persons: 22328, computed: false }, { name: 'Autres régions', persons: 15482, computed: true }], total: 58985, source: 'Source : CMP', split: null });
});

test('what a review found misread: households, a last region, a badly typed first figure, the English CSV, a comma in a figure, two figures in a cell', () => {
  // Households are never the persons; a header naming people wins over a generic count.
  assert.deepEqual(regions('Région\tMénages\tIndividus\nGao\t20\t100').regions[0].persons, 100);
  assert.deepEqual(regions('Région\tNombre de ménages\tNombre de personnes\nGao\t20\t100').regions[0].persons, 100);
  assert.deepEqual(regions('Région\tNombre\nGao\t100').regions[0].persons, 100, 'a generic count when nothing names people');
  // A last region with no figure stays a region (the chart then says its figure is missing).
  assert.deepEqual(regions('Région\tPersonnes\nGao\t100\nKidal\t').regions.map((r) => r.name), ['Gao', 'Kidal']);
  // A first row with a badly typed figure is a region, not a header.
  assert.deepEqual(regions('Gao\t17 250*\nMopti\t12 125').regions.map((r) => [r.name, r.persons]), [['Gao', '17 250*'], ['Mopti', 12125]]);
  // The chart's English CSV through a spreadsheet: its computed rows stay computed.
  const en = regions('Region\tDisplaced people\tShare of total (%)\tSource of the figure\nOther regions\t15482\t26.2\tcomputed\nSource: CMP\t\t\t\n');
  assert.deepEqual(en, { regions: [{ name: 'Other regions', persons: 15482, computed: true }], total: null, source: 'Source: CMP', split: null });
  // A figure typed with a comma in a comma-separated table: said, not read as 17.
  assert.equal(regions('Gao, 17,250\nMopti, 12,125').split, 1);
  assert.equal(regions('Région,Personnes\nGao,17,250').split, 1, 'a row wider than its header');
  assert.equal(regions('Région,Personnes,Part\nGao,17250,100').split, null, 'as wide as its header: no split');
  assert.equal(regions('Gao\t17,250').split, null, 'tabs: a comma is inside a cell');
  // Two figures in one cell stay text, for the chart to refuse.
  assert.equal(figure('2 500 3 000'), '2 500 3 000');
  assert.equal(figure("1'234'567"), 1234567);
});

test('a validation message points at its cell or field', () => {
  assert.deepEqual(locate('data.regions[2].persons: must be a whole number >= 0, got "12,5"'),
    { field: 'regions', row: 3, column: 'persons', problem: 'must be a whole number >= 0, got "12,5"' });
  assert.deepEqual(locate('mali-idp-chart: data.regions[0].name: must not be empty'), { field: 'regions', row: 1, column: 'name', problem: 'must not be empty' });
  assert.deepEqual(locate('data.title: must not be empty'), { field: 'title', problem: 'must not be empty' });
  assert.equal(locate('data.regions: the regions add up to 9, more than data.total (8)').field, 'total');
  assert.deepEqual(locate('data.regions: must list at most 1000 regions, got 1001'), { field: 'regions', problem: 'must list at most 1000 regions, got 1001' });
  assert.equal(locate('lang: must be "fr" or "en", got "de"').field, null);
});

test('the chart\'s problems in the editor\'s words, every template of its validation', () => {
  const cases = [
    ['must be a whole number >= 0, got "12,5"', 'doit être un nombre entier ≥ 0, reçu "12,5"', null],
    ['must be at most 9007199254740991 (2^53 − 1), got 9007199254740992', 'doit être au plus 9007199254740991 (2^53 − 1), reçu 9007199254740992', null],
    ['must be a string, got 3', 'doit être un texte, reçu 3', null],
    ['must be true or false, got "peut-être"', 'doit être vrai ou faux, reçu "peut-être"', null],
    ['must be an array, got {}', 'doit être une liste, reçu {}', null],
    ['must not be empty', 'ne doit pas être vide', null],
    ['must be at most 300 characters, got 412', 'doit faire au plus 300 caractères, en a 412', null],
    ['must list at least one region', 'doit compter au moins une région', null],
    ['must list at most 1000 regions, got 1001', 'doit compter au plus 1000 régions, en compte 1001', null],
    ['"Gao" is already data.regions[0].name', '"Gao" est déjà le nom de la ligne 1', '"Gao" is already the name of row 1'],
    ['the regions add up to 39250, more than data.total (100)', 'les régions font 39250 en tout, plus que le total national (100)',
      'the regions add up to 39250, more than the national total (100)'],
    ['is required', 'est obligatoire', null],
    ['given twice', 'est donné deux fois', null],
    ['unknown field (known: title, source)', 'champ inconnu (champs connus : title, source)', null],
  ];
  for (const [chart, fr, en] of cases) {
    assert.equal(problemIn('fr', chart), fr);
    assert.equal(problemIn('en', chart), en ?? chart);
  }
  // Every place the chart's validation writes a problem (src/options.rs, outside its
  // tests): 18 when this table was written. A new one fails here until it has its French.
  const code = readFileSync(new URL('../../src/options.rs', import.meta.url), 'utf8').split('#[cfg(test)]')[0];
  const sites = [...code.matchAll(/\b(fail|expected)\(|problem: "/g)].filter((m) => !/^fn /.test(code.slice(m.index - 3, m.index)));
  assert.equal(sites.length, 18, 'the validation\'s problems, each translated above');
  // What the chart's validation writes, from its own tests (src/options.rs): the same templates.
  const rust = readFileSync(new URL('../../src/options.rs', import.meta.url), 'utf8');
  for (const template of ['"must be "', '"must not be empty"', '" characters, got "', '"must list at least one region"', '" regions, got "',
    '"\\" is already data.regions["', '", more than data.total ("', '"is required"', '"given twice"', '"unknown field (known: "']) {
    assert.ok(rust.includes(template), `the chart still writes ${template}`);
  }
});

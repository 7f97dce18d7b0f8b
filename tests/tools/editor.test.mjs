// The editor page's reading of pasted tables and of the chart's messages
// (www/editor/table.js): figures as a spreadsheet writes them, and where a
// validation message points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rows, figure, computed, regions, locate } from '../../www/editor/table.js';

test('a spreadsheet copy (tabs) and a CSV (commas, quotes) split into the same cells', () => {
  assert.deepEqual(rows('Gao\t17 250\r\nMopti\t12 125\n\n'), [['Gao', '17 250'], ['Mopti', '12 125']]);
  assert.deepEqual(rows('"Gao, ville",17250\n"Le ""Nord""",5'), [['Gao, ville', '17250'], ['Le "Nord"', '5']]);
  assert.deepEqual(rows('"two\nlines"\t3'), [['two\nlines', '3']]);
  assert.deepEqual(rows('\uFEFFa,b'), [['a', 'b']]);
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

test('a validation message points at its cell or field', () => {
  assert.deepEqual(locate('data.regions[2].persons: must be a whole number >= 0, got "12,5"'),
    { field: 'regions', row: 3, column: 'persons', problem: 'must be a whole number >= 0, got "12,5"' });
  assert.deepEqual(locate('mali-idp-chart: data.regions[0].name: must not be empty'), { field: 'regions', row: 1, column: 'name', problem: 'must not be empty' });
  assert.deepEqual(locate('data.title: must not be empty'), { field: 'title', problem: 'must not be empty' });
  assert.equal(locate('data.regions: the regions add up to 9, more than data.total (8)').field, 'total');
  assert.deepEqual(locate('data.regions: must list at most 1000 regions, got 1001'), { field: 'regions', problem: 'must list at most 1000 regions, got 1001' });
  assert.equal(locate('lang: must be "fr" or "en", got "de"').field, null);
});

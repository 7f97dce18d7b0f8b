// The pages' rule of which build draws a view (www/element/builds.js, bundled into
// the element and the iframe page) against the table Rust's View::has_map passes too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { needsMap } from '../../www/element/builds.js';

test('the map views are drawn by the map build, the bars by the bars build', () => {
  const rows = readFileSync(new URL('../views.txt', import.meta.url), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  assert.equal(rows.length, 3, 'every view, once');
  for (const row of rows) {
    const [view, build] = row.split('\t');
    assert.equal(needsMap(view) ? 'map' : 'bars', build, view);
  }
  for (const other of [null, '', 'Map', 'pie']) assert.equal(needsMap(other), false, `${other}: the bars build (which names the error)`);
});

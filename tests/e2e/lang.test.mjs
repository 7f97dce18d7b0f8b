// The pages' language rule (www/element/lang.js, bundled into the element and the
// iframe page) against the table Rust's Lang::from_tag passes (src/locale.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { langOf } from '../../www/element/lang.js';

test('langOf takes the same language from every tag as Lang::from_tag', () => {
  const lines = readFileSync(new URL('../lang-tags.txt', import.meta.url), 'utf8').split('\n');
  const cases = lines.filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
  assert.ok(cases.length >= 10, 'the table was read');
  for (const [tag, want] of cases) {
    assert.equal(langOf(tag === '""' ? '' : tag) ?? '-', want, `tag ${JSON.stringify(tag)}`);
  }
  assert.equal(langOf(null), undefined, 'no attribute');
});

// The outside oracle for the chart's number styles (src/numbers.rs, checked natively
// against tests/locales.tsv): Chromium's Intl.NumberFormat still writes that table.
// If this fails after a browser update, CLDR changed: rerun `node tools/locales.mjs`,
// and the native test says which style to follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chromium } from '../../tools/node_modules/playwright-core/index.mjs';
import { table, FILE, TAGS } from '../../tools/locales.mjs';

test('Chromium\'s Intl.NumberFormat writes the table the native number test reads', async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const now = await table(browser);
    const kept = readFileSync(FILE, 'utf8');
    assert.ok(TAGS.every((t) => kept.includes(`\n${t}\tint\t`)), 'every locale is in the table');
    assert.equal(now, kept);
  } finally {
    await browser.close();
  }
});

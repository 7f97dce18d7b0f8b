// Writes tests/locales.tsv: how Chromium's Intl.NumberFormat writes the chart's
// figures and shares in every locale src/numbers.rs knows (the outside oracle its
// native test reads). `node tools/locales.mjs` rewrites the table; the end-to-end
// test tests/e2e/locales.test.mjs regenerates it and fails if Chromium's output
// differs from the table checked in.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from './node_modules/playwright-core/index.mjs';

export const TAGS = ['fr', 'fr-FR', 'en', 'en-US', 'es', 'es-ES', 'es-419', 'pt', 'pt-BR', 'pt-PT', 'de', 'de-DE', 'de-CH', 'ar', 'ar-EG', 'ar-u-nu-arab'];
const INTS = [0, 7, 999, 1000, 1234, 9999, 10000, 22328, 58985, 99999, 123456, 1234567, 9007199254740991];
const PERMILLE = [0, 1, 9, 10, 99, 100, 379, 999, 1000];

/** The table's text, as Intl.NumberFormat writes it in `browser`. */
export async function table(browser) {
  const page = await browser.newPage();
  const rows = await page.evaluate(([tags, ints, permille]) => tags.flatMap((t) => {
    const nf = new Intl.NumberFormat(t, { maximumFractionDigits: 0 });
    const pf = new Intl.NumberFormat(t, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return [...ints.map((n) => [t, 'int', n, nf.format(n)]), ...permille.map((p) => [t, 'percent', p, pf.format(p / 1000)])];
  }), [TAGS, INTS, PERMILLE]);
  await page.close();
  return `# tag\tkind\tnumber (percent: tenths of a percent)\tIntl.NumberFormat's text (written by tools/locales.mjs)\n${rows.map((r) => r.join('\t')).join('\n')}\n`;
}

export const FILE = fileURLToPath(new URL('../tests/locales.tsv', import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  writeFileSync(FILE, await table(browser));
  await browser.close();
}

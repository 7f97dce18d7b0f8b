// The scripts pages load, bundled and minified by esbuild from their sources in
// www/element/ (commented) into www/, next to the pages and the pkg/ folder their
// imports name:
// - mali-idp-chart.js, the custom element (an ES module). It counts in the payload a
//   page loads: see `make size`.
// - embed-lang.js, the iframe page's first script (classic, so it runs before the
//   body is parsed).
// - embed.js, the iframe page's module: the chart alone, and its height to the parent.
// - mali-idp-chart-words-{es,pt,de,ar}.js, the element's words in each language besides
//   French and English (fetched only for a chart in that language).
// The first two take the one language rule from www/element/lang.js; the element and
// embed.js the one rule of which build draws a view, www/element/builds.js.
// Usage: node tools/element.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { buildSync } from 'esbuild';

const www = new URL('../www/', import.meta.url).pathname;
// The error box's declarations, from their one source (src/style.rs's `error_box!`,
// which the live chart's stylesheet uses too): the element shows the box when no
// wasm could draw, so without that stylesheet.
const style = readFileSync(new URL('../src/style.rs', import.meta.url), 'utf8');
const errorBox = /macro_rules! error_box \{\s*\(\) => \{\s*("[^"]*")/.exec(style)?.[1];
if (!errorBox) throw new Error('src/style.rs: no error_box! declarations found');
const common = { bundle: true, minify: true, target: 'es2022', legalComments: 'none', external: ['./pkg/*'],
  define: { ERROR_BOX: errorBox } };
buildSync({ ...common, entryPoints: [`${www}element/mali-idp-chart.js`], outfile: `${www}mali-idp-chart.js`, format: 'esm' });
buildSync({ ...common, entryPoints: [`${www}element/embed-lang.js`], outfile: `${www}embed-lang.js`, format: 'iife' });
buildSync({ ...common, entryPoints: [`${www}element/embed.js`], outfile: `${www}embed.js`, format: 'esm' });
// One small module per language (mali-idp-chart-words-ar.js…): a page fetches its own.
const { WORDS } = await import(`${www}element/words.js`);
for (const [lang, words] of Object.entries(WORDS)) {
  writeFileSync(`${www}mali-idp-chart-words-${lang}.js`, `export const WORDS=${JSON.stringify(words)};\n`);
}

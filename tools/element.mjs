// The custom element as pages load it: www/element/mali-idp-chart.js (the source,
// commented) minified by esbuild into www/mali-idp-chart.js, next to the pages and
// pkg/ its import names. The element script counts in the payload a page loads:
// measured 2.1 KB gzip as source, see `make size` for the minified file.
// Usage: node tools/element.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';

const www = new URL('../www/', import.meta.url);
const source = readFileSync(new URL('element/mali-idp-chart.js', www), 'utf8');
const { code } = transformSync(source, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' });
writeFileSync(new URL('mali-idp-chart.js', www), code);

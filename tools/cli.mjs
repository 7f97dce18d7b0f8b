#!/usr/bin/env node
// The npm package's command (package.json "bin"): a static picture for any figures,
// drawn by the chart's own Rust layout and drawing code (the `picture` wasm build in
// node/, run here by Node: no Rust toolchain needed). tools/package.mjs copies this
// file to bin/mali-idp-chart.mjs.
//
//   npx mali-idp-chart picture --data figures.json [--lang fr|en|es|pt|de|ar (a region may follow: pt-PT, de-CH, ar-EG)] [--view bars|map|both]
//       [--title TITLE] [--element] [--svg FILE] [--width PX]  > picture.html
//
// --data: the `data` option as JSON, or the CSV the chart's own download link gives
// (a .csv file, or text that is not JSON; a CSV has no title: give --title).
// Writes the picture's HTML to stdout (with --element: the whole <mali-idp-chart>
// element to paste, the data as its inline JSON and the picture inside); --svg also
// writes the SVG fallback. Bad input: the message, naming the field, on stderr, and
// exit status 1 (2 for a bad command line).
import { readFileSync, writeFileSync } from 'node:fs';
import { initSync, picture } from '../node/mali_idp_chart.js';

const USAGE = `usage: mali-idp-chart picture --data FILE [--lang fr|en|es|pt|de|ar (a region may follow: pt-PT, de-CH, ar-EG)] [--view bars|map|both] [--title TITLE] [--element] [--svg FILE] [--width PX]`;
const fail = (message, status = 1) => {
  process.stderr.write(`${message}\n`);
  process.exit(status);
};

const [command, ...args] = process.argv.slice(2);
if (command !== 'picture') fail(command === undefined || command === '--help' ? USAGE : `mali-idp-chart: unknown command ${JSON.stringify(command)}\n${USAGE}`, 2);
const o = { lang: 'fr', view: 'bars', width: '640', element: false };
for (let i = 0; i < args.length; i++) {
  const flag = args[i];
  if (flag === '--element') { o.element = true; continue; }
  const key = { '--data': 'data', '--lang': 'lang', '--view': 'view', '--title': 'title', '--svg': 'svg', '--width': 'width' }[flag];
  if (!key) fail(`mali-idp-chart: unknown argument ${JSON.stringify(flag)}\n${USAGE}`, 2);
  if (i + 1 >= args.length) fail(`mali-idp-chart: ${flag} needs a value\n${USAGE}`, 2);
  o[key] = args[++i];
}
if (!o.data) fail(`mali-idp-chart: --data is required\n${USAGE}`, 2);
const width = Number(o.width);
if (!Number.isInteger(width) || width < 200 || width > 4000) fail(`mali-idp-chart: --width: must be a whole number of pixels from 200 to 4000, got ${JSON.stringify(o.width)}`, 2);

let text;
try {
  text = readFileSync(o.data === '-' ? 0 : o.data, 'utf8');
} catch (err) {
  fail(`mali-idp-chart: --data: cannot read ${o.data}: ${err.message}`);
}
const csv = /\.csv$/i.test(o.data) || !/^\s*[{[]/.test(text.replace(/^\uFEFF/, ''));
let data = text;
if (!csv) {
  try {
    data = JSON.parse(text);
  } catch (err) {
    fail(`mali-idp-chart: data: malformed JSON in ${o.data}: ${err.message}`);
  }
}
initSync({ module: readFileSync(new URL('../node/mali_idp_chart_bg.wasm', import.meta.url)) });
try {
  const out = picture(data, o.title ?? null, o.lang, o.view, width);
  process.stdout.write(`${o.element ? out.element : out.html}\n`);
  if (o.svg) writeFileSync(o.svg, out.svg);
} catch (err) {
  fail(err.message);
}

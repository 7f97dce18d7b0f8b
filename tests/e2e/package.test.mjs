// The npm package from `make package`, used the two ways the README shows: bundled
// (esbuild, resolving the package's exports like any bundler) and as a plain module.
// (The handle is window.maliChart: window.chart would be the #chart element itself,
// by named access, before the module has run.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync, copyFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { build } from '../../tools/node_modules/esbuild/lib/main.js';
import { chromium } from '../../tools/node_modules/playwright-core/index.mjs';
import { serve } from '../../tools/serve.mjs';
import { root, shots } from './harness.mjs';

const app = `${root}target/bundler-app/`;
let server, url, browser;

before(async () => {
  assert.ok(existsSync(`${root}pkg/package.json`), 'run `make package` first (make test does)');
  rmSync(app, { recursive: true, force: true });
  mkdirSync(`${app}node_modules`, { recursive: true });
  symlinkSync(`${root}pkg`, `${app}node_modules/mali-idp-chart`, 'dir');
  writeFileSync(`${app}entry.js`, `
    import init, { mount } from 'mali-idp-chart';
    import 'mali-idp-chart/element';
    await init();
    window.maliChart = mount('#chart', { lang: 'en', theme: 'dark' });
  `);
  await build({ entryPoints: [`${app}entry.js`], bundle: true, format: 'esm', outdir: `${app}out`, logLevel: 'error' });
  // A bundler user ships the package's assets next to the bundle: the wasm of the
  // builds it bundled, and for the element each language's own builds (glue and wasm,
  // which the element fetches by the chart's language) and words, and the fallbacks.
  // (Each build's files have names of their own: all sit beside the bundle.)
  const assets = readdirSync(`${root}pkg`).filter((f) => /^(mali_idp_chart(_map)?(_[a-z]{2})?(_bg\.wasm|\.js)|mali-idp-chart-words-.*\.js|fallback-.*\.svg)$/.test(f)
    && !/^mali_idp_chart(_map)?\.js$/.test(f));
  assert.ok(assets.includes('mali_idp_chart_map_ar_bg.wasm') && assets.includes('mali_idp_chart_fr.js'), assets.join(', '));
  for (const f of assets) copyFileSync(`${root}pkg/${f}`, `${app}out/${f}`);
  writeFileSync(`${app}map.html`, `<!doctype html><meta charset="utf-8"><title>bundled map</title><link rel="icon" href="data:,">
    <mali-idp-chart lang="en" view="map" loading="eager" style="width:500px"></mali-idp-chart>
    <script type="module" src="out/entry.js"></script><div id="chart" style="width:300px"></div>`);
  writeFileSync(`${app}index.html`, `<!doctype html><meta charset="utf-8"><title>bundled</title><link rel="icon" href="data:,">
    <div id="chart" style="width:600px"></div><mali-idp-chart lang="fr" style="width:400px"></mali-idp-chart>
    <script type="module" src="out/entry.js"></script>`);
  writeFileSync(`${app}plain.html`, `<!doctype html><meta charset="utf-8"><title>plain</title><link rel="icon" href="data:,">
    <div id="chart" style="width:500px"></div>
    <script type="module" src="plain.js"></script>`);
  writeFileSync(`${app}plain.js`, `import init, { mount } from './node_modules/mali-idp-chart/mali_idp_chart.js';
    await init(); window.maliChart = mount('#chart', {});`);
  ({ server, url } = await serve(app));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});
after(async () => {
  await browser?.close();
  server?.close();
});

test('the package works from a bundle: the API and the custom element', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await page.waitForFunction(() => window.maliChart && document.querySelector('mali-idp-chart').chart);
  const names = await page.evaluate(() => window.maliChart.bars().map((b) => b.name));
  assert.deepEqual(names, ['Timbuktu', 'Segou', 'Menaka', 'Other regions']);
  const element = await page.evaluate(() => document.querySelector('mali-idp-chart').chart.bars()[0].name);
  assert.equal(element, 'Tombouctou');
  await page.screenshot({ path: `${shots}bundled-package.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('from a bundle, a map element draws with its language\'s map build beside the bundled bars build', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${url}map.html`);
  await page.waitForFunction(() => document.querySelector('mali-idp-chart').chart);
  const label = await page.evaluate(() => document.querySelector('mali-idp-chart').shadowRoot.querySelector('canvas[role=img]').getAttribute('aria-label'));
  assert.match(label, /^Map of Mali: /);
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.wasm')));
  assert.ok(wasm.includes('/out/mali_idp_chart_map_en_bg.wasm'), wasm.join(', '));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the package works as a plain module without a bundler', async () => {
  const page = await browser.newPage();
  await page.goto(`${url}plain.html`);
  await page.waitForFunction(() => window.maliChart);
  assert.equal(await page.evaluate(() => window.maliChart.bars().length), 4);
  await page.close();
});

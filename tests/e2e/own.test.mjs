// A newsroom's own figures through the npm package alone: the packed package
// installed in an empty folder, its `picture` command run by Node with no Rust
// toolchain on PATH (JSON in, the chart's own CSV in, bad input out), then the
// element it writes pasted in a page: their figures before the wasm and none of the
// article's, the swap to the live chart moving nothing, their picture kept when the
// wasm fails. Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, open, root } from './harness.mjs';

let env, dir;
const OWN = { title: 'Displaced people, our update', source: 'Our newsroom', total: 41000,
  regions: [{ name: 'Gao', persons: 17250 }, { name: 'Kidal', persons: 9100 }, { name: '=Zone B', persons: 900 }] };
// No cargo, no rustc: only the system's binaries (node among them).
const PATH = '/usr/bin:/bin';
const run = (...args) => spawnSync(join(dir, 'node_modules/.bin/mali-idp-chart'), args, { cwd: dir, encoding: 'utf8', env: { PATH, HOME: dir } });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mic-own-'));
  const pack = spawnSync('npm', ['pack', '--pack-destination', dir, '--loglevel=error'], { cwd: `${root}pkg`, encoding: 'utf8' });
  assert.equal(pack.status, 0, pack.stderr);
  writeFileSync(join(dir, 'package.json'), '{"name": "newsroom", "private": true}');
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--offline', '--loglevel=error', join(dir, pack.stdout.trim())], { cwd: dir, encoding: 'utf8' });
  assert.equal(install.status, 0, install.stderr);
  env = await start();
});
after(async () => {
  await env?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the picture command runs from the packed package with no Rust toolchain, on JSON, on its own CSV and on bad input', () => {
  assert.notEqual(spawnSync('sh', ['-c', 'command -v cargo || command -v rustc'], { env: { PATH } }).status, 0, 'no cargo on PATH');
  writeFileSync(join(dir, 'own.json'), JSON.stringify(OWN));
  const json = run('picture', '--data', 'own.json', '--lang', 'en', '--element', '--svg', 'own.svg');
  assert.equal(json.status, 0, json.stderr);
  assert.match(json.stdout, /^<mali-idp-chart lang="en">\n<script type="application\/json">/);
  assert.match(readFileSync(join(dir, 'own.svg'), 'utf8'), /^<svg[^]*Gao[^]*17,250[^]*<\/svg>\s*$/);
  // The CSV its link gives, read back: the same picture.
  const csv = decodeURIComponent(json.stdout.match(/href="data:text\/csv;charset=utf-8,([^"]*)"/)[1]);
  assert.match(csv, /"'=Zone B",900/, 'the formula-like name is neutralised in the CSV');
  writeFileSync(join(dir, 'own.csv'), csv);
  const fromCsv = run('picture', '--data', 'own.csv', '--lang', 'en', '--title', OWN.title);
  assert.equal(fromCsv.status, 0, fromCsv.stderr);
  const picture = (html) => html.slice(html.indexOf('<div class="mali-idp-chart-static"'));
  assert.equal(picture(fromCsv.stdout).trim(), picture(json.stdout).replace(/\n<\/mali-idp-chart>\n$/, '').trim());
  // Bad input: the field and the problem on stderr, a non-zero status, nothing out.
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...OWN, total: 100 }));
  const bad = run('picture', '--data', 'bad.json');
  assert.equal(bad.status, 1);
  assert.equal(bad.stdout, '');
  assert.match(bad.stderr, /^mali-idp-chart: data\.regions: the regions add up to 27250, more than data\.total \(100\)\n$/);
  const noTitle = run('picture', '--data', 'own.csv');
  assert.equal(noTitle.status, 1);
  assert.match(noTitle.stderr, /data\.title: is required/);
  writeFileSync(join(dir, 'broken.json'), '{"title": ');
  assert.match(run('picture', '--data', 'broken.json').stderr, /^mali-idp-chart: data: malformed JSON in broken\.json/);
  const usage = run('picture', '--lang', 'it', '--data', 'own.json');
  assert.equal(usage.status, 1);
  assert.match(usage.stderr, /lang: must be "fr", "en", "es", "pt", "de" or "ar" \(a region may follow: "pt-PT", "ar-EG"\), got "it"/);
  assert.equal(run('draw').status, 2);
});

test('their pasted element shows their figures before the wasm, none of the article\'s, and swaps in place', async () => {
  const element = run('picture', '--data', 'own.json', '--lang', 'en', '--element').stdout;
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>own</title>
    <link rel="stylesheet" href="/mali-idp-chart.css"><script type="module" src="/mali-idp-chart.js"></script>
    <body style="margin:0"><div style="width:480px">${element.replace('<mali-idp-chart ', '<mali-idp-chart id="own" loading="eager" ')}</div><p id="after">After the chart.</p></body></html>`;
  const ARTICLE = /58[\s\u202f\u00a0,]?985|22[\s\u202f\u00a0,]?328|10[\s\u202f\u00a0,]?794|15[\s\u202f\u00a0,]?482/;
  for (const fails of [false, true]) {
    let release;
    const gate = new Promise((r) => { release = r; });
    const { page, context, problems } = await open(env.browser, `${env.url}own.html`, {
      expect: [/Failed to load|ERR_FAILED|Failed to fetch|WebAssembly|net::/],
      init: () => {
        window.__shift = 0;
        new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shift += e.value; }).observe({ type: 'layout-shift', buffered: true });
      },
    });
    await page.route('**/*.wasm', async (route) => { await gate; if (fails) await route.abort(); else await route.continue(); });
    await page.route('**/own.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto(`${env.url}own.html`);
    const seen = () => page.evaluate(() => {
      const el = document.getElementById('own');
      const svg = [...el.querySelectorAll('.mali-idp-chart-static .mic-box > svg')].find((s) => getComputedStyle(s).display !== 'none');
      const images = [...(el.shadowRoot?.querySelectorAll('img') ?? [])].filter((i) => !i.hidden).length;
      return { drawn: svg ? [...svg.querySelectorAll('text')].map((t) => t.textContent.trim()).join(' ') : '', images,
        page: document.body.innerText, after: document.getElementById('after').getBoundingClientRect().top };
    });
    const before = await seen();
    assert.match(before.drawn, /Gao 17,250/, 'their figures, drawn, before the wasm');
    assert.equal(before.images, 0, 'no fallback image');
    assert.doesNotMatch(before.drawn + before.page, ARTICLE);
    release();
    if (fails) {
      await page.waitForTimeout(500);
      const after = await seen();
      assert.match(after.drawn, /Gao 17,250/, 'their picture stays when the wasm fails');
      assert.equal(after.images, 0);
    } else {
      await page.waitForFunction(() => document.getElementById('own').chart);
      const after = await seen();
      assert.deepEqual(await page.evaluate(() => document.getElementById('own').chart.bars().map((b) => [b.name, b.persons])),
        [['Gao', 17250], ['Kidal', 9100], ['=Zone B', 900]]);
      assert.ok(Math.abs(after.after - before.after) <= 1, `the text after the chart moved from ${before.after} to ${after.after}`);
      assert.ok(await page.evaluate(() => window.__shift) < 0.0005, 'no layout shift');
      assert.doesNotMatch(after.page, ARTICLE);
      assert.deepEqual(problems(), []);
    }
    await context.close();
  }
});

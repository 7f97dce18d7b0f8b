// The wires' languages as a newsroom embeds them (issue 26), in Chromium: the element
// in each language loads that language's own build and nothing of another's, and its
// tooltip reads the figures as the browser's Intl.NumberFormat writes them; an Arabic
// element with the npm command's Arabic picture inside shows it right to left and
// swaps in the live chart without a shift; the iframe page takes ?lang=ar.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, open, shots, root } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** A page served at `path` under the test server (the files it names are www's). */
const page = (body, lang = 'en') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="mali-idp-chart.css">
<script type="module" src="mali-idp-chart.js"></script></head><body style="margin:0">${body}</body></html>`;
const serveAt = (path, html) => [`**/${path}`, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' })];

/** Every file the page fetched from pkg/ and the element's word modules. */
const fetched = (p) => p.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
  .filter((n) => /\/pkg\/|mali-idp-chart-words/.test(n)));

for (const tag of ['fr', 'en', 'es', 'es-419', 'pt-BR', 'pt-PT', 'de', 'de-CH', 'ar', 'ar-EG']) {
  test(`an element in ${tag} loads its language's build alone and reads figures as Intl writes them`, async () => {
    const lang = tag.slice(0, 2);
    const { page: p, context, problems } = await open(env.browser, `${env.url}t-${tag}.html`, {
      width: 700, route: serveAt(`t-${tag}.html`, page(`<mali-idp-chart lang="${tag}" loading="eager"></mali-idp-chart>`)),
    });
    await p.waitForFunction(() => document.querySelector('mali-idp-chart').chart);
    const files = await fetched(p);
    assert.deepEqual(files.filter((f) => f.includes('/pkg/')).sort(), [`/pkg/mali_idp_chart_${lang}.js`, `/pkg/mali_idp_chart_${lang}_bg.wasm`]);
    assert.deepEqual(files.filter((f) => f.includes('words')), lang === 'fr' || lang === 'en' ? [] : [`/mali-idp-chart-words-${lang}.js`]);
    // The keyboard's first stop: the largest region, in a tooltip and the live region.
    await p.evaluate(() => document.querySelector('mali-idp-chart').shadowRoot.querySelector('canvas[role=img]').focus());
    await p.keyboard.press('Home');
    const said = await p.waitForFunction(() => {
      const root = document.querySelector('mali-idp-chart').shadowRoot;
      const tip = root.querySelector('.mali-idp-chart__tooltip');
      return getComputedStyle(tip).display !== 'none' && { tip: tip.textContent, live: root.querySelector('.mali-idp-chart__live').textContent };
    }).then((h) => h.jsonValue());
    const want = await p.evaluate((t) => [new Intl.NumberFormat(t).format(22328),
      new Intl.NumberFormat(t, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(0.379)], tag);
    for (const w of want) {
      assert.ok(said.tip.includes(w), `${tag}: ${JSON.stringify(w)} in the tooltip ${JSON.stringify(said.tip)}`);
      assert.ok(said.live.includes(w), `${tag}: ${JSON.stringify(w)} announced in ${JSON.stringify(said.live)}`);
    }
    // The CSV its link gives: shares plain (37.9), machine-readable in every language.
    const csv = await p.evaluate(() => decodeURIComponent(document.querySelector('mali-idp-chart').shadowRoot
      .querySelector('.mali-idp-chart__footer a').href.split(',').slice(1).join(',')));
    assert.match(csv, /,22328,37\.9,/, `${tag}: ${csv.split('\n')[1]}`);
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

test('an element asked for another language is drawn anew by that language\'s build', async () => {
  const { page: p, context, problems } = await open(env.browser, `${env.url}t-switch.html`, {
    width: 600, route: serveAt('t-switch.html', page('<mali-idp-chart lang="fr" loading="eager"></mali-idp-chart>')),
  });
  await p.waitForFunction(() => document.querySelector('mali-idp-chart').chart);
  await p.evaluate(() => document.querySelector('mali-idp-chart').setAttribute('lang', 'de-CH'));
  const title = await p.waitForFunction(() => {
    const c = document.querySelector('mali-idp-chart').chart;
    return c && document.querySelector('mali-idp-chart').shadowRoot.querySelector('table caption')?.textContent;
  }).then((h) => h.jsonValue());
  assert.match(title, /Binnenvertriebene/);
  assert.ok((await fetched(p)).includes('/pkg/mali_idp_chart_de.js'));
  assert.deepEqual(problems(), []);
  await context.close();
});

test('an Arabic element shows the npm command\'s Arabic picture right to left, then the live chart in its place', async () => {
  assert.ok(existsSync(`${root}pkg/node/mali_idp_chart.js`), 'run `make package` first (make test does)');
  const { initSync, picture, articleData } = await import(`${root}pkg/node/mali_idp_chart.js`);
  initSync({ module: readFileSync(`${root}pkg/node/mali_idp_chart_bg.wasm`) });
  for (const view of ['bars', 'both']) {
    const made = picture(JSON.parse(articleData('ar')), null, 'ar', view, 640);
    let release;
    const gate = new Promise((r) => { release = r; });
    const { page: p, context, problems } = await open(env.browser, `${env.url}t-ar-${view}.html`, {
      width: 640,
      init: () => {
        window.__shifts = [];
        new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value); })
          .observe({ type: 'layout-shift', buffered: true });
      },
      route: serveAt(`t-ar-${view}.html`, page(made.element.replace('<mali-idp-chart ', '<mali-idp-chart loading="eager" '), 'ar')),
    });
    await p.route('**/*.wasm', async (r) => { await gate; await r.continue(); });
    await p.waitForLoadState('load');
    const before = await p.evaluate(() => {
      const el = document.querySelector('mali-idp-chart');
      const pic = el.querySelector('.mali-idp-chart-static');
      const svg = [...pic.querySelectorAll('svg')].find((s) => getComputedStyle(s).display !== 'none');
      const box = svg.getBoundingClientRect();
      // Every text inside the drawing, and the title's line ending at its right
      // margin: right to left (the drawing's own anchors kept).
      const texts = [...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect());
      const outside = texts.filter((t) => t.left < box.left - 1 || t.right > box.right + 1).length;
      return { height: el.getBoundingClientRect().height, dir: getComputedStyle(pic).direction, right: box.right - texts[0].right, left: texts[0].left - box.left, outside };
    });
    assert.equal(before.dir, 'rtl', `${view}: the picture is right to left`);
    assert.equal(before.outside, 0, `${view}: every text inside the drawing`);
    assert.ok(before.right >= -1 && before.right < 16 && before.right < before.left, `${view}: the title from the right (${before.right} px from it)`);
    await p.screenshot({ path: `${shots}arabic-picture-${view}.png` });
    release();
    await p.waitForFunction(() => document.querySelector('mali-idp-chart').chart);
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const after = await p.evaluate(() => {
      const el = document.querySelector('mali-idp-chart');
      return { height: el.getBoundingClientRect().height, dir: getComputedStyle(el.shadowRoot.querySelector('.mali-idp-chart')).direction };
    });
    assert.ok(Math.abs(after.height - before.height) < 0.5, `${view}: same height, ${before.height} then ${after.height}`);
    assert.equal(after.dir, 'rtl');
    const cls = (await p.evaluate(() => window.__shifts)).reduce((a, b) => a + b, 0);
    assert.ok(cls < 0.0005, `${view}: layout shift ${cls}`);
    await p.screenshot({ path: `${shots}arabic-live-${view}.png` });
    assert.deepEqual(problems(), []);
    await context.close();
  }
});

test('the iframe page in Arabic: its language, direction, title and build', async () => {
  const { page: p, context, problems } = await open(env.browser, `${env.url}embed.html?lang=ar-EG`, { width: 500 });
  await p.waitForFunction(() => window.maliIdpChart);
  const state = await p.evaluate(() => ({
    lang: document.documentElement.lang, dir: document.documentElement.dir, title: document.title,
    pictures: [...document.querySelectorAll('.mali-idp-chart-static')].filter((e) => e.getClientRects().length).length,
    caption: document.querySelector('#chart table caption')?.textContent,
  }));
  assert.deepEqual([state.lang, state.dir, state.pictures], ['ar', 'rtl', 0]);
  assert.equal(state.title, state.caption, 'the page is named as the chart');
  assert.ok((await fetched(p)).includes('/pkg/mali_idp_chart_ar.js'));
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the npm picture command in each language: its words, its numbers as Intl wrote them, Arabic right to left', () => {
  assert.ok(existsSync(`${root}pkg/bin/mali-idp-chart.mjs`), 'run `make package` first (make test does)');
  // The oracle: the table Chromium's Intl wrote (tests/locales.tsv).
  const table = new Map(readFileSync(`${root}tests/locales.tsv`, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t')).map(([tag, kind, n, text]) => [`${tag} ${kind} ${n}`, text]));
  const dir = mkdtempSync(join(tmpdir(), 'mic-langs-'));
  const TITLES = { es: 'Desplazados internos en Malí', pt: 'Deslocados internos no Mali', de: 'Binnenvertriebene in Mali', ar: 'النازحون داخليا في مالي' };
  for (const tag of ['es', 'es-419', 'pt-BR', 'pt-PT', 'de', 'de-CH', 'ar', 'ar-EG']) {
    const lang = tag.slice(0, 2);
    // Their own figures, named in their language (the map places them).
    const data = { title: TITLES[lang], source: 'S', total: 58985, regions: [{ name: 'Gao', persons: 22328 }, { name: 'Kidal', persons: 10794 }] };
    writeFileSync(join(dir, 'd.json'), JSON.stringify(data));
    const out = spawnSync(process.execPath, [`${root}pkg/bin/mali-idp-chart.mjs`, 'picture', '--data', 'd.json', '--lang', tag, '--element', '--view', 'both'],
      { cwd: dir, encoding: 'utf8' });
    assert.equal(out.status, 0, `${tag}: ${out.stderr}`);
    assert.match(out.stdout, new RegExp(`^<mali-idp-chart lang="${tag === 'ar-EG' ? 'ar-u-nu-arab' : tag}"`), tag);
    assert.equal(out.stdout.includes('dir="rtl"'), lang === 'ar', `${tag}: right to left only in Arabic`);
    const intl = (kind, n) => table.get(`${tag === 'pt-BR' ? 'pt-BR' : tag} ${kind} ${n}`);
    for (const [kind, n] of [['int', 22328], ['int', 58985]]) {
      const text = intl(kind, n);
      assert.ok(text, `${tag} ${n}: in the table`);
      const html = text.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
      assert.ok(out.stdout.includes(text) || out.stdout.includes(html), `${tag}: ${n} written ${JSON.stringify(text)}`);
    }
  }
});

test('the editor: choosing Arabic puts the article\'s words in Arabic in the fields and the chart, with no error', async () => {
  const { page: p, context, problems } = await open(env.browser, `${env.url}editor.html`, { width: 1200 });
  await p.evaluate(() => localStorage.clear());
  await p.reload();
  await p.waitForFunction(() => document.querySelector('.preview mali-idp-chart')?.chart);
  await p.selectOption('#o-lang', 'ar');
  const title = await p.inputValue('#f-title');
  const code = await p.waitForFunction(() => {
    const el = document.querySelector('.preview mali-idp-chart');
    return el?.chart && el.getAttribute('lang') === 'ar' && document.querySelector('#code').value;
  }).then((h) => h.jsonValue());
  assert.match(code, /lang="ar"/);
  assert.match(code, /النازحون داخليا في مالي/, 'the article\'s title in Arabic in the embed code');
  assert.doesNotMatch(code, /Tombouctou|Personnes déplacées/, 'no French word left');
  assert.match(title, /النازحون/);
  assert.deepEqual(problems(), []);
  await context.close();
});

// The editor page (www/editor.html), as a newsroom uses it: a table pasted from a
// spreadsheet, the previews reading its figures, the chart's own messages at the
// cell they name, the work kept over a reload, and the embed code working in a blank
// page: picture first, then the live chart in its place. Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { start, open, shots, root } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const AXE = readFileSync(`${root}tools/node_modules/axe-core/axe.min.js`, 'utf8');
// The newsroom's own figures: four regions, one computed, and a total line.
const TSV = 'Région\tPDI\tCalculé\nGao\t17 250\t\nMopti\t12 125\tnon\nKidal\t6 875\t\nAutres régions\t3 000\toui\nTotal\t40 000\t\n';
const THEIRS = [17250, 12125, 6875, 3000];
// Every figure of the article, as written in either language or as plain digits.
const ARTICLE = [22328, 10794, 10381, 15482, 58985, 10248, 14223, 44762]
  .flatMap((n) => [String(n), n.toLocaleString('fr-FR').replace(/\s/g, '\u202f'), n.toLocaleString('en-US')]);

/** Each preview's figures as its live chart draws them. */
const previewFigures = () => [...document.querySelectorAll('.preview mali-idp-chart')].map((el) => el.chart?.bars().map((b) => b.persons) ?? null);

async function editor(url, width = 1200) {
  const o = await open(env.browser, url, { width, height: 1000 });
  await o.page.waitForFunction(() => {
    const previews = [...document.querySelectorAll('.preview mali-idp-chart')];
    return window.editor?.good && previews.length === 3 && previews.every((el) => el.chart);
  });
  return o;
}

/** Types the newsroom's title, source and table, as a reporter would: fields filled,
 * the table pasted and read, the article's households and increase cleared. */
async function enterTheirs(page) {
  await page.fill('#f-title', 'Déplacés dans le Nord');
  await page.fill('#f-source', 'Source : rédaction, relevés de terrain');
  await page.fill('#f-households', '');
  await page.fill('#f-increase', '');
  await page.fill('#paste', TSV);
  await page.click('#read');
  await page.waitForFunction((want) => JSON.stringify(window.editor.good.data.regions.map((r) => r.persons)) === want, JSON.stringify(THEIRS));
  await page.waitForFunction((want) => [...document.querySelectorAll('.preview mali-idp-chart')]
    .every((el) => JSON.stringify(el.chart?.bars().map((b) => b.persons)) === want), JSON.stringify(THEIRS));
}

/** Hovers each bar of one preview and returns the tooltip texts. */
async function hoverAll(page, index) {
  const texts = [];
  for (let i = 0; i < THEIRS.length; i++) {
    const at = await page.evaluate(([n, i]) => {
      const el = document.querySelectorAll('.preview mali-idp-chart')[n];
      el.scrollIntoView({ block: 'center' });
      const canvas = el.shadowRoot.querySelector('canvas[role=img]').getBoundingClientRect();
      const b = el.chart.bars()[i];
      return { x: canvas.x + b.x + b.width / 2, y: canvas.y + b.y + b.height / 2 };
    }, [index, i]);
    await page.mouse.move(at.x, at.y);
    await page.waitForFunction(([n, i]) => {
      const tip = document.querySelectorAll('.preview mali-idp-chart')[n].shadowRoot.querySelector('.mali-idp-chart__tooltip');
      return getComputedStyle(tip).display === 'block' && tip.textContent.length > 0 && window.__last !== tip.textContent && ((window.__last = tip.textContent), true);
    }, [index, i]);
    texts.push(await page.evaluate((n) => document.querySelectorAll('.preview mali-idp-chart')[n].shadowRoot
      .querySelector('.mali-idp-chart__tooltip').textContent.replace(/\u202f/g, ' '), index));
  }
  return texts;
}

test('a pasted spreadsheet table: every preview reads its figures on hover, and no article figure is left anywhere', async () => {
  const { page, context, problems } = await editor(`${env.url}editor.html`);
  assert.deepEqual(await page.evaluate(previewFigures), [[22328, 10794, 10381, 15482], [22328, 10794, 10381, 15482], [22328, 10794, 10381, 15482]],
    'it starts from the article');
  await enterTheirs(page);
  assert.equal(await page.textContent('#paste-note'), 'Tableau lu : 4 lignes.', 'a total row given, nothing of the article left to empty');
  for (const n of [0, 1, 2]) {
    const tips = await hoverAll(page, n);
    for (const [i, want] of ['Gao 17 250', 'Mopti 12 125', 'Kidal 6 875', 'Autres régions 3 000'].entries()) {
      const [name, figure] = [want.slice(0, want.lastIndexOf(' ', want.length - 5)), want.slice(want.lastIndexOf(' ', want.length - 5) + 1)];
      assert.ok(tips[i].includes(name) && tips[i].includes(figure), `preview ${n}, bar ${i}: ${tips[i]}`);
    }
  }
  // The page's text, every preview's shadow tree, the embed code, the iframe's code and page, and the downloads.
  await page.waitForFunction(() => document.getElementById('iframe-code').value);
  const everything = await page.evaluate(async () => [document.body.innerText, document.getElementById('code').value,
    document.getElementById('iframe-code').value,
    ...await Promise.all([...document.querySelectorAll('#d-page, .downloads a[download]')].map(async (a) => (await fetch(a.href)).text())),
    ...[...document.querySelectorAll('.preview mali-idp-chart')].map((el) => el.shadowRoot.textContent + el.textContent)].join('\n'));
  for (const f of ARTICLE) assert.ok(!everything.includes(f), `no article figure: found ${f}`);
  for (const f of ['17\u202f250', '12\u202f125', '40\u202f000']) assert.ok(everything.includes(f), `their ${f} is there`);
  await page.screenshot({ path: `${shots}editor.png`, fullPage: true });
  // Markup in their title stays text: one element, its JSON read back whole, nothing run.
  const hostile = 'A</script><img src=x onerror="window.__pwned=1">"\'&<!--';
  await page.fill('#f-title', hostile);
  await page.waitForFunction((t) => window.editor.good.data.title === t, hostile);
  await page.waitForFunction(() => document.getElementById('iframe-code').value);
  const parsed = await page.evaluate(async () => {
    const doc = (html) => new DOMParser().parseFromString(html, 'text/html');
    const code = doc(document.getElementById('code').value);
    const frame = doc(await (await fetch(document.getElementById('d-page').href)).text());
    const iframe = doc(document.getElementById('iframe-code').value).querySelector('iframe');
    return { elements: code.querySelectorAll('mali-idp-chart').length, imgs: code.querySelectorAll('img').length + frame.querySelectorAll('img').length,
      json: JSON.parse(code.querySelector('mali-idp-chart > script').textContent).title, frameTitle: frame.title, iframeTitle: iframe.title,
      frameJson: JSON.parse(frame.querySelector('mali-idp-chart > script').textContent).title };
  });
  assert.deepEqual(parsed, { elements: 1, imgs: 0, json: hostile, frameTitle: hostile, iframeTitle: hostile, frameJson: hostile });
  await page.fill('#f-title', 'Déplacés dans le Nord');
  // The dark theme: the SVG download (and the PNGs drawn from it) in its colours; the
  // embed code's picture stays the npm command's (the page's CSS darkens it).
  await page.selectOption('#o-theme', 'dark');
  await page.waitForFunction(() => window.editor.good.theme === 'dark');
  const svg = await page.evaluate(async () => (await fetch(document.getElementById('d-svg').href)).text());
  assert.match(svg, /<rect[^>]*fill="#16191D"/i, 'the SVG drawn on the dark theme\'s background');
  assert.match(await page.inputValue('#code'), /<mali-idp-chart theme="dark" lang="fr">/);
  // Every control of the editor is reached by Tab alone, in the page's order.
  const controls = await page.evaluate(() => {
    let n = 0;
    return [...document.querySelectorAll('main input, main select, main textarea, main button, main a[href], header a[href]')]
      .filter((el) => !el.closest('.preview') && el.getClientRects().length)
      .map((el) => el.id || (el.id = `control-${n++}`));
  });
  await page.evaluate(() => document.activeElement?.blur());
  await page.focus('h1').catch(() => {});
  const reached = new Set();
  for (let i = 0; i < controls.length + 80 && reached.size < controls.length; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.id);
    if (id) reached.add(id);
  }
  assert.deepEqual(controls.filter((c) => !reached.has(c)), [], `every one of the ${controls.length} controls is reached by Tab`);
  // Axe finds nothing wrong, in French and in English.
  for (const url of [null, `${env.url}editor.html?lang=en`]) {
    if (url) { await page.goto(url); await page.waitForFunction(() => window.editor?.good); }
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], url ?? 'fr');
  }
  assert.equal(await page.inputValue('#r0-name'), 'Gao', 'a reload (here, into English) keeps the work');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('bad input: the chart\'s message at the cell it names, the last good preview kept, the page never frozen', async () => {
  const { page, context, problems } = await editor(`${env.url}editor.html`);
  const article = await page.evaluate(previewFigures);
  const cases = [
    ['#r2-persons', '12,5', /^Ligne 3, personnes : doit être un nombre entier ≥ 0, reçu "12,5"$/],
    ['#r2-persons', '-5', /^Ligne 3, personnes : doit être un nombre entier ≥ 0, reçu "-5"$/],
    ['#r1-name', '', /^Ligne 2, région : ne doit pas être vide$/],
    ['#r1-name', 'Tombouctou', /^Ligne 2, région : "Tombouctou" est déjà le nom de la ligne 1$/],
    ['#f-total', '100', /^Total national : les régions font 58985 en tout, plus que le total national \(100\)$/],
  ];
  for (const [selector, value, message] of cases) {
    const before = await page.inputValue(selector);
    await page.fill(selector, value);
    await page.waitForFunction(() => document.getElementById('problem'));
    const at = await page.evaluate((s) => {
      const input = document.querySelector(s);
      const problem = document.getElementById('problem');
      return { text: problem.textContent.replace(/\u202f/g, ' '), here: (input.closest('td') ?? input.closest('p')).contains(problem),
        invalid: input.getAttribute('aria-invalid'), described: (input.getAttribute('aria-describedby') ?? '').split(' ').includes('problem') };
    }, selector);
    assert.match(at.text, message, `${selector} = ${value}`);
    assert.deepEqual([at.here, at.invalid, at.described], [true, 'true', true], `${selector}: the message beside the cell, which names it`);
    assert.deepEqual(await page.evaluate(previewFigures), article, `${selector} = ${value}: the last good preview is kept`);
    await page.fill(selector, before);
    await page.waitForFunction(() => !document.getElementById('problem'));
  }
  // Reopened with a problem in the kept work: the last good figures are shown, and said to be.
  await page.fill('#r2-persons', '12,5');
  await page.waitForFunction(() => document.getElementById('problem'));
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('.preview mali-idp-chart').length === 3
    && [...document.querySelectorAll('.preview mali-idp-chart')].every((el) => el.chart));
  assert.deepEqual(await page.evaluate(previewFigures), article, 'after a reload, the last good preview');
  assert.match(await page.textContent('#status'), /Le dernier aperçu valable est conservé\.$/);
  assert.ok(await page.evaluate(() => document.getElementById('code').value.includes('22328')), 'and its embed code');
  await page.fill('#r2-persons', '10381');
  await page.waitForFunction(() => !document.getElementById('problem'));
  // Removing a row from the keyboard leaves the focus in the table.
  await page.focus('#r1-remove');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'r1-remove', 'the focus on the row that took its place');
  assert.equal(await page.inputValue('#r1-name'), 'Ménaka');
  // A paste replaces what the box held.
  await page.fill('#paste', 'ancien texte');
  await page.focus('#paste');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'Gao\t5\nKidal\t3');
    document.getElementById('paste').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  assert.equal(await page.inputValue('#paste'), 'Gao\t5\nKidal\t3');
  assert.deepEqual([await page.inputValue('#r0-name'), await page.inputValue('#r1-name'), await page.inputValue('#f-total')], ['Gao', 'Kidal', '8']);
  await page.selectOption('#o-theme', 'dark');
  // "Start again from the article's figures" asks first, and keeps the options.
  page.once('dialog', (d) => d.dismiss());
  await page.click('#reset');
  assert.equal(await page.inputValue('#r0-name'), 'Gao', 'dismissed: nothing changed');
  page.once('dialog', (d) => d.accept());
  await page.click('#reset');
  assert.deepEqual([await page.inputValue('#r0-name'), await page.inputValue('#o-theme')], ['Tombouctou', 'dark']);
  // 1,001 rows: the chart's limit, said at the table; 1,000: drawn, and the page answers.
  const many = (n) => Array.from({ length: n }, (_, i) => `Région ${i + 1}\t${i + 1}`).join('\n');
  // Pasted as a reader pastes (the editor's paste handler), not typed in by
  // playwright's fill: Chromium's editing of a 1,000-line insertion into a textarea
  // alone holds its thread 2-3 s, whatever the page does with it.
  const paste = (text) => page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.getElementById('paste').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
  await paste(many(1001));
  // The paste emptied the article's title and source: the chart asks for them first.
  await page.waitForFunction(() => document.getElementById('problem')?.textContent === 'Titre : ne doit pas être vide');
  assert.match(await page.textContent('#paste-note'), /^Tableau lu : 1001 lignes\. Sans ligne « Total », le total national est la somme des lignes.* Les champs qui venaient de l'article sont vidés : donnez les vôtres\.$/);
  await page.fill('#f-title', 'Mille et une régions');
  await page.fill('#f-source', 'Source : essai');
  await page.waitForFunction(() => document.getElementById('regions-error').textContent);
  assert.match(await page.textContent('#regions-error'), /^Régions : doit compter au plus 1000 régions, en compte 1001$/);
  await page.evaluate(() => { window.__long = []; new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask' }); });
  await paste(many(1000));
  await page.waitForFunction(() => window.editor.good.data.regions.length === 1000, null, { timeout: 30000 });
  await page.waitForFunction(() => [...document.querySelectorAll('.preview mali-idp-chart')].every((el) => el.chart?.bars().length === 1000), null, { timeout: 30000 });
  // Never frozen: the longest task while 1,000 rows are read, checked, drawn three
  // times and pictured at eight widths (a pause a reader would notice, not a hang).
  const longest = await page.evaluate(() => Math.max(0, ...window.__long));
  console.log(`# editor: the longest task while 1,000 rows are read and drawn: ${Math.round(longest)} ms`);
  assert.ok(longest < 1000, `no task of ${Math.round(longest)} ms`);
  assert.match(await page.inputValue('#code'), /^Le code fait \d+ Ko .*trop long pour être affiché ici/, 'a code of megabytes is not put in the box');
  assert.deepEqual(problems(), []);
  await context.close();
});

/** A blank CMS-like page holding the embed code, served beside our files. */
async function cmsPage(code, { route } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 700, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value); }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.route(`${env.url}cms-article.html`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Article</title></head><body><article style="max-width:640px;margin:auto"><h1>Un article</h1><p>Un paragraphe.</p>${code}<p>La suite.</p></article></body></html>` }));
  if (route) await page.route(...route);
  const failed = new Promise((r) => page.once('pageerror', r));
  await page.goto(`${env.url}cms-article.html`);
  return { page, context, failed };
}

test('the embed code in a blank page: their picture before the wasm, the live chart in its place, their figures on hover; the picture is the npm command\'s', async () => {
  const { page, context, problems } = await editor(`${env.url}editor.html`);
  await enterTheirs(page);
  await page.fill('#base', env.url);
  await page.selectOption('#o-loading', 'eager');
  await page.waitForFunction(() => document.getElementById('code').value.includes('<mali-idp-chart loading="eager" lang="fr">'));
  const code = await page.inputValue('#code');
  const good = await page.evaluate(() => ({ data: window.editor.good.data, element: window.editor.good.out.element }));
  await page.waitForFunction(() => document.getElementById('iframe-code').value);
  const iframeCode = await page.inputValue('#iframe-code');
  const iframePage = await page.evaluate(async () => (await fetch(document.getElementById('d-page').href)).text());
  assert.deepEqual(problems(), []);
  await context.close();
  assert.ok(code.startsWith(`<link rel="stylesheet" href="${env.url}mali-idp-chart.css">\n<script type="module" src="${env.url}mali-idp-chart.js"></script>\n`));

  // The same figures through the npm package's command give the same element, byte for byte.
  const dir = mkdtempSync(`${tmpdir()}/editor-`);
  writeFileSync(`${dir}/figures.json`, JSON.stringify(good.data));
  const npm = execFileSync('node', [`${root}pkg/bin/mali-idp-chart.mjs`, 'picture', '--data', `${dir}/figures.json`, '--element', '--lang', 'fr'], { encoding: 'utf8' });
  assert.equal(npm, `${good.element}\n`, 'the editor\'s element and picture are the npm command\'s');
  assert.ok(code.includes(good.element.replace('<mali-idp-chart ', '<mali-idp-chart loading="eager" ')), 'and the embed code carries it, with the loading chosen');

  // Before the wasm: their picture. Then the live chart in its place, nothing moved.
  let release;
  const gate = new Promise((r) => { release = r; });
  const held = await cmsPage(code, { route: ['**/*.wasm', async (r) => { await gate; await r.continue(); }] });
  await held.page.waitForLoadState('load');
  const before = await held.page.evaluate(() => {
    const el = document.querySelector('mali-idp-chart');
    const svg = [...el.querySelectorAll('.mali-idp-chart-static svg')].find((s) => getComputedStyle(s).display !== 'none');
    return { height: el.getBoundingClientRect().height, texts: [...svg.querySelectorAll('text')].map((t) => t.textContent.trim()) };
  });
  for (const f of ['17\u202f250', '12\u202f125', '6\u202f875', '3\u202f000']) assert.ok(before.texts.includes(f), `their picture shows ${f}: ${before.texts}`);
  release();
  await held.page.waitForFunction(() => document.querySelector('mali-idp-chart').chart);
  await held.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const live = await held.page.evaluate(() => {
    const el = document.querySelector('mali-idp-chart');
    const canvas = el.shadowRoot.querySelector('canvas[role=img]').getBoundingClientRect();
    const b = el.chart.bars()[1];
    return { height: el.getBoundingClientRect().height, x: canvas.x + b.x + b.width / 2, y: canvas.y + b.y + b.height / 2, shifts: window.__shifts };
  });
  assert.ok(Math.abs(live.height - before.height) < 0.5, `same height: ${before.height} then ${live.height}`);
  assert.ok(live.shifts.reduce((a, b) => a + b, 0) < 0.0005, `no layout shift: ${live.shifts}`);
  await held.page.mouse.move(live.x, live.y);
  await held.page.waitForFunction(() => getComputedStyle(document.querySelector('mali-idp-chart').shadowRoot.querySelector('.mali-idp-chart__tooltip')).display === 'block');
  const tip = await held.page.evaluate(() => document.querySelector('mali-idp-chart').shadowRoot.querySelector('.mali-idp-chart__tooltip').textContent);
  assert.match(tip, /Mopti.*12\u202f125/);
  await held.page.screenshot({ path: `${shots}editor-embedded.png` });
  await held.context.close();

  // The wasm failing: their picture stays.
  const failing = await cmsPage(code, { route: ['**/*.wasm', (r) => r.abort()] });
  assert.match((await failing.failed).message, /Failed to fetch/);
  await failing.page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  const kept = await failing.page.evaluate(() => {
    const el = document.querySelector('mali-idp-chart');
    const svg = [...el.querySelectorAll('.mali-idp-chart-static svg')].find((s) => s.getClientRects().length);
    return svg ? [...svg.querySelectorAll('text')].map((t) => t.textContent.trim()) : [];
  });
  assert.ok(kept.includes('17\u202f250'), `their picture stays: ${kept}`);
  await failing.context.close();

  // The iframe variant: their page (downloaded from the editor, put beside our files)
  // in an iframe of an article with no script; it draws their figures and posts its height.
  const src = /src="([^"]+)"/.exec(iframeCode)[1];
  assert.equal(src, `${env.url}deplaces-dans-le-nord.html?id=deplaces-dans-le-nord`, 'the page is named after its title');
  const framed = await env.browser.newContext({ viewport: { width: 700, height: 900 } });
  const parent = await framed.newPage();
  await parent.route(`${env.url}deplaces-dans-le-nord.html*`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: iframePage }));
  await parent.route(`${env.url}cms-iframe.html`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Article</title></head><body><article style="width:640px;margin:auto"><h1>Un article</h1>${iframeCode}</article></body></html>` }));
  await parent.addInitScript(() => { window.__heights = []; addEventListener('message', (e) => e.data?.type === 'mali-idp-chart:height' && window.__heights.push(e.data)); });
  await parent.goto(`${env.url}cms-iframe.html`);
  const frame = await (await parent.waitForSelector('iframe')).contentFrame();
  await frame.waitForFunction(() => document.querySelector('mali-idp-chart'));
  assert.equal(await frame.title(), 'Déplacés dans le Nord', 'the page is titled with their title');
  await frame.waitForFunction(() => document.querySelector('mali-idp-chart').chart);
  assert.deepEqual(await frame.evaluate(() => document.querySelector('mali-idp-chart').chart.bars().map((b) => b.persons)), THEIRS);
  await parent.waitForFunction(() => window.__heights.length > 0);
  const posted = await parent.evaluate(() => window.__heights.at(-1));
  assert.equal(posted.id, 'deplaces-dans-le-nord');
  const frameHeight = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.equal(posted.height, frameHeight, 'it posts its height');
  const declared = Number(/height:(\d+)px/.exec(iframeCode)[1]);
  assert.ok(Math.abs(declared - frameHeight) <= 2, `the code's height (${declared} px) is the chart's in a 640 px column (${frameHeight} px)`);
  await framed.close();
});

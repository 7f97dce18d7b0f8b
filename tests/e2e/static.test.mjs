// The chart before any script: the pages carry a static picture drawn by the same
// code at build time (one drawing per artboard), which the live chart replaces in
// place. With the wasm held back, the picture shows the article's figures as text;
// when the wasm arrives, the swap moves nothing (layout shift measured by the
// browser); with scripts off, the picture stays and a screen reader hears every
// figure from it. Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, open, shots, root } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const FIGURES_FR = ['22 328', '10 794', '10 381', '15 482'];
const FIGURES_EN = ['22,328', '10,794', '10,381', '15,482'];

// Every layout shift from the start of the page, as the web's CLS counts them.
const OBSERVE_SHIFTS = () => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
  }).observe({ type: 'layout-shift', buffered: true });
};

/** Holds every .wasm response back until `release()` is called. */
function holdWasm() {
  let release;
  const gate = new Promise((r) => { release = r; });
  return { route: ['**/*.wasm', async (route) => { await gate; await route.continue(); }], release: () => release() };
}

/** What the visible static picture shows, in a page or under an element. */
const pictureState = (selector) => {
  const host = document.querySelector(selector);
  const pictures = [...host.querySelectorAll('.mali-idp-chart-static')].filter((p) => p.getClientRects().length);
  const shown = pictures.flatMap((p) => [...p.querySelectorAll('svg')].filter((s) => getComputedStyle(s).display !== 'none'));
  const svg = shown[0];
  const fontSizes = svg ? [...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect().height) : [];
  return {
    pictures: pictures.length,
    shown: shown.length,
    artboard: svg ? Number(svg.viewBox.baseVal.width) : 0,
    texts: svg ? [...svg.querySelectorAll('text')].map((t) => t.textContent.trim().replace(/\u202f/g, ' ')) : [],
    smallestText: Math.min(...fontSizes),
    height: host.getBoundingClientRect().height,
    tables: host.querySelectorAll('.mali-idp-chart-static table').length,
    link: pictures[0]?.querySelector('a[download]')?.textContent ?? '',
  };
};

/** The names of the images under `selector` as Chromium's accessibility tree gives
 * them to a screen reader (the hidden artboards are not in it), spaces made plain. */
async function imageNames(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.queryAXTree', { nodeId, role: 'image' });
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).map((n) => (n.name?.value ?? '').replace(/[\u202f\u00a0]/g, ' '));
}

/** A screen reader hears every figure from the picture alone: the one shown drawing's
 * name reads each region with its figure and share, the computed one marked, and the
 * total (the picture has no hidden table for the article's four regions). */
async function assertPictureHeard(page, selector, at) {
  const names = await imageNames(page, selector);
  assert.equal(names.length, 1, `${at}: one image in the accessibility tree (${names.length})`);
  for (const f of ['Tombouctou : 22 328 personnes déplacées, 37,9 % du total', 'Ségou : 10 794', 'Ménaka : 10 381',
    'Autres régions : 15 482 personnes déplacées, 26,2 % du total (calculé)', 'Total national 58 985']) {
    assert.ok(names[0].includes(f), `${at}: the drawing's name reads "${f}": ${names[0]}`);
  }
}

for (const width of [280, 400, 800, 1280]) {
  test(`the article page at ${width} px: a picture first, then the live chart in its place, nothing moves`, async () => {
    const wasm = holdWasm();
    const { page, context, problems } = await open(env.browser, env.url, { width, height: 900, init: OBSERVE_SHIFTS, route: wasm.route });
    await page.waitForLoadState('load');
    const before = await page.evaluate(pictureState, '#chart');
    assert.equal(before.pictures, 1, 'one static picture');
    assert.equal(before.shown, 1, 'exactly one drawing shown');
    // The drawing for this width: the artboard whose band holds it, scaled by 0.85 to 1.15.
    const host = await page.evaluate(() => document.querySelector('#chart').getBoundingClientRect().width);
    const scale = host / before.artboard;
    assert.ok(scale >= 0.85 && scale <= 1.15, `${before.artboard} px artboard in ${host} px`);
    for (const f of FIGURES_FR) assert.ok(before.texts.includes(f), `the picture shows ${f} as text`);
    assert.ok(before.smallestText >= 11, `no text below 11 px (${before.smallestText})`);
    await assertPictureHeard(page, '#chart', `${width} px`);
    assert.equal(before.tables, 0, 'no hidden table to lay out');
    assert.equal(before.link, 'Télécharger les données (CSV)');
    const figureBefore = await page.locator('figure').boundingBox();
    await page.screenshot({ path: `${shots}static-${width}.png` });

    wasm.release();
    await page.waitForFunction(() => window.maliIdpChart);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const afterState = await page.evaluate(() => ({
      pictures: document.querySelectorAll('#chart .mali-idp-chart-static').length,
      bars: window.maliIdpChart.bars().length,
    }));
    assert.equal(afterState.pictures, 0, 'the picture was replaced');
    assert.equal(afterState.bars, 4);
    const figureAfter = await page.locator('figure').boundingBox();
    assert.ok(Math.abs(figureAfter.height - figureBefore.height) < 0.5, `same box: ${figureBefore.height} then ${figureAfter.height}`);
    const shifts = await page.evaluate(() => window.__shifts);
    const cls = shifts.reduce((a, b) => a + b, 0);
    assert.ok(cls < 0.0005, `cumulative layout shift ${cls} (${shifts.join(', ')})`);
    // The live chart answers the first pointer move over a bar.
    await page.locator('#chart canvas[role=img]').scrollIntoViewIfNeeded();
    const bar = await page.evaluate(() => window.maliIdpChart.bars()[1]);
    const canvas = await page.evaluate(() => document.querySelector('#chart canvas[role=img]').getBoundingClientRect().toJSON());
    await page.mouse.move(canvas.x + bar.x + bar.width / 2, canvas.y + bar.y + bar.height / 2);
    await page.waitForFunction(() => getComputedStyle(document.querySelector('#chart .mali-idp-chart__tooltip')).display === 'block');
    const tip = await page.evaluate(() => document.querySelector('#chart .mali-idp-chart__tooltip').textContent.replace(/\u202f/g, ' '));
    assert.match(tip, /Ségou.*10 794/);
    await page.screenshot({ path: `${shots}live-${width}.png` });
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

test('with scripts off, the article page keeps its picture, every figure in its name', async () => {
  for (const width of [280, 1280]) {
    const { page, context } = await open(env.browser, env.url, { width, scripts: false });
    const state = await page.evaluate(pictureState, '#chart');
    assert.equal(state.shown, 1, `${width} px: a drawing shown`);
    assert.ok(state.height > 200, `${width} px: it takes its room (${state.height})`);
    for (const f of FIGURES_FR) assert.ok(state.texts.includes(f), `${width} px: ${f}`);
    await assertPictureHeard(page, '#chart', `${width} px, no script`);
    await page.screenshot({ path: `${shots}no-script-${width}.png` });
    await context.close();
  }
});

test('the iframe page shows the picture in its language first, and swaps it in place', async () => {
  const wasm = holdWasm();
  const { page, context, problems } = await open(env.browser, `${env.url}embed.html?lang=en&id=x`, { width: 400, init: OBSERVE_SHIFTS, route: wasm.route });
  await page.waitForLoadState('load');
  const before = await page.evaluate(pictureState, '#chart');
  assert.equal(before.pictures, 1, 'only the English picture is shown');
  for (const f of FIGURES_EN) assert.ok(before.texts.includes(f), `the picture shows ${f}`);
  assert.equal(before.link, 'Download the data (CSV)');
  wasm.release();
  await page.waitForFunction(() => window.maliIdpChart);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const after = await page.evaluate(() => document.querySelector('#chart').getBoundingClientRect().height);
  assert.ok(Math.abs(after - before.height) < 0.5, `same height: ${before.height} then ${after}`);
  const cls = (await page.evaluate(() => window.__shifts)).reduce((a, b) => a + b, 0);
  assert.ok(cls < 0.0005, `layout shift ${cls}`);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('an element with a picture inside shows it until its chart replaces it, in place', async () => {
  const wasm = holdWasm();
  const { page, context, problems } = await open(env.browser, `${env.url}demo.html`, { width: 1100, route: wasm.route });
  await page.waitForLoadState('load');
  const before = await page.evaluate(() => {
    const el = document.getElementById('element-fr');
    const svg = [...el.querySelectorAll('.mali-idp-chart-static svg')].find((s) => getComputedStyle(s).display !== 'none');
    return { height: el.getBoundingClientRect().height, texts: [...svg.querySelectorAll('text')].map((t) => t.textContent.trim().replace(/\u202f/g, ' ')) };
  });
  for (const f of FIGURES_FR) assert.ok(before.texts.includes(f), `the element's picture shows ${f}`);
  wasm.release();
  await page.waitForFunction(() => document.getElementById('element-fr').chart);
  const after = await page.evaluate(() => {
    const el = document.getElementById('element-fr');
    const slot = el.shadowRoot.querySelector('slot');
    return { height: el.getBoundingClientRect().height, pictureHidden: slot.hidden, canvases: el.shadowRoot.querySelectorAll('canvas').length };
  });
  assert.ok(Math.abs(after.height - before.height) < 0.5, `same height: ${before.height} then ${after.height}`);
  assert.deepEqual([after.pictureHidden, after.canvases], [true, 3], 'the chart, its overlay and its natural-width canvas');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('when the wasm cannot load, the article page keeps its picture and says why', async () => {
  const { page, context, problems } = await open(env.browser, env.url, {
    width: 800, route: ['**/*.wasm', (route) => route.abort()],
    expect: [/Failed to load resource/],
  });
  await page.waitForSelector('#chart .chart-error');
  const state = await page.evaluate(pictureState, '#chart');
  assert.equal(state.shown, 1, 'the picture is still shown');
  for (const f of FIGURES_FR) assert.ok(state.texts.includes(f), f);
  await assertPictureHeard(page, '#chart', 'the wasm failing');
  const message = await page.locator('#chart .chart-error').textContent();
  assert.match(message, /n'a pas pu se charger/);
  assert.equal(await page.locator('#chart .mali-idp-chart').count(), 0, 'no half-built chart');
  assert.deepEqual(problems().filter((p) => !p.startsWith("pageerror: ")), [], "nothing unexpected in the console");
  await context.close();
});

test('theme "auto" is dark only where the page\'s colour scheme is: light-only, light dark and undeclared pages, the reader light and dark, before and after the wasm', async () => {
  const PICTURE = readFileSync(`${root}www/picture-fr.html`, 'utf8');
  const DARK = [22, 25, 29];
  for (const [declared, darkWhenReaderIs] of [['light', []], ['light dark', ['dark']], [null, []], ['dark', ['light', 'dark']]]) {
    for (const reader of ['light', 'dark']) {
      const html = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>scheme</title><link rel="icon" href="data:,">
        <link rel="stylesheet" href="/mali-idp-chart.css"><script type="module" src="/mali-idp-chart.js"></script>
        ${declared ? `<style>:root { color-scheme: ${declared}; }</style>` : ''}
        <body><mali-idp-chart id="c" lang="fr" loading="eager">${PICTURE}</mali-idp-chart></body></html>`;
      const wasm = holdWasm();
      const { page, context, problems } = await open(env.browser, 'about:blank', { width: 640, route: wasm.route, expect: [/willReadFrequently/] });
      await page.emulateMedia({ colorScheme: reader });
      await page.route('**/scheme.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
      await page.goto(`${env.url}scheme.html`);
      const before = await page.evaluate(() => {
        const svg = [...document.querySelectorAll('#c .mali-idp-chart-static svg')].find((s) => getComputedStyle(s).display !== 'none');
        return getComputedStyle(svg.querySelector('rect')).fill.match(/\d+/g).map(Number);
      });
      wasm.release();
      await page.waitForFunction(() => document.getElementById('c').chart);
      const after = await page.evaluate(() => [...document.getElementById('c').shadowRoot.querySelector('canvas[role=img]').getContext('2d').getImageData(1, 1, 1, 1).data].slice(0, 3));
      const want = darkWhenReaderIs.includes(reader) ? DARK : [255, 255, 255];
      const at = `color-scheme ${declared ?? '(none)'}, reader ${reader}`;
      assert.deepEqual(before, want, `${at}: the picture`);
      assert.deepEqual(after, want, `${at}: the live chart`);
      assert.deepEqual(problems(), [], at);
      await context.close();
    }
  }
  // Live: a site's dark-mode switch sets the page's color-scheme, and the chart
  // follows it, both ways, with the reader's system dark.
  const html = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>switch</title><link rel="icon" href="data:,">
    <script type="module" src="/mali-idp-chart.js"></script><style>:root { color-scheme: light; }</style>
    <body><mali-idp-chart id="c" lang="fr" loading="eager"></mali-idp-chart></body></html>`;
  const live = await open(env.browser, 'about:blank', { width: 640, expect: [/willReadFrequently/] });
  await live.page.emulateMedia({ colorScheme: 'dark' });
  await live.page.route('**/switch.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await live.page.goto(`${env.url}switch.html`);
  await live.page.waitForFunction(() => document.getElementById('c').chart);
  await live.page.evaluate(() => {
    window.corner = () => [...document.getElementById('c').shadowRoot.querySelector('canvas[role=img]').getContext('2d').getImageData(1, 1, 1, 1).data].slice(0, 3).join();
  });
  assert.equal(await live.page.evaluate(() => window.corner()), '255,255,255', 'a light page: light');
  for (const [scheme, want] of [['light dark', DARK], ['light', [255, 255, 255]], ['dark', DARK]]) {
    await live.page.evaluate((s) => { document.documentElement.style.colorScheme = s; }, scheme);
    const followed = await live.page.waitForFunction((w) => window.corner() === w, want.join(), { timeout: 3000 }).then(() => true, () => false);
    assert.ok(followed, `the page switched to color-scheme ${scheme}: the chart shows ${await live.page.evaluate(() => window.corner())}`);
  }
  assert.deepEqual(live.problems(), []);
  await live.context.close();
  // The iframe page asked for "light" stays light, whatever the reader's scheme.
  const held = holdWasm();
  const frame = await open(env.browser, `${env.url}embed.html?theme=light`, { width: 400, route: held.route });
  await frame.page.emulateMedia({ colorScheme: 'dark' });
  await frame.page.waitForLoadState('load');
  const light = await frame.page.evaluate(() => {
    const svg = [...document.querySelectorAll('.mali-idp-chart-static svg')].find((s) => getComputedStyle(s).display !== 'none');
    return getComputedStyle(svg.querySelector('rect')).fill;
  });
  assert.equal(light, 'rgb(255, 255, 255)');
  held.release();
  await frame.context.close();
});

for (const [page_, view] of [['embed-map.html', 'map'], ['embed-both.html', 'both']]) {
  test(`the iframe page for view=${view} shows that view's picture first and swaps it in place`, async () => {
    const wasm = holdWasm();
    const { page, context, problems } = await open(env.browser, `${env.url}${page_}?lang=en&id=x`, { width: 400, init: OBSERVE_SHIFTS, route: wasm.route });
    await page.waitForLoadState('load');
    const before = await page.evaluate(pictureState, '#chart');
    assert.equal(before.pictures, 1, 'only the English picture is shown');
    for (const f of FIGURES_EN) assert.ok(before.texts.some((t) => t.includes(f)), `the picture shows ${f}`);
    assert.ok(before.texts.some((t) => /Natural Earth/.test(t)), 'a map picture');
    const circles = await page.evaluate(() => [...document.querySelectorAll('.mali-idp-chart-static svg')]
      .find((s) => getComputedStyle(s).display !== 'none').querySelectorAll('circle[fill="#1D5D90"]').length);
    assert.equal(circles, 3);
    wasm.release();
    await page.waitForFunction(() => window.maliIdpChart);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const after = await page.evaluate(() => ({
      height: document.querySelector('#chart').getBoundingClientRect().height,
      label: document.querySelector('canvas[role=img]').getAttribute('aria-label'),
      bars: window.maliIdpChart.bars().length,
    }));
    assert.ok(Math.abs(after.height - before.height) < 0.5, `same height: ${before.height} then ${after.height}`);
    assert.ok(after.label.startsWith(view === 'map' ? 'Map of Mali:' : 'Map of Mali and bar chart:'), after.label);
    assert.equal(after.bars, view === 'map' ? 0 : 4);
    const cls = (await page.evaluate(() => window.__shifts)).reduce((a, b) => a + b, 0);
    assert.ok(cls < 0.0005, `layout shift ${cls}`);
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

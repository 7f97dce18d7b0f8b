// Embedding in real pages: the custom element (attributes, inline JSON, removal), the
// iframe and its height message, a 280 px phone and a 2x screen. Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, shots } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const names = (page, id) => page.evaluate((id) => document.getElementById(id).chart.bars().map((b) => b.name), id);

test('custom elements render, follow their attributes and destroy themselves when removed', async () => {
  // The test reads pixels back several times, which makes Chromium suggest willReadFrequently.
  const { page, context, problems } = await open(env.browser, `${env.url}demo.html`, { width: 1100, expect: [/willReadFrequently/] });
  await page.waitForFunction(() => ['element-fr', 'element-en', 'element-json'].every((id) => document.getElementById(id).chart));
  assert.deepEqual(await names(page, 'element-fr'), ['Tombouctou', 'Ségou', 'Ménaka', 'Autres régions']);
  assert.deepEqual(await names(page, 'element-en'), ['Timbuktu', 'Segou', 'Menaka', 'Other regions']);
  // Inline JSON data, with the rest computed.
  const json = await page.evaluate(() => document.getElementById('element-json').chart.bars());
  assert.deepEqual(json.map((b) => [b.name, b.persons, b.computed]),
    [['Région A', 420, false], ['Région B', 310, false], ['Autres régions', 270, true]]);
  // Each build was instantiated once for the page, not once per element: the map
  // builds, since the page also has map charts (they draw bars too), one per language
  // of its elements (each with its words alone), and the French and English one its
  // own script's mount() switches between.
  const wasmLoads = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).map((e) => new URL(e.name).pathname));
  assert.deepEqual(wasmLoads.sort(), ['/pkg/mali_idp_chart_map_bg.wasm', '/pkg/mali_idp_chart_map_en_bg.wasm', '/pkg/mali_idp_chart_map_fr_bg.wasm']);
  // An attribute change re-renders in the new language (by that language's build) and theme.
  await page.evaluate(() => document.getElementById('element-fr').setAttribute('lang', 'en'));
  await page.waitForFunction(() => document.getElementById('element-fr').chart?.bars()[0].name === 'Timbuktu');
  assert.deepEqual(await names(page, 'element-fr'), ['Timbuktu', 'Segou', 'Menaka', 'Other regions']);
  const bg = await page.evaluate(() => {
    const el = document.getElementById('element-fr');
    el.setAttribute('theme', 'dark');
    const c = el.shadowRoot.querySelector('canvas');
    return [...c.getContext('2d').getImageData(1, 1, 1, 1).data];
  });
  assert.deepEqual(bg, [0x16, 0x19, 0x1d, 255], 'dark background after theme="dark"');
  // Removing the attributes puts both options back to their defaults: French, and
  // "auto", which follows the page's (light) colour scheme.
  await page.evaluate(() => {
    const el = document.getElementById('element-fr');
    el.removeAttribute('theme');
    el.removeAttribute('lang');
  });
  await page.waitForFunction(() => document.getElementById('element-fr').chart?.bars()[0].name === 'Tombouctou');
  const reset = await page.evaluate(() => {
    const el = document.getElementById('element-fr');
    const c = el.shadowRoot.querySelector('canvas');
    return { bg: [...c.getContext('2d').getImageData(1, 1, 1, 1).data], names: el.chart.bars().map((b) => b.name) };
  });
  assert.deepEqual(reset, { bg: [255, 255, 255, 255], names: ['Tombouctou', 'Ségou', 'Ménaka', 'Autres régions'] });
  await page.locator('#element-en').screenshot({ path: `${shots}element-en-dark.png` });
  // Removing the element destroys the chart: nothing of it is left in its shadow root.
  const left = await page.evaluate(async () => {
    const el = document.getElementById('element-en');
    const shadow = el.shadowRoot;
    el.remove();
    return { chart: el.chart, roots: shadow.querySelectorAll('.mali-idp-chart').length };
  });
  assert.deepEqual(left, { chart: null, roots: 0 });
  assert.deepEqual(problems(), []);
  await context.close();
});

test('bad inline JSON and bad figures are shown in the element, named', async () => {
  const { page, context, problems } = await open(env.browser, `${env.url}demo.html`, {
    width: 900, expect: [/malformed JSON/, /data\.regions\[1\]\.persons/],
  });
  await page.waitForFunction(() => document.getElementById('element-fr').chart);
  const messages = await page.evaluate(async () => {
    const make = (json) => {
      const el = document.createElement('mali-idp-chart');
      el.setAttribute('loading', 'eager'); // appended far below the fold: drawn at once all the same
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = json;
      el.append(script);
      document.body.append(el);
      return el;
    };
    const broken = make('{"title": "T", oops}');
    const negative = make('{"title":"T","source":"S","total":9,"regions":[{"name":"A","persons":1},{"name":"B","persons":-5}]}');
    const hostile = make('{"title":"<img src=x onerror=alert(1)>","source":"</script><b>S</b>","total":9,"regions":[{"name":"<b>bold</b>","persons":1}]}');
    const alertText = (el) => el.shadowRoot.querySelector('[role=alert]')?.textContent ?? '';
    // Each is drawn (or fails) in steps of its own: up to 5 s.
    for (let i = 0; i < 100 && !(hostile.chart && alertText(broken) && alertText(negative)); i++) await new Promise((r) => setTimeout(r, 50));
    // The element's own box (no wasm drew it) and the wasm's: one look.
    const look = (el) => {
      const c = getComputedStyle(el.shadowRoot.querySelector('[role=alert]'));
      return ['borderTopColor', 'borderTopWidth', 'backgroundColor', 'color', 'fontSize', 'lineHeight', 'paddingLeft', 'paddingTop', 'borderTopLeftRadius', 'marginBottom']
        .map((k) => `${k}: ${c[k]}`);
    };
    return {
      broken: alertText(broken),
      negative: alertText(negative),
      looks: [look(broken), look(negative)],
      hostileNames: hostile.chart.bars().map((b) => b.name),
      hostileTags: hostile.shadowRoot.querySelectorAll('img:not(.fallback), b').length,
      hostileTitle: hostile.shadowRoot.querySelector('caption').textContent,
    };
  });
  assert.match(messages.broken, /^mali-idp-chart: data: malformed JSON in <script type="application\/json">/);
  assert.equal(messages.negative, 'mali-idp-chart: data.regions[1].persons: must be a whole number >= 0, got -5');
  assert.deepEqual(messages.looks[0], messages.looks[1], "the element's error box looks like the chart's");
  assert.ok(messages.looks[0].includes('borderTopWidth: 1px'), messages.looks[0].join('; '));
  assert.deepEqual(messages.hostileNames, ['<b>bold</b>'], 'markup in data is text');
  assert.equal(messages.hostileTags, 0, 'and never parsed');
  assert.equal(messages.hostileTitle, '<img src=x onerror=alert(1)>');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the iframe embed posts its height and the parent page fits it', async () => {
  const { page, context, problems } = await open(env.browser, `${env.url}demo.html`, { width: 1100 });
  const fit = async (id) => page.waitForFunction((id) => {
    const frame = document.getElementById(id);
    const doc = frame.contentDocument;
    if (!doc || !doc.querySelector('canvas')) return false;
    const inner = Math.ceil(doc.documentElement.getBoundingClientRect().height);
    return inner > 200 && frame.getBoundingClientRect().height === inner ? inner : false;
  }, id, { timeout: 10000 });
  const [fr, en] = [await (await fit('frame-fr')).jsonValue(), await (await fit('frame-en')).jsonValue()];
  assert.ok(fr > 200 && en > 200, `${fr} ${en}`);
  // The message itself: type, id, height.
  // Another width, another height: new messages (the canvas first scales with its
  // width, then the chart redraws at the new width's artboard), the last one final.
  const message = await page.evaluate(() => new Promise((resolve) => {
    let last = null, quiet;
    window.addEventListener('message', (e) => {
      if (e.data?.id !== 'frame-fr') return;
      last = e.data;
      clearTimeout(quiet);
      quiet = setTimeout(() => resolve(last), 400);
    });
    document.getElementById('frame-fr').style.width = '300px';
  }));
  assert.equal(message.type, 'mali-idp-chart:height');
  assert.equal(message.id, 'frame-fr');
  assert.ok(Number.isInteger(message.height) && message.height !== fr, `a new height: ${message.height} vs ${fr}`);
  assert.equal(await (await fit('frame-fr')).jsonValue(), message.height);
  assert.deepEqual(problems(), []);
  await context.close();
});

for (const [width, dpr] of [[280, 1], [280, 2], [1600, 2]]) {
  test(`the article page at ${width} px and ratio ${dpr}: nothing overflows, the canvas is crisp`, async () => {
    const { page, context, problems } = await open(env.browser, env.url, { width, height: 800, dpr });
    const canvas = page.locator('#chart canvas[role=img]');
    await canvas.waitFor();
    const info = await page.evaluate(() => {
      const c = document.querySelector('#chart canvas[role=img]');
      const r = c.getBoundingClientRect();
      return { scroll: document.documentElement.scrollWidth, view: innerWidth, cssW: r.width, right: r.right, w: c.width, host: c.closest('#chart').clientWidth };
    });
    assert.ok(info.scroll <= info.view, `no horizontal scroll: ${info.scroll} > ${info.view}`);
    assert.equal(info.cssW, info.host);
    assert.equal(info.w, Math.round(info.cssW * dpr));
    await page.locator('#chart').screenshot({ path: `${shots}article-${width}px-dpr${dpr}.png` });
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

test('theme "auto" follows the reader\'s colour scheme live, and a new pixel ratio redraws crisp', async () => {
  // The test polls pixels, which makes Chromium suggest willReadFrequently.
  const { page, context, problems } = await open(env.browser, `${env.url}demo.html`, { width: 1100, expect: [/willReadFrequently/] });
  // The element's chart too: it is drawn in steps of its own, at background priority.
  await page.waitForFunction(() => window.demoChart && document.getElementById('element-fr').chart);
  const pixel = () => page.evaluate(() => {
    const c = document.querySelector('#element-fr').shadowRoot.querySelector('canvas');
    return { bg: [...c.getContext('2d').getImageData(1, 1, 1, 1).data], w: c.width, css: c.getBoundingClientRect().width };
  });
  // "auto" follows the page's used colour scheme: this page offers both.
  await page.evaluate(() => { document.documentElement.style.colorScheme = 'light dark'; });
  await page.evaluate(() => document.getElementById('element-fr').setAttribute('theme', 'auto'));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => {
    const c = document.querySelector('#element-fr').shadowRoot.querySelector('canvas');
    return c.getContext('2d').getImageData(1, 1, 1, 1).data[0] === 255;
  }, null, { timeout: 5000 });
  assert.deepEqual((await pixel()).bg, [255, 255, 255, 255]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => {
    const c = document.querySelector('#element-fr').shadowRoot.querySelector('canvas');
    return c.getContext('2d').getImageData(1, 1, 1, 1).data[0] === 0x16;
  }, null, { timeout: 5000 });
  // The ratio changes under the page, as with browser zoom (which also resizes the
  // window). Headless Chromium does not fire the resolution media query under
  // emulation, so this exercises the resize path of the two ratio watchers.
  const before = await pixel();
  assert.equal(before.w, Math.round(before.css));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1080, height: 900, deviceScaleFactor: 2, mobile: false });
  await page.waitForFunction(() => {
    const c = document.querySelector('#element-fr').shadowRoot.querySelector('canvas');
    return devicePixelRatio === 2 && c.width === Math.round(c.getBoundingClientRect().width * 2);
  }, null, { timeout: 5000 });
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a page of bar charts fetches the bars build only; a map asked later brings the map build', async () => {
  const html = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>bars</title>
    <script type="module" src="/mali-idp-chart.js"></script>
    <mali-idp-chart id="a" lang="fr" loading="eager"></mali-idp-chart>
    <mali-idp-chart id="b" lang="fr" loading="eager"></mali-idp-chart></html>`;
  const { page, context, problems } = await open(env.browser, `${env.url}bars-only.html`, {
    route: ['**/bars-only.html', (route) => route.fulfill({ contentType: 'text/html', body: html })],
  });
  await page.waitForFunction(() => ['a', 'b'].every((id) => document.getElementById(id).chart));
  const fetched = () => page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname).filter((p) => /\.(wasm|js)$/.test(p)).sort());
  assert.deepEqual(await fetched(), ['/mali-idp-chart.js', '/pkg/mali_idp_chart_fr.js', '/pkg/mali_idp_chart_fr_bg.wasm']);
  const label = () => page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('canvas').getAttribute('aria-label'));
  assert.match(await label(), /^Graphique en barres/);
  // The bars build cannot draw a map: the element draws it anew with the map build.
  await page.evaluate(() => document.getElementById('a').setAttribute('view', 'map'));
  await page.waitForFunction(() => document.getElementById('a').shadowRoot.querySelector('canvas')?.getAttribute('aria-label')?.startsWith('Carte du Mali'));
  assert.deepEqual(await fetched(), ['/mali-idp-chart.js', '/pkg/mali_idp_chart_fr.js', '/pkg/mali_idp_chart_fr_bg.wasm',
    '/pkg/mali_idp_chart_map_fr.js', '/pkg/mali_idp_chart_map_fr_bg.wasm']);
  assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelectorAll('[role=alert]:not(:empty)').length), 0);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("an element with figures of its own and no picture never shows the article's, before the wasm, without it, or after", async () => {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>own</title>
    <script type="module" src="/mali-idp-chart.js"></script>
    <mali-idp-chart id="own" lang="en" loading="eager"><script type="application/json">{"title": "Displaced people, our update",
      "source": "Our newsroom", "total": 41000, "regions": [{"name": "Gao", "persons": 17250}, {"name": "Kidal", "persons": 9100}]}</script></mali-idp-chart></html>`;
  // What the article's picture would show: any of its figures or names.
  const ARTICLE = /58[\s\u202f\u00a0,]?985|22[\s\u202f\u00a0,]?328|10[\s\u202f\u00a0,]?794|Timbuktu|Tombouctou/;
  const seen = (page) => page.evaluate(() => {
    const el = document.getElementById('own');
    const shadow = el.shadowRoot;
    const images = [...shadow.querySelectorAll('img')].filter((i) => !i.hidden && getComputedStyle(i).display !== 'none').map((i) => i.src);
    return { text: document.body.innerText + ' ' + [...shadow.querySelectorAll('*')].filter((e) => !e.closest('[hidden]')).map((e) => e.textContent).join(' '), images,
      placeholder: shadow.querySelector('.placeholder:not([hidden])')?.innerText ?? null };
  });
  for (const fails of [false, true]) {
    let release;
    const gate = new Promise((r) => { release = r; });
    const { page, context, problems } = await open(env.browser, `${env.url}own.html`, {
      expect: [/Failed to load|ERR_FAILED|Failed to fetch|WebAssembly|net::/],
    });
    await page.route('**/*.wasm', async (route) => { await gate; if (fails) await route.abort(); else await route.continue(); });
    await page.route('**/own.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto(`${env.url}own.html`);
    await page.waitForFunction(() => document.getElementById('own').shadowRoot?.querySelector('.placeholder:not([hidden])'));
    const before = await seen(page);
    assert.deepEqual(before.images, [], 'no image before the wasm');
    assert.doesNotMatch(before.text, ARTICLE);
    assert.match(before.placeholder, /Displaced people, our update\s+Chart loading/);
    release();
    if (fails) {
      await page.waitForFunction(() => /could not be loaded/.test(document.getElementById('own').shadowRoot.querySelector('.placeholder').innerText));
      const after = await seen(page);
      assert.deepEqual(after.images, [], 'no image with the wasm failed');
      assert.doesNotMatch(after.text, ARTICLE);
    } else {
      await page.waitForFunction(() => document.getElementById('own').chart);
      assert.deepEqual(await page.evaluate(() => document.getElementById('own').chart.bars().map((b) => [b.name, b.persons])),
        [['Gao', 17250], ['Kidal', 9100]]);
      const after = await seen(page);
      assert.equal(after.placeholder, null, 'the placeholder goes when the chart is live');
      assert.doesNotMatch(after.text, ARTICLE);
      assert.deepEqual(problems(), []);
    }
    await context.close();
  }
});

test("an element's own figures on the map: their names placed, the others listed under it", async () => {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>own map</title>
    <script type="module" src="/mali-idp-chart.js"></script>
    <mali-idp-chart id="m" lang="en" view="map" loading="eager"><script type="application/json">{"title": "Our update",
      "source": "Our newsroom", "total": 41000, "regions": [{"name": "GAO", "persons": 17250}, {"name": "Timbuktu", "persons": 9100},
      {"name": "Zone B", "persons": 900}]}</script></mali-idp-chart></html>`;
  const { page, context, problems } = await open(env.browser, `${env.url}own-map.html`, {
    route: ['**/own-map.html', (route) => route.fulfill({ contentType: 'text/html', body: html })],
  });
  await page.waitForFunction(() => document.getElementById('m').chart);
  const got = await page.evaluate(() => {
    const root = document.getElementById('m').shadowRoot;
    return {
      label: root.querySelector('.mali-idp-chart > canvas').getAttribute('aria-label'),
      rows: [...root.querySelectorAll('.mali-idp-chart__data tbody tr')].map((tr) => tr.firstElementChild.textContent),
      alerts: [...root.querySelectorAll('[role=alert]')].map((a) => a.textContent).filter(Boolean),
      wasm: performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.wasm')),
    };
  });
  assert.deepEqual(got.alerts, [], 'no error: a map takes a newsroom\'s figures');
  assert.deepEqual(got.wasm, ['/pkg/mali_idp_chart_map_en_bg.wasm']);
  assert.match(got.label, /^Map of Mali: Our update\. .*GAO 17,250, Timbuktu 9,100, Zone B 900/);
  assert.deepEqual(got.rows, ['GAO', 'Timbuktu', 'Zone B', 'National total']);
  // Somewhere on the map reads Timbuktu with its figure (its circle, or its region, shaded).
  const canvas = page.locator('#m >> css=.mali-idp-chart > canvas[role=img]');
  const box = await canvas.boundingBox();
  let found = null;
  for (let y = 0.15; y < 0.7 && !found; y += 0.05) {
    for (let x = 0.3; x < 0.8 && !found; x += 0.05) {
      await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
      const tip = await page.evaluate(() => {
        const t = document.getElementById('m').shadowRoot.querySelector('.mali-idp-chart__tooltip');
        return getComputedStyle(t).display === 'block' ? t.textContent : '';
      });
      if (tip.includes('Timbuktu') && tip.includes('9,100')) found = tip;
    }
  }
  assert.ok(found, 'a point of the map reads Timbuktu with its figure');
  assert.deepEqual(problems(), []);
  await context.close();
});

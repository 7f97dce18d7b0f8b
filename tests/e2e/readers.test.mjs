// Readers' settings in a real page: Windows high contrast (Chromium's forced-colors
// emulation), with the canvas's pixels read back. Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, shots } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** The system colours as the page has them now (computed on an element that opts out of forcing). */
const systemColours = () => {
  const probe = document.createElement('div');
  probe.style.forcedColorAdjust = 'none';
  document.body.append(probe);
  const out = {};
  for (const k of ['Canvas', 'CanvasText', 'GrayText', 'Highlight']) {
    probe.style.color = k;
    out[k] = getComputedStyle(probe).color.match(/\d+/g).slice(0, 3).map(Number);
  }
  probe.remove();
  return out;
};

/** RGB of the live canvas's device pixel at a point given in the bars' CSS pixels. */
const pixelsAt = () => {
  const chart = window.maliIdpChart;
  const c = document.querySelector('#chart canvas[role=img]');
  const k = c.width / c.getBoundingClientRect().width;
  const at = (x, y) => [...c.getContext('2d').getImageData(Math.floor(x * k), Math.floor(y * k), 1, 1).data].slice(0, 3);
  const bars = chart.bars();
  return {
    background: at(2, 2),
    bar: at(bars[0].x + bars[0].width / 2, bars[0].y + bars[0].height / 2),
    computed: at(bars[3].x + bars[3].width / 2, bars[3].y + bars[3].height / 2),
  };
};

test('under forced colours the canvas draws with the system palette, live, and the highlight stays visible', async () => {
  // (This test's own pixel reads make Chromium suggest willReadFrequently.)
  const { page, context, problems } = await open(env.browser, env.url, { width: 800, expect: [/willReadFrequently/] });
  await page.waitForFunction(() => window.maliIdpChart);
  const normal = await page.evaluate(pixelsAt);
  assert.deepEqual(normal.background, [255, 255, 255]);

  for (const scheme of ['dark', 'light']) {
    // Turned on after the chart is drawn: it follows the media query live.
    await page.emulateMedia({ forcedColors: 'active', colorScheme: scheme });
    const sys = await page.evaluate(systemColours);
    await page.waitForFunction((bg) => {
      const c = document.querySelector('#chart canvas[role=img]');
      const d = c.getContext('2d').getImageData(2, 2, 1, 1).data;
      return d[0] === bg[0] && d[1] === bg[1] && d[2] === bg[2];
    }, sys.Canvas);
    const px = await page.evaluate(pixelsAt);
    assert.deepEqual(px.background, sys.Canvas, `${scheme}: the background is Canvas`);
    assert.deepEqual(px.bar, sys.CanvasText, `${scheme}: bars in CanvasText`);
    assert.deepEqual(px.computed, sys.GrayText, `${scheme}: the computed bar in GrayText`);
    assert.notDeepEqual(sys.Canvas, sys.CanvasText);
    // Hover: the highlight in the system's Highlight colour, on the overlay.
    const box = await page.evaluate(() => {
      const r = document.querySelector('#chart canvas[role=img]').getBoundingClientRect();
      const b = window.maliIdpChart.bars()[1];
      return { x: r.left + b.x + b.width / 2, y: r.top + b.y + b.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    await page.waitForFunction(() => getComputedStyle(document.querySelector('#chart .mali-idp-chart__tooltip')).display === 'block');
    const shot = await page.screenshot({ clip: { x: box.x, y: box.y, width: 1, height: 1 } });
    const seen = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = new OffscreenCanvas(1, 1);
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      return [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3);
    }, shot.toString('base64'));
    assert.deepEqual(seen, sys.Highlight, `${scheme}: the highlighted bar in Highlight, as the screen shows it`);
    await page.screenshot({ path: `${shots}forced-colors-${scheme}.png` });
    await page.mouse.move(0, 0);
  }
  // Off again: the chart's own colours come back.
  await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
  await page.waitForFunction(([f, want]) => JSON.stringify(eval(f)()) === want, [`(${pixelsAt})`, JSON.stringify(normal)]);
  assert.deepEqual(await page.evaluate(pixelsAt), normal);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a chart far below the fold fetches nothing until the reader gets near it; two in one language share one instantiation', async () => {
  const page_ = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Long</title>
    <link rel="stylesheet" href="mali-idp-chart.css"><script type="module" src="mali-idp-chart.js"></script></head>
    <body><p>Début de l'article.</p><div style="height:5000px"></div>
    <mali-idp-chart id="a"></mali-idp-chart><div style="height:3000px"></div>
    <mali-idp-chart id="b" lang="fr"></mali-idp-chart></body></html>`;
  const { page, context, problems } = await open(env.browser, `${env.url}demo.html`, { width: 800, height: 700 });
  const wasm = [];
  // The long page's own requests only (the demo page's iframes may still be loading).
  page.on('request', (r) => { if (r.url().endsWith('.wasm') && r.frame().url().endsWith('/long.html')) wasm.push(r.url()); });
  await page.route('**/long.html', (route) => route.fulfill({ contentType: 'text/html', body: page_ }));
  await page.goto(`${env.url}long.html`);
  // The page at rest: loaded, and no request for half a second (Playwright's
  // network idle), so anything the charts meant to fetch on their own has been asked.
  await page.waitForLoadState('networkidle');
  const state = () => page.evaluate(() => ['a', 'b'].map((id) => {
    const el = document.getElementById(id);
    return { live: !!el.chart, fallback: !el.shadowRoot.querySelector('img.fallback').hidden };
  }));
  assert.deepEqual(wasm, [], 'no wasm requested while the charts are far below');
  assert.deepEqual(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
    .filter((p) => p.startsWith('/pkg/'))), [], 'nor its glue');
  assert.deepEqual(await state(), [{ live: false, fallback: true }, { live: false, fallback: true }], 'their pictures show');
  // Near the first one (within a viewport's height): it goes live, the other waits.
  await page.evaluate(() => window.scrollTo(0, document.getElementById('a').offsetTop - 1200));
  await page.waitForFunction(() => document.getElementById('a').chart);
  assert.equal(wasm.length, 1, 'one wasm request');
  assert.deepEqual((await state())[1], { live: false, fallback: true });
  await page.evaluate(() => document.getElementById('b').scrollIntoView());
  await page.waitForFunction(() => document.getElementById('b').chart);
  assert.equal(wasm.length, 1, 'the second chart shares the first one\'s instantiation');
  assert.equal(await page.evaluate(() => document.getElementById('b').chart.bars()[0].name), 'Tombouctou');
  assert.deepEqual(problems(), []);
  await context.close();
});

/** The text of every page of a PDF, read by pdf.js. */
async function pdfText(bytes) {
  // pdf.js 6 expects Node 22's Promise.withResolvers; Debian's Node 20 lacks it.
  Promise.withResolvers ??= function withResolvers() {
    let resolve, reject;
    const promise = new Promise((a, b) => { resolve = a; reject = b; });
    return { promise, resolve, reject };
  };
  const pdfjs = await import('../../tools/node_modules/pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => item.str).join(' ') + '\n';
  }
  return { text, pages: doc.numPages };
}

test('printing: the chart is redrawn light and at 2x, with no tooltip, fits A4, and its words are in the PDF', async () => {
  const { page, context, problems } = await open(env.browser, `${env.url}embed.html?theme=dark&lang=en`, { width: 800, expect: [/willReadFrequently/] });
  await page.waitForFunction(() => window.maliIdpChart);
  const read = () => page.evaluate(() => {
    const c = document.querySelector('canvas[role=img]');
    const r = c.getBoundingClientRect();
    const b = window.maliIdpChart.bars()[0];
    const at = (x, y) => [...c.getContext('2d').getImageData(Math.floor(x * c.width / r.width), Math.floor(y * c.width / r.width), 1, 1).data].slice(0, 3);
    return {
      ratio: c.width / r.width,
      background: at(2, 2),
      bar: at(b.x + b.width / 2, b.y + b.height / 2),
      tooltip: getComputedStyle(document.querySelector('.mali-idp-chart__tooltip')).display,
      overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth ? `${document.documentElement.scrollWidth} > ${document.documentElement.clientWidth}` : false,
      bars: window.maliIdpChart.bars().map((x) => x.name),
    };
  });
  const screen = await read();
  assert.equal(screen.ratio, 1);
  assert.deepEqual(screen.background, [22, 25, 29], 'dark on screen');
  // A tooltip open when printing starts.
  const box = await page.evaluate(() => {
    const r = document.querySelector('canvas[role=img]').getBoundingClientRect();
    const b = window.maliIdpChart.bars()[0];
    return { x: r.left + b.x + b.width / 2, y: r.top + b.y + b.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.mali-idp-chart__tooltip')).display === 'block');

  await page.emulateMedia({ media: 'print' });
  // Under emulation the media query's change event comes a moment later (printing
  // dispatches it before the page is laid out for paper).
  await page.waitForFunction(() => { const c = document.querySelector('canvas[role=img]'); return c.width > c.getBoundingClientRect().width * 1.5; });
  const paper = await read();
  assert.ok(paper.ratio >= 2, `at least 2 device pixels per CSS pixel on paper: ${paper.ratio}`);
  assert.deepEqual(paper.background, [255, 255, 255], 'light on paper, whatever the theme');
  assert.deepEqual(paper.bar, [0x1d, 0x5d, 0x90], 'the light theme\'s bars');
  assert.equal(paper.tooltip, 'none', 'no tooltip on paper');
  assert.equal(paper.overflow, false);
  // An A4 PDF of the page: one page, the chart's words in it (the accessible table
  // and the link texts are text; the drawing is a 2x image).
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const { text, pages } = await pdfText(pdf);
  const flat = text.replace(/\s+/g, ' ');
  assert.equal(pages, 1, 'the chart fits one A4 page');
  for (const word of ['Internally displaced people in Mali, by region', 'Timbuktu', '22,328', '10,794', '10,381', '15,482', '58,985']) {
    assert.ok(flat.includes(word), `the PDF has "${word}": ${flat.slice(0, 300)}`);
  }
  // The chart's own texts on paper are the print layer's (real text over the drawing);
  // the hidden table has the figures too, so the layer is checked for itself: there,
  // one span per text the chart draws, each in the PDF.
  const printed = await page.evaluate(() => [...document.querySelectorAll('.mali-idp-chart__print > span')].map((s) => s.textContent));
  assert.ok(printed.length >= 10, `the print layer holds the chart's texts: ${printed.length}`);
  // Spaces aside: the PDF's text splits ligatures ("fi gures").
  const bare = flat.replace(/\s+/g, '');
  for (const t of printed) assert.ok(bare.includes(t.replace(/\s+/g, '')), `the PDF has the print layer's "${t}"`);
  await page.emulateMedia({ media: 'screen' });
  await page.waitForFunction(() => { const c = document.querySelector('canvas[role=img]'); return c.width === c.getBoundingClientRect().width; });
  const back = await read();
  assert.deepEqual([back.ratio, back.background], [1, [22, 25, 29]], 'back to the screen as it was');
  assert.deepEqual(problems(), []);
  await context.close();
});

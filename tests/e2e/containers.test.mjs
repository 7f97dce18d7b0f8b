// The chart in every container a CMS may give it: the static picture and the live
// chart take the same box (the width available, as an image of the chart's natural
// width would), so the swap moves nothing, at 320 and 1024 px. Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, open, root } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const PICTURE = readFileSync(`${root}www/picture-fr.html`, 'utf8');
// Each context wraps the chart; the paragraph after it is what must not move.
const CONTEXTS = {
  block: (x) => `<div>${x}</div>`,
  // Bootstrap 5.3's .figure is display: inline-block: its width comes from its content.
  'inline-block figure': (x) => `<figure style="display:inline-block;margin:0 0 1rem">${x}<figcaption>Source : OIM</figcaption></figure>`,
  'flex item': (x) => `<div style="display:flex;gap:8px"><div style="min-width:0">${x}</div><aside>Aside</aside></div>`,
  'grid item': (x) => `<div style="display:grid;grid-template-columns:auto 1fr;gap:8px"><div style="min-width:0">${x}</div><aside>Aside</aside></div>`,
  'table cell': (x) => `<table><tr><td>${x}</td><td>Cell</td></tr></table>`,
  float: (x) => `<div style="float:left">${x}</div><div style="clear:both"></div>`,
  'max-width column': (x) => `<div style="max-width:680px;margin:0 auto">${x}</div>`,
};

for (const embed of ['element', 'mount']) {
  test(`${embed}: the picture and the live chart take the same box in every container, at 320 and 1024 px`, async () => {
    for (const width of [320, 1024]) {
      for (const [name, wrap] of Object.entries(CONTEXTS)) {
        const chart = embed === 'element'
          ? `<mali-idp-chart id="c" lang="fr" loading="eager">${PICTURE}</mali-idp-chart>`
          : `<div id="c">${PICTURE}</div>`;
        const script = embed === 'element'
          ? '<script type="module" src="/mali-idp-chart.js"></script>'
          : `<script type="module">const { default: init, mount } = await import('/pkg/mali_idp_chart.js'); await init();
             window.live = mount('#c', { lang: 'fr' });</script>`;
        const html = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>${name}</title><link rel="icon" href="data:,">
          <link rel="stylesheet" href="/mali-idp-chart.css">${script}
          <body style="margin:8px;font:16px/1.5 sans-serif">${wrap(chart)}<p id="after">Texte après le graphique.</p></body></html>`;
        let release;
        const gate = new Promise((r) => { release = r; });
        const { page, context, problems } = await open(env.browser, 'about:blank', { width, height: 900 });
        await page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
        await page.route('**/ctx.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
        await page.goto(`${env.url}ctx.html`);
        const box = () => page.evaluate(() => {
          const r = document.getElementById('c').getBoundingClientRect();
          return { x: r.left, w: r.width, h: r.height, after: document.getElementById('after').getBoundingClientRect().top };
        });
        const picture = await box();
        release();
        await page.waitForFunction((e) => (e === 'element' ? document.getElementById('c').chart : window.live), embed);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const live = await box();
        const at = `${embed}, ${name}, ${width} px`;
        // The width available: not the narrowest artboard a shrink-to-fit box would
        // give a picture that says nothing of its width.
        assert.ok(picture.w > (width === 320 ? 240 : 600), `${at}: the picture is ${picture.w} px wide`);
        assert.ok(Math.abs(live.w - picture.w) <= 1, `${at}: ${picture.w} px wide, then ${live.w}`);
        assert.ok(Math.abs(live.h - picture.h) <= 1, `${at}: ${picture.h} px high, then ${live.h}`);
        assert.ok(Math.abs(live.after - picture.after) <= 1, `${at}: the text after moved from ${picture.after} to ${live.after}`);
        assert.deepEqual(problems(), [], at);
        await context.close();
      }
    }
  });
}

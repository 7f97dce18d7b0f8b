// The map view in a real page: the demo page's two elements, view="both" (French)
// and view="map" (English), at 280 and 1280 px. Before the wasm: each shows its
// static map with the figures as text. After: the live chart takes the same room,
// and hovering each circle where the picture drew it reads that circle's figure
// (the picture and the live chart come from the same code, so they agree).
// Screenshots go to target/screenshots/map-*.png. Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, shots } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const CASES = [
  { id: 'element-both', figures: ['22 328', '10 794', '10 381'], rest: '15 482', names: ['Tombouctou', 'Ségou', 'Ménaka'] },
  { id: 'element-map', figures: ['22,328', '10,794', '10,381'], rest: '15,482', names: ['Timbuktu', 'Segou', 'Menaka'] },
];

/** The shown drawing of an element's static picture: its figure texts and circles. */
const picture = (id) => {
  const el = document.getElementById(id);
  const svg = [...el.querySelectorAll('.mali-idp-chart-static svg')].find((s) => getComputedStyle(s).display !== 'none');
  if (!svg) return null;
  const circles = [...svg.querySelectorAll('circle')]
    .filter((c) => c.getAttribute('fill') !== 'none' && Number(c.getAttribute('r')) > 5)
    .map((c) => ({ cx: Number(c.getAttribute('cx')), cy: Number(c.getAttribute('cy')), r: Number(c.getAttribute('r')) }));
  return {
    artboard: svg.viewBox.baseVal.width,
    height: el.getBoundingClientRect().height,
    texts: [...svg.querySelectorAll('text')].map((t) => t.textContent.trim().replace(/\u202f/g, ' ')),
    circles,
  };
};

for (const width of [280, 1280]) {
  test(`the map elements at ${width} px: static map first, then a live one that reads each circle`, async () => {
    let release;
    const gate = new Promise((r) => { release = r; });
    const { page, context, problems } = await open(env.browser, `${env.url}demo.html`, {
      width, height: 1000, route: ['**/*.wasm', async (route) => { await gate; await route.continue(); }],
    });
    await page.waitForLoadState('load');
    const pictures = {};
    for (const c of CASES) {
      const p = await page.evaluate(picture, c.id);
      assert.ok(p, `${c.id}: a static picture is shown`);
      assert.equal(p.circles.length, 3, `${c.id}: three circles`);
      // Every circle's figure is written at every width: beside it, or joined to it.
      const written = c.figures.filter((f) => p.texts.some((t) => t.endsWith(f)));
      assert.equal(written.length, 3, `${c.id} at ${width} px: figures ${written} in ${p.texts}`);
      assert.ok(p.texts.some((t) => t.includes(c.rest)), `${c.id}: the unplaced figure's line`);
      assert.ok(p.texts.some((t) => /Natural Earth/.test(t)), `${c.id}: the boundaries' source`);
      pictures[c.id] = p;
    }
    release();
    for (const c of CASES) {
      await page.waitForFunction((id) => document.getElementById(id).chart, c.id);
      const el = page.locator(`#${c.id}`);
      await el.scrollIntoViewIfNeeded();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const height = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().height, c.id);
      assert.ok(Math.abs(height - pictures[c.id].height) < 0.5, `${c.id}: same height, ${pictures[c.id].height} then ${height}`);
      const canvas = await page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('canvas[role=img]').getBoundingClientRect().toJSON(), c.id);
      const k = canvas.width / pictures[c.id].artboard;
      const read = [];
      for (const circle of pictures[c.id].circles) {
        await page.mouse.move(canvas.x + circle.cx * k, canvas.y + circle.cy * k);
        await page.waitForFunction((id) => getComputedStyle(document.getElementById(id).shadowRoot.querySelector('.mali-idp-chart__tooltip')).display === 'block', c.id);
        read.push(await page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('.mali-idp-chart__tooltip').textContent.replace(/\u202f/g, ' '), c.id));
      }
      // Largest circle first: Tombouctou, then Ségou and Ménaka.
      c.names.forEach((name, i) => {
        assert.ok(read[i].startsWith(name) && read[i].includes(c.figures[i]), `${c.id}: circle ${i} reads ${read[i]}`);
      });
      await el.screenshot({ path: `${shots}map-${c.id.replace('element-', '')}-${width}.png` });
      await page.mouse.move(0, 0);
    }
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

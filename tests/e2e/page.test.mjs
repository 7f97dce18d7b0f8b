// The article page as a reader gets it from `make serve`: the chart renders in the
// figure, crisp at the screen's ratio, and a screenshot is kept for people to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, shots } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

for (const dpr of [1, 2]) {
  test(`the article page shows the chart at devicePixelRatio ${dpr}`, async () => {
    const { page, context, problems } = await open(env.browser, env.url, { width: 900, dpr });
    const canvas = page.locator('#chart canvas[role=img]');
    await canvas.waitFor();
    await page.waitForFunction(() => window.maliIdpChart);
    const info = await canvas.evaluate((c) => {
      // One read-back of the whole canvas (several would make Chromium warn).
      const all = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const at = (x, y) => {
        const i = (Math.floor(y * devicePixelRatio) * c.width + Math.floor(x * devicePixelRatio)) * 4;
        return [...all.slice(i, i + 4)];
      };
      // Each bar, where the chart says it painted it: its centre, just inside its
      // ends, and just past its end (before the figure's text starts).
      const bars = window.maliIdpChart.bars().map((b) => ({
        name: b.name, computed: b.computed,
        inside: [at(b.x + b.width / 2, b.y + b.height / 2), at(b.x + 1, b.y + 1), at(b.x + b.width - 1.5, b.y + b.height - 1.5)],
        after: at(b.x + b.width + 2, b.y + b.height / 2),
      }));
      const r = c.getBoundingClientRect();
      return { cssW: r.width, cssH: r.height, w: c.width, h: c.height, bars, host: c.closest('#chart').clientWidth };
    });
    assert.equal(info.cssW, info.host, 'the canvas fills its container');
    assert.equal(info.w, Math.round(info.cssW * dpr), 'backing width = CSS width x ratio');
    assert.equal(info.h, Math.round(info.cssH * dpr), 'backing height = CSS height x ratio');
    assert.deepEqual(info.bars.map((b) => b.name), ['Tombouctou', 'Ségou', 'Ménaka', 'Autres régions']);
    for (const b of info.bars) {
      const fill = b.computed ? [0x7d, 0x8a, 0x97, 255] : [0x1d, 0x5d, 0x90, 255];
      for (const px of b.inside) assert.deepEqual(px, fill, `${b.name} painted in its colour`);
      assert.deepEqual(b.after, [255, 255, 255, 255], `${b.name} ends where the chart says`);
    }
    await page.locator('figure').screenshot({ path: `${shots}page-dpr${dpr}.png` });
    if (dpr === 1) await page.screenshot({ path: `${shots}page.png`, fullPage: true });
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

test('the social card the page names is a 1200 x 630 PNG of the chart', async () => {
  const { page, context } = await open(env.browser, env.url, { width: 900 });
  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  assert.equal(image, 'social-fr.png');
  for (const lang of ['fr', 'en']) {
    // Decoded by the browser; each bar of the static picture (the SVG's rectangles,
    // scaled and centred as tools/social.mjs places it) must be there in its colour.
    const card = await page.evaluate(async (lang) => {
      const img = new Image();
      img.src = `social-${lang}.png`;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.naturalWidth, img.naturalHeight];
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const svg = new DOMParser().parseFromString(await (await fetch(`fallback-${lang}.svg`)).text(), 'image/svg+xml');
      const root = svg.documentElement;
      const scale = 1120 / Number(root.getAttribute('width'));
      const [dx, dy] = [(c.width - 1120) / 2, (c.height - Number(root.getAttribute('height')) * scale) / 2];
      const bars = [...svg.querySelectorAll('rect')].slice(1).map((r) => {
        const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(r.getAttribute(k)));
        const px = ctx.getImageData(Math.floor(dx + (x + w / 2) * scale), Math.floor(dy + (y + h / 2) * scale), 1, 1).data;
        return { fill: r.getAttribute('fill').toLowerCase(), seen: '#' + [...px.slice(0, 3)].map((v) => v.toString(16).padStart(2, '0')).join('') };
      });
      return { size: [c.width, c.height], bars };
    }, lang);
    assert.deepEqual(card.size, [1200, 630], lang);
    assert.equal(card.bars.length, 4, lang);
    for (const b of card.bars) assert.equal(b.seen, b.fill, `${lang}: a bar of the card`);
  }
  await context.close();
});

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
    const info = await canvas.evaluate((c) => {
      const ctx = c.getContext('2d');
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200) painted++;
      const r = c.getBoundingClientRect();
      return { cssW: r.width, cssH: r.height, w: c.width, h: c.height, painted, host: c.closest('#chart').clientWidth };
    });
    assert.equal(info.cssW, info.host, 'the canvas fills its container');
    assert.equal(info.w, Math.round(info.cssW * dpr), 'backing width = CSS width x ratio');
    assert.equal(info.h, Math.round(info.cssH * dpr), 'backing height = CSS height x ratio');
    assert.ok(info.painted > info.w * info.h * 0.02, `bars and text are painted (${info.painted} dark pixels)`);
    await page.locator('figure').screenshot({ path: `${shots}page-dpr${dpr}.png` });
    if (dpr === 1) await page.screenshot({ path: `${shots}page.png`, fullPage: true });
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

test('the social card the page names is a 1200 x 630 PNG of the chart', async () => {
  const { readFileSync } = await import('node:fs');
  const { page, context } = await open(env.browser, env.url, { width: 900 });
  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  assert.equal(image, 'social-fr.png');
  for (const lang of ['fr', 'en']) {
    const png = readFileSync(new URL(`../../www/social-${lang}.png`, import.meta.url));
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
  }
  await context.close();
});

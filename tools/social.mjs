// Social-card images (www/social-fr.png, www/social-en.png, 1200 × 630): the static
// SVG fallback, drawn by the chart's own code, rendered to PNG by headless Chromium,
// since social networks do not take SVG for og:image. Run by `make fallback`.
import { chromium } from './node_modules/playwright-core/index.mjs';
import { serve } from './serve.mjs';

const www = new URL('../www/', import.meta.url).pathname;
const { server, url } = await serve(www);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
  for (const lang of ['fr', 'en']) {
    await page.setContent(`<!doctype html><body style="margin:0;background:#fff;display:flex;align-items:center;justify-content:center;width:1200px;height:630px">
      <img src="${url}fallback-${lang}.svg" style="width:1120px;height:auto">`);
    await page.waitForFunction(() => document.images[0].complete && document.images[0].naturalWidth > 0);
    await page.screenshot({ path: `${www}social-${lang}.png` });
    console.log(`www/social-${lang}.png`);
  }
} finally {
  await browser.close();
  server.close();
}

// Shared set-up for the end-to-end tests: serves www/ on loopback with the project's
// own server and drives Debian's Chromium through playwright-core (no browser
// download). Every page fails its test on a console error or warning we did not expect.
import { chromium } from '../../tools/node_modules/playwright-core/index.mjs';
import { serve } from '../../tools/serve.mjs';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const shots = `${root}target/screenshots/`;
mkdirSync(shots, { recursive: true });

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--disable-quic', '--disable-dev-shm-usage'];

export async function start({ csp = '' } = {}) {
  const { server, url } = await serve(`${root}www`, { csp });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** A new page that records console problems; `problems()` lists them. */
export async function open(browser, url, { width = 1000, height = 900, dpr = 1, expect = [], init, route, scripts = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, hasTouch: true, javaScriptEnabled: scripts });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  if (route) await page.route(...route);
  const seen = [];
  page.on('console', (m) => {
    if (['error', 'warning'].includes(m.type()) && !expect.some((re) => re.test(m.text()))) seen.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
  await page.goto(url);
  return { page, context, problems: () => seen };
}

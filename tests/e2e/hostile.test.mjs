// Strict and hostile pages: a strict Content-Security-Policy, and page CSS that
// would break a careless widget. The chart must render, hover, and report nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, shots } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Records CSP violations from the first script on. */
const watchViolations = () => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
};

async function hoverTombouctou(page, scope = '#chart') {
  const canvas = page.locator(`${scope} canvas[role=img]`);
  await canvas.waitFor();
  await page.locator(scope).scrollIntoViewIfNeeded();
  const p = await page.evaluate((scope) => {
    const c = document.querySelector(`${scope} canvas[role=img]`);
    const r = c.getBoundingClientRect();
    const b = window.maliIdpChart.bars()[0];
    const s = r.width / c.width * devicePixelRatio; // the page may show the canvas smaller
    return { x: r.left + (b.x + b.width / 2) * s, y: r.top + (b.y + b.height / 2) * s };
  }, scope);
  await page.mouse.move(p.x, p.y, { steps: 3 });
  const tip = page.locator(`${scope} [role=tooltip]`);
  await tip.waitFor({ state: 'visible' });
  return tip.textContent();
}

test('under a strict CSP every page renders and hovers with no violation', async () => {
  const env = await start({ csp: CSP });
  try {
    for (const path of ['', 'demo.html', 'embed.html?lang=en']) {
      const { page, context, problems } = await open(env.browser, env.url + path, { width: 1000, init: watchViolations });
      await page.locator('canvas[role=img]').first().waitFor();
      if (path === '') assert.match(await hoverTombouctou(page), /22\u202F328/);
      if (path === 'demo.html') await page.waitForFunction(() => document.getElementById('element-json').chart);
      const violations = await page.evaluate(() => window.__violations);
      assert.deepEqual(violations, [], `${path || 'index'}: CSP violations`);
      assert.deepEqual(problems(), [], `${path || 'index'}: console`);
      await context.close();
    }
  } finally {
    await env.close();
  }
});

const HOSTILE_CSS = `
  * { box-sizing: content-box !important; }
  html { font-size: 40px; }
  div { padding: 7px; line-height: 3; }
  canvas { width: 50% !important; border: 3px solid red; }
  table, strong { font-size: 30px; }
`;

test('hostile page CSS and a right-to-left document keep layout and hit testing right', async () => {
  const env = await start();
  try {
    const { page, context, problems } = await open(env.browser, env.url, {
      width: 900,
      init: `document.addEventListener('DOMContentLoaded', () => {
        document.documentElement.dir = 'rtl';
        const s = document.createElement('style'); s.textContent = ${JSON.stringify(HOSTILE_CSS)};
        document.head.append(s);
      });`,
    });
    const text = await hoverTombouctou(page);
    assert.match(text, /Tombouctou/);
    assert.match(text, /22\u202F328 personnes déplacées/);
    const geo = await page.evaluate(() => {
      const root = document.querySelector('#chart .mali-idp-chart');
      const tip = root.querySelector('[role=tooltip]').getBoundingClientRect();
      const box = root.getBoundingClientRect();
      const canvas = root.querySelector('canvas[role=img]');
      return { tipInside: tip.left >= box.left - 1 && tip.right <= box.right + 1, scroll: document.documentElement.scrollWidth, view: innerWidth,
        // The page's `canvas { width: 50% !important; border: 3px }` must not reach
        // the chart's canvas (hoverTombouctou would follow a shrunk canvas).
        canvasWidth: canvas.getBoundingClientRect().width, boxWidth: box.width, border: getComputedStyle(canvas).borderTopWidth };
    });
    assert.ok(Math.abs(geo.canvasWidth - geo.boxWidth) < 1, `the canvas spans its box (${geo.canvasWidth} of ${geo.boxWidth} px)`);
    assert.equal(geo.border, '0px', 'no page border on the canvas');
    assert.ok(geo.tipInside, 'tooltip inside the chart');
    assert.ok(geo.scroll <= geo.view, 'no horizontal overflow');
    await page.locator('#chart').screenshot({ path: `${shots}hostile-css-rtl.png` });
    assert.deepEqual(problems(), []);
    await context.close();
  } finally {
    await env.close();
  }
});

test('lifecycle faults: an element removed before the wasm is ready, a frozen and resumed tab', async () => {
  const env = await start();
  try {
    const { page, context, problems } = await open(env.browser, `${env.url}demo.html`, { width: 900 });
    // Removed while its render still waits for the wasm: nothing is drawn, nothing throws.
    const removed = await page.evaluate(async () => {
      const el = document.createElement('mali-idp-chart');
      el.setAttribute('loading', 'eager'); // at the end of a long page: not lazy, for this test
      document.body.append(el);
      el.remove();
      await new Promise((r) => setTimeout(r, 500));
      return { chart: el.chart, drawn: el.shadowRoot.querySelectorAll('canvas').length };
    });
    assert.deepEqual(removed, { chart: null, drawn: 0 });
    // Re-attached later: drawn then.
    const again = await page.evaluate(async () => {
      const el = document.createElement('mali-idp-chart');
      el.setAttribute('loading', 'eager');
      document.body.append(el);
      el.remove();
      document.body.append(el);
      // Shown once its steps are taken (background tasks): up to 5 s.
      for (let i = 0; i < 100 && !el.chart; i++) await new Promise((r) => setTimeout(r, 50));
      return el.chart ? el.chart.bars().length : 0;
    });
    assert.equal(again, 4);
    // The tab frozen (hidden, no frames) then resumed: the charts still answer.
    await page.waitForFunction(() => window.demoChart);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
    await cdp.send('Page.setWebLifecycleState', { state: 'active' });
    await page.evaluate(() => window.demoChart.update({ lang: 'en' }));
    assert.equal(await page.evaluate(() => window.demoChart.bars()[0].name), 'Timbuktu');
    assert.deepEqual(problems(), []);
    await context.close();
  } finally {
    await env.close();
  }
});

// The chart heard (issue 27) as a keyboard and screen-reader user reaches it, in
// Chromium: the Listen button is in the tab order after the chart and its links, named
// by its text in the chart's language, a toggle (aria-pressed); pressed with the
// keyboard, it plays (a recording AudioContext: headless Chromium has no sound card)
// and the live region names each region in turn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, open, root } from './harness.mjs';

const AXE = readFileSync(`${root}tools/node_modules/axe-core/axe.min.js`, 'utf8');

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const STUB = () => {
  window.__tones = [];
  window.AudioContext = class {
    constructor() { this.currentTime = 0; this.destination = {}; }
    createOscillator() { const o = { frequency: {}, connect: (n) => n, start: () => window.__tones.push(o.frequency.value), stop() {} }; return o; }
    createGain() { return { gain: { setValueAtTime() {}, linearRampToValueAtTime() {}, cancelScheduledValues() {}, setTargetAtTime() {} }, connect: (n) => n }; }
    resume() { return Promise.resolve(); }
    close() { return Promise.resolve(); }
  };
};

for (const [lang, name, first] of [['fr', 'Écouter', 'Tombouctou'], ['en', 'Listen', 'Timbuktu'], ['ar', 'استماع', 'تمبكتو']]) {
  test(`the Listen button in ${lang}: reached by Tab, named, a toggle, and heard`, async () => {
    const html = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>t</title><link rel="icon" href="data:,">
      <script type="module" src="/mali-idp-chart.js"></script><button id="before">before</button>
      <mali-idp-chart lang="${lang}" loading="eager"></mali-idp-chart>`;
    const { page, context, problems } = await open(env.browser, `${env.url}sound-${lang}.html`, {
      init: STUB, route: [`**/sound-${lang}.html`, (r) => r.fulfill({ contentType: 'text/html', body: html })],
    });
    await page.waitForFunction(() => document.querySelector('mali-idp-chart').chart);
    await page.focus('#before');
    const stops = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      stops.push(await page.evaluate(() => {
        const a = document.querySelector('mali-idp-chart').shadowRoot.activeElement;
        return a && `${a.tagName.toLowerCase()}:${a.tagName === 'CANVAS' ? '' : a.textContent}`;
      }));
    }
    assert.equal(stops[0], 'canvas:', `${lang}: the chart first`);
    assert.equal(stops[3], `button:${name}`, `${lang}: then its links, then the button (${stops.join(' | ')})`);
    const snapshot = await page.locator('mali-idp-chart').ariaSnapshot();
    assert.match(snapshot, new RegExp(`button "${name}"`), snapshot);
    await page.keyboard.press('Enter');
    const pressed = await page.evaluate(() => document.querySelector('mali-idp-chart').shadowRoot.querySelector('.mali-idp-chart__listen').getAttribute('aria-pressed'));
    assert.equal(pressed, 'true');
    const said = await page.waitForFunction((f) => {
      const live = document.querySelector('mali-idp-chart').shadowRoot.querySelector('.mali-idp-chart__live').textContent;
      return live.includes(f) && live;
    }, first).then((h) => h.jsonValue());
    assert.ok(said.includes(first));
    assert.equal(await page.evaluate(() => window.__tones.length), 8, 'a tone per region, twice: the shape, then each said');
    await page.keyboard.press('Enter'); // pressed again: stopped
    assert.equal(await page.evaluate(() => document.querySelector('mali-idp-chart').shadowRoot.querySelector('.mali-idp-chart__listen').getAttribute('aria-pressed')), 'false');
    // axe-core finds nothing wrong with the chart as it plays (the button pressed, a
    // region lit and announced).
    await page.addScriptTag({ content: AXE });
    await page.keyboard.press('Enter');
    const audit = await page.evaluate(async () => {
      const el = document.querySelector('mali-idp-chart');
      const button = el.shadowRoot.querySelector('.mali-idp-chart__listen');
      await new Promise((r) => setTimeout(r, 100)); // the first region lit and said
      const pressed = button.getAttribute('aria-pressed');
      const r = await window.axe.run(el, { resultTypes: ['violations'] });
      if (button.getAttribute('aria-pressed') === 'true') button.click(); // stopped
      return { pressed, violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`) };
    });
    assert.deepEqual(audit, { pressed: 'true', violations: [] }, `${lang}: axe, as it plays`);
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

// The pages as documents: the iframe page audited with axe-core (a main landmark,
// a first-level heading, a title and lang in the chart's language, nothing outside
// landmarks), before and after the chart is live. Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, open, root } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const AXE = readFileSync(`${root}tools/node_modules/axe-core/axe.min.js`, 'utf8');

/** axe-core's violations on the page, as "rule: targets". */
async function audit(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const [lang, title, heading] of [
  ['fr', 'Personnes déplacées internes au Mali, par région', 'Personnes déplacées internes au Mali, par région'],
  ['en', 'Internally displaced people in Mali, by region', 'Internally displaced people in Mali, by region'],
]) {
  test(`the iframe page in ${lang} is a proper document that axe finds nothing wrong with`, async () => {
    for (const scripts of [false, true]) {
    for (const file of ['embed.html', 'embed-map.html', 'embed-both.html']) {
      const { page, context, problems } = await open(env.browser, `${env.url}${file}?lang=${lang}&id=a`, { width: 480, scripts });
      if (scripts) await page.waitForFunction(() => window.maliIdpChart);
      const doc = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        title: document.title,
        mains: document.querySelectorAll('main').length,
        h1: [...document.querySelectorAll('h1')].map((h) => h.innerText.trim()).filter(Boolean),
        outside: [...document.body.children].filter((e) => !['MAIN', 'SCRIPT'].includes(e.tagName)).map((e) => e.tagName),
      }));
      // Without scripts the page stays French (its picture too): that is its default.
      const want = scripts ? lang : 'fr';
      assert.equal(doc.lang, want);
      assert.equal(doc.title, scripts ? title : 'Personnes déplacées internes au Mali, par région');
      assert.equal(doc.mains, 1, 'one main landmark');
      assert.deepEqual(doc.h1, [scripts ? heading : 'Personnes déplacées internes au Mali, par région'], 'one heading, in the page language');
      assert.deepEqual(doc.outside, [], 'everything inside the landmark');
      // axe needs the page's timers, which do not run with scripts off.
      if (scripts) assert.deepEqual(await audit(page), [], 'axe, with the live chart');
      assert.deepEqual(problems(), []);
      await context.close();
    }
    }
  });
}

test('the article page describes its data as a schema.org Dataset, with the figures its picture reads', async () => {
  // Scripts off: the description is data in the HTML, not something a script adds.
  const { page, context } = await open(env.browser, env.url, { width: 800, scripts: false });
  const found = await page.evaluate(() => [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent));
  assert.equal(found.length, 1, 'one JSON-LD block');
  const ld = JSON.parse(found[0]);
  assert.equal(ld['@context'], 'https://schema.org');
  assert.equal(ld['@type'], 'Dataset');
  assert.equal(ld.inLanguage, 'fr');
  for (const key of ['name', 'description', 'creator', 'sourceOrganization', 'isBasedOn', 'variableMeasured', 'spatialCoverage']) {
    assert.ok(ld[key], `${key} is given`);
  }
  assert.equal(ld.creator['@type'], 'Organization');
  assert.match(ld.creator.name, /Commission Mouvement de Populations/);
  assert.equal(ld.variableMeasured['@type'], 'PropertyValue');
  assert.equal(ld.datePublished, undefined, 'the article gives no date: none is invented');
  // Every figure the page's picture reads to a screen reader (its drawing's name) is in
  // the description, computed ones marked, and the total.
  const name = await page.evaluate(() => document.querySelector('#chart .mali-idp-chart-static svg').getAttribute('aria-label'));
  const regions = [...name.matchAll(/(?<=\. )([^.:]+) : ([\d\u202f]+) personnes déplacées[^.]*?( \(calculé\))?\./g)];
  assert.equal(regions.length, 4, `four regions read in ${name}`);
  for (const [, region, persons, computed] of regions) {
    assert.ok(ld.description.includes(`${region} ${persons}${computed ?? ''}`), `${region} ${persons} in ${ld.description}`);
  }
  const total = /Total national ([\d\u202f]+)\.$/.exec(name)[1];
  assert.ok(ld.description.includes(total), 'and the national total');
  await context.close();
});

test('every page we ship is clean for axe with a tooltip showing (no inline text spacing: WCAG 1.4.12)', async () => {
  for (const file of ['index.html', 'demo.html', 'embed.html', 'embed-map.html', 'embed-both.html']) {
    const { page, context, problems } = await open(env.browser, `${env.url}${file}`, { width: 1000, expect: [/willReadFrequently/] });
    // The first live chart in the page (swapped in), in the light DOM or an element's shadow root.
    const first = `(() => { for (const el of document.querySelectorAll('.mali-idp-chart, mali-idp-chart')) {
      const c = (el.shadowRoot ?? el).querySelector('.mali-idp-chart:not(.mali-idp-chart--pending) > canvas'); if (c) return c; } })()`;
    await page.waitForFunction(`!!${first}`);
    // (A chart drawn anew, by a late resize of a page still settling, hides its
    // tooltip: the key is pressed again, at most five times.)
    const shown = `getComputedStyle(${first}.parentElement.querySelector('.mali-idp-chart__tooltip')).display === 'block'`;
    for (let i = 0; i < 5; i++) {
      await page.evaluate(`${first}.focus()`);
      await page.keyboard.press('ArrowDown');
      if (await page.waitForFunction(shown, null, { timeout: 5000 }).then(() => true, () => false)) break;
    }
    assert.ok(await page.evaluate(shown), `${file}: a tooltip showing`);
    assert.deepEqual(await audit(page), [], `${file}: axe, with a tooltip showing`);
    assert.deepEqual(problems(), [], file);
    await context.close();
  }
});

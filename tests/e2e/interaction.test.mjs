// Reading the figures on the real page, with real input from Chromium: mouse moves,
// touch taps and the keyboard. Positions come from the chart's own bars().
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, shots } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Page coordinates of the centre of bar `i`, from the chart's layout. */
async function barCentre(page, i) {
  await page.locator('#chart canvas[role=img]').waitFor();
  await page.locator('#chart').scrollIntoViewIfNeeded();
  return page.evaluate((i) => {
    const c = document.querySelector('#chart canvas[role=img]').getBoundingClientRect();
    const b = window.maliIdpChart.bars()[i];
    return { x: c.left + b.x + b.width / 2, y: c.top + b.y + b.height / 2, name: b.name, persons: b.persons };
  }, i);
}

const tooltip = (page) => page.locator('#chart [role=tooltip]');

test('a mouse over the Tombouctou bar shows its exact figure and share', async () => {
  const { page, context, problems } = await open(env.browser, env.url, { width: 900 });
  const bar = await barCentre(page, 0);
  assert.equal(bar.name, 'Tombouctou');
  await page.mouse.move(bar.x - 40, bar.y - 60);
  await page.mouse.move(bar.x, bar.y, { steps: 8 });
  await tooltip(page).waitFor({ state: 'visible' });
  const text = await tooltip(page).textContent();
  assert.match(text, /Tombouctou/);
  assert.match(text, /22\u202F328 personnes déplacées/);
  assert.match(text, /37,9\u00A0% du total/);
  // The tooltip sits next to the pointer and inside the chart.
  const [tip, box] = await Promise.all([tooltip(page).boundingBox(), page.locator('#chart .mali-idp-chart').boundingBox()]);
  assert.ok(tip.x >= box.x && tip.x + tip.width <= box.x + box.width + 0.5, 'inside the chart horizontally');
  assert.ok(Math.abs(tip.y - bar.y) < 80, 'next to the pointer');
  await page.locator('figure').screenshot({ path: `${shots}hover-tombouctou.png` });
  // Moving off the chart hides it.
  await page.mouse.move(5, 5, { steps: 4 });
  await tooltip(page).waitFor({ state: 'hidden' });
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a tap shows the tooltip and a second tap dismisses it', async () => {
  const { page, context, problems } = await open(env.browser, env.url, { width: 360, height: 740, dpr: 2 });
  const bar = await barCentre(page, 1);
  await page.touchscreen.tap(bar.x, bar.y);
  await tooltip(page).waitFor({ state: 'visible' });
  assert.match(await tooltip(page).textContent(), /10\u202F794/);
  assert.match(await page.locator('#chart [aria-live=polite]').textContent(), /Ségou/);
  await page.locator('figure').screenshot({ path: `${shots}tap-segou-360px.png` });
  await page.touchscreen.tap(bar.x, bar.y);
  await tooltip(page).waitFor({ state: 'hidden' });
  // Tap, then tap the article text outside the chart: dismissed.
  await page.touchscreen.tap(bar.x, bar.y);
  await tooltip(page).waitFor({ state: 'visible' });
  const h1 = await page.locator('h1').boundingBox();
  await page.touchscreen.tap(h1.x + 10, h1.y + 10);
  await tooltip(page).waitFor({ state: 'hidden' });
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the keyboard reaches the chart with Tab and reads it with the arrows', async () => {
  const { page, context, problems } = await open(env.browser, env.url, { width: 900 });
  await page.locator('#chart canvas[role=img]').waitFor();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('role'));
  assert.equal(focused, 'img', 'the chart is the first tab stop of this page');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid', 'a visible focus ring');
  // The ring crosses none of the footer's links and button (it is drawn inside the
  // canvas's edge, in its margin: outside, it ran through the links below).
  const crossed = await page.evaluate(() => {
    const c = document.activeElement;
    const s = getComputedStyle(c);
    const out = parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth);
    const r = c.getBoundingClientRect();
    const ring = { top: r.top - out, bottom: r.bottom + out, left: r.left - out, right: r.right + out };
    return [...c.closest('.mali-idp-chart').querySelectorAll('.mali-idp-chart__footer a, .mali-idp-chart__footer button')]
      .map((e) => [e.textContent, e.getBoundingClientRect()])
      .filter(([, b]) => b.top < ring.bottom && b.bottom > ring.top && b.left < ring.right && b.right > ring.left)
      .map(([t]) => t);
  });
  assert.deepEqual(crossed, [], 'the focus ring crosses no link of the footer');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const live = page.locator('#chart [aria-live=polite]');
  assert.equal(await live.textContent(), 'Ségou : 10\u202F794 personnes déplacées, 18,3\u00A0% du total');
  await page.keyboard.press('End');
  assert.match(await live.textContent(), /^Autres régions : 15\u202F482 .*\(calculé\)$/);
  await page.locator('figure').screenshot({ path: `${shots}keyboard-others.png` });
  // Past the end: the same region said again (the live region changes, by a no-break
  // space, so that a screen reader says it), and again.
  const last = await live.textContent();
  await page.keyboard.press('ArrowDown');
  assert.equal(await live.textContent(), `${last}\u00A0`);
  await page.keyboard.press('ArrowDown');
  assert.equal(await live.textContent(), last);
  await page.keyboard.press('Escape');
  await tooltip(page).waitFor({ state: 'hidden' });
  assert.deepEqual(problems(), []);
  await context.close();
});

// `make trace`: the main thread of real pages, as a phone feels it. Each page is
// loaded cold in headless Chromium at 412 px, DPR 2, with the CPU slowed (4× by
// default: a mid-range phone) and recorded by the DevTools protocol's Tracing domain;
// nothing of ours is injected into the page. From each trace: the longest main-thread
// task and the tasks over 50 ms (with what ran in them), the chart's phases (its
// `performance.mark`s: glue imported, wasm instantiated, mount, swap, rest), and, on
// the lazy page, how long a tap made while the chart upgrades waits (Event Timing).
// Prints medians over TRACE_LOADS loads (default 7) and writes target/trace.json.
//
// Usage: node bench/trace.mjs [page ...]   (pages: article embed map five lazy floor
// picture; default all). TRACE_THROTTLE=1 for full speed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '../tools/node_modules/playwright-core/index.mjs';
import { serve } from '../tools/serve.mjs';

const root = new URL('../', import.meta.url).pathname;
const LOADS = Number(process.env.TRACE_LOADS ?? 7);
const THROTTLE = Number(process.env.TRACE_THROTTLE ?? 4);
const LONG = 50;

/** The pages, each at a URL under the project's root. `lazy` scrolls to its chart
 * (far below the fold) and taps it while it upgrades. */
export const PAGES = {
  article: { path: 'www/index.html' },
  embed: { path: 'www/embed.html' },
  map: { path: 'www/embed-map.html' },
  five: { path: 'www/trace-five.html' },
  lazy: { path: 'www/trace-lazy.html', scroll: true },
  // The article without the chart's script: the picture alone (the page's own cost).
  picture: { path: 'www/trace-picture.html' },
  // The article's text without the chart at all.
  floor: { path: 'www/trace-floor.html' },
  // Any page under the root: TRACE_PATH=www/… node bench/trace.mjs path
  path: { path: process.env.TRACE_PATH },
};

/** Writes the derived pages (git-ignored) from the ones we ship, so they carry the
 * current picture: five elements in an article; one element 3,000 px below the fold;
 * the article without the chart's scripts; the article without the chart. */
function writePages() {
  const article = readFileSync(root + 'www/index.html', 'utf8');
  const picture = readFileSync(root + 'www/picture-fr.html', 'utf8');
  const noScripts = article.replace(/\s*<link rel="modulepreload"[^>]*>|\s*<link rel="preload"[^>]*>|\s*<script type="module"[^>]*><\/script>/g, '');
  writeFileSync(root + 'www/trace-picture.html', noScripts);
  writeFileSync(root + 'www/trace-floor.html', noScripts.replace(/<!-- static picture[\s\S]*?<!-- end of static picture -->/, ''));
  const page = (body) => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>trace</title>
<link rel="stylesheet" href="style.css"><link rel="stylesheet" href="mali-idp-chart.css">
<script type="module" src="mali-idp-chart.js"></script></head><body><main class="article">${body}</main></body></html>`;
  const para = '<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>';
  const el = (attrs = '') => `<mali-idp-chart lang="fr"${attrs}>${picture}</mali-idp-chart>`;
  writeFileSync(root + 'www/trace-five.html', page(Array.from({ length: 5 }, () => `${para}${el(' loading="eager"')}`).join('')));
  writeFileSync(root + 'www/trace-lazy.html', page(`${para.repeat(2)}<div style="height:3000px"></div><div id="far">${el()}</div>${para.repeat(8)}`));
}

const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing',
  'v8.execute', 'disabled-by-default-v8.compile', 'loading'].join(',');

/** Main-thread tasks of the page's renderer, with the phases it marked. */
export function analyse(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
    && events.some((f) => f.pid === e.pid && f.name === 'TracingStartedInBrowser' || (f.pid === e.pid && f.name === 'ParseHTML')));
  if (!main) throw new Error('no renderer main thread in the trace');
  const { pid, tid } = main;
  const on = events.filter((e) => e.pid === pid && e.tid === tid);
  const nav = on.find((e) => e.name === 'navigationStart' || e.name === 'markAsMainFrame')?.ts
    ?? Math.min(...on.filter((e) => e.ts > 0).map((e) => e.ts));
  const all = on.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'));
  // Outermost tasks only (the scheduler's task events nest).
  const tasks = all.filter((e) => !all.some((f) => f !== e && f.ts <= e.ts && f.ts + f.dur >= e.ts + e.dur && (f.ts < e.ts || f.dur > e.dur || all.indexOf(f) < all.indexOf(e))))
    .map((e) => ({ start: (e.ts - nav) / 1000, dur: (e.dur ?? 0) / 1000, ts: e.ts, end: e.ts + (e.dur ?? 0) }));
  const inside = (t) => on.filter((e) => e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.end && e.name !== 'RunTask'
    && e.name !== 'ThreadControllerImpl::RunTask');
  // Ours: script from our files, the wasm, or the microtasks our modules continue in.
  const OURS = /mali[-_]idp[-_]chart|\/pkg\/|\/main\.js|\/embed\.js/;
  const SCRIPT = ['FunctionCall', 'EvaluateScript', 'v8.evaluateModule', 'v8.compile', 'v8.compileModule', 'v8.produceModuleCache'];
  const ours = (e) => (SCRIPT.includes(e.name) && OURS.test(e.args?.data?.url ?? e.args?.fileName ?? ''))
    || e.name.startsWith('v8.wasm');
  const firstOurs = Math.min(Infinity, ...on.filter(ours).map((e) => e.ts));
  // A long task is the chart's if it runs once our scripts have begun and is not the
  // browser committing the navigation (which every page has, the floor too).
  const chartTask = (t) => t.end > firstOurs && !inside(t).some((e) => e.name === 'DocumentLoader::CommitNavigation');
  const long = tasks.filter((t) => t.dur > LONG).map((t) => {
    // What took the time: the largest kinds of work in it, by name.
    const by = {};
    for (const e of inside(t)) {
      const url = e.args?.data?.url ?? e.args?.data?.stackTrace?.[0]?.url;
      const name = url ? `${e.name} ${url.split('/').pop()}` : e.name;
      by[name] = Math.max(by[name] ?? 0, (e.dur ?? 0) / 1000);
    }
    const top = Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, d]) => `${n} ${d.toFixed(0)}`);
    return { start: t.start, dur: t.dur, chart: chartTask(t), top };
  });
  const mine = tasks.filter(chartTask);
  // The page's parse, style and layout before any script of ours ran (the static
  // picture's cost, against the same page without it): outermost events only.
  const PAGE = ['ParseHTML', 'Layout', 'UpdateLayoutTree', 'ScheduleStyleRecalculation'];
  const page = on.filter((e) => e.ph === 'X' && PAGE.includes(e.name) && e.ts < firstOurs);
  const parseLayout = page.filter((e) => !page.some((f) => f !== e && f.ts <= e.ts && f.ts + f.dur >= e.ts + e.dur))
    .reduce((sum, e) => sum + e.dur / 1000, 0);
  const marks = {};
  const userMarks = events.filter((e) => e.pid === pid && e.cat?.includes('blink.user_timing') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n'));
  for (const e of userMarks) marks[e.name] ??= (e.ts - nav) / 1000;
  // The marks made inside each long task (which phase of ours it ran).
  for (const l of long) {
    const t = tasks.find((x) => x.start === l.start);
    l.marks = userMarks.filter((e) => e.ts >= t.ts && e.ts <= t.end).map((e) => e.name);
  }
  return { longest: Math.max(0, ...mine.map((t) => t.dur)), over: long.filter((l) => l.chart).length, long, marks, parseLayout };
}

async function once(browser, url, page) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  if (THROTTLE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await browser.startTracing(tab, { categories: CATEGORIES.split(',') });
  await cdp.send('Page.enable');
  const loaded = new Promise((r) => cdp.once('Page.loadEventFired', r));
  await cdp.send('Page.navigate', { url: url + page.path });
  await loaded;
  let tap = null;
  if (page.scroll) {
    // The reader scrolls to the chart, and taps it as soon as its picture is in view:
    // the delay is Event Timing's for that tap (input to the next paint after it).
    await new Promise((r) => setTimeout(r, 300 * THROTTLE));
    await cdp.send('Runtime.evaluate', { expression: 'document.getElementById("far").scrollIntoView()' });
    await new Promise((r) => setTimeout(r, 20 * THROTTLE));
    const box = (await cdp.send('Runtime.evaluate', { expression: 'JSON.stringify(document.getElementById("far").getBoundingClientRect())', returnByValue: true })).result.value;
    const b = JSON.parse(box);
    const at = { x: Math.round(b.left + b.width / 2), y: Math.round(Math.min(b.top + 120, 700)) };
    await new Promise((r) => setTimeout(r, 15 * THROTTLE));
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }
  await new Promise((r) => setTimeout(r, 700 * THROTTLE));
  if (page.scroll) {
    const r = await cdp.send('Runtime.evaluate', { expression: `JSON.stringify(performance.getEntriesByType('event')
      .filter((e) => ['pointerdown','pointerup','click','touchstart','touchend'].includes(e.name))
      .map((e) => ({ name: e.name, duration: e.duration, delay: e.processingStart - e.startTime })))`, returnByValue: true });
    tap = JSON.parse(r.result.value ?? '[]');
  }
  const buffer = await browser.stopTracing();
  await context.close();
  const trace = JSON.parse(buffer.toString());
  if (process.env.TRACE_KEEP) writeFileSync(root + `target/trace-${page.path.split('/').pop()}.json`, buffer);
  return { ...analyse(trace.traceEvents ?? trace), tap };
}

const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(PAGES).filter((n) => n !== 'path');
writePages();
const { server, url } = await serve(root);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'] });
const out = {};
try {
  for (const name of names) {
    const runs = [];
    for (let i = 0; i < LOADS; i++) runs.push(await once(browser, `${url}`, PAGES[name]));
    const marks = {};
    for (const r of runs) for (const [k, v] of Object.entries(r.marks)) (marks[k] ??= []).push(v);
    const tapDelay = runs.map((r) => Math.max(0, ...(r.tap ?? []).map((e) => e.duration))).filter((v) => v > 0);
    out[name] = {
      longest: median(runs.map((r) => r.longest)), longestMax: Math.max(...runs.map((r) => r.longest)),
      over: median(runs.map((r) => r.over)), overMax: Math.max(...runs.map((r) => r.over)),
      parseLayout: median(runs.map((r) => r.parseLayout)),
      marks: Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, median(v)])),
      tap: tapDelay.length ? { median: median(tapDelay), max: Math.max(...tapDelay) } : null,
      long: runs.map((r) => r.long),
    };
    const o = out[name];
    console.log(`${name}: the chart's longest task ${o.longest.toFixed(0)} ms (max ${o.longestMax.toFixed(0)}), over ${LONG} ms: ${o.over} (max ${o.overMax})`
      + `, parse+style+layout before our scripts ${o.parseLayout.toFixed(0)} ms` + (o.tap ? `, tap answered in ${o.tap.median.toFixed(0)} ms (max ${o.tap.max.toFixed(0)})` : ''));
    for (const [k, v] of Object.entries(o.marks)) console.log(`  ${k}: ${v.toFixed(1)} ms`);
    for (const l of runs[0].long) console.log(`  long task at ${l.start.toFixed(0)} ms${l.chart ? ' (the chart\'s)' : ''}: ${l.dur.toFixed(0)} ms: ${l.top.join(', ')}${l.marks.length ? ` [marks: ${l.marks.join(' ')}]` : ''}`);
  }
} finally {
  await browser.close();
  server.close();
}
mkdirSync(root + 'target', { recursive: true });
writeFileSync(root + `target/trace-${THROTTLE}x.json`, JSON.stringify(out, null, 2));

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
// picture; default all). TRACE_THROTTLE=1 for full speed; TRACE_PATH=www/x.html,…
// adds pages of your own, named by their file names.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '../tools/node_modules/playwright-core/index.mjs';
import { serve } from '../tools/serve.mjs';

const root = new URL('../', import.meta.url).pathname;
const LOADS = Number(process.env.TRACE_LOADS ?? 7);
const THROTTLE = Number(process.env.TRACE_THROTTLE ?? 4);
const LONG = 50;
// Chromium here has no GPU: it then hands each drawn canvas to the compositor by
// copying its pixels on the main thread (about 10 ms per canvas at 4×, and again at
// each commit while a page shows several), which a phone drawing canvases on its GPU
// does not. TRACE_GPU=1 stands SwiftShader in for a GPU; on a machine with few cores
// its work competes with the page's main thread, and the first drawing on a canvas
// waits for it (measured: the drawing steps 2-4× slower), so neither is a phone: the
// default is no GPU, the stricter for our script.
const GPU = process.env.TRACE_GPU === '1';

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
  path: { path: process.env.TRACE_PATH, scroll: !!process.env.TRACE_SCROLL },
};
// Several: TRACE_PATH=www/a.html,www/b.html node bench/trace.mjs a.html b.html (each by its file name).
for (const path of (process.env.TRACE_PATH ?? '').split(',').filter(Boolean)) PAGES[path.split('/').pop()] = { path, scroll: !!process.env.TRACE_SCROLL };

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
// What the analysis needs and no more: V8's compile and execution categories slow the
// page's script down several-fold under a trace (each lazy compile, each call into
// script recorded), which DevTools' own recording shows as well. TRACE_MORE adds some.
const CATEGORIES = (process.env.TRACE_CATEGORIES ?? 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel,blink.user_timing,loading')
  .split(',').concat((process.env.TRACE_MORE ?? '').split(',')).filter(Boolean).join(',');

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
  const xs = on.filter((e) => (e.ph === 'X' || e.cat?.includes('blink.user_timing')) && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask')
    .sort((a, b) => a.ts - b.ts);
  const within = new Map();
  const inside = (t) => {
    if (!within.has(t)) {
      let lo = 0, hi = xs.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (xs[mid].ts < t.ts) lo = mid + 1; else hi = mid; }
      const found = [];
      for (let i = lo; i < xs.length && xs[i].ts <= t.end; i++) if (xs[i].ts + (xs[i].dur ?? 0) <= t.end) found.push(xs[i]);
      within.set(t, found);
    }
    return within.get(t);
  };
  // Ours: script from our files, the wasm, or the microtasks our modules continue in.
  const OURS = /mali[-_]idp[-_]chart|\/pkg\/|\/main\.js|\/embed\.js/;
  const SCRIPT = ['FunctionCall', 'EvaluateScript', 'v8.evaluateModule', 'v8.compile', 'v8.compileModule', 'v8.produceModuleCache'];
  // The chart's scripts mark every task they resume in ('mali-idp-chart').
  const ours = (e) => (SCRIPT.includes(e.name) && OURS.test(e.args?.data?.url ?? e.args?.fileName ?? ''))
    || e.name.startsWith('v8.wasm') || (e.name === 'mali-idp-chart' && e.cat?.includes('blink.user_timing'));
  const firstOurs = Math.min(Infinity, ...on.filter(ours).map((e) => e.ts));
  // A task is the chart's if our script or wasm runs in it, or if it only renders
  // (style, layout, paint) what our script changed: every change of the page
  // (style or layout invalidated) since the last rendering was made by a task of
  // ours. The page's own first layout (the parser's changes) is not the chart's, even
  // when our module is loading by then.
  const scriptOf = (t) => inside(t).some(ours);
  const RENDER = ['Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint'];
  const INVALIDATE = ['ScheduleStyleRecalculation', 'InvalidateLayout'];
  const invalidations = on.filter((e) => INVALIDATE.includes(e.name));
  const taskAt = (ts) => tasks.find((t) => t.ts <= ts && ts <= t.end);
  for (const t of tasks) t.ours = scriptOf(t);
  let since = -Infinity;
  for (const t of tasks) {
    const rendering = inside(t).some((e) => RENDER.includes(e.name));
    if (!t.ours && rendering) {
      const by = invalidations.filter((e) => e.ts > since && e.ts <= t.end).map((e) => taskAt(e.ts));
      t.ours = by.length > 0 && by.every((u) => u && u !== t && u.ours);
    }
    if (rendering) since = t.end;
  }
  const chartTask = (t) => t.ours && !inside(t).some((e) => e.name === 'DocumentLoader::CommitNavigation');
  // The chart's marked tasks in order (the element, main.js and embed.js mark each
  // task they resume in: glue imported, wasm instantiated, start(), then each step).
  const marked = tasks.filter((t) => inside(t).some((e) => e.name === 'mali-idp-chart'));
  const long = tasks.filter((t) => t.dur > LONG).map((t) => {
    // What took the time: the largest kinds of work in it, by name.
    const by = {};
    for (const e of inside(t)) {
      const url = e.args?.data?.url ?? e.args?.data?.stackTrace?.[0]?.url;
      const name = url ? `${e.name} ${url.split('/').pop()}` : e.name;
      by[name] = Math.max(by[name] ?? 0, (e.dur ?? 0) / 1000);
    }
    const top = Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, d]) => `${n} ${d.toFixed(0)}`);
    const nth = marked.indexOf(t);
    return { start: t.start, dur: t.dur, chart: chartTask(t), top: nth >= 0 ? [`marked task ${nth + 1} of ${marked.length}`, ...top] : top };
  });
  const mine = tasks.filter(chartTask);
  // The page's parse, style and layout before any script of ours ran (the static
  // picture's cost, against the same page without it): outermost events only.
  const PAGE = ['ParseHTML', 'Layout', 'UpdateLayoutTree', 'ScheduleStyleRecalculation'];
  const page = on.filter((e) => e.ph === 'X' && PAGE.includes(e.name) && e.ts < firstOurs);
  const outer = page.filter((e) => !page.some((f) => f !== e && f.ts <= e.ts && f.ts + f.dur >= e.ts + e.dur));
  // The main thread's own time in them (thread time), not the wall time: on a shared
  // machine the wall time also holds waits for other threads and processes (measured:
  // 65-357 ms wall against 85-124 ms thread time for the same page over 15 loads).
  // TRACE_WALL=1 sums wall time instead.
  const cost = (e) => (process.env.TRACE_WALL ? e.dur : e.tdur ?? e.dur) / 1000;
  const parseLayout = outer.reduce((sum, e) => sum + cost(e), 0);
  const split = {};
  for (const e of outer) split[e.name] = (split[e.name] ?? 0) + cost(e);
  const marks = {};
  const userMarks = events.filter((e) => e.pid === pid && e.cat?.includes('blink.user_timing') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n'));
  for (const e of userMarks) marks[e.name] ??= (e.ts - nav) / 1000;
  // The marks made inside each long task (which phase of ours it ran).
  for (const l of long) {
    const t = tasks.find((x) => x.start === l.start);
    l.marks = userMarks.filter((e) => e.ts >= t.ts && e.ts <= t.end).map((e) => e.name);
  }
  return { longest: Math.max(0, ...mine.map((t) => t.dur)), over: long.filter((l) => l.chart).length, long, marks, parseLayout, split };
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
    // The reader scrolls to the chart and taps it every 100 ms for 2 s while it
    // upgrades: the delay is Event Timing's for each tap (input to the next paint
    // after it; entries from 16 ms, the least it reports), worst of the load.
    await cdp.send('Runtime.evaluate', { expression: `window.__taps = []; new PerformanceObserver((l) => window.__taps.push(...l.getEntries()
      .filter((e) => ['pointerdown', 'pointerup', 'click', 'touchstart', 'touchend'].includes(e.name))
      .map((e) => ({ name: e.name, at: Math.round(e.startTime), duration: e.duration, delay: Math.round(e.processingStart - e.startTime),
        handlers: Math.round(e.processingEnd - e.processingStart) }))))
      .observe({ type: 'event', durationThreshold: 16, buffered: true })` });
    await new Promise((r) => setTimeout(r, 300 * THROTTLE));
    await cdp.send('Runtime.evaluate', { expression: 'document.getElementById("far").scrollIntoView()' });
    const box = (await cdp.send('Runtime.evaluate', { expression: 'JSON.stringify(document.getElementById("far").getBoundingClientRect())', returnByValue: true })).result.value;
    const b = JSON.parse(box);
    const at = { x: Math.round(b.left + b.width / 2), y: Math.round(Math.min(b.top + 120, 700)) };
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    }
  }
  await new Promise((r) => setTimeout(r, 700 * THROTTLE));
  if (page.scroll) {
    const r = await cdp.send('Runtime.evaluate', { expression: 'JSON.stringify(window.__taps)', returnByValue: true });
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
  args: ['--no-sandbox', '--no-first-run', '--disable-dev-shm-usage', ...(GPU ? ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'] : ['--disable-gpu'])] });
const out = {};
try {
  // One load of each page first, not counted: the browser's own first-load costs
  // (its font and code caches filling) are not the page's. Then the pages' loads
  // interleaved, so that what else the machine does weighs on each alike.
  const all = Object.fromEntries(names.map((name) => [name, []]));
  for (const name of names) await once(browser, `${url}`, PAGES[name]);
  for (let i = 0; i < LOADS; i++) for (const name of names) all[name].push(await once(browser, `${url}`, PAGES[name]));
  for (const name of names) {
    const runs = all[name];
    const marks = {};
    for (const r of runs) for (const [k, v] of Object.entries(r.marks)) (marks[k] ??= []).push(v);
    const tapDelay = runs.map((r) => Math.max(0, ...(r.tap ?? []).map((e) => e.duration))).filter((v) => v > 0);
    out[name] = {
      longest: median(runs.map((r) => r.longest)), longestMax: Math.max(...runs.map((r) => r.longest)),
      over: median(runs.map((r) => r.over)), overMax: Math.max(...runs.map((r) => r.over)),
      parseLayout: median(runs.map((r) => r.parseLayout)), parseLayoutAll: runs.map((r) => Math.round(r.parseLayout)).sort((a, b) => a - b),
      marks: Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, median(v)])),
      tap: tapDelay.length ? { median: median(tapDelay), max: Math.max(...tapDelay) } : null,
      long: runs.map((r) => r.long),
    };
    const o = out[name];
    const split = Object.fromEntries(Object.keys(runs[0].split ?? {}).map((k) => [k, median(runs.map((r) => r.split[k] ?? 0)).toFixed(1)]));
    if (process.env.TRACE_TAPS) for (const r of runs) console.log(JSON.stringify(r.tap), JSON.stringify(r.marks));
    console.log(`${name}: the chart's longest task ${o.longest.toFixed(0)} ms (max ${o.longestMax.toFixed(0)}), over ${LONG} ms: ${o.over} (max ${o.overMax})`
      + `, parse+style+layout before our scripts ${o.parseLayout.toFixed(0)} ms (${o.parseLayoutAll.join(' ')}; ${JSON.stringify(split)})` + (o.tap ? `, tap answered in ${o.tap.median.toFixed(0)} ms (max ${o.tap.max.toFixed(0)})` : ''));
    for (const [k, v] of Object.entries(o.marks)) console.log(`  ${k}: ${v.toFixed(1)} ms`);
    for (const l of runs.flatMap((r) => r.long)) console.log(`  long task at ${l.start.toFixed(0)} ms${l.chart ? ' (the chart\'s)' : ''}: ${l.dur.toFixed(0)} ms: ${l.top.join(', ')}${l.marks.length ? ` [marks: ${l.marks.join(' ')}]` : ''}`);
  }
} finally {
  await browser.close();
  server.close();
}
mkdirSync(root + 'target', { recursive: true });
writeFileSync(root + `target/trace-${THROTTLE}x.json`, JSON.stringify(out, null, 2));

// `make bench`: mali-idp-chart beside Chart.js 4, uPlot 1.6 and the floor (a bare
// canvas), all measured in one run in headless Chromium, at full speed and with the
// CPU throttled 4× (a mid-range phone); and the payload of each of our builds beside
// those libraries', Chartist's and Frappe Charts' (size only). Prints the tables and
// writes them to target/bench.md. Nothing here is asserted: machines are noisy (the
// payload budget is a test: `make test`, budget.json).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { chromium } from '../tools/node_modules/playwright-core/index.mjs';
import { serve } from '../tools/serve.mjs';

const root = new URL('../', import.meta.url).pathname;
const LOADS = Number(process.env.BENCH_LOADS ?? 21);
const MOVES = Number(process.env.BENCH_MOVES ?? 1000);
const CYCLES = Number(process.env.BENCH_CYCLES ?? 1000);
/** Chromium's CPU slowdown for the second series of loads (a mid-range phone). */
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const LIBS = [
  // Ours: the wasm, its JS glue and the element script (what a page with the tag loads):
  // the bars build, timed; the map build, for its payload (and hover on the map).
  { id: 'ours', name: 'mali-idp-chart', files: ['www/pkg/mali_idp_chart_bg.wasm', 'www/pkg/mali_idp_chart.js', 'www/mali-idp-chart.js'] },
  { id: 'chartjs', name: 'Chart.js 4.6.1', files: ['bench/node_modules/chart.js/dist/chart.umd.min.js'] },
  { id: 'uplot', name: 'uPlot 1.6.32', files: ['bench/node_modules/uplot/dist/uPlot.iife.min.js', 'bench/node_modules/uplot/dist/uPlot.min.css'] },
  { id: 'floor', name: 'floor (bare canvas)', files: [] },
  // Our glue and wasm instantiated and nothing else (bench/pages/wasm.html): the
  // soonest any mount of a wasm build of this chart could be live.
  { id: 'wasm', name: 'our wasm alone', files: [] },
];
/** Payload only: what a page fetches, gzip -9, beside the libraries timed above. */
const SIZES = [
  { name: 'mali-idp-chart, bars build', files: LIBS[0].files },
  { name: 'mali-idp-chart, map build', files: ['www/pkg/mali_idp_chart_map_bg.wasm', 'www/pkg/mali_idp_chart_map.js', 'www/mali-idp-chart.js'] },
  { name: 'Chartist 1.5.0 (JS + CSS)', files: ['bench/node_modules/chartist/dist/index.umd.js', 'bench/node_modules/chartist/dist/index.css'] },
  { name: 'Frappe Charts 1.6.2', files: ['bench/node_modules/frappe-charts/dist/frappe-charts.min.umd.js'] },
  LIBS[2],
  LIBS[1],
];
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--disable-quic', '--disable-dev-shm-usage',
  '--js-flags=--expose-gc', '--enable-precise-memory-info'];

const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
const kb = (b) => (b / 1024).toFixed(1);
const ms = (v) => (Number.isFinite(v) ? v.toFixed(v < 1 ? 3 : 1) : 'n/a');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : 'n/a');

function payload(lib) {
  let raw = 0, gz = 0;
  const files = [];
  for (const f of lib.files) {
    const bytes = readFileSync(root + f);
    const z = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
    files.push({ file: f.split('/').pop(), raw: bytes.length, gz: z });
    raw += bytes.length;
    gz += z;
  }
  return { raw, gz, files };
}

/** Opens `lib`'s page in a fresh context (cold cache) and resolves once it reports
 * interactive through the `benchReport` binding (the DevTools protocol's
 * `Runtime.addBinding`): the harness injects no script and polls nothing, so none of
 * its work runs on the page's main thread while the chart mounts (Playwright's
 * `waitForFunction` did: 50-175 ms in the middle of our mount at 4× CPU). */
async function pageFor(browser, url, lib, n, query = '', throttle = 1) {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: 'benchReport' });
  const reported = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${lib.id}: no report in 60 s`)), 60000);
    cdp.on('Runtime.bindingCalled', (e) => { if (e.name === 'benchReport') { clearTimeout(timer); resolve(Number(e.payload)); } });
  });
  await page.goto(`${url}bench/pages/${lib.id}.html?n=${n}${query}`, { waitUntil: 'commit' });
  await reported;
  return { context, page };
}

/** Read after interactive, from the browser's buffers (nothing observed during the
 * load): the layout shifts up to then, the long tasks (over 50 ms) up to then, and
 * the page's phases (`performance.mark`s named bench:*). */
const AFTER = () => new Promise((resolve) => {
  const entries = (type) => new Promise((r) => {
    new PerformanceObserver((list, obs) => { obs.disconnect(); r(list.getEntries()); }).observe({ type, buffered: true });
    setTimeout(() => r([]), 100);
  });
  Promise.all([entries('layout-shift'), entries('longtask')]).then(([shifts, long]) => {
    const until = window.benchPaintedAt;
    const before = long.filter((t) => t.startTime < until);
    resolve({
      live: until,
      pixels: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? until,
      shift: shifts.filter((e) => !e.hadRecentInput && e.startTime <= until).reduce((s, e) => s + e.value, 0),
      longest: Math.max(0, ...before.map((t) => t.duration)),
      over: before.length,
      marks: Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('bench:')).map((m) => [m.name.slice(6), m.startTime])),
    });
  });
});

/** Cold loads, one library after the other in each round, so drifts in the machine's
 * load hit every library alike. The first round only warms the browser up. Per load:
 * the first chart pixels (the browser's first contentful paint: the page holds only
 * the chart; for us the static picture), interactive (the first frame after the live
 * chart is drawn and listening), and the layout shift up to then. */
async function firstPaints(browser, url, throttle = 1) {
  const KEYS = ['pixels', 'live', 'shift', 'longest', 'over'];
  const runs = Object.fromEntries(LIBS.map((l) => [l.id, { ...Object.fromEntries(KEYS.map((k) => [k, []])), marks: {} }]));
  for (let i = 0; i < LOADS; i++) {
    for (const lib of LIBS) {
      // BENCH_OURS_QUERY: a variant of our page (e.g. `&yield=none`), for experiments.
      const query = lib.id === 'ours' ? process.env.BENCH_OURS_QUERY ?? '' : '';
      const { context, page } = await pageFor(browser, url, lib, 4, query, throttle); // a fresh context: cold cache
      const t = await page.evaluate(AFTER);
      if (i > 0) {
        for (const k of KEYS) runs[lib.id][k].push(t[k]);
        for (const [k, v] of Object.entries(t.marks)) (runs[lib.id].marks[k] ??= []).push(v);
      }
      await context.close();
    }
  }
  const summary = (t) => ({ median: median(t), max: Math.max(...t) });
  return Object.fromEntries(Object.entries(runs).map(([id, r]) => [id, {
    median: median(r.live), max: Math.max(...r.live), pixels: summary(r.pixels), shift: summary(r.shift), loads: r.live.length,
    longest: summary(r.longest), over: summary(r.over),
    marks: Object.fromEntries(Object.entries(r.marks).map(([k, v]) => [k, median(v)])),
  }]));
}

/** A page's `window.bench` hooks, once set (ours sets them after its last step, which
 * runs at background priority after the chart is interactive). */
async function hooked(browser, url, lib, n, query = '') {
  const loaded = await pageFor(browser, url, lib, n, query);
  await loaded.page.waitForFunction(() => window.bench);
  return loaded;
}

async function hover(browser, url, lib, n, query = '') {
  const { context, page } = await hooked(browser, url, lib, n, query);
  const costs = await page.evaluate(async (moves) => {
    const target = bench.target();
    const points = bench.targets();
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const out = [];
    await frame();
    for (let i = 0; i < moves; i++) {
      const p = points[i % points.length];
      const r = target.getBoundingClientRect();
      const init = { clientX: r.left + p.x + (i % 3), clientY: r.top + p.y, bubbles: true, pointerType: 'mouse', isPrimary: true };
      window.benchFrameTime = 0;
      // The next frame is asked for before the move, as a browser does for real
      // input (Chromium dispatches pointer moves aligned with frames it has already
      // scheduled): waking an idle frame scheduler costs ~60 us here, and that cost
      // belongs to the input, not to whichever library asks for a frame first.
      const next = frame();
      const t0 = performance.now();
      target.dispatchEvent(new PointerEvent('pointermove', init));
      target.dispatchEvent(new MouseEvent('mousemove', init));
      const sync = performance.now() - t0;
      await next;
      await frame();
      out.push(sync + window.benchFrameTime);
    }
    // A benchmark of moves that hit nothing would measure nothing.
    if (window.bench.hovered && !window.bench.hovered()) throw new Error('the moves did not reach the chart');
    return out;
  }, MOVES);
  await context.close();
  return { median: median(costs), p95: pct(costs, 0.95) };
}

async function lifecycle(browser, url, lib) {
  const { context, page } = await hooked(browser, url, lib, 4);
  const r = await page.evaluate(async (cycles) => {
    const heap = () => { gc(); gc(); return performance.memory.usedJSHeapSize; };
    bench.destroy(); bench.mount(); bench.destroy(); // warm up, then measure from here
    const before = { heap: heap(), listeners: window.benchListeners, wasm: bench.memory?.() };
    for (let i = 0; i < cycles; i++) { bench.mount(); bench.destroy(); }
    await new Promise((r) => setTimeout(r, 50));
    const after = { heap: heap(), listeners: window.benchListeners, wasm: bench.memory?.() };
    return { heap: after.heap - before.heap, listeners: after.listeners - before.listeners,
      wasm: before.wasm === undefined ? null : after.wasm - before.wasm };
  }, CYCLES);
  await context.close();
  return r;
}

const { server, url } = await serve(root);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
const results = {};
try {
  process.stderr.write('first paint, all libraries in turn\n');
  const paints = await firstPaints(browser, url);
  process.stderr.write(`first paint with the CPU ${THROTTLE}× slower, all libraries in turn\n`);
  const slow = await firstPaints(browser, url, THROTTLE);
  for (const lib of LIBS) {
    process.stderr.write(`${lib.name}: payload`);
    const r = (results[lib.id] = { payload: payload(lib), paint: paints[lib.id], slow: slow[lib.id] });
    // BENCH_PAINT_ONLY=1: the loads alone (no hover, lifecycle or trace), for experiments.
    if (process.env.BENCH_PAINT_ONLY) {
      r.hover = { 4: {}, 100: {}, 1000: {} };
      r.hoverMap = {};
      r.life = {};
      process.stderr.write('\n');
      continue;
    }
    if (lib.id !== 'floor' && lib.id !== 'wasm') {
      r.hover = {};
      for (const n of [4, 100, 1000]) {
        process.stderr.write(`, hover ${n}`);
        r.hover[n] = await hover(browser, url, lib, n);
      }
      if (lib.id === 'ours') {
        process.stderr.write(', hover on the map');
        r.hoverMap = await hover(browser, url, lib, 4, '&view=map');
      }
      process.stderr.write(', lifecycle');
      r.life = await lifecycle(browser, url, lib);
    }
    process.stderr.write('\n');
  }
} finally {
  await browser.close();
  server.close();
}

const floor = results.floor.paint.median;
const above = (id) => results[id].paint.median - floor;
const o = results.ours, c = results.chartjs, u = results.uplot;
const row = (label, f, fmt, better = '') => {
  const [a, b, d] = [f(o), f(c), f(u)];
  return `| ${label} | ${fmt(a)} | ${fmt(b)} | ${fmt(d)} | ${ratio(a, b)} | ${ratio(a, d)} |${better}`;
};
const lines = [
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${kb(totalmem() / 1024)} MB RAM; headless Chromium (Debian), devicePixelRatio 1, 640 px wide charts.`,
  `First chart pixels: navigation start to the first contentful paint (each page holds only its chart; ours shows its static picture). Interactive: navigation start to the first animation frame after the live chart is drawn and listening. ${LOADS - 1} cold loads each (fresh context, libraries in turn). Hover: main-thread time per synthetic move (event handlers plus the next frame's callbacks), ${MOVES} moves per size. Lifecycle: ${CYCLES} mount/destroy cycles after a warm-up; heap after forced GC; listeners counted by wrapping EventTarget (listeners on detached elements count).`,
  '',
  '| measure | mali-idp-chart | Chart.js 4.6.1 | uPlot 1.6.32 | ours / Chart.js | ours / uPlot |',
  '|---|---|---|---|---|---|',
  row('payload raw (KB)', (r) => r.payload.raw, kb),
  row('payload gzip -9 (KB)', (r) => r.payload.gz, kb),
  `| payload per file, gzip -9 (KB) | ${o.payload.files.map((f) => `${f.file} ${kb(f.gz)}`).join(' + ')} | | | | |`,
  row('first chart pixels, median (ms)', (r) => r.paint.pixels.median, ms),
  row('first chart pixels above the floor (ms)', (r) => r.paint.pixels.median - results.floor.paint.pixels.median, ms),
  row('interactive, median (ms)', (r) => r.paint.median, ms),
  row('interactive, max (ms)', (r) => r.paint.max, ms),
  `| floor: bare canvas drawn, median / max (ms) | ${ms(floor)} / ${ms(results.floor.paint.max)} | | | | |`,
  row('interactive above the floor (ms)', (r) => r.paint.median - floor, ms),
  row('layout shift up to interactive, max', (r) => r.paint.shift.max, (v) => v.toFixed(3)),
  row(`interactive, CPU ${THROTTLE}× slower, median (ms)`, (r) => r.slow.median, ms),
  `| floor, CPU ${THROTTLE}× slower, median (ms) | ${ms(results.floor.slow.median)} | | | | |`,
  row(`longest task up to interactive, CPU ${THROTTLE}× slower, median (ms)`, (r) => r.slow.longest.median, ms),
  row(`longest task up to interactive, CPU ${THROTTLE}× slower, max (ms)`, (r) => r.slow.longest.max, ms),
  row(`tasks over 50 ms up to interactive, CPU ${THROTTLE}× slower, median / max`, (r) => r.slow.over, (v) => `${v.median} / ${v.max}`),
  `| our phases, navigation start to: script, glue evaluated, wasm instantiated, chart swapped in, page followed (ms), 1× | ${['script', 'glue', 'wasm', 'swap', 'followed'].map((k) => ms(o.paint.marks[k])).join(' / ')} | | | | |`,
  `| the same, CPU ${THROTTLE}× slower (ms) | ${['script', 'glue', 'wasm', 'swap', 'followed'].map((k) => ms(o.slow.marks[k])).join(' / ')} | | | | |`,
  row(`interactive above the floor, CPU ${THROTTLE}× slower (ms)`, (r) => r.slow.median - results.floor.slow.median, ms),
  `| our wasm alone (glue imported, wasm instantiated, nothing drawn) above the floor, 1× / CPU ${THROTTLE}× slower (ms) | ${ms(results.wasm.paint.median - floor)} / ${ms(results.wasm.slow.median - results.floor.slow.median)} | | | | |`,
  `| the same over uPlot's interactive above the floor, 1× / CPU ${THROTTLE}× slower | ${ratio(results.wasm.paint.median - floor, u.paint.median - floor)} / ${ratio(results.wasm.slow.median - results.floor.slow.median, u.slow.median - results.floor.slow.median)} | | | | |`,
  ...[4, 100, 1000].flatMap((n) => [
    row(`hover, ${n} bars, median (ms/move)`, (r) => r.hover[n].median, ms),
    row(`hover, ${n} bars, p95 (ms/move)`, (r) => r.hover[n].p95, ms),
  ]),
  `| hover, map view (article's figures), median / p95 (ms/move) | ${ms(o.hoverMap.median)} / ${ms(o.hoverMap.p95)} | | | | |`,
  row('hover cost 1000 / 4 bars (median)', (r) => r.hover[1000].median / r.hover[4].median, (v) => v.toFixed(2)),
  row('lifecycle: JS heap growth (KB)', (r) => r.life.heap, kb),
  `| lifecycle: wasm memory growth (KB) | ${o.life.wasm === null ? 'n/a' : kb(o.life.wasm)} | (no wasm) | (no wasm) | | |`,
  row('lifecycle: listeners left', (r) => r.life.listeners, (v) => String(v)),
];
void above;
// As a phone feels it, from `make trace` (Chromium traces, 412 px, DPR 2, CPU 4×):
// a tap every 100 ms while a chart far below the fold upgrades, and what the static
// picture costs the page's parse, style and layout against the same page without it.
// Our pages only: the other libraries have no lazy upgrade and no picture.
if (process.env.BENCH_TRACE !== '0' && !process.env.BENCH_PAINT_ONLY) {
  process.stderr.write('trace: lazy, picture, floor\n');
  execFileSync('node', [root + 'bench/trace.mjs', 'lazy', 'picture', 'floor'], { stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, TRACE_LOADS: String(Math.max(3, Math.round(LOADS / 2))) } });
  const t = JSON.parse(readFileSync(root + 'target/trace-4x.json', 'utf8'));
  results.trace = t;
  lines.splice(lines.findIndex((l) => l.startsWith('| hover, 4 bars')), 0,
    `| a tap while a chart below the fold upgrades, 412 px DPR 2, CPU 4× slower, median / max (ms) | ${ms(t.lazy.tap?.median ?? NaN)} / ${ms(t.lazy.tap?.max ?? NaN)} | | | | |`,
    `| the chart's longest task on that page, CPU 4× slower, median / max (ms) | ${ms(t.lazy.longest)} / ${ms(t.lazy.longestMax)} | | | | |`,
    `| parse, style and layout: the article with its static picture / without it, CPU 4× slower (ms, thread time) | ${ms(t.picture.parseLayout)} / ${ms(t.floor.parseLayout)} (${ratio(t.picture.parseLayout, t.floor.parseLayout)}×) | | | | |`);
}
// Payloads, ours per build, beside every library's.
const sizes = SIZES.map((s) => ({ name: s.name, ...payload(s) }));
lines.push('', '| payload (what a page fetches) | raw (KB) | gzip -9 (KB) | gzip / our bars build |', '|---|---|---|---|',
  ...sizes.map((s) => `| ${s.name} | ${kb(s.raw)} | ${kb(s.gz)} | ${ratio(s.gz, sizes[0].gz)} |`));
results.sizes = sizes;
const table = lines.join('\n');
console.log(table);
mkdirSync(root + 'target', { recursive: true });
writeFileSync(root + 'target/bench.md', `${table}\n`);
writeFileSync(root + 'target/bench.json', JSON.stringify(results, null, 2));

// `make mount-floor`: what the browser's own work for our mount costs, against our
// mount (issue 23, goal 3: the mount in at most 10 ms at 1× CPU). The floor is the
// same visible result made with no wasm: our mount is recorded once on the bench page
// (every canvas call and size it makes, the widget's stylesheet, the canvas's name),
// then a page of plain JavaScript makes the same elements with the shell's own
// `build`, `table` and `links` (src/web/shell.js), reads the page's colours, replays
// the recorded canvas calls (shapes, then texts) and swaps, each step in a task of its
// own as ours are. Both pages carry the same static picture; each step's own call is
// timed (performance.now around it), medians over MOUNT_LOADS cold loads (default 15),
// interleaved, at 1× and MOUNT_THROTTLE× CPU (default 4). The derived pages and the
// recording are git-ignored (www/trace-fm.html, www/trace-fo.html, target/).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '../tools/node_modules/playwright-core/index.mjs';
import { serve } from '../tools/serve.mjs';

const root = new URL('../', import.meta.url).pathname;
const LOADS = Number(process.env.MOUNT_LOADS ?? 15);
const THROTTLE = Number(process.env.MOUNT_THROTTLE ?? 4);
const { server, url } = await serve(root);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

// 1. Our mount, recorded: each canvas's sizes, its context's calls and settings.
const recorder = await browser.newPage({ viewport: { width: 800, height: 900 } });
await recorder.addInitScript(() => {
  window.__calls = [];
  window.__kinds = []; // each canvas's class, in the order the mount first touched it
  const canvases = [];
  const id = (c) => {
    if (!canvases.includes(c)) { canvases.push(c); window.__kinds.push(c.className); }
    return canvases.indexOf(c);
  };
  const P = CanvasRenderingContext2D.prototype;
  for (const k of Object.getOwnPropertyNames(P)) {
    const d = Object.getOwnPropertyDescriptor(P, k);
    if (typeof d.value === 'function' && k !== 'constructor') {
      const f = d.value;
      P[k] = function (...a) { window.__calls.push([id(this.canvas), k, a.map((x) => (typeof x === 'object' ? null : x))]); return f.apply(this, a); };
    } else if (d.set) {
      Object.defineProperty(P, k, { ...d, set(v) { window.__calls.push([id(this.canvas), `=${k}`, [v]]); d.set.call(this, v); } });
    }
  }
  for (const k of ['width', 'height']) {
    const d = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, k);
    Object.defineProperty(HTMLCanvasElement.prototype, k, { ...d, set(v) { window.__calls.push([id(this), `canvas.${k}`, [v]]); d.set.call(this, v); } });
  }
});
await recorder.goto(`${url}bench/pages/ours.html`);
await recorder.waitForFunction(() => window.bench);
const recording = await recorder.evaluate(() => {
  const canvas = document.querySelector('canvas[role=img]');
  return {
    calls: window.__calls,
    css: [...document.adoptedStyleSheets].map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')).join('\n'),
    label: canvas.getAttribute('aria-label'),
    style: canvas.getAttribute('style'),
    table: [...document.querySelectorAll('#chart tr')].flatMap((tr) => [...tr.children].map((c) => c.textContent)).join('\x1f'),
    caption: document.querySelector('#chart caption').textContent,
    kinds: window.__kinds,
  };
});
await recorder.close();
mkdirSync(`${root}target`, { recursive: true });
writeFileSync(`${root}target/mount-floor.json`, JSON.stringify(recording));

// 2. The two pages: the same picture, the floor's plain JavaScript or our mount.
const src = readFileSync(`${root}bench/pages/ours.html`, 'utf8');
const head = src.slice(0, src.indexOf('<script type="module">'));
const common = `const nextTask = () => new Promise((resolve) => { scheduler.postTask(resolve, { priority: 'background' }); setTimeout(resolve, 50); });
const steps = [];
const timed = (name, f) => { const t = performance.now(); const r = f(); steps.push([name, performance.now() - t]); return r; };
const host = document.getElementById('chart');`;
writeFileSync(`${root}www/trace-fm.html`, `${head}<script type="module">
import { build, table, links } from '/src/web/shell.js';
${common}
const rec = await (await fetch('/target/mount-floor.json')).json();
await nextTask();
let parts;
timed('elements', () => { parts = build(host, rec.css, 1280); host.append(parts[0]); });
await nextTask();
timed('words', () => {
  parts[1].setAttribute('role', 'img');
  parts[1].setAttribute('aria-label', rec.label);
  table(parts[7], rec.caption, 4, rec.table);
  links(parts[9], parts[10], 'Télécharger les données (CSV)', 'deplaces.csv', rec.table, "Télécharger l'image (PNG)", 'deplaces.png');
});
await nextTask();
timed('colours', () => { const s = getComputedStyle(host); s.getPropertyValue('--idp-bar'); s.getPropertyValue('--idp-font'); s.color; s.colorScheme; getComputedStyle(parts[0]).color; });
// The recording's canvases in the order it first touched them (by class).
const canvases = rec.kinds.map((k) => parts[0].querySelector('.' + k.split(' ')[0]));
const TEXT = ['fillText', '=font', '=textAlign', '=textBaseline'];
const replay = (keep) => {
  for (const [i, k, a] of rec.calls) {
    const c = canvases[i];
    if (!keep(k) || !c) continue;
    if (k.startsWith('canvas.')) c[k.slice(7)] = a[0];
    else if (k[0] === '=') c.getContext('2d')[k.slice(1)] = a[0];
    else c.getContext('2d')[k](...a);
  }
};
await nextTask();
timed('shapes', () => { parts[1].setAttribute('style', rec.style); replay((k) => !TEXT.includes(k)); });
await nextTask();
timed('texts', () => replay((k) => TEXT.includes(k) || k === '=fillStyle'));
await nextTask();
timed('swap', () => { parts[0].classList.remove('mali-idp-chart--pending'); for (const p of host.querySelectorAll('.mali-idp-chart-static')) p.remove(); });
window.__steps = steps;
</script></body></html>`);
writeFileSync(`${root}www/trace-fo.html`, `${head}<script type="module">
${common}
const { default: init, start } = await import('/www/pkg/mali_idp_chart.js');
await nextTask();
await init();
await nextTask();
const chart = timed('start', () => start(host, {}));
let left;
do { await nextTask(); left = timed('step', () => chart.step()); steps.at(-1)[0] = \`step \${left + 1}\`; } while (left);
window.__steps = steps;
</script></body></html>`);

// 3. Interleaved cold loads, each step's own time.
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor((s.length - 1) / 2)]; };
const PAGES = { floor: 'www/trace-fm.html', ours: 'www/trace-fo.html' };
for (const rate of [1, THROTTLE]) {
  const res = { floor: {}, ours: {} };
  for (let i = 0; i <= LOADS; i++) {
    for (const [name, path] of Object.entries(PAGES)) {
      const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await page.goto(url + path);
      await page.waitForFunction(() => window.__steps, null, { timeout: 60000 });
      const steps = await page.evaluate(() => window.__steps);
      await context.close();
      if (i === 0) continue; // a warm-up load: the server's and the disk's caches
      for (const [n, d] of steps) (res[name][n] ??= []).push(d);
      (res[name].sum ??= []).push(steps.reduce((s, x) => s + x[1], 0));
    }
  }
  for (const name of Object.keys(PAGES)) {
    console.log(`${rate}× ${name}: ${Object.entries(res[name]).map(([n, a]) => `${n} ${median(a).toFixed(1)}`).join(', ')} (ms, medians of ${LOADS})`);
  }
}
await browser.close();
server.close();

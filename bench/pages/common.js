// Loaded first on every benchmark page (a classic script, before any library):
// the same data for every chart, and instruments that time main-thread work in
// animation frames and count event listeners, whichever library adds them.
(function () {
  const params = new URLSearchParams(location.search);
  const n = Number(params.get('n') || 4);
  const article = [['Tombouctou', 22328], ['Ségou', 10794], ['Ménaka', 10381], ['Autres régions', 15482]];
  const regions = [];
  for (let i = 0; i < n; i++) regions.push(i < 4 ? article[i] : [`Région ${i + 1}`, 1000 + ((i * 7919) % 20000)]);
  regions.sort((a, b) => b[1] - a[1]);
  const total = regions.reduce((s, r) => s + r[1], 0);
  window.benchData = { n, regions, total, width: 640, height: n <= 4 ? 330 : Math.min(16000, 60 + 16 * n) };

  // Time spent inside animation-frame callbacks (libraries draw there).
  const raf = window.requestAnimationFrame.bind(window);
  window.benchFrameTime = 0;
  window.requestAnimationFrame = (cb) => raf((t) => {
    const s = performance.now();
    try { cb(t); } finally { window.benchFrameTime += performance.now() - s; }
  });

  // Listeners currently attached anywhere, through EventTarget.
  const live = new WeakMap(); // weak: counting must not keep detached elements alive
  const key = (type, fn, opts) => `${type}|${typeof opts === 'boolean' ? opts : !!(opts && opts.capture)}`;
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  window.benchListeners = 0;
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    if (fn) {
      let m = live.get(this);
      if (!m) live.set(this, (m = new Map()));
      const k = key(type, fn, opts);
      let set = m.get(k);
      if (!set) m.set(k, (set = new Set()));
      if (!set.has(fn)) { set.add(fn); window.benchListeners++; }
    }
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    const set = live.get(this)?.get(key(type, fn, opts));
    if (set && set.delete(fn)) window.benchListeners--;
    return remove.call(this, type, fn, opts);
  };

  /** Call once the chart has drawn and listens: records when, then the next frame,
   * and reports it through the harness's DevTools-protocol binding (`benchReport`,
   * added by the runner, not a script of its own on the page): nothing of the
   * harness runs on the page's main thread before the chart is interactive. */
  window.benchDrawn = () => {
    window.benchDrawnAt = performance.now();
    raf(() => {
      window.benchPaintedAt = performance.now();
      window.benchReport?.(String(window.benchPaintedAt));
    });
  };
})();

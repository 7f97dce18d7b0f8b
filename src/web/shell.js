// DOM plumbing for the wasm shell (declared in src/web/shell.rs, called by
// src/web/widget.rs and src/web/a11y.rs), the leaves of its DOM work: the widget's
// elements made and its stylesheet adopted (`build`), the failure box (`failure`),
// the data table filled from words the core wrote (`table`), `bars()`'s objects,
// lengths, colours and transforms written (`px`, `color`, `aspect`, `translate`),
// the footer's links, the page's colours and the system palette read back
// (`computed`, `pageColor`, `systemColor`), the pixel-ratio query, and the static
// picture removed (`removeChildren`). No rule lives here, and text reaches the DOM
// only through textContent. Written in JavaScript
// because a few lines here cost less than the dozens of imported DOM calls the wasm
// and its glue would need (measured: see the README's ledger). tools/glue.mjs
// bundles this file into the glue, so it costs no request of its own.

let sheet = null;

const make = (tag, parent, part) => {
  const el = document.createElement(tag);
  if (part) el.className = `mali-idp-chart__${part}`;
  parent?.append(el);
  return el;
};

/** The widget's stylesheet `css` (style::WIDGET_CSS), every declaration made
 * important, adopted once by the document or shadow root `host` is in (a
 * constructed sheet: allowed under a strict CSP). */
function adopt(host, css) {
  const scope = host.getRootNode();
  const target = scope.adoptedStyleSheets ? scope : document;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css.replace(/(:[^;{}]+)(?=[;}])/g, '$1!important'));
  }
  if (!target.adoptedStyleSheets.includes(sheet)) target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
}

/** Shows `message` in `host` where the chart would have been: never a blank box. */
export function failure(host, css, message) {
  adopt(host, css);
  const box = make('div', host);
  box.className = 'mali-idp-chart mali-idp-chart--failed';
  box.setAttribute('role', 'alert');
  box.textContent = message;
}

/** The widget's elements, not yet in the page, styled for where `host` is; `width`
 * is the chart's natural width (layout::natural_width), given to a zero-high canvas
 * so that a shrink-to-fit container gives the chart the width available. The root
 * takes no height and shows nothing until it is shown (`View::show`), so that it can
 * be drawn in the page, in tasks of its own, before it replaces the static picture. */
export function build(host, css, width) {
  adopt(host, css);
  const root = make('div');
  root.className = 'mali-idp-chart mali-idp-chart--pending';
  const alert = make('div', root, 'error');
  alert.setAttribute('role', 'alert');
  const canvas = make('canvas', root, 'canvas');
  // L plays the bars as tones (src/web/sound.rs), as the Listen button does.
  canvas.setAttribute('aria-keyshortcuts', 'L');
  const overlay = make('canvas', root, 'overlay');
  overlay.setAttribute('aria-hidden', 'true');
  const tooltip = make('div', root, 'tooltip');
  tooltip.setAttribute('role', 'tooltip');
  const name = make('strong', tooltip);
  const lines = make('div', tooltip);
  const footer = make('div', root, 'footer');
  const csv = make('a', footer);
  const image = make('a', footer);
  // The chart heard (src/sound.rs): a toggle, pressed while the tones play.
  const listen = make('button', footer, 'listen');
  listen.type = 'button';
  listen.setAttribute('aria-pressed', 'false');
  const live = make('div', root, 'live');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');
  const data = make('div', root, 'data');
  const size = make('canvas', root, 'size');
  size.width = width;
  size.height = 0;
  size.setAttribute('aria-hidden', 'true');
  // In the order of widget.rs's `Part` (a test checks each is the element named).
  return [root, canvas, overlay, tooltip, name, lines, live, data, footer, csv, image, alert, listen];
}

/** Fills `box` with a table: its caption, then rows of `cols` cells from `cells`
 * (separated by U+001F); the first row is the column headers, and the first cell of
 * every other row is that row's header. */
export function table(box, caption, cols, cells) {
  const table = make('table');
  make('caption', table).textContent = caption;
  const head = make('thead', table);
  const body = make('tbody', table);
  const all = cells.split('\x1f');
  for (let i = 0; i < all.length; i += cols) {
    const tr = make('tr', i ? body : head);
    for (let j = 0; j < cols; j++) {
      const header = !i || !j;
      const cell = make(header ? 'th' : 'td', tr);
      if (header) cell.scope = i ? 'row' : 'col';
      cell.textContent = all[i + j];
    }
  }
  box.replaceChildren(table);
}

// chart.bars(): each row [name, persons, computed, x, y, width, height] as an object.
export function barObjects(rows) {
  return rows.map(([name, persons, computed, x, y, width, height]) => ({ name, persons, computed, x, y, width, height }));
}

/** Sets `prop` to `n` CSS pixels (as JS prints the number), important, as every
 * declaration of the widget's is (web/dom.rs `style`). */
export function px(el, prop, n) {
  el.style.setProperty(prop, `${n}px`, 'important');
}

/** Sets the colour property `prop` of `el` to `rgb` (0xRRGGBB) as #rrggbb; with
 * `outline`, a 2 px ring in it. */
export function color(el, prop, rgb) {
  const hex = `#${rgb.toString(16).padStart(6, '0')}`;
  el.style.setProperty(prop, prop === 'outline' ? `2px solid ${hex}` : hex, 'important');
}

/** Removes the children of `host` of class `cls`. */
export function removeChildren(host, cls) {
  for (const el of host.querySelectorAll(`:scope > .${cls}`)) el.remove();
}

/** The media query matching `dpr` device pixels per CSS pixel. */
export function ratioQuery(dpr) {
  return matchMedia(`(resolution: ${dpr}dppx)`);
}

/** The footer's two links, their words and file names; the CSV as a data URL (with
 * a byte-order mark, for spreadsheets), the image's made when it is followed. */
export function links(csvLink, imageLink, csvText, csvFile, csv, imageText, imageFile, listen, listenText) {
  Object.assign(csvLink, { textContent: csvText, download: csvFile, href: `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csv}`)}` });
  Object.assign(imageLink, { textContent: imageText, download: imageFile, href: '#' });
  listen.textContent = listenText;
}

/** The chart heard (src/sound.rs says what plays): starts a tune `lead` ms from now
 * on the chart's one AudioContext, made at the first play (a reader's gesture, as
 * browsers require) and kept in `player` with what stopping needs; `tone` then adds
 * its tones. `step(code)` as each tone starts (the code `tone` was given),
 * `step(-1)` when the last is over. */
export function play(player, lead, step) {
  stop(player);
  const ctx = (player.ctx ??= new AudioContext());
  ctx.resume();
  player.lead = lead + 50;
  player.t0 = ctx.currentTime + player.lead / 1000;
  player.step = step;
}

/** One tone of the tune `play` started: `hz` from `start` ms for `ms` ms, a sine wave,
 * or a triangle for a computed figure; a 10 ms fade in and 20 ms out. */
export function tone(player, hz, start, ms, computed, code) {
  const { ctx, t0, lead, step, timers, oscs } = player;
  const [t, stopAt] = [t0 + start / 1000, t0 + (start + ms) / 1000];
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = computed ? 'triangle' : 'sine';
  osc.frequency.value = hz;
  gain.gain.setValueAtTime(0, t);
  gain.gain.linearRampToValueAtTime(0.2, t + 0.01);
  gain.gain.setValueAtTime(0.2, stopAt - 0.02);
  gain.gain.linearRampToValueAtTime(0, stopAt);
  osc.connect(gain).connect(ctx.destination);
  osc.start(t);
  osc.stop(stopAt);
  oscs.push([osc, gain.gain]);
  timers.push(setTimeout(step, lead + start, code));
  // The tune ends when its last tone does, and 150 ms later: the timers run on the
  // page's clock, the tones on the audio's, which lagged by 0.1 s under load in a
  // trial (the end's stop faded the last tone out early).
  clearTimeout(player.end);
  player.end = setTimeout(step, lead + start + ms + 150, -1);
}

/** Stops what `play` started: its tones (faded out in 20 ms: cut, a tone clicks)
 * and its timers. */
export function stop(player) {
  const now = player.ctx?.currentTime;
  for (const t of player.timers ?? []) clearTimeout(t);
  for (const [o, gain] of player.oscs ?? []) {
    gain.cancelScheduledValues(now);
    gain.setTargetAtTime(0, now, 0.005);
    o.stop(now + 0.03);
  }
  clearTimeout(player.end);
  player.timers = [];
  player.oscs = [];
}

/** Stops, and closes the chart's AudioContext (on destroy). */
export function close(player) {
  stop(player);
  player.ctx?.close();
  player.ctx = null;
}

/** The computed value of CSS property `prop` on `el`, trimmed. */
export function computed(el, prop) {
  return getComputedStyle(el).getPropertyValue(prop).trim();
}

/** A colour as the browser writes it (#rrggbb, rgb(…), rgba(…)) as 0xRRGGBB; -1 for
 * anything else. */
function rgbOf(c) {
  if (c[0] === '#') return parseInt(c.slice(1, 7), 16);
  // rgb(r, g, b[, a]), or color(srgb r g b) with channels from 0 to 1: how a canvas
  // writes what color-mix() and the like give. Other colour spaces: none.
  const wide = c.startsWith('color(srgb ');
  if (c.startsWith('color(') && !wide) return -1;
  const v = (wide ? c.slice(11) : c).match(/[\d.]+/g);
  if (!(v?.length >= 3)) return -1;
  let n = 0;
  for (let i = 0; i < 3; i++) n = (n << 8) | Math.min(255, Math.round(v[i] * (wide ? 255 : 1)));
  return n;
}

/** The colour the page gives the custom property `prop` on `el`, read by the canvas
 * context `ctx` (any CSS colour syntax), as 0xRRGGBB; -1 when unset or invalid (an
 * invalid colour leaves the fill style as it was, hence the sentinel first). */
export function pageColor(el, ctx, prop) {
  const value = computed(el, prop);
  if (!value) return -1;
  ctx.fillStyle = '#010203';
  ctx.fillStyle = value;
  const c = ctx.fillStyle;
  return c === '#010203' && value !== '#010203' ? -1 : rgbOf(c);
}

/** The system colour `keyword` as the browser has it now, as 0xRRGGBB: written on
 * `el` (which opts out of forced colours, so it keeps what it is given) and read
 * back computed; a canvas would resolve system colours to their defaults. */
export function systemColor(el, keyword) {
  el.style.setProperty('color', keyword, 'important');
  const c = rgbOf(getComputedStyle(el).color);
  el.style.setProperty('color', 'inherit', 'important');
  return c;
}

/** Sets `el`'s aspect ratio to `w` / `h`. */
export function aspect(el, w, h) {
  el.style.setProperty('aspect-ratio', `${w} / ${h}`, 'important');
}

/** Moves `el` by `x`, `y` CSS pixels (a transform: nothing is laid out). */
export function translate(el, x, y) {
  el.style.setProperty('transform', `translate(${x}px,${y}px)`, 'important');
}

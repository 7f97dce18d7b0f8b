// <mali-idp-chart>: the chart as a custom element, for CMS pages that allow a script
// tag but not code. Each build (bars, or the map's) is fetched and instantiated once
// per page, however many elements use it.
// This is the source: `make build` minifies it to www/mali-idp-chart.js (tools/
// element.mjs), which is what pages load; its imports of pkg/ are relative to that file.
//
//   <script type="module" src="mali-idp-chart.js"></script>
//   (the wasm is fetched when the first element comes near the viewport;
//   loading="eager" on an element fetches it at once)
//   <mali-idp-chart lang="fr" theme="auto" view="bars"></mali-idp-chart>   (view: bars, map or both)
//
// Custom figures go in an inline JSON child (CMSs that forbid scripts usually allow
// this one, which browsers never run):
//   <mali-idp-chart lang="en">
//     <script type="application/json">{"title": "...", "source": "...", "total": 100,
//       "regions": [{"name": "A", "persons": 60}]}</script>
//   </mali-idp-chart>
//
// The chart lives in a shadow root, so the page's CSS cannot reach its layout; its
// colours and font still follow the page's --idp-* custom properties.
//
// Before any script, the element shows what the page put inside it: the static
// picture `make fallback` writes (class "mali-idp-chart-static", styled by
// mali-idp-chart.css), which the live chart then replaces without moving the page.
// An element with no picture inside shows fallback-{lang}.svg (the article's figures)
// until the chart is live; one with figures of its own (inline JSON) and no picture
// never shows the article's: a box with its title says the chart is loading (or
// could not be loaded), so a reader never sees figures that are not the chart's.
//
// Two builds: bars only (pkg/mali_idp_chart*), and the one with the map
// (pkg/mali_idp_chart_map*, which draws every
// view). Each element loads the smaller one that draws its view; a page whose charts
// are all bars never fetches the map. A page with a map chart anywhere gets the map
// build for all its charts (one wasm per page), as do charts added after it came.

import { langOf, buildSuffix } from './lang.js';
import { needsMap } from './builds.js';
const builds = {}; // by file: "" (bars), "_map", "_ar", "_map_ar"…
let mapLoaded = false;

/** Marks the task it runs in as the chart's (`performance.mark`), so that a trace
 * (`make trace`) or a newsroom's own profiling can tell the chart's tasks apart. */
const mark = () => performance.mark('mali-idp-chart');

/** Resolves in a task of its own, at background priority: after input, frames and
 * whatever else the page has waiting, or after 50 ms if the page is never idle
 * (`scheduler.postTask` where there is one; elsewhere a message-channel task, sooner
 * than a timeout, which browsers may delay by 4 ms or more); the task is marked.
 * Measured (make trace, taps every 100 ms through a lazy upgrade at 4× CPU):
 * `scheduler.yield()` between the steps made a tap wait 168 ms (its continuations
 * run ahead of the frames input waits for), message-channel tasks 56, background 40. */
export const nextTask = () => new Promise((resolve) => {
  if (globalThis.scheduler?.postTask) {
    scheduler.postTask(resolve, { priority: 'background' });
    setTimeout(resolve, 50); // a page never idle (an animation) still gets its chart
    return;
  }
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = resolve;
  port2.postMessage(0);
}).then(mark);

/** The charts of a page are shown one per frame: each new canvas is handed to the
 * compositor in the frame after its swap, and five charts swapped in one frame made
 * that frame's commit a long task of its own on a phone. Resolves, in a task of its
 * own, when this chart's turn has come. */
let turn = Promise.resolve();
const frame = () => (turn = turn.then(() => new Promise((resolve) => requestAnimationFrame(resolve))).then(nextTask));

/** Loads and instantiates the build that draws `view` in `lang` (once per page) and
 * resolves to `{ mount, start, map }`: its mount and start functions, and whether it
 * draws maps. Each language has builds of its own (`buildSuffix`), which is what the
 * element asks for; with no language, the builds that speak French and English
 * together (a page's own mount(), which may switch between them). The glue's evaluation, the wasm's instantiation and what follows
 * each run in tasks of their own. */
export function load(view, lang) {
  const map = needsMap(view) || mapLoaded
    || [...document.querySelectorAll('mali-idp-chart[view]')].some((el) => needsMap(el.getAttribute('view')));
  mapLoaded ||= map;
  const file = (map ? '_map' : '') + buildSuffix(lang);
  const url = `./pkg/mali_idp_chart${file}.js`; // a variable: left to the browser, not bundled
  return builds[file] ??= import(url)
    .then(async (m) => {
      mark();
      await nextTask();
      await m.default();
      await nextTask();
      return { mount: m.mount, start: m.start, map };
    });
}

/** Resolves when `el` comes within a viewport's height of the viewport: a chart far
 * below the fold fetches and instantiates nothing until the reader gets near it (its
 * picture shows meanwhile). At once with loading="eager". (IntersectionObserver is
 * in every browser the module itself runs in: ES2022, custom elements, adopted
 * stylesheets; its test went to pay for the other languages' builds.)
 * `watch(observer)` hands the observer to the caller, which disconnects it if the
 * element goes away first. */
function near(el, watch) {
  if (el.getAttribute('loading') === 'eager') return Promise.resolve();
  return new Promise((resolve) => {
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        resolve();
      }
    }, { rootMargin: '100% 0px' });
    io.observe(el);
    watch(io);
  });
}

const sheet = new CSSStyleSheet();
// (Written compactly: esbuild leaves a string as it is, and every page fetches it.)
sheet.replaceSync(':host{display:block}:host([hidden]){display:none}.fallback{display:block;max-width:100%;height:auto}'
  + '.placeholder{box-sizing:border-box;min-height:12em;margin:0;padding:12px;border:1px dashed #7d8a97;font:14px/1.45 sans-serif}'
  + ':host(:lang(ar)) .placeholder{direction:rtl}[hidden]{display:none!important}');

// The static image's text alternative, and what the placeholder of an element with
// figures of its own says under their title (loading, then failed), in French and
// English; each other language's are fetched from a module of their own when a chart
// needs them (words.js, cut per language by tools/element.mjs; English if that fails).
// Each: [text alternative, loading, could not be loaded].
const WORDS = {
  fr: [
    'Graphique : personnes déplacées internes au Mali, par région (image statique)',
    'Graphique en cours de chargement…',
    'Le graphique n\'a pas pu être chargé.',
  ],
  en: ['Chart: internally displaced people in Mali, by region (static image)', 'Chart loading…', 'The chart could not be loaded.'],
};
const wordsOf = async (lang, url = `./mali-idp-chart-words-${lang}.js`) =>
  WORDS[lang] ?? (await import(url).catch(() => 0)).WORDS ?? WORDS.en; // a variable: not bundled

export class MaliIdpChart extends HTMLElement {
  static observedAttributes = ['lang', 'theme', 'view'];

  #chart = null;
  #live = null; // the same handle, once drawn and swapped in
  #slot;
  #picture;
  #fallback;
  #placeholder;
  #generation = 0;
  #waiting = null;
  /** Whether the chart was drawn by the map build, and in which language's builds. */
  #hasMap = false;
  #suffix = '';

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [sheet];
    // The page's static picture (light DOM), shown until the chart is live.
    this.#picture = document.createElement('slot');
    this.#fallback = document.createElement('img');
    this.#fallback.className = 'fallback';
    this.#fallback.hidden = true;
    this.#placeholder = document.createElement('p');
    this.#placeholder.className = 'placeholder';
    this.#placeholder.hidden = true;
    this.#slot = document.createElement('div');
    shadow.append(this.#picture, this.#fallback, this.#placeholder, this.#slot);
  }

  /** The chart handle (null until drawn and shown, or after removal). */
  get chart() {
    return this.#live;
  }

  connectedCallback() {
    this.#render();
  }

  disconnectedCallback() {
    this.#generation++; // a render still waiting for the wasm is abandoned
    this.#waiting?.disconnect();
    this.#chart?.destroy();
    this.#chart = this.#live = null;
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected) return;
    // A map asked of a chart drawn by the bars build, or a language of other builds:
    // drawn anew by the build that has it.
    const same = this.#suffix === buildSuffix(langOf(this.getAttribute('lang')) ?? 'fr');
    if (this.#chart && same && (this.#hasMap || !needsMap(this.getAttribute('view')))) {
      try {
        this.#chart.update(this.#attributes()); // takes what is left of its mount first
        this.#swap();
      } catch (err) {
        console.error(err); // also shown in the widget by update()
      }
    } else {
      this.#render();
    }
  }

  // Every observed attribute, present or not: a removed (or empty) one is null, which puts
  // that option back to its default (lang "fr", theme "auto", view "bars") on update().
  #attributes() {
    const a = (name) => this.getAttribute(name) || null;
    return { lang: a('lang'), theme: a('theme'), view: a('view') };
  }

  #options() {
    const options = this.#attributes();
    const script = this.querySelector(':scope > script[type="application/json"]');
    if (script) {
      try {
        options.data = JSON.parse(script.textContent);
      } catch (err) {
        throw new Error(`mali-idp-chart: data: malformed JSON in <script type="application/json">: ${err.message}`);
      }
    }
    return options;
  }

  #showError(message) {
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.className = 'mali-idp-chart mali-idp-chart--failed';
    box.textContent = message;
    // The live chart's error box (ERROR_BOX: src/style.rs's declarations, put in by
    // tools/element.mjs), through the CSSOM: allowed under a strict CSP.
    box.style.cssText = ERROR_BOX; // eslint-disable-line no-undef
    this.#slot.replaceChildren(box);
  }

  async #render() {
    const generation = ++this.#generation;
    this.#chart?.destroy();
    this.#chart = this.#live = null;
    const picture = this.querySelector(':scope > .mali-idp-chart-static');
    this.#picture.hidden = !picture;
    const lang = langOf(this.getAttribute('lang')) ?? 'fr';
    const own = !picture && this.querySelector(':scope > script[type="application/json"]');
    const words = wordsOf(lang);
    // Their title (as text), or nothing when their JSON is not readable yet.
    const wait = async (i) => {
      const said = (await words)[i + 1];
      if (generation !== this.#generation) return;
      const title = document.createElement('strong');
      try { title.textContent = JSON.parse(own.textContent).title ?? ''; } catch { /* shown when mounted */ }
      this.#placeholder.replaceChildren(title, document.createElement('br'), said);
    };
    this.#placeholder.hidden = !own;
    this.#fallback.hidden = !!picture || !!own;
    if (own) wait(0);
    else if (!picture) {
      words.then((w) => { if (generation === this.#generation) this.#fallback.alt = w[0]; });
      const map = needsMap(this.getAttribute('view')) ? 'map-' : '';
      this.#fallback.src = new URL(`./fallback-${map}${lang}.svg`, import.meta.url).href;
    }
    this.#waiting?.disconnect();
    await near(this, (io) => { this.#waiting = io; });
    if (generation !== this.#generation || !this.isConnected) return;
    let build;
    try {
      build = await load(this.getAttribute('view'), lang);
    } catch (err) {
      // The picture stays; a placeholder says the chart will not come.
      if (own && generation === this.#generation) wait(1);
      throw err;
    }
    await nextTask(); // each element's upgrade in tasks of its own, not all in one
    if (generation !== this.#generation || !this.isConnected) return;
    this.#slot.replaceChildren();
    // The chart is drawn in steps, each a task of its own, so that no task is long
    // enough for a reader to feel; the picture goes in the step that shows the chart.
    try {
      this.#hasMap = build.map;
      this.#suffix = buildSuffix(lang);
      const chart = (this.#chart = build.start(this.#slot, this.#options()));
      let left;
      do {
        await (left === 2 ? frame() : nextTask());
        if (generation !== this.#generation) return; // destroyed meanwhile
        left = chart.step();
        if (left === 1) {
          this.#swap(); // in the task that showed the chart: no frame shows both
          this.#live = chart;
        }
      } while (left);
    } catch (err) {
      this.#chart = this.#live = null;
      if (!this.#slot.querySelector('[role=alert]')) this.#showError(err.message);
      console.error(err);
    }
    this.#swap();
  }

  /** The live chart (or its error) in place of the picture, fallback or placeholder. */
  #swap() {
    this.#picture.hidden = true;
    this.#fallback.hidden = true;
    this.#placeholder.hidden = true;
  }
}

if (!customElements.get('mali-idp-chart')) customElements.define('mali-idp-chart', MaliIdpChart);

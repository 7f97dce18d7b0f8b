// The chart alone, for an <iframe> (CMSs that allow no script in the article). This
// is the source: `make build` bundles and minifies it into www/embed.js
// (tools/element.mjs), which the iframe pages load.
// Query: ?lang=fr|en|es|pt|de|ar (a region may follow: pt-PT, ar-EG)&theme=auto|light|dark&view=bars|map|both&id=ANY
// It posts its height to the parent page on load and on every resize:
//   { type: "mali-idp-chart:height", id: "<the id parameter or null>", height: <CSS px> }
import { needsMap } from './builds.js';
import { langOf, buildSuffix } from './lang.js';

const params = new URLSearchParams(location.search);
const options = {};
for (const key of ['lang', 'theme', 'view']) if (params.has(key)) options[key] = params.get(key);
// embed-map.html and embed-both.html carry that view's pictures, and draw it.
options.view ??= document.documentElement.dataset.view;
// The map build for the map views, the smaller bars build otherwise; each in the
// language's own builds besides French and English.
const build = `./pkg/mali_idp_chart${needsMap(options.view) ? '_map' : ''}${buildSuffix(langOf(options.lang) ?? 'fr')}.js`;
const id = params.get('id');

let last = -1;
function postHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: 'mali-idp-chart:height', id, height }, '*');
}

/** Marks the task it runs in as the chart's (a trace tells the chart's tasks apart). */
const mark = () => performance.mark('mali-idp-chart');

/** A task of its own, at background priority (after input and frames; see the
 * element's nextTask), marked. */
const nextTask = () => new Promise((resolve) => {
  if (globalThis.scheduler?.postTask) {
    scheduler.postTask(resolve, { priority: 'background' });
    setTimeout(resolve, 50); // a page never idle (an animation) still gets its chart
    return;
  }
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = resolve;
  port2.postMessage(0);
}).then(mark);

const host = document.getElementById('chart');
try {
  // Imported in a task of its own, not in the one that ends the page's parsing.
  await nextTask();
  const { default: init, start } = await import(build);
  mark();
  await nextTask();
  await init();
  await nextTask();
  // Drawn in steps, one task each (none long enough for a reader to feel); the step
  // that shows it replaces the static pictures in the page, in place.
  const chart = start(host, options);
  do await nextTask(); while (chart.step());
  window.maliIdpChart = chart;
} catch (err) {
  console.error(err); // mount() also shows the message in the page
} finally {
  new ResizeObserver(postHeight).observe(document.documentElement);
  postHeight();
}

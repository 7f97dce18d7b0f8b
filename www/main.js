// Loads the chart's wasm once and mounts it into the article's figure. Kept out of
// the HTML so the page works under a strict Content-Security-Policy.
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
let start;
try {
  // The glue is imported in a task of its own, not in the one that ends the page's
  // parsing (the page's first layout runs there); the page preloads it.
  await nextTask();
  const glue = await import('./pkg/mali_idp_chart.js');
  mark();
  start = glue.start;
  await nextTask();
  await glue.default();
} catch (err) {
  // Never a blank box: the static picture stays, with a word on why.
  const box = document.createElement('p');
  box.className = 'chart-error';
  box.textContent = `Le graphique interactif n'a pas pu se charger : ${err && err.message ? err.message : err}`;
  host.append(box);
  throw err;
}
// start() and step() draw the chart in steps, one task each, so that no task is long
// enough for a reader to feel; the step that shows it replaces the static picture in
// the figure, in place. Bad options would throw here, and the page shows the message.
await nextTask();
const chart = start(host, { lang: document.documentElement.lang || 'fr' });
do await nextTask(); while (chart.step());
window.maliIdpChart = chart; // live: drawn, answering the reader, following the page

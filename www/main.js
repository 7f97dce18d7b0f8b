// Loads the chart's wasm once and mounts it into the article's figure. Kept out of
// the HTML so the page works under a strict Content-Security-Policy.
import init, { mount } from './pkg/mali_idp_chart.js';

const host = document.getElementById('chart');
try {
  await init();
} catch (err) {
  // Never a blank box: the static picture stays, with a word on why.
  const box = document.createElement('p');
  box.className = 'chart-error';
  box.textContent = `Le graphique interactif n'a pas pu se charger : ${err && err.message ? err.message : err}`;
  host.append(box);
  throw err;
}
// mount() replaces the static picture in the figure with the live chart, in place.
// Bad options would throw here, and mount() shows the same message in the page.
window.maliIdpChart = mount(host, { lang: document.documentElement.lang || 'fr' });

// Loads the chart's wasm once and mounts it into the article's figure. Kept out of
// the HTML so the page works under a strict Content-Security-Policy.
import init, { mount } from './pkg/mali_idp_chart.js';

const host = document.getElementById('chart');
try {
  await init();
  window.maliIdpChart = mount(host, { lang: document.documentElement.lang || 'fr' });
} catch (err) {
  // Never a blank box: say what went wrong where the chart should be.
  const box = document.createElement('p');
  box.className = 'chart-error';
  box.textContent = `Le graphique n'a pas pu s'afficher : ${err && err.message ? err.message : err}`;
  host.replaceChildren(box);
  throw err;
}

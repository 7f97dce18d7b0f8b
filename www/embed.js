// The chart alone, for an <iframe> (CMSs that allow no script in the article).
// Query: ?lang=fr|en&theme=auto|light|dark&view=bars|map|both&id=ANY
// It posts its height to the parent page on load and on every resize:
//   { type: "mali-idp-chart:height", id: "<the id parameter or null>", height: <CSS px> }
const params = new URLSearchParams(location.search);
const options = {};
for (const key of ['lang', 'theme', 'view']) if (params.has(key)) options[key] = params.get(key);
// embed-map.html and embed-both.html carry that view's pictures, and draw it.
options.view ??= document.documentElement.dataset.view;
// The map build for the map views, the smaller bars build otherwise.
const build = ['map', 'both'].includes(options.view) ? './pkg/mali_idp_chart_map.js' : './pkg/mali_idp_chart.js';
const id = params.get('id');

let last = -1;
function postHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: 'mali-idp-chart:height', id, height }, '*');
}

const host = document.getElementById('chart');
try {
  const { default: init, mount } = await import(build);
  await init();
  // Replaces the static pictures in the page with the live chart, in place.
  window.maliIdpChart = mount(host, options);
} catch (err) {
  console.error(err); // mount() also shows the message in the page
} finally {
  new ResizeObserver(postHeight).observe(document.documentElement);
  postHeight();
}

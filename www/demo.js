// The demo page: the JS API with update(), and the parent side of the iframe embed.
import { load } from './mali-idp-chart.js';
import { listenForHeights } from './embed-parent.js';

listenForHeights();

const { mount } = await load();
const state = { lang: 'fr', theme: 'light' };
const chart = mount(document.getElementById('api-chart'), state);
window.demoChart = chart;

const langButton = document.getElementById('api-lang');
const themeButton = document.getElementById('api-theme');
langButton.addEventListener('click', () => {
  state.lang = state.lang === 'fr' ? 'en' : 'fr';
  langButton.textContent = state.lang === 'fr' ? 'English' : 'Français';
  chart.update({ lang: state.lang });
});
themeButton.addEventListener('click', () => {
  state.theme = state.theme === 'light' ? 'dark' : 'light';
  themeButton.textContent = state.theme === 'light' ? 'Thème sombre' : 'Thème clair';
  chart.update({ theme: state.theme });
});

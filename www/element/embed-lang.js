// The iframe page's language and theme, from ?lang= and ?theme=, set before the body
// is parsed so that the static picture shows in that language and those colours (a
// classic script, not a module: modules run after the first paint). Without scripts
// the French picture shows, in the reader's colour scheme. Source: tools/element.mjs
// bundles it into www/embed-lang.js (with the one language rule, ./lang.js).
import { langOf } from './lang.js';

const params = new URLSearchParams(location.search);
const lang = langOf(params.get('lang'));
if (lang && lang !== 'fr') {
  document.documentElement.lang = lang;
  if (lang === 'ar') document.documentElement.dir = 'rtl';
  // The page's title in its language: its hidden heading's (written by `make
  // fallback` from the chart's own words), once parsed.
  document.addEventListener('DOMContentLoaded', () => {
    document.title = document.querySelector(`h1 [lang="${lang}"]`)?.textContent ?? document.title;
  });
}
const theme = params.get('theme');
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;

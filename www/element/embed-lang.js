// The iframe page's language and theme, from ?lang= and ?theme=, set before the body
// is parsed so that the static picture shows in that language and those colours (a
// classic script, not a module: modules run after the first paint). Without scripts
// the French picture shows, in the reader's colour scheme. Source: tools/element.mjs
// bundles it into www/embed-lang.js (with the one language rule, ./lang.js).
import { langOf } from './lang.js';

const params = new URLSearchParams(location.search);
if (langOf(params.get('lang')) === 'en') {
  document.documentElement.lang = 'en';
  // The page's title in English: its hidden heading's (written by `make fallback`
  // from the chart's own words), once parsed.
  document.addEventListener('DOMContentLoaded', () => {
    document.title = document.querySelector('h1 [lang="en"]')?.textContent ?? document.title;
  });
}
const theme = params.get('theme');
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;

// The iframe page's language, from ?lang=, set before the body is parsed so that the
// static picture in that language is the one shown (a classic script, not a module:
// modules run after the first paint). Without scripts the French picture shows.
if (/^en/i.test(new URLSearchParams(location.search).get('lang') || '')) document.documentElement.lang = 'en';

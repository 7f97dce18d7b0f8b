// Completes the npm package tools/build.sh wrote to pkg/ (wasm, JS glue, types): adds
// the custom element (its import rewritten for the package layout), the static
// fallbacks, the static pictures to paste (picture-fr.html, picture-map-en.html ...) and
// their stylesheet, the iframe parent helper, TypeScript types, and package.json.
import { readFile, writeFile, copyFile, mkdir, chmod } from 'node:fs/promises';

const pkg = new URL('../pkg/', import.meta.url);
const www = new URL('../www/', import.meta.url);

// The minified element (tools/element.mjs), its builds' address pointed at the
// package's layout (pkg/ in www, the package's root here).
const LANGS = ['fr', 'en', 'es', 'pt', 'de', 'ar'];
const source = await readFile(new URL('mali-idp-chart.js', www), 'utf8');
const element = source.replace('`./pkg/mali_idp_chart${', '`./mali_idp_chart${');
if (element === source) throw new Error('the element\'s address of its builds was not rewritten');
await writeFile(new URL('mali-idp-chart.js', pkg), element);
// Each language's own builds, which the element loads (tools/build.sh … fr), and the
// element's words in the languages besides French and English.
const BUILDS = LANGS.flatMap((l) => ['', '_map'].flatMap((m) => [`mali_idp_chart${m}_${l}.js`, `mali_idp_chart${m}_${l}_bg.wasm`, `mali_idp_chart${m}_${l}.d.ts`]));
const WORDS = LANGS.filter((l) => l !== 'fr' && l !== 'en').map((l) => `mali-idp-chart-words-${l}.js`);
for (const f of WORDS) await copyFile(new URL(f, www), new URL(f, pkg));
const FALLBACKS = LANGS.flatMap((l) => [`fallback-${l}.svg`, `fallback-map-${l}.svg`]);
// The static pictures to paste, per language and view (see the README).
const PICTURES = ['fr', 'en'].flatMap((l) => ['', 'map-', 'both-'].map((v) => `picture-${v}${l}.html`));
for (const f of [...FALLBACKS, 'embed-parent.js', 'mali-idp-chart.css', ...PICTURES]) await copyFile(new URL(f, www), new URL(f, pkg));

await writeFile(new URL('mali-idp-chart.d.ts', pkg), `/** Loads and instantiates, once per page, the build that draws \`view\` in \`lang\`
 * (the map build for "map" and "both", or once it is on the page; the bars build
 * otherwise), each language's own. */
export function load(view?: "bars" | "map" | "both" | null, lang?: "fr" | "en" | "es" | "pt" | "de" | "ar"): Promise<{ mount: typeof import('./mali_idp_chart.js').mount; start: typeof import('./mali_idp_chart.js').start; map: boolean }>;
/** Resolves in a task of its own at background priority (after input and frames, or
 * 50 ms on a page never idle): what to await between \`chart.step()\` calls. */
export function nextTask(): Promise<unknown>;
/** The <mali-idp-chart lang="fr|en|es|pt|de|ar" theme="auto|light|dark" view="bars|map|both"> element
 * (lang: a BCP 47 tag; its region picks how numbers are written: "pt-PT", "de-CH", "ar-EG"). */
export class MaliIdpChart extends HTMLElement {
  static observedAttributes: string[];
  /** The chart handle, or null before it is drawn and after removal. */
  readonly chart: import('./mali_idp_chart.js').Chart | null;
}
declare global {
  interface HTMLElementTagNameMap { 'mali-idp-chart': MaliIdpChart; }
}
`);
await writeFile(new URL('embed-parent.d.ts', pkg), `/** Sizes chart iframes to the heights they post ({ type: "mali-idp-chart:height", id, height }). */
export function listenForHeights(root?: Document | Element): void;
`);

// The picture command (tools/cli.mjs), run by Node with the node/ build.
await mkdir(new URL('bin/', pkg), { recursive: true });
await copyFile(new URL('../tools/cli.mjs', import.meta.url), new URL('bin/mali-idp-chart.mjs', pkg));
await chmod(new URL('bin/mali-idp-chart.mjs', pkg), 0o755);

// The package is the chart crate: its name, description, version and licence.
const cargo = await readFile(new URL('../Cargo.toml', import.meta.url), 'utf8');
const field = (k) => cargo.match(new RegExp(`^${k} = "(.*)"$`, 'm'))?.[1];
const meta = { name: 'mali-idp-chart', type: 'module', version: field('version'), description: field('description'), license: field('license') };
meta.files = ['mali_idp_chart_bg.wasm', 'mali_idp_chart.js', 'mali_idp_chart.d.ts', 'README.md', 'LICENSE-MIT',
  'mali_idp_chart_map_bg.wasm', 'mali_idp_chart_map.js', 'mali_idp_chart_map.d.ts',
  'node/mali_idp_chart_bg.wasm', 'node/mali_idp_chart.js', 'bin/mali-idp-chart.mjs',
  'mali-idp-chart.js', 'mali-idp-chart.d.ts', 'embed-parent.js', 'embed-parent.d.ts', ...FALLBACKS, ...BUILDS, ...WORDS,
  'mali-idp-chart.css', ...PICTURES];
meta.main = 'mali_idp_chart.js';
meta.bin = { 'mali-idp-chart': 'bin/mali-idp-chart.mjs' };
meta.types = 'mali_idp_chart.d.ts';
meta.exports = {
  // The bars build, and the map build (every view): the same API.
  '.': { types: './mali_idp_chart.d.ts', default: './mali_idp_chart.js' },
  './map': { types: './mali_idp_chart_map.d.ts', default: './mali_idp_chart_map.js' },
  './mali_idp_chart_map_bg.wasm': './mali_idp_chart_map_bg.wasm',
  './element': { types: './mali-idp-chart.d.ts', default: './mali-idp-chart.js' },
  './embed-parent': { types: './embed-parent.d.ts', default: './embed-parent.js' },
  './mali_idp_chart_bg.wasm': './mali_idp_chart_bg.wasm',
  ...Object.fromEntries([...FALLBACKS, ...BUILDS, ...WORDS].map((f) => [`./${f}`, `./${f}`])),
  // Each language's own builds, for mount() in one language: 'mali-idp-chart/ar',
  // 'mali-idp-chart/map/ar'…
  ...Object.fromEntries(LANGS.flatMap((l) => [['', ''], ['/map', '_map']].map(([path, m]) =>
    [`.${path}/${l}`, { types: `./mali_idp_chart${m}_${l}.d.ts`, default: `./mali_idp_chart${m}_${l}.js` }]))),
  './mali-idp-chart.css': './mali-idp-chart.css',
  ...Object.fromEntries(PICTURES.map((f) => [`./${f}`, `./${f}`])),
};
meta.sideEffects = ['./mali-idp-chart.js'];
await writeFile(new URL('package.json', pkg), JSON.stringify(meta, null, 2) + '\n');
console.log(`pkg/: ${meta.name}@${meta.version}, files: ${meta.files.join(', ')}`);

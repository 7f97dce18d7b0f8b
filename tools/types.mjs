// The shipped typings, finished: `mount`'s options made optional (wasm-bindgen types
// every parameter as required), and the `[Symbol.dispose]` method wasm-bindgen
// declares dropped from the class: it needs TypeScript's `esnext` library, so with
// a common `"lib": ["es2022", "dom"]` and skipLibCheck off the package's own types
// failed to compile (TS2550). The method itself stays in the JS where the engine
// has Symbol.dispose; only its declaration goes. And `InitOutput` (what `init()`
// resolves to, the module's raw exports) declares only `memory`: tools/glue.mjs
// renames the others, which only the glue calls.
//   node tools/types.mjs FILE.d.ts
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
let text = readFileSync(file, 'utf8');
const edits = [
  ['export function mount(target: Element | string, options: MountOptions): Chart;',
    'export function mount(target: Element | string, options?: MountOptions): Chart;'],
  ['    [Symbol.dispose](): void;\n', ''],
];
for (const [from, to] of edits) {
  if (!text.includes(from)) throw new Error(`${file}: expected to find ${JSON.stringify(from)}`);
  text = text.replace(from, to);
}
const init = /export interface InitOutput \{\n[^}]*\}/;
if (!init.test(text)) throw new Error(`${file}: expected to find the InitOutput interface`);
text = text.replace(init, 'export interface InitOutput {\n    readonly memory: WebAssembly.Memory;\n}');
writeFileSync(file, text);

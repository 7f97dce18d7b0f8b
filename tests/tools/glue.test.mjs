// tools/glue.mjs on a fixture shaped like wasm-bindgen's output (a glue whose import
// object is keyed by hashed names, a wasm importing them from "./x_bg.js" and
// exporting a closure shim under its Rust path): the names come out short and the
// same in both files, the wasm still valid, the warnings shortened, anything not
// recognised an error naming it, and the command run twice writes the same files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rewrite, minify } from '../../tools/glue.mjs';

const root = new URL('../../', import.meta.url).pathname;
const SHIM = '_dyn_core__ops__function__FnMut__A____Output___R_as_wasm_bindgen__closure__WasmClosure___describe__invoke__h0123456789abcdef';
const IMPORTS = ['__wbg_log_0123456789abcdef', '__wbg_now_fedcba9876543210'];

// A wasm module: one function type () -> (), the two functions imported from the
// glue's module, the second re-exported under the shim's long name.
function fixtureWasm(module = './mali_idp_chart_bg.js') {
  const leb = (n) => (n < 128 ? [n] : [(n & 0x7f) | 0x80, ...leb(n >> 7)]);
  const bytes = (s) => [...Buffer.from(s)];
  const name = (s) => [...leb(bytes(s).length), ...bytes(s)];
  const sec = (id, body) => [id, ...leb(body.length), ...body];
  const type = sec(1, [1, 0x60, 0, 0]);
  const imports = sec(2, [IMPORTS.length, ...IMPORTS.flatMap((n) => [...name(module), ...name(n), 0, 0])]);
  const exports = sec(7, [1, ...name(SHIM), 0, 1]);
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...type, ...imports, ...exports]);
}

const WARN = '"`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\\n"';
const fixtureGlue = (keys = IMPORTS) => `let wasm;
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
${keys.map((k) => `        ${k}: function() {\n            return Date.now();\n        },`).join('\n')}
    };
    return {
        __proto__: null,
        "./mali_idp_chart_bg.js": import0,
    };
}
export function tick() { wasm.${SHIM}(); }
export function warn(e) { console.warn(${WARN}, e); }
export function old() { console.warn('using deprecated parameters for \`initSync()\`; pass a single object instead'); }
export function older() { console.warn('using deprecated parameters for the initialization function; pass a single object instead'); }
`;

test('imports and exports are renamed alike in the wasm and the glue', () => {
  const r = rewrite(fixtureGlue(), fixtureWasm());
  const m = new WebAssembly.Module(r.wasm); // still a valid module
  assert.deepEqual(WebAssembly.Module.imports(m).map((i) => `${i.module}.${i.name}`), ['a.a', 'a.b']);
  assert.deepEqual(WebAssembly.Module.exports(m).map((e) => e.name), ['$a']);
  assert.deepEqual([...r.imports], [[IMPORTS[0], 'a'], [IMPORTS[1], 'b']]);
  for (const old of [...IMPORTS, SHIM, './mali_idp_chart_bg.js']) assert(!r.glue.includes(old), `${old} is left in the glue`);
  assert.match(r.glue, /^\s+"a": function\(\)/m);
  assert.match(r.glue, /^\s+"b": function\(\)/m);
  assert.match(r.glue, /\ba: import0\b/);
  assert.match(r.glue, /wasm\.\$a\(\)/);
  // The module instantiates with the renamed glue's import object.
  const imports = new Function(`${r.glue.replace(/^export /gm, '')}; return __wbg_get_imports();`)();
  assert.ok(new WebAssembly.Instance(m, imports));
});

test("wasm-bindgen's warnings come out shorter, and a change to them is caught", () => {
  const r = rewrite(fixtureGlue(), fixtureWasm());
  assert(!r.glue.includes('instantiateStreaming` failed'), 'the long warning is gone');
  assert(r.glue.includes('mali-idp-chart: the .wasm is not served as application/wasm'));
  assert(r.glue.includes("'initSync: pass one object'") && r.glue.includes("'init: pass one object'"));
  assert.throws(() => rewrite(fixtureGlue().replace('Original error', 'Error'), fixtureWasm()), /no longer has .*instantiateStreaming/);
});

test('what it does not recognise is an error naming it', () => {
  assert.throws(() => rewrite(fixtureGlue([IMPORTS[0]]), fixtureWasm()), new RegExp(`import ${IMPORTS[1]}: found 0 times`));
  assert.throws(() => rewrite(fixtureGlue(), fixtureWasm('env')), /unexpected import module env/);
  assert.throws(() => rewrite(fixtureGlue().replace(`wasm.${SHIM}`, 'wasm.somethingElse'), fixtureWasm()), /exports not renamed: wasm\.somethingElse/);
  assert.throws(() => rewrite(fixtureGlue(), Buffer.concat([fixtureWasm(), Buffer.from([7, 5, 0])])), /section 7 not read to its end/);
});

test('the command reads only its inputs and writes only its outputs: run twice, the same files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'glue-'));
  writeFileSync(join(dir, 'x.js'), fixtureGlue());
  writeFileSync(join(dir, 'x_in.wasm'), fixtureWasm());
  const run = () => {
    execFileSync('node', [root + 'tools/glue.mjs', join(dir, 'x.js'), join(dir, 'x_in.wasm'), join(dir, 'out.js'), join(dir, 'out.wasm')]);
    return [readFileSync(join(dir, 'out.js'), 'utf8'), readFileSync(join(dir, 'out.wasm'))];
  };
  const [js1, wasm1] = run();
  const [js2, wasm2] = run();
  assert.equal(readFileSync(join(dir, 'x.js'), 'utf8'), fixtureGlue(), 'the input glue is left as it was');
  assert.deepEqual(readFileSync(join(dir, 'x_in.wasm')), fixtureWasm(), 'and the input wasm');
  assert.equal(js1, js2);
  assert.deepEqual(wasm1, wasm2);
  assert(js1.length < fixtureGlue().length, 'minified');
  const code = minify('export const a = [1, 2].map((x) => x * 2).join();', dir);
  assert.equal((await import(`data:text/javascript,${encodeURIComponent(code)}`)).a, '2,4', 'minified, it does what it did');
});

// Shortens the wasm's import and export names and minifies the JS glue to match
// (tools/build.sh).
//
// wasm-bindgen names every import `__wbg_<method>_<16 hex digits>` under the module
// "./mali_idp_chart_bg.js". Those names appear twice, in the wasm's import section
// and as keys of the glue's import object, and the hashes do not compress: ~110 of
// them cost about 2 KB gzip in each file. binaryen's --minify-imports only renames
// imports from "env", so this does it: each import gets a short name in both files,
// the module becomes "a", and the glue is then minified by esbuild. The exports
// likewise: wasm-bindgen's closure shims are exported under their Rust paths (~130
// characters each), read by the glue as `wasm.<name>`; only the glue reads them.
// binaryen's --minify-imports-and-exports-and-modules does the wasm's half and prints
// a rename map (JSON on stdout): measured on the map build, 39,592 B gzip against our
// 39,587, the same within noise; but it renames `memory` too (the typings' InitOutput
// names it), and the glue would still need this file's rewriting, so the few lines of
// section parsing here stay.
// Usage: node tools/glue.mjs GLUE_IN WASM_IN GLUE_OUT WASM_OUT (reads only the inputs,
// writes only the outputs: run twice, it writes the same files). `rewrite` is the
// pure part, tested by tests/tools/glue.test.mjs on a fixture of wasm-bindgen's output.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

// --- wasm: read and rewrite the import section (id 2) -----------------------------
function leb(buf, pos) {
  let value = 0, shift = 0, byte;
  do { byte = buf[pos++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return [value, pos];
}
function encodeLeb(n) {
  const out = [];
  do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n);
  return Buffer.from(out);
}
const encodeName = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([encodeLeb(b.length), b]); };
// Skips one import description (what follows the two names) and returns its end.
function skipDesc(buf, pos) {
  const kind = buf[pos++];
  const limits = (p) => { const flags = buf[p++]; [, p] = leb(buf, p); if (flags & 1) [, p] = leb(buf, p); return p; };
  switch (kind) {
    case 0: return leb(buf, pos)[1]; // function: type index
    case 1: return limits(pos + 1); // table: reference type, limits
    case 2: return limits(pos); // memory: limits
    case 3: return pos + 2; // global: value type, mutability
    case 4: return leb(buf, pos + 1)[1]; // tag: attribute, type index
    default: throw new Error(`unknown import kind ${kind} at byte ${pos - 1}`);
  }
}

// Names that need no quotes as object keys in the glue: a-z, A-Z, then two letters.
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const shortName = (i) => (i < 52 ? '' : LETTERS[Math.floor(i / 52) - 1]) + LETTERS[i % 52];
// A section `id` of `count` entries written as `body`, once its reading ended at `end`.
function section(id, count, body, p, end) {
  if (p !== end) throw new Error(`section ${id} not read to its end`);
  const b = Buffer.concat([encodeLeb(count), ...body]);
  return Buffer.concat([Buffer.from([id]), encodeLeb(b.length), b]);
}

/** wasm-bindgen's glue (`glue`, its text) and wasm (`wasm`, a Buffer) with every import
 * and export renamed short in both, the import module named "a", and wasm-bindgen's
 * warnings in fewer words: `{ glue, wasm, imports, exports }` (the last two: old name
 * -> new). Throws, naming it, on anything it does not recognise. */
export function rewrite(glue, wasm) {
  // A name in the wasm at `p`: [the name, where what follows it starts].
  function readName(p) {
    const [len, q] = leb(wasm, p);
    return [wasm.toString('utf8', q, q + len), q + len];
  }
  // The export section (id 7) with every name shortened (recorded in `exported`).
  const exported = new Map(); // old export name -> new one
  function exportSection(start, end) {
    let [count, p] = leb(wasm, start);
    const body = [];
    for (let i = 0; i < count; i++) {
      let name;
      [name, p] = readName(p);
      const kind = wasm[p++];
      const indexStart = p;
      [, p] = leb(wasm, p);
      // `memory` keeps its name: the typings' InitOutput declares it (tools/types.mjs).
      const short = name === 'memory' ? name : `$${shortName(exported.size)}`;
      exported.set(name, short);
      body.push(encodeName(short), Buffer.from([kind]), wasm.subarray(indexStart, p));
    }
    return section(7, count, body, p, end);
  }

  // The import section (id 2): every import from the one glue module, renamed short
  // (recorded in `renamed`) under the module "a".
  const renamed = new Map(); // old import name -> new one
  let module = null;
  function importSection(start, end) {
    let [count, p] = leb(wasm, start);
    const body = [];
    for (let i = 0; i < count; i++) {
      let mod, name;
      [mod, p] = readName(p);
      [name, p] = readName(p);
      const descStart = p;
      p = skipDesc(wasm, p);
      if (!mod.endsWith('_bg.js')) throw new Error(`unexpected import module ${mod}`);
      if (module && module !== mod) throw new Error(`two import modules: ${module}, ${mod}`);
      module = mod;
      const short = shortName(renamed.size);
      renamed.set(name, short);
      body.push(encodeName('a'), encodeName(short), wasm.subarray(descStart, p));
    }
    return section(2, count, body, p, end);
  }

  const parts = [wasm.subarray(0, 8)];
  let pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos];
    const [size, start] = leb(wasm, pos + 1);
    const end = start + size;
    parts.push(id === 7 ? exportSection(start, end) : id === 2 ? importSection(start, end) : wasm.subarray(pos, end));
    pos = end;
  }
  if (!module) throw new Error('no import section found');

  // --- glue: the same names as keys of the import object ----------------------------
  for (const [old, short] of renamed) {
    const key = new RegExp(`^(\\s+)${old.replace(/[$]/g, '\\$')}: `, 'gm');
    const hits = glue.match(key)?.length ?? 0;
    if (hits !== 1) throw new Error(`import ${old}: found ${hits} times in the glue, expected once`);
    glue = glue.replace(key, `$1${JSON.stringify(short)}: `);
  }
  for (const [old, short] of exported) {
    glue = glue.replace(new RegExp(`\\bwasm\\.${old.replace(/[$]/g, '\\$')}\\b`, 'g'), `wasm.${short}`);
  }
  // Every export the glue reads must have been renamed (none of the old names left).
  const stale = glue.match(/\bwasm\.(?![$][A-Za-z]+\b|memory\b)[A-Za-z_$][\w$]*/g);
  if (stale) throw new Error(`the glue reads exports not renamed: ${[...new Set(stale)].join(', ')}`);
  const moduleKey = `"${module}": import0`;
  if (!glue.includes(moduleKey)) throw new Error(`the glue does not name the module ${module}`);
  glue = glue.replace(moduleKey, 'a: import0');

  // wasm-bindgen's own warnings, in fewer words (they are in every page's download).
  const warnings = [
    ['"`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\\n"',
      '"mali-idp-chart: the .wasm is not served as application/wasm, so it starts slower:"'],
    ["'using deprecated parameters for `initSync()`; pass a single object instead'", "'initSync: pass one object'"],
    ["'using deprecated parameters for the initialization function; pass a single object instead'", "'init: pass one object'"],
  ];
  for (const [from, to] of warnings) {
    if (!glue.includes(from)) throw new Error(`the glue no longer has ${from}`);
    glue = glue.replace(from, to);
  }
  return { glue, wasm: Buffer.concat(parts), imports: renamed, exports: exported };
}

/** The glue minified, with the shell's JS snippets (src/web/shell.js, which
 * wasm-bindgen copies to snippets/ beside the glue) bundled in: one file, one
 * request. `dir`: where the glue's relative imports resolve. */
export function minify(glue, dir, name = 'glue.js') {
  const [{ text }] = buildSync({ stdin: { contents: glue, resolveDir: dir, sourcefile: name, loader: 'js' }, bundle: true, write: false,
    minify: true, format: 'esm', target: 'es2022', legalComments: 'none' }).outputFiles;
  return text;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [glueIn, wasmIn, glueOut, wasmOut] = process.argv.slice(2);
  if (!wasmOut) throw new Error('usage: node tools/glue.mjs GLUE_IN WASM_IN GLUE_OUT WASM_OUT');
  const r = rewrite(readFileSync(glueIn, 'utf8'), readFileSync(wasmIn));
  const code = minify(r.glue, dirname(glueIn), basename(glueIn));
  writeFileSync(wasmOut, r.wasm);
  writeFileSync(glueOut, code);
  console.log(`[build] ${r.imports.size} imports and ${r.exports.size} exports renamed; glue ${r.glue.length} -> ${code.length} bytes`);
}

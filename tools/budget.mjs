// The payload budget: what a page fetches to draw a live chart (wasm + JS glue +
// element script), gzip -9, per file and per build, against the ceilings in
// budget.json. `make test` runs it (`make size` prints the same figures).
//
// Why a script of ours and not size-limit: bytes are deterministic for a pinned
// toolchain, so the whole check is "gzip these files, compare with a number", which
// node's zlib does in a few lines; size-limit (with @size-limit/file) would add a
// dependency tree to install on every fresh machine for the same comparison, and its
// config has no notion of a ratchet (failing when a ceiling is left too high).
//
// A build for another language (bars-ar…) names the French build it stands for
// (`over`): it fails when it costs more than `over.most` bytes above it (issue 26), plus
// `over.rtl` for Arabic's right-to-left layout.
// A ratchet: a build more than SLACK bytes under its ceiling fails too, so a commit
// that shrinks a build lowers its ceiling in the same commit (`--write` does it).
// Usage: node tools/budget.mjs [--check | --write]   (no flag: print only)
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';

const root = new URL('../', import.meta.url);
const budgetFile = new URL('budget.json', root);
const budget = JSON.parse(readFileSync(budgetFile, 'utf8'));
const SLACK = budget.slack;
const mode = process.argv[2] ?? '';

export const gzipSize = (path) => gzipSync(readFileSync(new URL(path, root)), { level: 9 }).length;

// The ceilings hold for one toolchain (rust-toolchain.toml): say which one measured.
let rustc = 'rustc: not found';
try { rustc = execFileSync('rustc', ['--version'], { cwd: root, encoding: 'utf8' }).trim(); } catch { /* said as not found */ }
console.log(`measured with ${rustc}`);
const failures = [];
const files = new Map();
const totals = {};
for (const [name, build] of Object.entries(budget.builds)) {
  let total = 0;
  for (const f of build.files) {
    if (!files.has(f)) files.set(f, gzipSize(f));
    total += files.get(f);
  }
  totals[name] = total;
  // A language's own build against the French and English one it stands for.
  const most = build.over && build.over.most + (build.over.rtl ?? 0);
  const over = build.over && `, ${total - totals[build.over.build]} B over ${build.over.build} (at most ${build.over.most}${build.over.rtl ? ` + ${build.over.rtl} right to left` : ''})`;
  const line = `${name.padEnd(8)} ${String(total).padStart(6)} B gzip -9, ceiling ${build.ceiling} B${over ?? ''} (${build.files.join(' + ')})`;
  console.log(line);
  if (over && total - totals[build.over.build] > most) {
    failures.push(`${name}: ${total - totals[build.over.build]} B more than ${build.over.build}, above its ${most} B`);
  }
  if (mode === '--write') build.ceiling = total;
  else if (total > build.ceiling) failures.push(`${name}: ${total} B is over its ceiling of ${build.ceiling} B by ${total - build.ceiling} B`);
  else if (total < build.ceiling - SLACK) failures.push(`${name}: ${total} B is ${build.ceiling - total} B under its ceiling of ${build.ceiling} B: lower the ceiling in budget.json to ${total} (node tools/budget.mjs --write) in this commit`);
}
for (const [f, size] of files) {
  const ceiling = budget.files[f];
  console.log(`  ${f.padEnd(36)} ${String(size).padStart(6)} B, ceiling ${ceiling ?? 'none'}`);
  if (mode === '--write') budget.files[f] = size;
  else if (ceiling === undefined) failures.push(`${f}: no ceiling in budget.json`);
  else if (size > ceiling) failures.push(`${f}: ${size} B is over its ceiling of ${ceiling} B by ${size - ceiling} B`);
}
if (mode === '--write') {
  for (const f of Object.keys(budget.files)) if (!files.has(f)) delete budget.files[f];
  writeFileSync(budgetFile, JSON.stringify(budget, null, 2) + '\n');
  console.log('budget.json: ceilings set to these figures');
} else if (mode === '--check' && failures.length) {
  for (const f of failures) console.error(`budget: ${f}`);
  process.exit(1);
} else if (mode === '--check') {
  console.log('budget: every build and file within its ceiling');
}

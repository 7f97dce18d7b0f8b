// Type-checks TypeScript that uses the npm package (pkg/, `make package` first):
// ok.ts must compile; bad.ts must fail on exactly its lines marked `// error`.
// TypeScript comes from tools/ (pinned in tools/package-lock.json).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const tsc = fileURLToPath(new URL('../../tools/node_modules/.bin/tsc', import.meta.url));
const run = (project) => spawnSync(tsc, ['-p', project, '--pretty', 'false'], { cwd: here, encoding: 'utf8' });

const ok = run('tsconfig.json');
if (ok.status !== 0) {
  console.error(ok.stdout, ok.stderr);
  throw new Error('tests/types/ok.ts: the package typings reject correct code');
}

const config = JSON.parse(readFileSync(`${here}tsconfig.json`, 'utf8'));
writeFileSync(`${here}tsconfig.bad.json`, JSON.stringify({ ...config, files: ['bad.ts'] }));
try {
  const bad = run('tsconfig.bad.json');
  const lines = readFileSync(`${here}bad.ts`, 'utf8').split('\n');
  const expected = lines.flatMap((l, i) => (l.trimEnd().endsWith('// error') ? [i + 1] : []));
  const failed = [...new Set([...bad.stdout.matchAll(/bad\.ts\((\d+),\d+\): error TS\d+/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  if (bad.status === 0) throw new Error('tests/types/bad.ts compiled: the typings accept mistakes');
  if (JSON.stringify(failed) !== JSON.stringify(expected)) {
    console.error(bad.stdout);
    throw new Error(`tests/types/bad.ts: errors on lines ${failed}, expected on ${expected}`);
  }
  console.log(`types: ok.ts compiles; bad.ts fails on its ${expected.length} marked lines (TypeScript ${spawnSync(tsc, ['--version'], { encoding: 'utf8' }).stdout.trim()})`);
} finally {
  rmSync(`${here}tsconfig.bad.json`, { force: true });
}

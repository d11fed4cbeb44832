// `npm run bench`: compiles the project with tsc (to out/), then runs every out/bench/*.bench.js
// in its own Node process with --expose-gc, so one bench's garbage never weighs on another's heap
// figures. Arguments are passed on (see bench/harness.ts): --quick, --sizes=1,10, and a name
// filter: `npm run bench -- parse` runs only benches whose file name contains "parse".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules } from './lib/deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
ensureNodeModules(root);

const args = process.argv.slice(2);
const filters = args.filter((a) => !a.startsWith('--'));
const passOn = args.filter((a) => a.startsWith('--'));

console.log('── compiling (tsc -p .)');
// tsc still emits when another part of the tree has type errors; the benches run regardless.
const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { stdio: 'inherit' });
if (tsc.status !== 0) console.log('tsc reported errors (see above); running the benches that compiled');

const dir = join(root, 'out', 'bench');
const benches = existsSync(dir)
  ? readdirSync(dir).filter((f) => f.endsWith('.bench.js') && (filters.length === 0 || filters.some((f2) => f.includes(f2)))).sort()
  : [];
if (benches.length === 0) {
  console.error('no benches found in out/bench (bench/*.bench.ts)');
  process.exit(2);
}
let failed = 0;
for (const file of benches) {
  console.log(`\n── ${file.replace(/\.js$/, '')}`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', join(dir, file), ...passOn], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

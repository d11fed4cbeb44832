// Rebuilds what is stale before VS Code loads the extension: the esbuild bundles in dist/ and the
// tsc output in out/ (the integration tests), judged by modification times, so running one
// integration test after an edit never runs yesterday's code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of readdirSync(path)) {
    if (e === 'node_modules' || e === 'workspace') continue;
    max = Math.max(max, newest(join(path, e)));
  }
  return max;
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

function run(root, label, args) {
  console.log(`(${label} is stale: ${args.join(' ')})`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  return r.status === 0;
}

/** Runs esbuild and/or tsc when sources are newer than their output. */
export function ensureBuilt(root) {
  const sources = Math.max(newest(join(root, 'src')), mtime(join(root, 'package.json')));
  if (sources > mtime(join(root, 'dist', 'extension.js'))) run(root, 'dist/', ['scripts/build.mjs']);
  const tests = Math.max(newest(join(root, 'test', 'integration')), newest(join(root, 'src')));
  if (tests > mtime(join(root, 'out', 'test', 'integration', 'index.js'))) {
    // tsc emits despite type errors elsewhere in the tree; those are reported by `npm run check`.
    run(root, 'out/', [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
  }
}

// `npm run check` part: no import cycles in src/, type-only imports included (dpdm reads
// `import type` as an edge unless told to drop them, and we do not). Exits 1 and lists the cycles.
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entries = ['src/core/index.ts', 'src/extension/extension.ts', 'src/cli/main.ts', 'src/preview/main.ts', 'src/shared/articleHtml.ts'];
const r = spawnSync(process.execPath, [join(root, 'node_modules', 'dpdm', 'lib', 'bin', 'dpdm.js'),
  '--no-warning', '--no-tree', '--transform=false', '--exit-code', 'circular:1', ...entries], { cwd: root, encoding: 'utf8' });
const cycles = (r.stdout ?? '').split('\n').filter((l) => /^\s+\d+\)/.test(l));
if (r.status !== 0 || r.error) {
  console.error(cycles.length ? `Import cycles in src/ (${cycles.length}):\n${cycles.join('\n')}` : `dpdm failed: ${r.error ?? r.stderr}`);
  process.exit(1);
}
console.log(`No import cycles (type-only imports included) from ${entries.length} entry points.`);

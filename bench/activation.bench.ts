/**
 * What activation costs: the size of the bundle, the time to load `dist/extension.js` (cold, in
 * this fresh process) and the time `activate` takes, with a stand-in `vscode` module that accepts
 * every call. A proxy for the real extension host, which adds its own overhead on top; the figure
 * to watch is the trend, and that nothing heavy (a parse of every workspace file, say) runs
 * before a notes file is opened.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Module from 'node:module';
import { fixed, printTable } from './harness';

const root = join(__dirname, '..', '..');
// `--bundle=PATH` measures another build (e.g. a production one written elsewhere).
const bundleArg = process.argv.find((a) => a.startsWith('--bundle='));
const bundle = bundleArg ? resolve(bundleArg.slice('--bundle='.length)) : join(root, 'dist', 'extension.js');

/**
 * A `vscode` stand-in: every property is another stand-in, every call and `new` returns one, so
 * `vscode.languages.registerHoverProvider(...).dispose()` and `class X extends vscode.TreeItem` work.
 * Awaiting it resolves at once (no `then`), iterating it yields nothing, assignments stick.
 */
function standIn(path: string): unknown {
  const target = function () { /* callable and constructable */ };
  // Properties the extension sets (statusBarItem.text = …) read back as set.
  const assigned = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    set(_t, key, value) {
      assigned.set(key, value);
      return true;
    },
    get(_t, key) {
      if (assigned.has(key)) return assigned.get(key);
      if (key === 'then') return undefined;
      if (key === Symbol.iterator) return function* () { /* empty */ };
      if (key === Symbol.toPrimitive) return () => '';
      if (key === 'prototype') return target.prototype;
      if (key === 'length') return 0;
      return standIn(`${path}.${String(key)}`);
    },
    apply: () => standIn(`${path}()`),
    construct: () => standIn(`new ${path}`) as object,
  });
}

if (!existsSync(bundle)) {
  console.log('dist/extension.js is missing: run npm run build first');
  process.exit(0);
}

// Serve `require('vscode')` from the stand-in.
const moduleWithResolve = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const originalResolve = moduleWithResolve._resolveFilename;
moduleWithResolve._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? 'vscode' : originalResolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscodeApi() } as unknown as NodeJS.Module;

/**
 * The module object: a plain object with one stand-in per name the real API exports (read from
 * @types/vscode), because esbuild's ES-module interop copies only the module's own keys.
 */
function vscodeApi(): Record<string, unknown> {
  const dts = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const api: Record<string, unknown> = {};
  for (const m of dts.matchAll(/^\s*export (?:class|enum|namespace|const|let|function) (\w+)/gm)) api[m[1]] ??= standIn(`vscode.${m[1]}`);
  return api;
}

interface ExtensionModule {
  activate(context: unknown): unknown;
  deactivate?(): unknown;
}

async function main(): Promise<void> {
  const t0 = process.hrtime.bigint();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded as the extension host loads it
  const extension = require(bundle) as ExtensionModule;
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;

  const subscriptions: { dispose(): unknown }[] = [];
  const context = {
    subscriptions,
    extensionUri: standIn('extensionUri'),
    extensionPath: root,
    globalState: standIn('globalState'),
    workspaceState: standIn('workspaceState'),
    asAbsolutePath: (p: string) => join(root, p),
  };
  const t1 = process.hrtime.bigint();
  await extension.activate(context);
  const activateMs = Number(process.hrtime.bigint() - t1) / 1e6;

  const sizes = [
    [bundleArg ? bundle : 'dist/extension.js', bundle],
    ['dist/web/extension.js', join(root, 'dist', 'web', 'extension.js')],
    ['dist/cli.js', join(root, 'dist', 'cli.js')],
  ].filter(([, p]) => existsSync(p)).map(([name, p]) => [name, `${fixed(statSync(p).size / 1024)} KB`]);

  console.log('\nactivation (stand-in vscode module; Node, cold require in a fresh process)\n');
  printTable([
    ['measure', 'value'],
    [`require ${bundleArg ? bundle : 'dist/extension.js'}`, `${fixed(loadMs)} ms`],
    ['activate()', `${fixed(activateMs)} ms`],
    ['subscriptions registered', String(subscriptions.length)],
    ...sizes,
  ]);
  for (const s of subscriptions) {
    try { s.dispose(); } catch { /* a stand-in may not dispose cleanly; not what we measure */ }
  }
  await extension.deactivate?.();
  // Timers a feature started against the stand-in must not keep the bench alive.
  process.exit(0);
}

void main();

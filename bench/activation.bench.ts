/**
 * What activation costs: the size of the bundles, the time to load `dist/extension.js` (cold, in
 * a fresh process) and the time `activate` takes, with a stand-in `vscode` module that accepts
 * every call. A proxy for the real extension host, which adds its own overhead on top; the figure
 * to watch is the trend, and that nothing heavy (a parse of every workspace file, the HTML reader)
 * runs or loads before it is needed.
 *
 * Each measurement is a fresh Node process (a module loads cold only once per process); the
 * figures are medians over several such processes, run alternately when comparing.
 *   --bundle=PATH    measure another build instead of dist/extension.js (e.g. a production one)
 *   --compare=PATH   also measure this bundle (e.g. an earlier build) in the same run, and print
 *                    the ratio of each figure (bundle / compare)
 *   --runs=N         processes per bundle (default 7; 3 with --quick)
 *   --no-package     skip the .vsix (by default `npm run package` runs first: a production
 *                    build into dist/, measured below, and the package, whose size is the figure
 *                    held to the goal of ≤ 1 MB)
 * It also times loading the HTML reader (dist/articleHtml.js beside the bundle), which
 * "New Notes from Article…" and `summit-notes import` pay on their first HTML article only, and the
 * features' bundle (dist/features.js), which the start-up shell loads on first use: when a notes
 * file opens or a command runs (here: through the Markdown preview's `extendMarkdownIt`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import Module from 'node:module';
import { fixed, printTable } from './harness';

const root = join(__dirname, '..', '..');
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const bundle = resolve(option('bundle') ?? join(root, 'dist', 'extension.js'));
const compare = option('compare') === undefined ? undefined : resolve(option('compare') as string);
const runs = Math.max(1, Number(option('runs') ?? (argv.includes('--quick') ? 3 : 7)));

/** What one child process reports. */
interface Sample {
  readonly loadMs: number;
  readonly activateMs: number;
  readonly subscriptions: number;
  /** Loading and registering the features on first use (0 when they load at activation). */
  readonly firstUseMs: number;
  /** Whether the HTML reader's bundle was loaded by require + activate (it must not be). */
  readonly readerLoaded: boolean;
}

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

/** Serves `require('vscode')` from the stand-in. */
function installVscodeStandIn(): void {
  const moduleWithResolve = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const originalResolve = moduleWithResolve._resolveFilename;
  moduleWithResolve._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? 'vscode' : originalResolve.call(this, request, ...rest);
  };
  require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscodeApi() } as unknown as NodeJS.Module;
}

interface ExtensionModule {
  activate(context: unknown): unknown;
  deactivate?(): unknown;
}

/** Child: require + activate `path` once, print a Sample as JSON. */
async function child(path: string): Promise<void> {
  installVscodeStandIn();
  const t0 = process.hrtime.bigint();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded as the extension host loads it
  const extension = require(path) as ExtensionModule;
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
  const api = await extension.activate(context);
  const activateMs = Number(process.hrtime.bigint() - t1) / 1e6;
  const readerLoaded = Object.keys(require.cache).some((k) => basename(k) === 'articleHtml.js');
  const activated = subscriptions.length;
  const t2 = process.hrtime.bigint();
  (api as { extendMarkdownIt?: (md: unknown) => unknown } | undefined)?.extendMarkdownIt?.(standIn('markdownIt'));
  const firstUseMs = Number(process.hrtime.bigint() - t2) / 1e6;
  const sample: Sample = { loadMs, activateMs, subscriptions: activated, readerLoaded, firstUseMs };
  console.log(JSON.stringify(sample));
  for (const s of subscriptions) {
    try { s.dispose(); } catch { /* a stand-in may not dispose cleanly; not what we measure */ }
  }
  await extension.deactivate?.();
  // Timers a feature started against the stand-in must not keep the process alive.
  process.exit(0);
}

/** Child: require the HTML reader once, print the time. */
function readerChild(path: string): void {
  const t0 = process.hrtime.bigint();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- as the extension loads it
  const reader = require(path) as { articleFromHtml?: unknown };
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(JSON.stringify({ loadMs, ok: typeof reader.articleFromHtml === 'function' }));
  process.exit(0);
}

function spawnChild(flag: string, path: string): Record<string, unknown> {
  const r = spawnSync(process.execPath, [__filename, `${flag}=${path}`], { encoding: 'utf8' });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as Record<string, unknown>;
  } catch {
    throw new Error(`${flag} ${path} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const kb = (path: string): string => (existsSync(path) ? `${fixed(statSync(path).size / 1024)} KB` : '—');

/** `npm run package` into a temporary .vsix; its size in bytes, or undefined when packaging failed. */
function packageSize(): number | undefined {
  const out = join(mkdtempSync(join(tmpdir(), 'summit-vsix-')), 'summit-notes.vsix');
  try {
    const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, encoding: 'utf8' });
    const vsce = spawnSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies',
      '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0 || vsce.status !== 0 || !existsSync(out)) {
      console.log(`packaging failed:\n${build.stderr}${vsce.stdout}${vsce.stderr}`);
      return undefined;
    }
    return statSync(out).size;
  } finally {
    rmSync(dirname(out), { recursive: true, force: true });
  }
}

/** The goal for the .vsix (issue 16): ≤ 1 MB. */
const VSIX_GOAL_BYTES = 1_000_000;

function main(): void {
  const vsix = argv.includes('--no-package') ? undefined : packageSize();
  if (vsix !== undefined) {
    console.log(`\n.vsix (npm run package): ${fixed(vsix / 1e6, 3)} MB (goal ≤ ${VSIX_GOAL_BYTES / 1e6} MB: ${vsix <= VSIX_GOAL_BYTES ? 'met' : 'NOT met'})`);
  }
  const bundles = [bundle, ...(compare ? [compare] : [])];
  for (const b of bundles) {
    if (!existsSync(b)) {
      console.log(`${b} is missing: run npm run build first`);
      process.exit(0);
    }
  }
  const samples = new Map<string, Sample[]>(bundles.map((b) => [b, []]));
  const readerTimes = new Map<string, number[]>(bundles.map((b) => [b, []]));
  // Alternate the bundles so a change in machine load weighs on both alike.
  for (let i = 0; i < runs; i++) {
    for (const b of bundles) {
      samples.get(b)?.push(spawnChild('--child', b) as unknown as Sample);
      const reader = join(dirname(b), 'articleHtml.js');
      if (existsSync(reader)) readerTimes.get(b)?.push(Number(spawnChild('--reader-child', reader).loadMs));
    }
  }
  const name = (b: string): string => (b === join(root, 'dist', 'extension.js') ? 'dist/extension.js' : b);
  const figures = bundles.map((b) => {
    const s = samples.get(b) ?? [];
    const reader = readerTimes.get(b) ?? [];
    return {
      size: statSync(b).size,
      load: median(s.map((x) => x.loadMs)),
      activate: median(s.map((x) => x.activateMs)),
      firstUse: median(s.map((x) => x.firstUseMs)),
      subscriptions: s[0]?.subscriptions ?? 0,
      readerLoaded: s.some((x) => x.readerLoaded),
      reader: reader.length ? median(reader) : undefined,
      readerSize: join(dirname(b), 'articleHtml.js'),
    };
  });

  console.log(`\nactivation (stand-in vscode module; Node, cold require; median of ${runs} fresh processes per bundle)\n`);
  const header = ['measure', ...bundles.map(name), ...(compare ? ['ratio'] : [])];
  const ratio = (a: number, b: number): string => (b > 0 ? `${fixed(a / b, 2)}×` : '—');
  const row = (label: string, values: number[], format: (n: number) => string): string[] =>
    [label, ...values.map(format), ...(compare ? [ratio(values[0], values[1])] : [])];
  printTable([
    header,
    row('bundle size', figures.map((f) => f.size / 1024), (n) => `${fixed(n)} KB`),
    row('require', figures.map((f) => f.load), (n) => `${fixed(n)} ms`),
    row('activate()', figures.map((f) => f.activate), (n) => `${fixed(n)} ms`),
    row('require + activate()', figures.map((f) => f.load + f.activate), (n) => `${fixed(n)} ms`),
    // No ratio: a build without the start-up shell loads everything at activation (0 here).
    ['features on first use (notes file, command)', ...figures.map((f) => `${fixed(f.firstUse)} ms`), ...(compare ? [''] : [])],
    ['subscriptions registered', ...figures.map((f) => String(f.subscriptions)), ...(compare ? [''] : [])],
    ['HTML reader loaded at activation', ...figures.map((f) => (f.readerLoaded ? 'yes' : 'no')), ...(compare ? [''] : [])],
    ['HTML reader bundle (first HTML import)', ...figures.map((f) => kb(f.readerSize)), ...(compare ? [''] : [])],
    ['require HTML reader', ...figures.map((f) => (f.reader === undefined ? '— (in the bundle)' : `${fixed(f.reader)} ms`)), ...(compare ? [''] : [])],
  ]);
  console.log('\nother bundles in dist/');
  printTable([
    ['file', 'size'],
    ...['dist/features.js', 'dist/web/extension.js', 'dist/cli.js', 'dist/articleHtml.js'].map((p) => [p, kb(join(root, p))]),
  ]);
  // The reader must stay out of activation: a bench run says so loudly.
  if (figures[0].readerLoaded) {
    console.error(`\n${name(bundle)} loads the HTML reader at activation: it should load only on the first HTML import`);
    process.exit(1);
  }
}

const childPath = option('child');
const readerPath = option('reader-child');
if (childPath) void child(childPath);
else if (readerPath) readerChild(readerPath);
else main();

// Bundles the extension (Node and web), the CLI, the HTML article reader and the preview webview
// with esbuild.
// Usage: node scripts/build.mjs [--production] [--watch]
//
// The HTML reader (src/shared/articleHtml.ts: Mozilla Readability over linkedom, about half of
// what the extension would otherwise weigh) is its own bundle, loaded only when an HTML article is
// imported, so activation never pays for it:
// - Node (dist/extension.js, dist/cli.js): `import('…/shared/articleHtml')` becomes
//   `require('./articleHtml.js')`, i.e. dist/articleHtml.js next to the bundle that asks for it.
// - Web worker (dist/web/extension.js): src/extension/htmlReader.ts reads the same
//   dist/articleHtml.js from the extension's location and evaluates it as a CommonJS module, as
//   the web-worker extension host loads the extension itself.
// The build fails if the DOM libraries end up in any other bundle again.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Packages that belong in the HTML reader's bundle only. */
const READER_ONLY = ['@mozilla/readability', 'linkedom'];

/** Leaves the HTML reader out of a bundle: its import becomes a require of the file beside it. */
const readerApart = {
  name: 'html-reader-apart',
  setup(build) {
    // A require, not a native import(): the file is CommonJS, and the extension host's loader is require.
    build.initialOptions.supported = { ...build.initialOptions.supported, 'dynamic-import': false };
    build.onResolve({ filter: /[\\/]shared[\\/]articleHtml$/ }, () => ({ path: './articleHtml.js', external: true }));
  },
};

/**
 * The Node extension host's start-up shell (dist/extension.js) leaves the features out: its
 * `require('./features')` becomes a require of dist/features.js, their own bundle, loaded on first
 * use (see src/extension/extension.ts). The web bundle keeps them inside (the web-worker host has
 * no `require` of files), where esbuild still runs their module code only on that first require.
 */
const featuresApart = {
  name: 'features-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/features$/ }, (args) =>
      (args.importer.endsWith('extension.ts') ? { path: './features.js', external: true } : undefined));
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  target: 'es2022',
  metafile: true,
};

const reader = { ...common, entryPoints: ['src/shared/articleHtml.ts'], format: 'cjs' };

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  // Desktop / remote extension host: the start-up shell and the features, loaded on first use.
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'], plugins: [featuresApart] },
  { ...common, entryPoints: ['src/extension/features.ts'], outfile: 'dist/features.js', platform: 'node', format: 'cjs', external: ['vscode'], plugins: [readerApart] },
  // Web-worker extension host (vscode.dev): no Node built-ins may be bundled.
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    define: { 'process.env.SUMMIT_NOTES_WEB': '"1"' },
    alias: {},
    plugins: [readerApart],
  },
  // Command-line tool.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' }, plugins: [readerApart] },
  // The HTML article reader: one file for the Node bundles and the web worker alike (built for the
  // browser, so no Node built-in can slip in; Node requires it as any CommonJS file).
  { ...reader, outfile: 'dist/articleHtml.js', platform: 'browser' },
  // Webview side of the brief preview.
  { ...common, entryPoints: ['src/preview/main.ts'], outfile: 'dist/preview/preview.js', platform: 'browser', format: 'iife', tsconfig: 'src/preview/tsconfig.json' },
];

/** Names the bundles (other than the reader's) that took in a reader-only package. */
function strayReaderPackages(options, result) {
  if (options.entryPoints[0] === reader.entryPoints[0] || !result.metafile) return [];
  const inputs = Object.keys(result.metafile.inputs);
  return READER_ONLY.filter((pkg) => inputs.some((i) => i.includes(`node_modules/${pkg}/`)))
    .map((pkg) => `${options.outfile} bundles ${pkg}, which belongs in the HTML reader's bundle only (import src/shared/articleHtml dynamically)`);
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  const problems = builds.flatMap((b, i) => strayReaderPackages(b, results[i]));
  if (problems.length > 0) {
    for (const p of problems) console.error(`esbuild: ${p}`);
    process.exit(1);
  }
  console.log(`esbuild: built ${builds.length} bundles${production ? ' (production)' : ''}`);
}

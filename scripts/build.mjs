// Bundles the extension (Node and web), the CLI and the preview webview with esbuild.
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  target: 'es2022',
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  // Desktop / remote extension host.
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
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
  },
  // Command-line tool.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  // Webview side of the brief preview.
  { ...common, entryPoints: ['src/preview/main.ts'], outfile: 'dist/preview/preview.js', platform: 'browser', format: 'iife', tsconfig: 'src/preview/tsconfig.json' },
];

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(`esbuild: built ${builds.length} bundles${production ? ' (production)' : ''}`);
}

// Bundles the extension (Node and web), the CLI (an entry and one bundle per subcommand), the HTML article reader and the preview webview
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

/** The CLI's subcommands: each one its own bundle (dist/cli-NAME.js), loaded only when it runs. */
const CLI_COMMANDS = ['outline', 'lint', 'figures', 'brief', 'detect', 'import', 'dossier'];

/** Leaves the subcommands out of dist/cli.js: `import('./commands/NAME')` becomes `require('./cli-NAME.js')`. */
const commandsApart = {
  name: 'cli-commands-apart',
  setup(build) {
    build.initialOptions.supported = { ...build.initialOptions.supported, 'dynamic-import': false };
    build.onResolve({ filter: /^\.\/commands\/[a-z]+$/ }, (args) =>
      (args.importer.endsWith('main.ts') ? { path: `./cli-${args.path.slice('./commands/'.length)}.js`, external: true } : undefined));
  },
};

/** What the core takes from the `yaml` package (src/core/model/frontMatter.ts); the build fails if it asks for more. */
const YAML_NAMES = ['isMap', 'isScalar', 'parseDocument'];

/**
 * Leaves the YAML package out of the CLI's command bundles: the front matter's fast path reads
 * the usual front matter without it, so `import … from 'yaml'` becomes a small module that
 * requires dist/yaml.js (its own bundle, beside them) on the first call only. A command that never
 * meets unusual front matter neither compiles nor runs the package's 250 KB.
 */
const yamlApart = {
  name: 'yaml-apart',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: 'yaml', namespace: 'yaml-apart' }));
    build.onResolve({ filter: /^\.\/yaml\.js$/, namespace: 'yaml-apart' }, () => ({ path: './yaml.js', external: true }));
    build.onLoad({ filter: /.*/, namespace: 'yaml-apart' }, () => ({
      loader: 'js',
      contents: [
        'let yaml;',
        "const load = () => (yaml ??= require('./yaml.js'));",
        ...YAML_NAMES.map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
      ].join('\n'),
    }));
  },
};

/**
 * Marks the core's own files free of side effects (they are: module-level tables only), so a
 * command bundle keeps only the core modules it uses: `figures` takes `csvCell` from the brief's
 * subsystem without markdown-it and the renderers coming along.
 */
const corePure = {
  name: 'core-pure',
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData?.corePure) return undefined;
      const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { corePure: true } });
      if (r.errors.length > 0 || r.external || !/[\\/]src[\\/]core[\\/]/.test(r.path)) return undefined;
      return { path: r.path, sideEffects: false };
    });
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
  // Command-line tool: the entry (arguments, help, version) and one bundle per subcommand.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' }, plugins: [commandsApart] },
  ...CLI_COMMANDS.map((name) => ({ ...common, entryPoints: [`src/cli/commands/${name}.ts`], outfile: `dist/cli-${name}.js`, platform: 'node', format: 'cjs', plugins: [readerApart, yamlApart, corePure] })),
  // The YAML package for the CLI's commands, required on first use (see yamlApart).
  { ...common, entryPoints: ['yaml'], outfile: 'dist/yaml.js', platform: 'node', format: 'cjs' },
  // The HTML article reader: one file for the Node bundles and the web worker alike (built for the
  // browser, so no Node built-in can slip in; Node requires it as any CommonJS file).
  { ...reader, outfile: 'dist/articleHtml.js', platform: 'browser' },
  // Webview side of the brief preview.
  { ...common, entryPoints: ['src/preview/main.ts'], outfile: 'dist/preview/preview.js', platform: 'browser', format: 'iife', tsconfig: 'src/preview/tsconfig.json' },
  // Webview side of the dossier panel.
  { ...common, entryPoints: ['src/preview/dossier.ts'], outfile: 'dist/preview/dossier.js', platform: 'browser', format: 'iife', tsconfig: 'src/preview/tsconfig.json' },
];

/** Bundles that must not take in markdown-it (the CLI's entry and the commands that render no Markdown). */
const WITHOUT_MARKDOWN_IT = ['dist/cli.js', 'dist/cli-lint.js', 'dist/cli-outline.js', 'dist/cli-figures.js', 'dist/cli-detect.js'];

/** Names the CLI bundles that took in markdown-it though their command renders no Markdown. */
function strayMarkdownIt(options, result) {
  if (!WITHOUT_MARKDOWN_IT.includes(options.outfile) || !result.metafile) return [];
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  return Object.entries(output?.inputs ?? {}).some(([i, use]) => i.includes('node_modules/markdown-it/') && use.bytesInOutput > 0)
    ? [`${options.outfile} bundles markdown-it, which its command never uses (import the core through the subsystem it needs)`] : [];
}

/** Names the CLI command bundles that took in the YAML package itself rather than requiring dist/yaml.js (see yamlApart). */
function strayYaml(options, result) {
  if (!/^dist\/cli-[a-z]+\.js$/.test(options.outfile ?? '') || !result.metafile) return [];
  return Object.keys(result.metafile.inputs).some((i) => i.includes('node_modules/yaml/'))
    ? [`${options.outfile} bundles the yaml package (import it as 'yaml', which the build turns into a require of dist/yaml.js)`] : [];
}

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
  const problems = builds.flatMap((b, i) => [...strayReaderPackages(b, results[i]), ...strayMarkdownIt(b, results[i]), ...strayYaml(b, results[i])]);
  if (problems.length > 0) {
    for (const p of problems) console.error(`esbuild: ${p}`);
    process.exit(1);
  }
  console.log(`esbuild: built ${builds.length} bundles${production ? ' (production)' : ''}`);
}

// The web-worker smoke suite (test/web): bundled for the browser (mocha's browser build inside,
// only `vscode` external) to out/web-test/index.js, and a small static server that serves the
// extension folder over http, which is how VS Code's web workbench loads an extension under
// development into its web-worker extension host (it takes only http(s) locations for those).
import * as esbuild from 'esbuild';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

// mocha's browser build is a UMD file in a `"type": "module"` package: bundled as is, its
// `module.exports = …` branch would replace the bundle's own exports. Hidden `module`/`exports`
// make it take the global branch (`globalThis.mocha`), as in a <script> tag.
const mochaGlobal = {
  name: 'mocha-global',
  setup(build) {
    build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, (args) => ({
      contents: `(function () { var module, exports, define;\n${readFileSync(args.path, 'utf8')}\n}).call(globalThis);`,
      loader: 'js',
    }));
  },
};

/** Bundles test/web/index.ts; returns the bundle's path relative to the repository root. */
export async function buildWebSuite(root) {
  const outfile = join(root, 'out', 'web-test', 'index.js');
  await esbuild.build({
    entryPoints: [join(root, 'test', 'web', 'index.ts')],
    outfile, bundle: true, platform: 'browser', format: 'cjs', external: ['vscode'], target: 'es2022',
    logLevel: 'warning',
    // mocha's browser build and `assert` expect these Node-isms.
    define: { global: 'globalThis', 'process.env.NODE_DEBUG': 'false' },
    alias: { assert: join(root, 'test', 'web', 'assert.ts') },
    plugins: [mochaGlobal],
  });
  return 'out/web-test/index.js';
}

const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.map': 'application/json', '.md': 'text/markdown', '.png': 'image/png', '.svg': 'image/svg+xml', '.css': 'text/css' };

/** Serves `dir` read-only on 127.0.0.1 (CORS open: the workbench fetches from its own origin). */
export function serveFolder(dir, { onRequest } = {}) {
  const server = createServer((req, res) => {
    onRequest?.(req.url);
    // Served under /extension/ so the extension's location has a path the workbench can
    // compare with the tests module's (which must lie inside it).
    const pathname = new URL(req.url, 'http://x').pathname.replace(/^\/extension(?=\/|$)/, '');
    const path = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    const file = join(dir, path);
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (!file.startsWith(dir + sep) && file !== dir) { res.writeHead(403).end(); return; }
    if (!existsSync(file) || !statSync(file).isFile()) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ url: `http://127.0.0.1:${server.address().port}/extension`, close: () => new Promise((r) => server.close(() => r())) });
  }));
}

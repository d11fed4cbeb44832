// The web-worker smoke suite: runs in VS Code's web-worker extension host (what vscode.dev uses),
// where the extension loads from its `browser` bundle and there is no Node. Bundled for the
// browser by scripts/integration/web.mjs (mocha's browser build included), and loaded by
// scripts/integration/run.mjs after the main suite. A worker cannot write files itself, so results
// go through the workspace file system (the remote server writes them) to `<workspace>/../web/`:
// `results.json` ({passed, failed, skipped, tests, failures}) and `progress.log` (spec output).
import * as vscode from 'vscode';
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('mocha/mocha.js'); // defines the global `mocha` (browser build)

function resultsFolder(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder && vscode.Uri.joinPath(folder.uri, '..', 'web');
}

/** console.log's `%s`/`%d` substitution, which the spec reporter relies on (no `util` here). */
function format([first, ...rest]: unknown[]): string {
  if (typeof first !== 'string') return [first, ...rest].map(String).join(' ');
  const text = first.replace(/%[sdi%]/g, (m) => (m === '%%' ? '%' : rest.length ? String(rest.shift()) : m));
  return [text, ...rest.map(String)].join(' ');
}

export async function run(): Promise<void> {
  const lines: string[] = [];
  const results = { passed: 0, failed: 0, skipped: 0, tests: [] as { title: string; state: string }[], failures: [] as { title: string; error: string }[] };
  mocha.setup({ ui: 'bdd', timeout: 20_000, color: false });
  // By constructor: the browser build otherwise keeps its HTML reporter, which needs a DOM.
  mocha.reporter(Mocha.reporters.Spec);
  const { Base } = Mocha.reporters;
  Base.consoleLog = (...args: unknown[]) => { lines.push(format(args)); };
  // Loaded after setup so `describe`/`it` exist.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./smoke.test');
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (t: Mocha.Test) => { results.passed++; results.tests.push({ title: t.fullTitle(), state: 'passed' }); });
    runner.on('fail', (t: Mocha.Test, err: Error) => {
      results.failed++;
      results.tests.push({ title: t.fullTitle(), state: 'failed' });
      results.failures.push({ title: t.fullTitle(), error: String(err?.stack ?? err) });
    });
  });
  const out = resultsFolder();
  if (out) {
    const encode = (s: string) => new TextEncoder().encode(s);
    await vscode.workspace.fs.createDirectory(out);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(out, 'progress.log'), encode(lines.join('\n') + '\n'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(out, 'results.json'), encode(JSON.stringify(results, null, 1)));
  }
  if (results.failed) throw new Error(`${results.failed} web smoke tests failed`);
}

// The tests module VS Code loads in the extension host (`extensionTestsPath`): it exports `run()`,
// the contract shared by @vscode/test-electron and the offline code-server runner
// (scripts/integration/run.mjs). The host's stdout does not reach the runner, so everything the
// runner reports travels through files named in a run-options file:
//   - `progressFile`: mocha's spec output, appended live (the runner streams it to the terminal);
//   - `currentFile`: the full title of the test running now (what hung, on a global timeout);
//   - `resultsFile`: `{passed, failed, skipped, tests, failures}`, the shape of test/support/reporter.cjs.
// The run-options file is found through SUMMIT_RUN_OPTIONS, else next to the workspace folder
// (`<workspace>/../summit-run.json`), because environment variables of the runner do not reach
// an extension host started by code-server.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';
import { hostLogContains, hostLogErrors } from './hostLog';

// The CommonJS build of mocha: its package entry is an ES module, which older Electron-based
// extension hosts cannot `require`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha = require('mocha/lib/mocha.cjs') as typeof import('mocha');

/** What the runner asks for; every field is optional so a bare `run()` still works. */
export interface RunOptions {
  resultsFile?: string;
  progressFile?: string;
  currentFile?: string;
  /** Folder of the VS Code logs of this run (its fresh user-data dir's `logs`). */
  logsDir?: string;
  /** The browser console of the workbench, in log format (code-server runner only). */
  consoleLog?: string;
  grep?: string;
  /** Basenames (`hover.test.js` or `hover`) of the test files to run. */
  files?: string[];
  color?: boolean;
  /** Per-test timeout in ms. */
  timeout?: number;
  /**
   * A run in Restricted Mode (workspace trust on, the folder not trusted): only the tests in
   * untrusted/, which in turn never run in the ordinary (trusted) session.
   */
  untrusted?: boolean;
}

/** The title of the check the runner relies on, kept in every run (also with `--grep`). */
export const HOST_LOG_TEST = 'no error in the extension host log';

export function readOptions(): RunOptions {
  const candidates = [process.env.SUMMIT_RUN_OPTIONS];
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder?.uri.scheme === 'file') candidates.push(path.join(folder.uri.fsPath, '..', 'summit-run.json'));
  for (const file of candidates) {
    if (file && fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as RunOptions;
  }
  return {};
}

function listTestFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'workspace' && entry.name !== 'untrusted') out.push(...listTestFiles(p));
    } else if (entry.name.endsWith('.test.js')) {
      out.push(p);
    }
  }
  return out.sort();
}

function selectFiles(all: string[], wanted: string[] | undefined): string[] {
  if (!wanted?.length) return all;
  const names = wanted.map((w) => path.basename(w).replace(/\.(test\.)?(ts|js)$/, '').replace(/\.test$/, ''));
  return all.filter((f) => names.includes(path.basename(f, '.test.js')));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Writes the results JSON and spec output where the runner looks, and marks the running test. */
function attachFileReporting(runner: Mocha.Runner, options: RunOptions): void {
  const { EVENT_RUN_END, EVENT_TEST_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
  const results = {
    passed: 0, failed: 0, skipped: 0,
    tests: [] as { title: string; state: string; ms?: number }[],
    failures: [] as { title: string; error: string }[],
  };
  runner.on(EVENT_TEST_BEGIN, (t: Mocha.Test) => {
    if (options.currentFile) fs.writeFileSync(options.currentFile, t.fullTitle());
  });
  runner.on(EVENT_TEST_PASS, (t: Mocha.Test) => {
    results.passed++;
    results.tests.push({ title: t.fullTitle(), state: 'passed', ms: t.duration });
  });
  runner.on(EVENT_TEST_PENDING, (t: Mocha.Test) => {
    results.skipped++;
    results.tests.push({ title: t.fullTitle(), state: 'skipped' });
  });
  runner.on(EVENT_TEST_FAIL, (t: Mocha.Test, err: Error) => {
    results.failed++;
    results.tests.push({ title: t.fullTitle(), state: 'failed' });
    results.failures.push({ title: t.fullTitle(), error: String(err?.stack ?? err?.message ?? err) });
  });
  // After the spec reporter's epilogue (registered earlier), so the summary is in the progress file first.
  runner.once(EVENT_RUN_END, () => {
    if (options.resultsFile) fs.writeFileSync(options.resultsFile, JSON.stringify(results, null, 1));
  });
}

/**
 * The extension host writes its logs through an asynchronous queue: a warning logged a second ago
 * may not be in the file yet. Writing a marker to a log channel of our own and waiting until it
 * reaches its file drains that queue (entries are written in order).
 */
export async function flushHostLogs(logsDir: string): Promise<void> {
  const marker = `flush-marker-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const channel = vscode.window.createOutputChannel('Summit Notes test run', { log: true });
  try {
    channel.info(marker);
    const deadline = Date.now() + 15_000;
    while (!hostLogContains(logsDir, marker)) {
      if (Date.now() > deadline) throw new Error('the extension host log did not flush within 15 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    channel.dispose();
  }
}

/** Entry point called by VS Code once the extension host is up. Resolves when mocha is done. */
export async function run(): Promise<void> {
  const options = readOptions();
  const { Base } = Mocha.reporters;
  if (options.progressFile) {
    const file = options.progressFile;
    Base.consoleLog = (...args: unknown[]) => fs.appendFileSync(file, util.format(...args) + '\n');
  }
  Base.useColors = options.color ?? false;

  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: options.timeout ?? 20_000, color: options.color ?? false });
  const files = selectFiles(listTestFiles(options.untrusted ? path.join(__dirname, 'untrusted') : __dirname), options.files);
  for (const f of files) mocha.addFile(f);
  if (options.grep) mocha.grep(new RegExp(`(?:${options.grep})|${escapeRegExp(HOST_LOG_TEST)}`));

  // The host-log check is appended as the last suite once the last file is loaded, so it runs
  // after every other test (and with --grep/--files too).
  const addHostLogCheck = () => {
    const suite = Mocha.Suite.create(mocha.suite, 'extension host');
    suite.addTest(new Mocha.Test(HOST_LOG_TEST, async () => {
      if (options.logsDir) await flushHostLogs(options.logsDir);
      const root = vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath;
      const errors = hostLogErrors(root, ...[options.logsDir, options.consoleLog].filter((p): p is string => !!p));
      if (errors.length) throw new Error(`problems from Summit Notes in the VS Code logs:\n${errors.join('\n')}`);
    }));
  };
  if (files.length === 0) addHostLogCheck();
  mocha.suite.on(Mocha.Suite.constants.EVENT_FILE_POST_REQUIRE, (_context: unknown, file: string) => {
    if (file === files.at(-1)) addHostLogCheck();
  });

  await new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => (failures ? reject(new Error(`${failures} tests failed.`)) : resolve()));
      attachFileReporting(runner, options);
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

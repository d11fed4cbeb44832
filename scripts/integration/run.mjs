// The offline integration runner: runs test/integration (compiled to out/test/integration) inside a
// real VS Code extension host — code-server 4.100.3 (VS Code 1.100.3) driven by headless Chromium —
// with a fresh profile, no other extensions and workspace trust off.
//
// Usage:
//   node scripts/integration/run.mjs                       # the whole suite
//   node scripts/integration/run.mjs --grep "hover"        # only tests whose full title matches (regex)
//   node scripts/integration/run.mjs --files hover.test.js,outline.test.js   # only these files
//   node scripts/integration/run.mjs --results out.json    # also write {passed, failed, skipped, tests, failures}
// Other flags: --timeout SECONDS (whole run, default 600), --keep (keep the temp profile and logs),
// --no-build (do not rebuild stale dist/ and out/), --web / --no-web (the web-worker smoke suite
// test/web: runs by default on a full run, skipped with --grep/--files unless --web), --untrusted
// (only the Restricted Mode session: test/integration/untrusted in a second code-server with
// workspace trust on and the folder untrusted; a full run ends with it). The test "no error in the extension host log"
// always runs, also with --grep/--files. It rebuilds what is stale before running (tsc and esbuild).
//
// How it works: it copies test/integration/workspace to a fresh temp folder, starts code-server on a
// free port, opens the workbench in Chromium as an Extension Development Host with
// extensionTestsPath = out/test/integration/index.js, and polls for the results file that the
// suite's run() writes (see test/integration/index.ts); mocha's spec output is streamed from a
// progress file. Every process it started is stopped by process group, also on failure,
// timeout or Ctrl-C.
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, openSync, readSync, closeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { codeServerEntry, ensureCodeServer, findChromium, PrerequisiteError } from '../lib/codeServer.mjs';
import { launchBrowser, removeProfile, startCodeServer, waitFor, workbenchUrl } from '../lib/session.mjs';
import { prepareRun } from './prepare.mjs';
import { buildWebSuite, serveFolder } from './web.mjs';
import { ensureBuilt } from '../lib/freshness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    results: { type: 'string' },
    grep: { type: 'string' },
    files: { type: 'string' },
    timeout: { type: 'string', default: '600' },
    keep: { type: 'boolean', default: false },
    build: { type: 'boolean', default: true },
    web: { type: 'boolean' },
    untrusted: { type: 'boolean', default: false },
  },
});

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const red = (s) => (color ? `\x1b[31m${s}\x1b[0m` : s);
const cleanups = [];
let finished = false;

async function cleanup() {
  while (cleanups.length) await cleanups.pop()().catch((e) => console.error(`cleanup: ${e.message}`));
}

function writeResults(results) {
  if (args.results) writeFileSync(args.results, JSON.stringify(results, null, 1));
}

/** A run that could not produce mocha results still reports one failed "test" naming the cause. */
function failRun(title, error) {
  writeResults({ passed: 0, failed: 1, skipped: 0, tests: [{ title, state: 'failed' }], failures: [{ title, error }] });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (finished) return;
    finished = true;
    console.error(`\n${signal}: stopping VS Code and Chromium…`);
    await cleanup();
    process.exit(130);
  });
}

/** Streams new text of `file` to stdout (mocha's spec output written by the suite). */
function follower(file) {
  let offset = 0;
  return () => {
    if (!existsSync(file)) return;
    const size = statSync(file).size;
    if (size <= offset) return;
    const fd = openSync(file, 'r');
    const buf = Buffer.alloc(size - offset);
    readSync(fd, buf, 0, buf.length, offset);
    closeSync(fd);
    offset = size;
    process.stdout.write(buf.toString('utf8'));
  };
}

/** Copies the browser console into `file` in VS Code's log format (errors and warnings only). */
function recordConsole(page, file, pageErrors) {
  page.on('console', (m) => {
    const level = { error: 'error', warning: 'warning' }[m.type()];
    if (!level) return;
    if (level === 'error') pageErrors.push(m.text());
    appendFileSync(file, `${new Date().toISOString().replace('T', ' ').slice(0, 23)} [${level}] ${m.text()}\n`);
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
}

/**
 * Polls until the suite's results file exists (streaming its progress file meanwhile); throws a
 * message naming the test that was running when the deadline passed or code-server died.
 */
async function awaitSuite(server, { resultsFile, progressFile, currentFile }, deadline) {
  const follow = progressFile ? follower(progressFile) : () => {};
  try {
    await waitFor(() => {
      follow();
      if (server.child.exitCode !== null || server.child.signalCode) {
        throw new Error(`code-server exited (${server.child.exitCode ?? server.child.signalCode}) during the run`);
      }
      return existsSync(resultsFile);
    }, { timeout: Math.max(0, deadline - Date.now()), interval: 200, what: 'the suite to finish' });
    follow();
    return JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch (e) {
    follow();
    const running = currentFile && existsSync(currentFile) ? readFileSync(currentFile, 'utf8') : '';
    const error = new Error(e.message.startsWith('timed out')
      ? `global timeout (${args.timeout} s) reached; ${running ? `still running: "${running}"` : 'no test had started (did the extension host load the suite?)'}`
      : e.message);
    error.running = running;
    throw error;
  }
}

/**
 * The web-worker smoke suite (test/web): the extension loads from its `browser` bundle, served over
 * http and declared as a development extension in the workbench's options (the web workbench loads
 * web extensions under development only from http(s)); the page bypasses the workbench's CSP so it
 * may fetch from that second local origin.
 */
async function runWebSmoke(server, browser, profile, folder, consoleLog, pageErrors, deadline) {
  const testsModule = await buildWebSuite(root);
  const files = await serveFolder(root);
  cleanups.push(() => files.close());
  const context = await browser.browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  recordConsole(page, consoleLog, pageErrors);
  const base = new URL(files.url);
  const at = (path) => ({ scheme: 'http', authority: base.host, path });
  await page.addInitScript((devOptions) => {
    // The workbench reads its options from this attribute once, at start-up.
    const { prototype } = globalThis.Element; // runs in the page
    const original = prototype.getAttribute;
    prototype.getAttribute = function getAttribute(name) {
      const value = original.call(this, name);
      if (name !== 'data-settings' || this.id !== 'vscode-workbench-web-configuration' || !value) return value;
      const options = JSON.parse(value);
      options.developmentOptions = { ...options.developmentOptions, ...devOptions };
      return JSON.stringify(options);
    };
  }, { extensions: [at(base.pathname)], extensionTestsPath: at(`${base.pathname}/${testsModule}`) });
  console.log('\n── web-worker extension host (browser bundle, no Node)');
  await page.goto(`${server.base}/?folder=${encodeURIComponent(folder)}`);
  const web = join(profile.root, 'web');
  const results = await awaitSuite(server, { resultsFile: join(web, 'results.json'), progressFile: join(web, 'progress.log') }, deadline);
  await context.close();
  return results;
}

/**
 * The Restricted Mode session: its own profile (workspace trust on) and code-server (without
 * --disable-workspace-trust), the fixture folder untrusted; runs test/integration/untrusted.
 * VS Code keeps an extension under development enabled in Restricted Mode whatever it declares, so
 * here the extension is packaged (`vsce package`, as `npm run package`) and installed into the
 * profile like a user's, and the development extension is a stub that only carries the tests.
 */
async function runUntrusted(browser, deadline) {
  const { profile, folder, run: files } = prepareRun(root, { grep: args.grep, files: args.files, color, untrusted: true, prefix: 'summit-untrusted-' });
  cleanups.push(async () => { if (!args.keep) removeProfile(profile); else console.log(`kept: ${profile.root}`); });
  console.log('\n── Restricted Mode (workspace trust on, the folder untrusted, the extension installed from its .vsix)');
  const vsix = join(profile.root, 'summit-notes.vsix');
  const packed = spawnSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies',
    '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], { cwd: root, encoding: 'utf8' });
  if (packed.status !== 0) throw new Error(`vsce package failed:\n${packed.stdout}${packed.stderr}`);
  const installed = spawnSync(process.execPath, [codeServerEntry(), '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions,
    '--install-extension', vsix], { encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: join(profile.home, 'config'), XDG_DATA_HOME: join(profile.home, 'data') } });
  if (installed.status !== 0) throw new Error(`installing the .vsix failed:\n${installed.stdout}${installed.stderr}`);
  const harness = join(profile.root, 'test-harness');
  mkdirSync(harness, { recursive: true });
  writeFileSync(join(harness, 'package.json'), JSON.stringify({
    name: 'summit-notes-test-harness', publisher: 'summit-notes', version: '0.0.0', engines: { vscode: '^1.95.0' },
    capabilities: { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true },
  }, null, 1));
  const server = await startCodeServer({ profile, folder, trust: true });
  cleanups.push(() => server.stop());
  const context = await browser.browser.newContext({ viewport: { width: 1280, height: 800 } });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  recordConsole(page, files.consoleLog, []);
  await page.goto(workbenchUrl(server, { folder, extensionPath: harness, testsPath: join(root, 'out', 'test', 'integration', 'index.js') }));
  const results = await awaitSuite(server, files, deadline);
  await context.close();
  await server.stop();
  return results;
}

function merge(a, b) {
  return {
    passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: (a.skipped ?? 0) + (b.skipped ?? 0),
    tests: [...a.tests, ...b.tests], failures: [...a.failures, ...b.failures],
  };
}

async function main() {
  try {
    findChromium();
    await ensureCodeServer();
  } catch (e) {
    const message = e instanceof PrerequisiteError ? e.message : String(e?.stack ?? e);
    console.error(red(message));
    failRun('integration: prerequisites', message);
    return 2;
  }
  if (args.build) ensureBuilt(root);
  const testsPath = join(root, 'out', 'test', 'integration', 'index.js');
  if (!existsSync(testsPath)) {
    failRun('integration: suite compiled', `${testsPath} is missing: run \`npx tsc -p .\``);
    return 1;
  }
  const deadline = Date.now() + Number(args.timeout) * 1000;
  const withWeb = !args.untrusted && (args.web ?? (!args.grep && !args.files));
  const withUntrusted = args.untrusted || (!args.grep && !args.files);

  const { profile, folder, run: files } = prepareRun(root, { grep: args.grep, files: args.files, color });
  cleanups.push(async () => { if (!args.keep) removeProfile(profile); else console.log(`kept: ${profile.root}`); });

  const server = await startCodeServer({ profile, folder });
  cleanups.push(() => server.stop());
  const browser = await launchBrowser();
  cleanups.push(() => browser.stop());
  const pageErrors = [];
  console.log(`VS Code ${server.base} (code-server pid ${server.pid}, Chromium pid ${browser.pid})`);

  let results = { passed: 0, failed: 0, skipped: 0, tests: [], failures: [] };
  try {
    // The short web smoke first, so the run ends with the main suite's own mocha summary (and its
    // host-log check also covers what the web page logged).
    if (withWeb) results = merge(results, await runWebSmoke(server, browser, profile, folder, files.consoleLog, pageErrors, deadline));
    if (!args.untrusted) {
      console.log('\n── Node extension host (the extension as desktop VS Code runs it)');
      // The workbench reports broken contributions (a missing snippet or grammar file) in the browser
      // console; kept in VS Code's log format for the suite's "no error in the extension host log".
      recordConsole(browser.page, files.consoleLog, pageErrors);
      await browser.page.goto(workbenchUrl(server, { folder, extensionPath: root, testsPath }));
      results = merge(results, await awaitSuite(server, files, deadline));
    }
    if (withUntrusted) results = merge(results, await runUntrusted(browser, deadline));
  } catch (e) {
    console.error(red(`\nintegration run failed: ${e.message}`));
    if (pageErrors.length) console.error(`browser console errors (last 10):\n  ${pageErrors.slice(-10).map((l) => l.split('\n')[0]).join('\n  ')}`);
    console.error(`code-server log (end):\n${readFileSync(server.logFile, 'utf8').split('\n').slice(-15).join('\n')}`);
    const title = e.running ? `integration: ${e.running}` : 'integration: run';
    writeResults(merge(results, { passed: 0, failed: 1, tests: [{ title, state: 'failed' }], failures: [{ title, error: e.message }] }));
    return 1;
  }

  writeResults(results);
  // The output ends with mocha's own summary (streamed above); only a hint follows on failure.
  if (results.failed) {
    if (args.keep) listLogs(files.logsDir);
    else console.log('(run again with --keep to keep the VS Code logs of the run)');
  }
  return results.failed ? 1 : 0;
}

function listLogs(dir) {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { recursive: true })) console.log(`  ${join(dir, String(e))}`);
}

let code = 1;
try {
  code = await main();
} catch (e) {
  console.error(red(`integration runner: ${e?.stack ?? e}`));
  failRun('integration: runner', String(e?.stack ?? e));
} finally {
  if (!finished) {
    finished = true;
    await cleanup();
  }
}
process.exit(code);

// The offline integration runner: runs test/integration (compiled to out/test/integration) inside a
// real VS Code extension host — code-server 4.100.3 (VS Code 1.100.3) driven by headless Chromium —
// with a fresh profile, no other extensions and workspace trust off.
//
// Usage:
//   node scripts/integration/run.mjs                       # the whole suite
//   node scripts/integration/run.mjs --grep "hover"        # only tests whose full title matches (regex)
//   node scripts/integration/run.mjs --files hover.test.js,outline.test.js   # only these files
//   node scripts/integration/run.mjs --results out.json    # also write {passed, failed, skipped, tests, failures}
// Other flags: --timeout SECONDS (whole run, default 300), --keep (keep the temp profile and logs),
// --no-build (do not rebuild stale dist/ and out/). The test "no error in the extension host log"
// always runs, also with --grep/--files. It rebuilds what is stale before running (tsc and esbuild).
//
// How it works: it copies test/integration/workspace to a fresh temp folder, starts code-server on a
// free port, opens the workbench in Chromium as an Extension Development Host with
// extensionTestsPath = out/test/integration/index.js, and polls for the results file that the
// suite's run() writes (see test/integration/index.ts); mocha's spec output is streamed from a
// progress file. Every process it started is stopped by process group, also on failure,
// timeout or Ctrl-C.
import { appendFileSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync, openSync, readSync, closeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureCodeServer, findChromium, PrerequisiteError } from '../lib/codeServer.mjs';
import { launchBrowser, removeProfile, startCodeServer, waitFor, workbenchUrl } from '../lib/session.mjs';
import { prepareRun } from './prepare.mjs';
import { ensureBuilt } from '../lib/freshness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: {
    results: { type: 'string' },
    grep: { type: 'string' },
    files: { type: 'string' },
    timeout: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
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
  if (!args['no-build']) ensureBuilt(root);
  const testsPath = join(root, 'out', 'test', 'integration', 'index.js');
  if (!existsSync(testsPath)) {
    failRun('integration: suite compiled', `${testsPath} is missing: run \`npx tsc -p .\``);
    return 1;
  }

  const { profile, folder, run: files } = prepareRun(root, { grep: args.grep, files: args.files, color });
  cleanups.push(async () => { if (!args.keep) removeProfile(profile); else console.log(`kept: ${profile.root}`); });

  const server = await startCodeServer({ profile, folder });
  cleanups.push(() => server.stop());
  const browser = await launchBrowser();
  cleanups.push(() => browser.stop());
  const pageErrors = [];
  // The workbench reports broken contributions (a missing snippet or grammar file) in the browser
  // console; kept in VS Code's log format for the suite's "no error in the extension host log".
  browser.page.on('console', (m) => {
    const level = { error: 'error', warning: 'warning' }[m.type()];
    if (!level) return;
    if (level === 'error') pageErrors.push(m.text());
    appendFileSync(files.consoleLog, `${new Date().toISOString().replace('T', ' ').slice(0, 23)} [${level}] ${m.text()}\n`);
  });
  browser.page.on('pageerror', (e) => pageErrors.push(String(e)));
  console.log(`VS Code ${server.base} (code-server pid ${server.pid}, Chromium pid ${browser.pid})`);
  await browser.page.goto(workbenchUrl(server, { folder, extensionPath: root, testsPath }));

  const follow = follower(files.progressFile);
  const timeoutMs = Number(args.timeout) * 1000;
  let exitedEarly = null;
  server.child.on('exit', (code, signal) => { exitedEarly = code ?? signal; });
  try {
    await waitFor(() => {
      follow();
      if (exitedEarly !== null) throw new Error(`code-server exited (${exitedEarly}) during the run`);
      return existsSync(files.resultsFile);
    }, { timeout: timeoutMs, interval: 200, what: 'the suite to finish' });
    follow();
  } catch (e) {
    follow();
    const running = existsSync(files.currentFile) ? readFileSync(files.currentFile, 'utf8') : '';
    const hung = e.message.startsWith('timed out')
      ? `global timeout (${args.timeout} s) reached; ${running ? `still running: "${running}"` : 'no test had started (did the extension host load the suite?)'}`
      : e.message;
    console.error(red(`\nintegration run failed: ${hung}`));
    if (pageErrors.length) console.error(`browser console errors:\n  ${pageErrors.slice(-10).join('\n  ')}`);
    console.error(`code-server log (end):\n${readFileSync(server.logFile, 'utf8').split('\n').slice(-15).join('\n')}`);
    failRun(running ? `integration: ${running}` : 'integration: run', hung);
    return 1;
  }

  const results = JSON.parse(readFileSync(files.resultsFile, 'utf8'));
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

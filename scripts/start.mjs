// `npm start`: installs what is missing, builds, and opens VS Code with Summit Notes loaded in
// extension development mode on a scratch copy of samples/ (its path is printed; trying things
// never changes the checkout), a notes file open.
//   - desktop VS Code when `code` is on PATH;
//   - otherwise code-server (installed on first use into the per-user cache, see
//     scripts/lib/codeServer.mjs) on 127.0.0.1 with a fresh profile; the URL is printed and opened
//     in a browser when there is a display. Ctrl-C stops code-server and every process it started.
// Flags: --browser (use code-server even when `code` exists), --no-browser (only print the URL),
//        --port N, --here (samples/ itself, not a copy), --folder DIR (another folder, as it is), --smoke (open the page in headless Chromium, report how long until the editor
//        shows the sample, then stop: a start-up check and measurement for CI).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureNodeModules } from './lib/deps.mjs';
import { codeServerEntry, ensureCodeServer, PrerequisiteError } from './lib/codeServer.mjs';
import { ensurePrerequisites } from './lib/prerequisites.mjs';
import { freshProfile, launchBrowser, removeProfile, startCodeServer, workbenchUrl } from './lib/session.mjs';
import { waitForEditorText } from './lib/workbench.mjs';

const t0 = Date.now();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    browser: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    port: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    folder: { type: 'string' },
    here: { type: 'boolean', default: false },
  },
});

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** The first `*.summit.md` under samples/ (sorted), or undefined. */
function firstSample(dir) {
  if (!existsSync(dir)) return undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isFile() && entry.name.endsWith('.summit.md')) return join(dir, entry.name);
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const found = entry.isDirectory() ? firstSample(join(dir, entry.name)) : undefined;
    if (found) return found;
  }
  return undefined;
}

ensureNodeModules(root);
console.log('Building the extension…');
if (spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' }).status !== 0) {
  console.error('The build failed; see the errors above.');
  process.exit(1);
}
/** samples/ copied to a new temporary folder, so edits made while trying things stay out of the checkout. */
function scratchCopy(from) {
  const to = join(mkdtempSync(join(tmpdir(), 'summit-samples-')), 'samples');
  cpSync(from, to, { recursive: true });
  return to;
}
const scratch = !args.folder && !args.here;
const samples = args.folder ? resolve(args.folder) : scratch ? scratchCopy(join(root, 'samples')) : join(root, 'samples');
if (scratch) console.log(`Working on a scratch copy of samples/ (edits stay there; --here opens samples/ itself):\n  ${samples}`);
const sample = firstSample(samples);
if (!sample) console.warn(`No *.summit.md found in ${samples}: opening the folder only.`);

if (onPath('code') && !args.browser && !args.smoke) {
  // Desktop VS Code opens its own Extension Development Host window and returns at once.
  const codeArgs = [`--extensionDevelopmentPath=${root}`, '--new-window', samples, ...(sample ? [sample] : [])];
  console.log(`code ${codeArgs.join(' ')}`);
  const r = spawnSync('code', codeArgs, { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

try {
  // Chromium only for --smoke (otherwise the person's own browser opens the page); the build tools
  // only when code-server is not installed yet.
  ensurePrerequisites([...(args.smoke ? ['browser'] : []), ...(existsSync(codeServerEntry()) ? [] : ['codeServer'])]);
  await ensureCodeServer();
} catch (e) {
  console.error(e instanceof PrerequisiteError ? e.message : String(e?.stack ?? e));
  process.exit(2);
}

const profile = freshProfile('summit-start-');
let server;
let browser;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await browser?.stop();
  await server?.stop();
  removeProfile(profile);
  // A smoke run leaves nothing behind; an interactive one keeps the scratch copy with its edits.
  if (scratch && args.smoke) rmSync(dirname(samples), { recursive: true, force: true });
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.log('\nStopping VS Code (code-server)…');
    void stop(0);
  });
}

try {
  server = await startCodeServer({ profile, folder: samples, port: args.port ? Number(args.port) : undefined });
} catch (e) {
  console.error(String(e?.message ?? e));
  await stop(1);
}
server.child.on('exit', (code) => {
  if (!stopping) {
    console.error(`code-server stopped by itself (exit ${code}); its log: ${server.logFile}`);
    void stop(1);
  }
});
const url = workbenchUrl(server, { folder: samples, extensionPath: root, file: sample });
console.log(`\nSummit Notes in VS Code (extension development host) on ${scratch ? samples : relative(root, samples) || '.'}/` +
  `${sample ? `, ${relative(samples, sample)} open` : ''}:\n\n  ${url}\n`);

if (args.smoke) {
  browser = await launchBrowser();
  await browser.page.goto(url);
  try {
    await waitForEditorText(browser.page, sample ? relative(samples, sample).split('/').pop() : undefined);
    console.log(`smoke: the editor shows the sample ${((Date.now() - t0) / 1000).toFixed(1)} s after npm start began`);
    await stop(0);
  } catch (e) {
    console.error(`smoke: ${e.message}`);
    await browser.page.screenshot({ path: join(root, '.shots', 'start-smoke-failure.png') }).catch(() => {});
    await stop(1);
  }
} else {
  const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (!args['no-browser'] && !process.env.CI && !headless && onPath('xdg-open')) {
    // The person's own browser: started detached and left running when we stop.
    spawn('xdg-open', [url], { stdio: 'ignore', detached: true }).unref();
  }
  console.log('Press Ctrl-C to stop.');
}

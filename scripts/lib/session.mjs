// A VS Code session in the browser: code-server on 127.0.0.1 with a fresh profile, and (for tests
// and screenshots) headless Chromium driven by playwright-core. Shared by `npm start`, the offline
// integration runner and `npm run shots`. Every process is started in its own process group and
// stopped by its pid (the whole group), so no extension host or renderer outlives a run.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { codeServerEntry, findChromium } from './codeServer.mjs';

/** Polls `condition` until it returns a truthy value (returned) or `timeout` ms pass (throws). */
export async function waitFor(condition, { timeout = 30_000, interval = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function groupAlive(pid) {
  try { process.kill(-pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

/**
 * Process groups we started (code-server, Chromium: each detached into its own group) and not yet
 * stopped. Should this process end without stopping them (an uncaught error, a closed stdout), they
 * are killed as it exits rather than left running.
 */
const liveGroups = new Set();
process.on('exit', () => {
  for (const pid of liveGroups) {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
  }
});

/** Stops a process group by its leader's pid: SIGTERM, then SIGKILL if it lingers. */
export async function stopGroup(pid, { graceMs = 5000 } = {}) {
  liveGroups.delete(pid);
  if (!pid || !groupAlive(pid)) return;
  try { process.kill(-pid, 'SIGTERM'); } catch { /* already gone */ }
  try {
    await waitFor(() => !groupAlive(pid), { timeout: graceMs, interval: 50, what: `process group ${pid} to exit` });
  } catch {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
    await waitFor(() => !groupAlive(pid), { timeout: 5000, interval: 50, what: `process group ${pid} to die` }).catch(() => {});
  }
}

/**
 * A fresh temporary profile: user data (with settings that keep the workbench quiet and trust
 * off), extensions (empty: no other extensions load), and a config/data home for code-server.
 */
export function freshProfile(prefix = 'summit-vscode-', { at, trust = false } = {}) {
  // `at`: a fixed folder (emptied first) instead of a new temporary one, for launch configurations.
  if (at) rmSync(at, { recursive: true, force: true });
  const root = at ? (mkdirSync(at, { recursive: true }), at) : mkdtempSync(join(tmpdir(), prefix));
  const dirs = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    home: join(root, 'home'),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.home, join(dirs.userData, 'User')]) mkdirSync(d, { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify({
    // `trust`: workspace trust on and nothing trusted, so the folder opens in Restricted Mode
    // without asking (start code-server with `trust` too).
    'security.workspace.trust.enabled': trust,
    ...(trust ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false } : {}),
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'chat.commandCenter.enabled': false,
    'workbench.colorTheme': 'Default Light Modern',
    'window.commandCenter': false,
    // The folder may sit inside a git checkout (`npm start -- --here`): no "repository found in
    // parent folders" prompt.
    'git.openRepositoryInParentFolders': 'never',
  }, null, 1));
  return dirs;
}

/** Copies a fixture folder into the profile's temporary root (tests may edit it freely). */
export function copyWorkspace(profile, from) {
  const to = join(profile.root, 'workspace');
  cpSync(from, to, { recursive: true });
  return to;
}

/**
 * Starts code-server for `folder` on a free port with the given profile. Resolves once its
 * health check answers; rejects (with the end of its log) if it exits first. `trust`: workspace
 * trust stays on (Restricted Mode for an untrusted folder).
 */
export async function startCodeServer({ profile, folder, logFile = join(profile.root, 'code-server.log'), port, trust = false }) {
  port ??= await freePort();
  const log = createWriteStream(logFile);
  const env = {
    ...process.env,
    // code-server keeps a config file and recent-folder state under these; keep them in the profile.
    XDG_CONFIG_HOME: join(profile.home, 'config'),
    XDG_DATA_HOME: join(profile.home, 'data'),
  };
  delete env.VSCODE_IPC_HOOK_CLI; // inside a VS Code terminal: do not talk to that VS Code
  const child = spawn(process.execPath, [codeServerEntry(),
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    ...(trust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override', '--config', join(profile.home, 'config.yaml'),
    '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions, folder],
  { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid) liveGroups.add(child.pid);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  const base = `http://127.0.0.1:${port}`;
  const server = { port, base, pid: child.pid, child, logFile, stop: () => stopGroup(child.pid) };
  try {
    await waitFor(async () => {
      if (exited) throw new Error(`code-server exited (${exited.code ?? exited.signal}) before it was ready:\n${tail(logFile)}`);
      try { return (await fetch(`${base}/healthz`)).ok; } catch { return false; }
    }, { timeout: 60_000, interval: 150, what: 'code-server to answer' });
  } catch (e) {
    await server.stop();
    throw e;
  }
  return server;
}

function tail(file, lines = 20) {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '';
}

/**
 * The workbench URL that opens `folder` as an Extension Development Host for `extensionPath`,
 * optionally running the tests module `testsPath` and opening `file`.
 */
export function workbenchUrl(server, { folder, extensionPath, testsPath, file }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${resolve(p)}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)]];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  if (file) payload.push(['openFile', remote(file)]);
  return `${server.base}/?folder=${encodeURIComponent(resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Headless (or headed) Chromium through playwright-core, as a browser server whose pid we own.
 * Returns `{ browser, page, pid, stop }`; `page` is a fresh 1280×800 page. `contextOptions` go to
 * playwright's `browser.newContext` (e.g. `bypassCSP`).
 */
export async function launchBrowser({ headless = true, viewport = { width: 1280, height: 800 }, contextOptions = {} } = {}) {
  const { chromium } = await import('playwright-core');
  const server = await chromium.launchServer({
    executablePath: findChromium(),
    headless,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const pid = server.process().pid;
  if (pid) liveGroups.add(pid);
  try {
    const browser = await chromium.connect(server.wsEndpoint());
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, ...contextOptions });
    const page = await context.newPage();
    const stop = async () => {
      await browser.close().catch(() => {});
      await server.close().catch(() => {});
      await stopGroup(pid);
    };
    return { browser, page, pid, stop };
  } catch (e) {
    await server.kill().catch(() => {});
    await stopGroup(pid);
    throw e;
  }
}

/** Removes a profile folder (best effort: a stray file handle must not fail the run). */
export function removeProfile(profile) {
  rmSync(profile.root, { recursive: true, force: true, maxRetries: 3 });
}

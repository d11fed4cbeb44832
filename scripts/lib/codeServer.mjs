// code-server (VS Code 1.100.3 for the browser) installed on first use into a per-user cache outside
// the repository, so `npm start` and the integration tests work on an offline machine that reaches
// only the npm registry and Debian's packages.
//
// The cache lives in `${XDG_CACHE_HOME:-~/.cache}/summit-notes/code-server-<version>` (override the
// whole folder with SUMMIT_NOTES_CACHE). The install goes into a temporary sibling folder that is
// renamed into place only when complete, so an interrupted install never leaves a half-built copy
// that the next run would trust. A lock folder keeps two runs from installing at the same time.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statfsSync, writeFileSync, statSync } from 'node:fs';
import { homedir, tmpdir, arch } from 'node:os';
import { join } from 'node:path';
import { ensurePrerequisites, installLine, PrerequisiteError } from './prerequisites.mjs';

export { PrerequisiteError };

export const CODE_SERVER_VERSION = '4.100.3';
// @vscode/ripgrep inside code-server 4.100.3 and the ripgrep release it would fetch from GitHub.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_RELEASE = 'v13.0.0-10';
// What the install takes on disk (about 300 MB) plus npm's cache and room to spare.
const MIN_FREE_BYTES = 1.2e9;

/** The per-user cache folder of this project (outside the repository). */
export function cacheRoot() {
  if (process.env.SUMMIT_NOTES_CACHE) return process.env.SUMMIT_NOTES_CACHE;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'summit-notes');
}

/** Folder holding the installed code-server (its `node_modules/code-server`). */
export function codeServerDir() {
  return join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

/** The code-server entry script, run with this Node. */
export function codeServerEntry() {
  return join(codeServerDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Path of a Chromium (or Chrome) binary, or throws a PrerequisiteError naming the package. */
export function findChromium() {
  const candidates = [process.env.SUMMIT_NOTES_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  throw new PrerequisiteError(`Chromium is missing (needed to drive VS Code in the browser); install it with:\n  ${installLine(['chromium'])}\n` +
    'or point SUMMIT_NOTES_CHROMIUM at a Chrome/Chromium binary.');
}

/**
 * Everything the code-server install needs, checked before anything is written: the Debian
 * packages (installed here when we may, see prerequisites.mjs) and the disk space.
 */
function checkInstallPrerequisites(log) {
  ensurePrerequisites(['codeServer'], { log });
  mkdirSync(cacheRoot(), { recursive: true });
  for (const dir of [cacheRoot(), tmpdir()]) {
    const fs = statfsSync(dir);
    const free = fs.bavail * fs.bsize;
    if (free < MIN_FREE_BYTES) {
      throw new PrerequisiteError(`Not enough disk space in ${dir}: ${(free / 1e6).toFixed(0)} MB free, ` +
        `about ${(MIN_FREE_BYTES / 1e6).toFixed(0)} MB needed to install code-server. Free some space ` +
        '(or set SUMMIT_NOTES_CACHE / TMPDIR to a roomier disk) and run again.');
    }
  }
}

function rgBinary() {
  if (existsSync('/usr/bin/rg')) return '/usr/bin/rg';
  const r = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' });
  return r.stdout.trim();
}

/**
 * @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the archive;
 * we put the system's rg there (a tar.gz with `rg` at its root), in the TMPDIR the install will see.
 */
function seedRipgrepCache(tmp) {
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[arch()];
  if (!target) return; // other machines are online ones; the postinstall downloads as usual
  const dir = join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const file = join(dir, `ripgrep-${RIPGREP_RELEASE}-${target}.tar.gz`);
  if (existsSync(file)) return;
  mkdirSync(dir, { recursive: true });
  const rg = rgBinary();
  const r = spawnSync('tar', ['-czf', file, '-C', join(rg, '..'), 'rg'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`Could not pack ${rg} for the ripgrep cache: ${r.stderr}`);
}

function pidAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

function folderBytes(dir) {
  const r = spawnSync('du', ['-sb', dir], { encoding: 'utf8' });
  return Number.parseInt(r.stdout, 10) || 0;
}

/** Takes the install lock, or waits (polling) while another live process holds it. */
async function withInstallLock(log, fn) {
  const lock = join(cacheRoot(), `.install-${CODE_SERVER_VERSION}.lock`);
  let waited = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let holder = 0;
      try { holder = Number(readFileSync(join(lock, 'pid'), 'utf8')); } catch { /* being written */ }
      const age = Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if ((holder && !pidAlive(holder)) || (!holder && age > 10_000)) { rmSync(lock, { recursive: true, force: true }); continue; }
      if (!waited) log(`Another process (pid ${holder}) is installing code-server; waiting for it…`);
      waited = true;
      await new Promise((r) => setTimeout(r, 1000));
      if (existsSync(codeServerEntry())) return; // it finished: nothing to do
    }
  }
  try { await fn(); } finally { rmSync(lock, { recursive: true, force: true }); }
}

/**
 * Makes sure code-server is installed in the per-user cache, installing it (about 1-2 minutes,
 * ~300 MB) on first use. Returns the entry script. Throws PrerequisiteError with an apt command when
 * something the install needs is missing.
 */
export async function ensureCodeServer({ log = console.log } = {}) {
  if (existsSync(codeServerEntry())) return codeServerEntry();
  checkInstallPrerequisites(log);
  await withInstallLock(log, () => install(log));
  if (!existsSync(codeServerEntry())) throw new Error('code-server install finished but its entry script is missing.');
  return codeServerEntry();
}

async function install(log) {
  if (existsSync(codeServerEntry())) return;
  const root = cacheRoot();
  // Leftovers of an interrupted install (their owner is gone: we hold the lock).
  for (const name of readdirSync(root)) {
    if (name.startsWith(`.code-server-${CODE_SERVER_VERSION}.partial-`)) rmSync(join(root, name), { recursive: true, force: true });
  }
  const partial = join(root, `.code-server-${CODE_SERVER_VERSION}.partial-${process.pid}`);
  mkdirSync(partial, { recursive: true });
  writeFileSync(join(partial, 'package.json'), JSON.stringify({ name: 'summit-notes-code-server', private: true }) + '\n');
  const tmp = tmpdir();
  seedRipgrepCache(tmp);
  log(`Installing code-server ${CODE_SERVER_VERSION} (first use only, ~300 MB, 1-3 minutes) into ${codeServerDir()}`);
  const npmLog = join(partial, 'npm-install.log');
  const started = Date.now();
  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_unsafe_perm: 'true', // its postinstall refuses to run as root otherwise
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const child = spawn('npm', ['install', '--omit=dev', '--no-save', '--loglevel=http', `code-server@${CODE_SERVER_VERSION}`],
    { cwd: partial, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = [];
  let phase = 'downloading';
  const take = (chunk) => {
    const text = chunk.toString();
    out.push(text);
    if (/postinstall|node-gyp|gyp info|install script/i.test(text)) phase = 'building native modules';
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const ticker = setInterval(() => {
    const secs = Math.round((Date.now() - started) / 1000);
    log(`  … ${secs} s, ${phase}, ${(folderBytes(partial) / 1e6).toFixed(0)} MB so far`);
  }, 10_000);
  // Ctrl-C during the install: the partial folder goes, nothing half-installed stays.
  const abort = () => { child.kill('SIGTERM'); };
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  const code = await new Promise((resolve) => child.on('close', (c, signal) => resolve(c ?? signal)));
  clearInterval(ticker);
  process.removeListener('SIGINT', abort);
  process.removeListener('SIGTERM', abort);
  const entryInPartial = join(partial, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (code !== 0 || !existsSync(entryInPartial)) {
    const text = out.join('');
    writeFileSync(npmLog, text);
    const tail = text.split('\n').filter((l) => /ERR|error|Error/.test(l)).slice(-25).join('\n');
    rmSync(partial, { recursive: true, force: true });
    throw new Error(`code-server install failed (npm exit ${code}). Last errors:\n${tail}\n` +
      'Nothing was kept; fix the cause above and run again.');
  }
  // A folder without the entry script is not a usable install (e.g. made by hand): replace it.
  rmSync(codeServerDir(), { recursive: true, force: true });
  writeFileSync(join(partial, 'INSTALLED'), `code-server ${CODE_SERVER_VERSION} installed ${new Date().toISOString()}\n`);
  renameSync(partial, codeServerDir());
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s.`);
}

// `node scripts/lib/codeServer.mjs` installs (or reports) code-server on its own.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  try {
    console.log(await ensureCodeServer());
  } catch (e) {
    console.error(e instanceof PrerequisiteError ? e.message : e);
    process.exit(2);
  }
}

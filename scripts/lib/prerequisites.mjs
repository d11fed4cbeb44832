// The Debian packages the project needs outside node_modules, in one list, and the one routine that
// installs the missing ones: used by `npm test` (scripts/test.mjs), `npm start` (scripts/start.mjs),
// the code-server install (scripts/lib/codeServer.mjs) and CI (.ci/run, through `npm test`).
//
// When a package is missing and we run as root or with password-less sudo (`sudo -n true`), it is
// installed with apt-get, saying what and why; otherwise the run stops with the one line to type.
//
// SUMMIT_NOTES_PREREQUISITES=ask never installs: it stops with the line to run, as without sudo.
// For checking this path without removing anything from the machine:
//   SUMMIT_NOTES_PREREQUISITES=dry-run   say what would be installed, install nothing
//   SUMMIT_NOTES_PRETEND_MISSING=pandoc,ripgrep   treat these packages as missing
// `node scripts/lib/prerequisites.mjs [--dry-run] [NEED…]` reports (and installs) on its own;
// NEED is one of the keys of NEEDS below (default: all).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A fatal, explained problem: the message names what is missing and the line that installs it. */
export class PrerequisiteError extends Error {}

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * Every Debian package the project uses: `why` is said when it is installed, `present` checks the
 * machine (a binary or header, not dpkg, so a copy installed another way counts too).
 */
export const PACKAGES = {
  chromium: {
    why: 'headless browser that drives VS Code (code-server) for the integration tests and `npm start -- --smoke`',
    present: () => Boolean(process.env.SUMMIT_NOTES_CHROMIUM && existsSync(process.env.SUMMIT_NOTES_CHROMIUM)) ||
      CHROMIUM_PATHS.some((p) => existsSync(p)),
  },
  pandoc: {
    why: 'the unit tests check that Pandoc reads every annotation as the parser does',
    present: () => onPath('pandoc'),
  },
  ripgrep: {
    why: 'code-server\'s search binary (the install would otherwise download it)',
    present: () => existsSync('/usr/bin/rg') || onPath('rg'),
  },
  'libkrb5-dev': {
    why: 'Kerberos headers for code-server\'s native kerberos module',
    present: () => onPath('krb5-config') || existsSync('/usr/include/gssapi/gssapi.h') || existsSync('/usr/include/gssapi.h'),
  },
  'build-essential': {
    why: 'C/C++ compilers and make for code-server\'s native modules',
    present: () => (onPath('cc') || onPath('gcc')) && (onPath('c++') || onPath('g++')) && onPath('make'),
  },
  python3: {
    why: 'node-gyp, which builds code-server\'s native modules',
    present: () => onPath('python3'),
  },
};

/** What each part of the project needs. */
export const NEEDS = {
  /** The unit tier. */
  unit: ['pandoc'],
  /** Driving VS Code in a browser (integration tier, `npm start -- --smoke`, screenshots). */
  browser: ['chromium'],
  /** Installing code-server into the per-user cache (first use only). */
  codeServer: ['build-essential', 'python3', 'libkrb5-dev', 'ripgrep'],
};

function pretendMissing() {
  return new Set((process.env.SUMMIT_NOTES_PRETEND_MISSING ?? '').split(',').map((s) => s.trim()).filter(Boolean));
}

/** The packages among `packages` that are missing, in order, without repeats. */
export function missingPackages(packages) {
  const pretend = pretendMissing();
  return [...new Set(packages)].filter((name) => {
    const pkg = PACKAGES[name];
    if (!pkg) throw new Error(`unknown prerequisite ${name}`);
    return pretend.has(name) || !pkg.present();
  });
}

/** The one line that installs `packages`. */
export function installLine(packages) {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/** How we may run apt-get: as root directly, through password-less sudo, or not at all. */
function privilege() {
  if (process.env.SUMMIT_NOTES_PREREQUISITES === 'ask') return undefined;
  if (process.getuid?.() === 0) return [];
  if (onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return undefined;
}

/**
 * Makes sure the Debian packages of `needs` (keys of NEEDS, or package names) are installed.
 * Installs the missing ones when it may (root or password-less sudo), else throws a
 * PrerequisiteError with the line to run. `dryRun` (or SUMMIT_NOTES_PREREQUISITES=dry-run) only
 * says what it would do. Returns the packages it installed (or would install).
 */
export function ensurePrerequisites(needs, { log = console.log, dryRun = process.env.SUMMIT_NOTES_PREREQUISITES === 'dry-run' } = {}) {
  const packages = needs.flatMap((n) => NEEDS[n] ?? [n]);
  const missing = missingPackages(packages);
  if (missing.length === 0) return [];
  const sudo = privilege();
  const lines = missing.map((name) => `  - ${name}: ${PACKAGES[name].why}`);
  if (!sudo) {
    throw new PrerequisiteError(`Missing Debian packages:\n${lines.join('\n')}\nInstall them with:\n  ${installLine(missing)}`);
  }
  const how = sudo.length ? 'with sudo' : 'as root';
  if (dryRun) {
    log(`Would install the missing Debian packages (${how}; dry run, nothing installed):\n${lines.join('\n')}`);
    return missing;
  }
  log(`Installing the missing Debian packages (${how}):\n${lines.join('\n')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => {
    const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
    return spawnSync(cmd, rest, { stdio: 'inherit', env }).status === 0;
  };
  // The package lists of a fresh machine may be empty or stale; an update first is cheap.
  if (!apt(['update', '-qq']) || !apt(['install', '-y', '-qq', '--no-install-recommends', ...missing])) {
    throw new PrerequisiteError(`apt-get could not install ${missing.join(' ')} (see above). Run it by hand:\n  ${installLine(missing)}`);
  }
  const still = missingPackages(missing).filter((name) => !pretendMissing().has(name));
  if (still.length) throw new PrerequisiteError(`Still missing after apt-get: ${still.join(' ')}`);
  return missing;
}

// `node scripts/lib/prerequisites.mjs [--dry-run] [NEED…]`
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const needs = args.filter((a) => !a.startsWith('--'));
  try {
    const done = ensurePrerequisites(needs.length ? needs : Object.keys(NEEDS), { dryRun: args.includes('--dry-run') || undefined });
    if (done.length === 0) console.log('All Debian prerequisites are installed.');
  } catch (e) {
    console.error(e instanceof PrerequisiteError ? e.message : String(e?.stack ?? e));
    process.exit(2);
  }
}

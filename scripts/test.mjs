// `npm test`: every tier in turn (check, build, unit, integration), then one closing line
// `N passed, N failed` summing all tiers, which is how CI counts.
// Usage: node scripts/test.mjs [check|build|unit|integration …]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules } from './lib/deps.mjs';
import { ensurePrerequisites, PrerequisiteError } from './lib/prerequisites.mjs';
import { codeServerEntry } from './lib/codeServer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
ensureNodeModules(root);

const all = ['check', 'build', 'unit', 'integration'];
const wanted = process.argv.slice(2).filter((a) => all.includes(a));
const tiers = wanted.length ? wanted : all;

// The Debian packages the chosen tiers need, installed (or asked for) before anything runs, so a
// fresh machine gets one apt-get and not a tier failing half-way.
const needs = [];
if (tiers.includes('unit')) needs.push('unit');
if (tiers.includes('integration')) needs.push('browser', ...(existsSync(codeServerEntry()) ? [] : ['codeServer']));
try {
  ensurePrerequisites(needs);
} catch (e) {
  if (!(e instanceof PrerequisiteError)) throw e;
  console.error(e.message);
  process.exit(2);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

function step(name, cmd, args, env = {}) {
  console.log(`\n── ${name}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  totals[ok ? 'passed' : 'failed']++;
  summary.push(`${name}: ${ok ? 'ok' : 'FAILED'}`);
  return ok;
}

function listTests(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...listTests(p));
    else if (entry.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

function mochaTier(name, files, extraEnv = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'summit-test-'));
  const resultsFile = join(tmp, 'results.json');
  console.log(`\n── ${name}: mocha (${files.length} files)`);
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'),
    '--reporter', join(root, 'test', 'support', 'reporter.cjs'), '--timeout', '20000', ...files],
  { stdio: 'inherit', env: { ...process.env, SUMMIT_TEST_RESULTS: resultsFile, ...extraEnv } });
  recordResults(name, resultsFile, r.status);
  rmSync(tmp, { recursive: true, force: true });
}

function recordResults(name, resultsFile, status) {
  if (existsSync(resultsFile)) {
    const res = JSON.parse(readFileSync(resultsFile, 'utf8'));
    totals.passed += res.passed; totals.failed += res.failed; totals.skipped += res.skipped ?? 0;
    summary.push(`${name}: ${res.passed} passed, ${res.failed} failed${res.skipped ? `, ${res.skipped} skipped` : ''}`);
  } else {
    totals.failed++;
    summary.push(`${name}: no results (exit ${status})`);
  }
}

let compiled;
function compile() {
  if (compiled !== undefined) return compiled;
  // tsc emits even when it reports type errors, so the test tiers still run; the errors count in check.
  compiled = step('check: tsc', process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
  return compiled;
}

for (const tier of tiers) {
  if (tier === 'check') {
    compile();
    step('check: tsc (preview)', process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'src/preview']);
    step('check: import cycles', process.execPath, ['scripts/cycles.mjs']);
    step('check: eslint', process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), 'src', 'test', 'scripts', 'bench']);
  } else if (tier === 'build') {
    step('build: esbuild', process.execPath, ['scripts/build.mjs']);
  } else if (tier === 'unit') {
    compile();
    mochaTier('unit', listTests(join(root, 'out', 'test', 'unit')));
  } else if (tier === 'integration') {
    compile();
    if (!existsSync('dist/extension.js')) step('build: esbuild', process.execPath, ['scripts/build.mjs']);
    const runner = join(root, 'scripts', 'integration', 'run.mjs');
    if (!existsSync(runner)) { summary.push('integration: no runner yet'); continue; }
    const tmp = mkdtempSync(join(tmpdir(), 'summit-int-'));
    const resultsFile = join(tmp, 'results.json');
    console.log('\n── integration: real VS Code (code-server + Chromium)');
    const r = spawnSync(process.execPath, [runner, '--results', resultsFile], { stdio: 'inherit' });
    recordResults('integration', resultsFile, r.status);
    rmSync(tmp, { recursive: true, force: true });
  }
}

console.log('\n' + summary.join('\n'));
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed ? 1 : 0);

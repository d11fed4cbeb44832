// `npm run test:electron`: the same integration suite (test/integration) in desktop VS Code via
// @vscode/test-electron, for machines that can download VS Code (it cannot on offline machines:
// use `npm run test:integration` there). Same flags as scripts/integration/run.mjs:
//   --grep REGEX, --files a.test.js,b.test.js, --results FILE, --keep
// Environment: VSCODE_VERSION (default `stable`). Linux without a display: `xvfb-run -a npm run test:electron`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureNodeModules } from './lib/deps.mjs';
import { ensureBuilt } from './lib/freshness.mjs';
import { removeProfile } from './lib/session.mjs';
import { prepareRun } from './integration/prepare.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    grep: { type: 'string' },
    files: { type: 'string' },
    results: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

ensureNodeModules(root);
ensureBuilt(root);
const { runTests } = await import('@vscode/test-electron');
const { profile, folder, run, optionsFile } = prepareRun(root, {
  grep: args.grep, files: args.files, color: !!process.stdout.isTTY, prefix: 'summit-electron-', console: true,
});

let code = 1;
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'integration', 'index.js'),
    extensionTestsEnv: { SUMMIT_RUN_OPTIONS: optionsFile },
    launchArgs: [folder, '--disable-extensions', '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions,
      '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-gpu'],
  });
  code = 0;
} catch (e) {
  // runTests rejects when the suite fails (run() rejects) and when VS Code cannot be downloaded.
  if (!existsSync(run.resultsFile)) {
    console.error(`test:electron: ${e?.message ?? e}\n` +
      'If VS Code could not be downloaded (offline machine), run `npm run test:integration` instead.');
  }
}
if (existsSync(run.resultsFile)) {
  const results = JSON.parse(readFileSync(run.resultsFile, 'utf8'));
  if (args.results) writeFileSync(args.results, JSON.stringify(results, null, 1));
  code = results.failed ? 1 : 0;
}
if (args.keep) console.log(`kept: ${profile.root}`);
else removeProfile(profile);
process.exit(code);

// What both integration runners (offline code-server: run.mjs; online Electron: test-electron.mjs)
// and the F5 "Integration tests" launch prepare: a fresh profile, a fresh copy of the fixture
// workspace, and the run-options file that test/integration/index.ts reads (next to the workspace
// folder, because environment variables may not reach the extension host).
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyWorkspace, freshProfile } from '../lib/session.mjs';

/**
 * @param {string} root repository root
 * @param {{ grep?: string, files?: string, color?: boolean, prefix?: string, console?: boolean }} options
 *   `console`: the host's stdout reaches the terminal (Electron), so no progress file is needed.
 *   `at`: a fixed folder instead of a new temporary one.
 *   `untrusted`: workspace trust on, the folder untrusted (Restricted Mode), only test/integration/untrusted.
 */
export function prepareRun(root, { grep, files, color = false, prefix = 'summit-int-', console: toConsole = false, at, untrusted = false } = {}) {
  const profile = freshProfile(prefix, { at, trust: untrusted });
  const folder = copyWorkspace(profile, join(root, 'test', 'integration', 'workspace'));
  const run = {
    resultsFile: join(profile.root, 'results.json'),
    progressFile: toConsole ? undefined : join(profile.root, 'progress.log'),
    currentFile: join(profile.root, 'current-test.txt'),
    logsDir: join(profile.userData, 'logs'),
    consoleLog: toConsole ? undefined : join(profile.root, 'browser-console.log'),
  };
  const optionsFile = join(profile.root, 'summit-run.json');
  writeFileSync(optionsFile, JSON.stringify({
    ...run,
    grep,
    files: files?.split(',').map((f) => f.trim()).filter(Boolean),
    color,
    untrusted,
  }, null, 1));
  return { profile, folder, run, optionsFile };
}

// `node scripts/integration/prepare.mjs DIR`: prepares DIR (the F5 "Integration tests" launch
// configuration uses .vscode-test/f5; its workspace is DIR/workspace).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const at = resolve(process.argv[2] ?? join(root, '.vscode-test', 'f5'));
  prepareRun(root, { at, console: true });
  console.log(`prepared ${join(at, 'workspace')}`);
}

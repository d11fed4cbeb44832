// The integration suite's last check fails on problems of ours in the VS Code logs. These tests pin
// down what counts as ours: a path into our extension, our id, our settings and commands; not a
// VS Code error whose stack happens to run through a folder named after the project.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { hostLogErrors, isOurEntry } from '../integration/hostLog';

const root = path.join(os.tmpdir(), 'checkout');
const hostFrame = 'file:///home/u/.cache/summit-notes/code-server-4.100.3/lib/vscode/out/vs/workbench/api/node/extensionHostProcess.js:219:6160';

describe('integration host log: which problems are ours', () => {
  it('does not blame us for a VS Code error whose stack runs through a folder named after the project', () => {
    const entry = `2026-12-06 14:33:17.373 [error] SyntaxError: Unexpected end of JSON input\n    at JSON.parse (<anonymous>)\n    at a5 (${hostFrame})`;
    assert.strictEqual(isOurEntry(entry, root), false);
  });

  it('blames us for a stack frame in our bundle, as a path or as a file URL', () => {
    const bundle = path.join(root, 'dist', 'extension.js');
    assert.strictEqual(isOurEntry(`[error] TypeError: x is undefined\n    at provideHover (${bundle}:10:5)`, root), true);
    assert.strictEqual(isOurEntry(`[error] TypeError: x\n    at f (file://${bundle.split(path.sep).join('/')}:1:2)`, root), true);
  });

  it('does not blame us for a module of our node_modules loaded by VS Code itself', () => {
    const dep = path.join(root, 'node_modules', 'mocha', 'lib', 'runner.js');
    assert.strictEqual(isOurEntry(`[error] Error: boom\n    at run (${dep}:3:4)`, root), false);
  });

  it('blames us where the words name us: our id, a setting, a command', () => {
    assert.strictEqual(isOurEntry("[error] Activating extension 'summit-notes.summit-notes' failed", root), true);
    assert.strictEqual(isOurEntry('[error] command summitNotes.annotateInitiative not found', root), true);
    assert.strictEqual(isOurEntry('[error] Error: something else broke', root), false);
  });

  it('reads log files: errors of ours and warnings filed under our id, not other warnings', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'host-log-'));
    try {
      const lines = [
        '2026-12-06 14:33:17.373 [error] SyntaxError: Unexpected end of JSON input',
        `    at a5 (${hostFrame})`,
        "2026-12-06 14:33:18.000 [warning] [summit-notes.summit-notes] property `when` is mandatory",
        '2026-12-06 14:33:18.100 [warning] summitNotes: a warning not filed under our id',
        `2026-12-06 14:33:19.000 [error] TypeError: boom\n    at f (${path.join(root, 'dist', 'extension.js')}:1:1)`,
      ];
      fs.writeFileSync(path.join(dir, 'exthost.log'), lines.join('\n') + '\n');
      const found = hostLogErrors(root, dir);
      assert.strictEqual(found.length, 2, found.join('\n---\n'));
      assert.match(found[0], /^exthost\.log: .*\[summit-notes\.summit-notes\] property/);
      assert.match(found[1], /TypeError: boom/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

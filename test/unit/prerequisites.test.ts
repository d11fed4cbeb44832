/**
 * `npm test` / `npm start` on a fresh machine: scripts/lib/prerequisites.mjs finds the missing
 * Debian packages and installs them or names the one line to run. Checked without removing anything:
 * SUMMIT_NOTES_PRETEND_MISSING makes packages look missing, SUMMIT_NOTES_PREREQUISITES=dry-run
 * stops short of apt-get, =ask takes the path of a machine without sudo.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const script = join(__dirname, '..', '..', '..', 'scripts', 'lib', 'prerequisites.mjs');

function run(args: string[], env: Record<string, string>): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Whether this machine may run apt-get (root or password-less sudo), as the script judges it. */
function mayInstall(): boolean {
  if (process.getuid?.() === 0) return true;
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}

describe('Debian prerequisites', function () {
  this.timeout(30000);

  it('without sudo, stops with the one apt-get line naming what is missing and why', () => {
    const r = run(['unit', 'browser'], { SUMMIT_NOTES_PRETEND_MISSING: 'pandoc,chromium', SUMMIT_NOTES_PREREQUISITES: 'ask' });
    assert.equal(r.status, 2);
    assert.match(r.out, /pandoc: the unit tests/);
    assert.match(r.out, /chromium: headless browser/);
    assert.match(r.out, /^ {2}sudo apt-get update && sudo apt-get install -y --no-install-recommends pandoc chromium$/m);
  });

  it('asks only for what the named part needs', () => {
    const r = run(['unit'], { SUMMIT_NOTES_PRETEND_MISSING: 'chromium,ripgrep', SUMMIT_NOTES_PREREQUISITES: 'ask' });
    assert.doesNotMatch(r.out, /chromium|ripgrep/);
  });

  it('with root or sudo says what it would install and why (dry run); without, names the line', () => {
    const r = run(['codeServer'], { SUMMIT_NOTES_PRETEND_MISSING: 'libkrb5-dev,ripgrep', SUMMIT_NOTES_PREREQUISITES: 'dry-run' });
    assert.match(r.out, /libkrb5-dev: Kerberos headers/);
    assert.match(r.out, /ripgrep: code-server's search binary/);
    if (mayInstall()) {
      assert.equal(r.status, 0, r.out);
      assert.match(r.out, /Would install the missing Debian packages \((as root|with sudo); dry run/);
    } else {
      assert.equal(r.status, 2, r.out);
      assert.match(r.out, /sudo apt-get install -y --no-install-recommends libkrb5-dev ripgrep$/m);
    }
  });

  it('rejects a part it does not know', () => {
    const r = run(['no-such-package'], {});
    assert.equal(r.status, 2);
    assert.match(r.out, /unknown prerequisite no-such-package/);
  });
});

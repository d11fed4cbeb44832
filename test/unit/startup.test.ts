/**
 * The start-up shell (src/extension/extension.ts) proxies every command the features register, so
 * that running one loads them first: the contributed ones come from package.json at run time, the
 * internal ones from its own list, which must name exactly what src/extension registers.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const extensionDir = join(root, 'src', 'extension');

/** Command ids registered by `registerCommand('…')` in src/extension (the features and the shell). */
function registeredCommands(): Set<string> {
  const ids = new Set<string>();
  for (const file of readdirSync(extensionDir).filter((f) => f.endsWith('.ts') && f !== 'extension.ts')) {
    const text = readFileSync(join(extensionDir, file), 'utf8');
    for (const m of text.matchAll(/registerCommand\(\s*'([^']+)'/g)) ids.add(m[1]);
    // Ids kept in a constant: `const NAME = 'summitNotes.…'` registered as registerCommand(NAME, …).
    for (const m of text.matchAll(/const (\w+) = '(summitNotes\.[^']+)'/g)) {
      if (new RegExp(`registerCommand\\(\\s*${m[1]}\\b`).test(text)) ids.add(m[2]);
    }
  }
  return ids;
}

/** The INTERNAL_COMMANDS list, read from the shell's source (loading it needs `vscode`). */
function internalList(): string[] {
  const text = readFileSync(join(extensionDir, 'extension.ts'), 'utf8');
  const list = /INTERNAL_COMMANDS: readonly string\[\] = \[([^\]]*)\]/.exec(text);
  assert.ok(list, 'extension.ts declares INTERNAL_COMMANDS');
  return [...list[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

describe('start-up shell', () => {
  const registered = registeredCommands();
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
  const contributed = new Set(manifest.contributes.commands.map((c) => c.command));

  it('finds the commands the extension registers', () => {
    assert.ok(registered.has('summitNotes.openBrief'));
    assert.ok(registered.has('summitNotes.newNotesFromArticle'), 'ids kept in constants are found too');
  });

  it('proxies every registered command: contributed in package.json or listed as internal', () => {
    const internal = new Set(internalList());
    const unproxied = [...registered].filter((id) => !contributed.has(id) && !internal.has(id));
    assert.deepEqual(unproxied, []);
  });

  it('lists as internal only commands that exist and are not contributed', () => {
    for (const id of internalList()) {
      assert.ok(registered.has(id), `${id} is registered`);
      assert.ok(!contributed.has(id), `${id} is not in package.json`);
    }
  });

  it('has every contributed command registered by some feature', () => {
    assert.deepEqual([...contributed].filter((id) => !registered.has(id)), []);
  });

  it('declares Restricted Mode and virtual workspaces as supported', () => {
    const { capabilities } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as
      { capabilities?: { untrustedWorkspaces?: { supported?: unknown }; virtualWorkspaces?: unknown } };
    assert.equal(capabilities?.untrustedWorkspaces?.supported, true);
    assert.equal(capabilities?.virtualWorkspaces, true);
  });
});

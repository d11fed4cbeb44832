/**
 * The start-up shell (src/extension/extension.ts) proxies every command the features register, so
 * that running one loads them first: the ids come from package.json at run time, so every command
 * a feature registers must be contributed there (the tests read the features through test hooks,
 * never through commands of their own).
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const extensionDir = join(root, 'src', 'extension');

/** Command ids registered by `registerCommand('…')` in src/extension (the features and the shell). */
function registeredCommands(): Set<string> {
  const ids = new Set<string>();
  const texts = readdirSync(extensionDir).filter((f) => f.endsWith('.ts') && f !== 'extension.ts').map((f) => readFileSync(join(extensionDir, f), 'utf8'));
  const all = texts.join('\n');
  for (const text of texts) {
    for (const m of text.matchAll(/registerCommand\(\s*'([^']+)'/g)) ids.add(m[1]);
    // Ids kept in a constant (`const NAME = 'summitNotes.…'`, in any file) registered as registerCommand(NAME, …).
    for (const m of text.matchAll(/const (\w+) = '(summitNotes\.[^']+)'/g)) {
      if (new RegExp(`registerCommand\\(\\s*${m[1]}\\b`).test(all)) ids.add(m[2]);
    }
  }
  return ids;
}

describe('start-up shell', () => {
  const registered = registeredCommands();
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
  const contributed = new Set(manifest.contributes.commands.map((c) => c.command));

  it('finds the commands the extension registers', () => {
    assert.ok(registered.has('summitNotes.openBrief'));
    assert.ok(registered.has('summitNotes.newNotesFromArticle'), 'ids kept in constants are found too');
  });

  it('registers only contributed commands, so the shell proxies every one', () => {
    assert.deepEqual([...registered].filter((id) => !contributed.has(id)), []);
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

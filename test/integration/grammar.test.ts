// The TextMate grammar inside the Markdown grammar of the running VS Code (the unit snapshots
// leave Markdown out so they do not change with it): spans, references and their continuations
// are injected into Markdown's paragraphs, lists, quotes and tables, and stay out of code.
// Tokenized with vscode-textmate + vscode-oniguruma, as the editor does, from the grammar files
// this VS Code and this extension contribute.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import * as vscode from 'vscode';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { EXTENSION_ID } from './helpers';

const ROOT_SCOPE = 'text.summit-notes';

interface GrammarContribution {
  readonly scopeName: string;
  readonly path: string;
}

/** The grammar file that the extension in `folder` contributes for `scopeName`. */
function grammarFile(folder: string, scopeName: string): string {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { contributes?: { grammars?: GrammarContribution[] } };
  const entry = manifest.contributes?.grammars?.find((g) => g.scopeName === scopeName);
  assert.ok(entry, `${folder} contributes ${scopeName}`);
  return join(folder, entry.path);
}

/**
 * Where an extension lives: ours from the extension API; VS Code's built-in Markdown support from
 * the application folder (a remote extension host does not list the built-in extensions that run
 * in the workbench).
 */
function extensionFolder(id: string, builtIn?: string): string {
  const extension = vscode.extensions.getExtension(id);
  if (extension) return extension.extensionPath;
  assert.ok(builtIn, `${id} is installed`);
  return join(vscode.env.appRoot, 'extensions', builtIn);
}

let grammarPromise: Promise<textmate.IGrammar> | undefined;
function grammar(): Promise<textmate.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const files: Record<string, string> = {
      [ROOT_SCOPE]: grammarFile(extensionFolder(EXTENSION_ID), ROOT_SCOPE),
      'text.html.markdown': grammarFile(extensionFolder('vscode.markdown-basics', 'markdown-basics'), 'text.html.markdown'),
    };
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      // YAML, HTML and the languages of fenced blocks: not what this test is about.
      loadGrammar: async (scopeName) => files[scopeName]
        ? textmate.parseRawGrammar(readFileSync(files[scopeName], 'utf8'), files[scopeName])
        : textmate.parseRawGrammar(JSON.stringify({ scopeName, patterns: [] }), `${scopeName}.json`),
    });
    const loaded = await registry.loadGrammar(ROOT_SCOPE);
    assert.ok(loaded);
    return loaded;
  })();
  return grammarPromise;
}

/** Each line's tokens as [text, scopes without the root and `.summit-notes`/`.markdown`]. */
async function tokenize(text: string): Promise<[string, string][][]> {
  const g = await grammar();
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const r = g.tokenizeLine(line, state, 10_000);
    assert.equal(r.stoppedEarly, false, line);
    state = r.ruleStack;
    return r.tokens.map((t): [string, string] => [
      line.slice(t.startIndex, t.endIndex),
      t.scopes.filter((s) => s !== ROOT_SCOPE).join(' ').replace(/\.(?:summit-notes|markdown)\b/g, ''),
    ]);
  });
}

const scopesOf = (line: [string, string][], text: string): string => line.find(([c]) => c === text)?.[1] ?? `(no token "${text}")`;

describe('grammar inside VS Code\'s Markdown grammar', () => {
  it('scopes spans in paragraphs, tables and emphasis, and nothing in code', async () => {
    const lines = await tokenize([
      'A [fund of [$2 bn]{.figure}]{.initiative #fund} and `[x]{.actor}`.',
      '',
      '| who | what |',
      '|---|---|',
      '| [Kazakhstan]{.actor} | [a bank]{.initiative} |',
      '',
      '[a **[bold]{.actor}** plan]{.initiative}',
      '',
      '```',
      '[code]{.actor}',
      'code]{.figure}',
      '```',
    ].join('\n'));
    assert.match(scopesOf(lines[0], '$2 bn'), /^meta\.paragraph meta\.annotation\.initiative .*meta\.annotation\.figure .*meta\.annotation\.content\.figure/);
    assert.match(scopesOf(lines[0], '[x]{.actor}'), /markup\.inline\.raw/);
    assert.doesNotMatch(scopesOf(lines[0], '[x]{.actor}'), /annotation/);
    assert.match(scopesOf(lines[4], 'Kazakhstan'), /^markup\.table meta\.annotation\.actor/);
    assert.match(scopesOf(lines[6], 'bold'), /meta\.annotation\.initiative .*markup\.bold meta\.annotation\.actor .*meta\.annotation\.content\.actor/);
    for (const line of lines.slice(8)) assert.ok(line.every(([, t]) => !t.includes('annotation')), JSON.stringify(line));
  });

  it('scopes the last line of spans and references broken over lines, in lists and quotes too', async () => {
    const lines = await tokenize(readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'grammar', 'multi-line-spans.summit.md'), 'utf8'));
    const line = (start: string): [string, string][] => {
      const found = lines.find((l) => l.map(([c]) => c).join('').startsWith(start));
      assert.ok(found, start);
      return found;
    };
    assert.match(scopesOf(line('to be finished'), 'to be finished by 2030'), /meta\.annotation\.initiative .*meta\.annotation\.continuation meta\.annotation\.content\.initiative/);
    assert.match(scopesOf(line('to be finished'), 'rail-corridor'), /meta\.annotation\.initiative .*entity\.name\.tag\.id/);
    assert.match(scopesOf(line('plan]('), 'rail-corridor'), /meta\.reference .*entity\.name\.tag\.id\.reference/);
    // In a list item and a quote the continuation starts after the indentation and the `>`.
    assert.match(scopesOf(line('  to the next line'), 'to the next line'), /^markup\.list\.unnumbered meta\.paragraph meta\.annotation\.initiative/);
    assert.match(scopesOf(line('> billion'), 'billion'), /^markup\.quote meta\.paragraph meta\.annotation\.figure/);
    assert.doesNotMatch(scopesOf(line('> billion'), '>'), /annotation/);
    assert.ok(line('\\[literal]').every(([, t]) => !t.includes('annotation')));
  });

  it("scopes a setext heading's {#id} above Markdown's underline", async () => {
    const lines = await tokenize('Экономика {#ekonomika}\n=========\n');
    assert.match(scopesOf(lines[0], 'ekonomika'), /^meta\.paragraph meta\.attributes .*entity\.name\.tag\.id/);
    assert.match(scopesOf(lines[1], '========='), /markup\.heading\.setext\.1/);
  });
});

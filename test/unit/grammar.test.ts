/**
 * Snapshot tests of the TextMate grammar's token scopes (as VS Code's own colorize tests do).
 * Each `test/fixtures/grammar/NAME.summit.md` is tokenized and compared with `NAME.scopes.json`.
 * Regenerate with `UPDATE_SNAPSHOTS=1 npx mocha out/test/unit/grammar.test.js`, then review the diff.
 *
 * External grammars (Markdown, YAML) are not in node_modules, so the registry answers them with
 * nothing: the snapshots hold only our own scopes, and they do not change when VS Code's
 * Markdown grammar does.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = join(__dirname, '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'grammar');
const grammarPath = join(root, 'syntaxes', 'summit-notes.tmLanguage.json');
const ROOT_SCOPE = 'text.summit-notes';

/** One token of a snapshot: its text and its scopes below the root, space-separated. */
interface TokenSnapshot {
  readonly c: string;
  readonly t: string;
}

let registryPromise: Promise<textmate.Registry> | undefined;
function registry(): Promise<textmate.Registry> {
  registryPromise ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const onigLib: Promise<textmate.IOnigLib> = Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    });
    return new textmate.Registry({
      onigLib,
      // Any other scope (Markdown, YAML) gets an empty grammar: vscode-textmate drops a rule whose
      // include it cannot resolve at all, which would hide the front matter rule.
      loadGrammar: async (scopeName) => scopeName === ROOT_SCOPE
        ? textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath)
        : textmate.parseRawGrammar(JSON.stringify({ scopeName, patterns: [] }), `${scopeName}.json`),
    });
  })();
  return registryPromise;
}

async function grammar(): Promise<textmate.IGrammar> {
  const g = await (await registry()).loadGrammar(ROOT_SCOPE);
  assert.ok(g, 'grammar loads');
  return g;
}

/** Tokenizes `text` line by line, as the editor does; the time limit turns a slow regex into a failure. */
function tokenize(g: textmate.IGrammar, text: string): TokenSnapshot[][] {
  let state = textmate.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const r = g.tokenizeLine(line, state, 10000);
    assert.equal(r.stoppedEarly, false, `tokenizing stopped early on: ${line.slice(0, 80)}`);
    state = r.ruleStack;
    return r.tokens.map((tok) => ({
      c: line.slice(tok.startIndex, tok.endIndex),
      t: tok.scopes.filter((s) => s !== ROOT_SCOPE).join(' '),
    }));
  });
}

/** Every scope that covers the first occurrence of `needle` in a one-line text. */
function scopesAt(g: textmate.IGrammar, line: string, needle: string): string[] {
  const at = line.indexOf(needle);
  assert.ok(at >= 0, `${needle} is in the line`);
  const r = g.tokenizeLine(line, textmate.INITIAL);
  const tok = r.tokens.find((t) => t.startIndex <= at && at < t.endIndex);
  assert.ok(tok);
  return tok.scopes;
}

describe('grammar', () => {
  describe('snapshots', () => {
    const names = readdirSync(fixtures).filter((f) => f.endsWith('.summit.md')).sort();
    it('has fixtures', () => assert.ok(names.length >= 3));
    for (const name of names) {
      it(name, async () => {
        const actual = tokenize(await grammar(), readFileSync(join(fixtures, name), 'utf8'));
        const snapshot = join(fixtures, name.replace(/\.summit\.md$/, '.scopes.json'));
        if (process.env.UPDATE_SNAPSHOTS || !existsSync(snapshot)) {
          writeFileSync(snapshot, JSON.stringify(actual, null, 1) + '\n');
        }
        assert.deepEqual(actual, JSON.parse(readFileSync(snapshot, 'utf8')));
      });
    }
  });

  describe('scopes', () => {
    it('gives each annotation kind its own scope', async () => {
      const g = await grammar();
      const line = '[Kazakhstan]{.actor} backs [a bank]{.initiative #bank} worth [$5 bn]{.figure}.';
      assert.ok(scopesAt(g, line, 'Kazakhstan').includes('meta.annotation.actor.summit-notes'));
      assert.ok(scopesAt(g, line, 'a bank').includes('meta.annotation.initiative.summit-notes'));
      assert.ok(scopesAt(g, line, '$5 bn').includes('meta.annotation.figure.summit-notes'));
      assert.ok(scopesAt(g, line, 'bank}').includes('entity.name.tag.id.summit-notes'));
    });

    it('nests a figure inside an initiative', async () => {
      const scopes = scopesAt(await grammar(), '[fund of [$1 bn]{.figure} for AI]{.initiative}', '$1');
      const initiative = scopes.indexOf('meta.annotation.initiative.summit-notes');
      const figure = scopes.indexOf('meta.annotation.figure.summit-notes');
      assert.ok(initiative >= 0 && figure > initiative, scopes.join(' '));
    });

    it('scopes key=value pairs, quoted values and their escapes', async () => {
      const g = await grammar();
      const line = '[x]{.figure metric="trade \\"intra\\"" year=2024}';
      assert.ok(scopesAt(g, line, 'metric').includes('entity.other.attribute-name.summit-notes'));
      assert.ok(scopesAt(g, line, 'trade').includes('string.quoted.double.summit-notes'));
      assert.ok(scopesAt(g, line, '\\"').includes('constant.character.escape.summit-notes'));
      assert.ok(scopesAt(g, line, '2024').includes('string.unquoted.summit-notes'));
    });

    it('keeps Cyrillic ids and classes whole', async () => {
      const g = await grammar();
      const line = '[Офис ШОС]{.initiative #офис-шос .важное}';
      assert.ok(scopesAt(g, line, 'офис-шос').includes('entity.name.tag.id.summit-notes'));
      assert.ok(scopesAt(g, line, 'важное').includes('entity.other.attribute-name.class.summit-notes'));
    });

    it('leaves brackets without an attribute block, and escaped spans, alone', async () => {
      const g = await grammar();
      for (const line of ['[just brackets] and {braces}', '\\[not a span]{.actor}']) {
        const r = g.tokenizeLine(line, textmate.INITIAL);
        const scopes = r.tokens.flatMap((t) => t.scopes);
        assert.ok(!scopes.some((s) => s.startsWith('meta.annotation')), line);
      }
    });

    it('scopes a reference and its target id', async () => {
      const scopes = scopesAt(await grammar(), 'see [the bank](#sco-bank).', 'sco-bank');
      assert.ok(scopes.includes('markup.underline.link.reference.summit-notes'));
      assert.ok(scopes.includes('entity.name.tag.id.reference.summit-notes'));
    });

    it('embeds the front matter as YAML only at the top of the file', async () => {
      const g = await grammar();
      const [fm, later] = [tokenize(g, '---\ntitle: x\n---\n'), tokenize(g, 'text\n---\ntitle: x\n---\n')];
      assert.ok(fm[1][0].t.includes('meta.embedded.block.frontmatter'));
      assert.ok(!later[2].some((tok) => tok.t.includes('frontmatter')));
    });
  });

  describe('pathological lines stay fast', () => {
    // The tokenizer's time limit per line (stoppedEarly) is the guard, not a timing assertion:
    // catastrophic backtracking takes minutes, so a generous limit never trips on a busy machine.
    const lines: Record<string, string> = {
      '20k [': '['.repeat(20000),
      '20k {': '{'.repeat(20000),
      '20k ]{': ']{'.repeat(10000),
      'unclosed span, long': '[' + 'a '.repeat(10000) + ']{.initiative',
      'unclosed quote': '[x]{.figure note="' + 'a'.repeat(20000),
      'many short spans': '[a]{.actor} '.repeat(1000),
      'many quoted values': '[a]{.figure note="x"} '.repeat(1000),
      'deep nesting': '['.repeat(500) + 'x' + ']{.figure}'.repeat(500),
      'heading of braces': '# ' + '{ '.repeat(10000),
    };
    for (const [name, line] of Object.entries(lines)) {
      it(name, async () => {
        const r = (await grammar()).tokenizeLine(line, textmate.INITIAL, 10000);
        assert.equal(r.stoppedEarly, false);
      });
    }
  });

  it('committed JSON matches syntaxes/build-grammar.mjs', () => {
    const r = spawnSync(process.execPath, [join(root, 'syntaxes', 'build-grammar.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
});

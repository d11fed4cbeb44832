/**
 * Snapshot tests of the TextMate grammar's token scopes (as VS Code's own colorize tests do).
 * Each `test/fixtures/grammar/NAME.summit.md` is tokenized and compared with `NAME.scopes.json`.
 * Regenerate with `UPDATE_SNAPSHOTS=1 npx mocha out/test/unit/grammar.test.js`, then review the diff.
 *
 * External grammars (Markdown, YAML) are not in node_modules, so the registry answers them with
 * nothing (test/support/textmateGrammar.ts): the snapshots hold only our own scopes, and they do not change when VS Code's
 * Markdown grammar does.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import * as textmate from 'vscode-textmate';
import { seededRandom } from '../support/random';
import { ROOT_SCOPE, loadGrammar } from '../support/textmateGrammar';

const root = join(__dirname, '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'grammar');
const grammarPath = join(root, 'syntaxes', 'summit-notes.tmLanguage.json');

/** One token of a snapshot: its text and its scopes below the root, space-separated. */
interface TokenSnapshot {
  readonly c: string;
  readonly t: string;
}

let grammarPromise: Promise<textmate.IGrammar> | undefined;
function grammar(): Promise<textmate.IGrammar> {
  grammarPromise ??= loadGrammar(grammarPath);
  return grammarPromise;
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

/**
 * Tokenizes `docs` (each a list of lines) in a child process with vscode-textmate's debug mode on,
 * the only mode in which it reports a grammar stuck in a loop (a rule pushing itself, or pushing
 * and popping, without advancing: it then silently gives up on the rest of the line). Returns
 * those reports, the number of lines tokenized and how many hit the time limit.
 */
function endlessLoopReport(docs: readonly (readonly string[])[]): { loops: string[]; lines: number; stoppedEarly: number } {
  const child = `
    const { readFileSync } = require('node:fs');
    const textmate = require(${JSON.stringify(require.resolve('vscode-textmate'))});
    const { loadGrammar } = require(${JSON.stringify(require.resolve('../support/textmateGrammar'))});
    const loops = [];
    console.log = () => {};
    console.error = (...args) => { const m = args.join(' '); if (/endless loop/.test(m)) loops.push(m); };
    (async () => {
      const grammar = await loadGrammar(${JSON.stringify(grammarPath)});
      let lines = 0, stoppedEarly = 0;
      for (const doc of JSON.parse(readFileSync(0, 'utf8'))) {
        let state = textmate.INITIAL;
        for (const line of doc) {
          const r = grammar.tokenizeLine(line, state, 10000);
          state = r.ruleStack; lines++; if (r.stoppedEarly) stoppedEarly++;
        }
      }
      process.stdout.write(JSON.stringify({ loops, lines, stoppedEarly }));
    })();`;
  const r = spawnSync(process.execPath, ['-e', child], {
    input: JSON.stringify(docs), encoding: 'utf8', env: { ...process.env, VSCODE_TEXTMATE_DEBUG: '1' }, maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { loops: string[]; lines: number; stoppedEarly: number };
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

    it('scopes the end of a span begun on an earlier line: kind, id and attributes', async () => {
      const [, second] = tokenize(await grammar(), 'The office [at the financial\ncentre]{.initiative #office status=proposed} opened.');
      const scopesOf = (text: string): string => second.find((tok) => tok.c === text)?.t ?? '';
      assert.match(scopesOf('centre'), /meta\.annotation\.initiative\.summit-notes .*meta\.annotation\.content\.initiative\.summit-notes/);
      assert.match(scopesOf(']'), /meta\.annotation\.initiative\.summit-notes .*punctuation\.definition\.annotation\.end/);
      assert.match(scopesOf('office'), /meta\.annotation\.initiative\.summit-notes .*entity\.name\.tag\.id\.summit-notes/);
      assert.match(scopesOf('proposed'), /string\.unquoted\.summit-notes/);
      assert.equal(scopesOf(' opened.'), '');
    });

    it('scopes the end of a reference begun on an earlier line', async () => {
      const [, second] = tokenize(await grammar(), 'as [the office\nabove](#office) said');
      assert.ok(second.some((tok) => tok.c === 'office' && tok.t.includes('entity.name.tag.id.reference.summit-notes')), JSON.stringify(second));
      assert.ok(second.some((tok) => tok.c === 'above' && tok.t.includes('string.other.link.title.summit-notes')));
    });

    it('reads only the first `]{…}` of a line as the end of a span begun earlier, and none after an escaped bracket', async () => {
      const g = await grammar();
      const [escaped] = tokenize(g, 'x \\[not a span]{.actor}');
      assert.ok(escaped.every((tok) => !tok.t.includes('meta.annotation')), JSON.stringify(escaped));
      // Of two spans begun on earlier lines, only the first end is recognised (a documented limit).
      const [tokens] = tokenize(g, 'inner]{.figure} outer]{.initiative}');
      assert.ok(tokens.some((tok) => tok.c === 'figure' && tok.t.includes('meta.annotation.figure')));
      assert.ok(!tokens.some((tok) => tok.t.includes('meta.annotation.initiative')));
    });

    it('nests spans 21 deep (Oniguruma allows 20 nested calls of the bracket group inside one span)', async () => {
      const g = await grammar();
      const nest = (depth: number): string => {
        let text = 'core';
        for (let i = 1; i < depth; i++) text = `[${text}]{.actor}`;
        return `[${text}]{.initiative #outer}`;
      };
      const deepest = (line: string): number => {
        const core = g.tokenizeLine(line, textmate.INITIAL).tokens.find((tok) => line.slice(tok.startIndex, tok.endIndex) === 'core');
        return core?.scopes.filter((sc) => sc.startsWith('meta.annotation.content.')).length ?? 0;
      };
      assert.equal(deepest(nest(21)), 21);
      assert.ok(scopesAt(g, nest(21), 'outer').includes('meta.annotation.initiative.summit-notes'));
      // Deeper, the outermost span is left to Markdown; the inner ones are still scoped.
      assert.equal(deepest(nest(22)), 21);
      assert.ok(!scopesAt(g, nest(22), 'outer').includes('meta.annotation.initiative.summit-notes'));
    });

    it("scopes a setext heading's trailing {#id}, not a class block or a block inside the line", async () => {
      const g = await grammar();
      const [title] = tokenize(g, 'Экономика {#ekonomika}\n=========');
      assert.ok(title.some((tok) => tok.c === 'ekonomika' && tok.t.includes('entity.name.tag.id.summit-notes')), JSON.stringify(title));
      for (const line of ['an unclosed [span {.actor}', 'an id {#mid} inside a line']) {
        assert.ok(tokenize(g, line)[0].every((tok) => !tok.t.includes('meta.attributes')), line);
      }
    });

    it('never loops or gives up on random lines of brackets, braces, escapes and markers', () => {
      const pieces = ['[', ']', '{', '}', '{.actor}', ']{.figure #x}', '](#id)', '\\[', '\\]', '**', '`', ' ', 'a', 'Ж', '#', '"', '=', '> ', '- ', '{#h}', '[a]{.actor}'];
      const random = seededRandom(11);
      const docs = Array.from({ length: 100 }, () => Array.from({ length: 12 }, () =>
        Array.from({ length: Math.floor(random() * 24) }, () => pieces[Math.floor(random() * pieces.length)]).join('')));
      const result = endlessLoopReport(docs);
      assert.deepEqual(result.loops, [], 'a rule pushed itself (or pushed and popped) without advancing');
      assert.equal(result.stoppedEarly, 0);
      assert.equal(result.lines, 1200);
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
      'spans 21 deep, many': ('['.repeat(21) + 'x' + ']{.actor}'.repeat(21) + ' ').repeat(200),
      'unclosed [ before many bracket pairs': '[ [x] '.repeat(5000),
      'a line ending a span, then many tails': 'text]{.figure #f}' + ' more]{.figure #f metric="m"}'.repeat(5000),
      'continuation-like line without its ]': 'a [b] '.repeat(5000) + '{.actor}',
      'heading of braces': '# ' + '{ '.repeat(10000),
      'paragraph line of id blocks': '{#a} '.repeat(10000),
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

/**
 * The TextMate grammar's speed with vscode-textmate + vscode-oniguruma (what VS Code runs): the
 * pathological lines of test/unit/grammar.test.ts and a few more, and a generated 1 MB notes file
 * tokenized line by line. Two setups: the grammar alone (other grammars empty, as in the unit
 * tests) and, when VS Code's own Markdown grammar is at hand (the code-server the integration
 * tests install), inside Markdown as in the editor, where the spans are injected into paragraphs.
 *   --grammar=PATH   measure this grammar JSON instead of syntaxes/summit-notes.tmLanguage.json
 *   --compare=PATH   also measure this one (e.g. `git show HEAD:syntaxes/summit-notes.tmLanguage.json`)
 *                    in the same run, alternately, and print the ratio (grammar / compare)
 *   --quick          fewer runs
 * Times are medians of the process's CPU time (user + system) per run, which a busy shared machine
 * disturbs far less than wall time (tokenizing is synchronous and single-threaded); the verdict
 * to read is the ratio and the absence of "stopped early" (the tokenizer gave up on a line).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import * as textmate from 'vscode-textmate';
import { loadGrammar } from '../test/support/textmateGrammar';
import { fixed, notesText, printTable } from './harness';

const root = join(__dirname, '..', '..');
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = argv.includes('--quick');
/** The per-line time limit VS Code gives the tokenizer is 500 ms; this one only guards the bench. */
const LINE_LIMIT_MS = 20_000;

/** VS Code's Markdown grammar inside the code-server that scripts/lib/codeServer.mjs installs. */
function markdownGrammarPath(): string | undefined {
  const cache = process.env.SUMMIT_NOTES_CACHE ?? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'summit-notes');
  const path = join(cache, 'code-server-4.100.3', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json');
  return existsSync(path) ? path : undefined;
}

/** Tokenizes `lines` in order (state carried over); the CPU time and whether a line stopped early. */
function tokenizeAll(grammar: textmate.IGrammar, lines: readonly string[]): { ms: number; stopped: boolean } {
  let state = textmate.INITIAL;
  let stopped = false;
  const before = process.cpuUsage();
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, state, LINE_LIMIT_MS);
    stopped ||= r.stoppedEarly;
    state = r.ruleStack;
  }
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, stopped };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The inputs: one long line each, or a whole file split in lines. */
function inputs(): [string, string[]][] {
  const lines: Record<string, string> = {
    '20k [': '['.repeat(20000),
    '20k {': '{'.repeat(20000),
    '20k ]{': ']{'.repeat(10000),
    'unclosed span, long': '[' + 'a '.repeat(10000) + ']{.initiative',
    'unclosed quote': '[x]{.figure note="' + 'a'.repeat(20000),
    '8000 short spans': '[a]{.actor} '.repeat(8000),
    '1000 quoted values': '[a]{.figure note="x"} '.repeat(1000),
    '1000 spans 3 deep': '[a [b [c]{.actor} d]{.figure} e]{.initiative} '.repeat(1000),
    'deep nesting 500': '['.repeat(500) + 'x' + ']{.figure}'.repeat(500),
    '5000 unclosed [ with [x]': '[ [x] '.repeat(5000),
    '5000 tails ]{…}': 'text]{.figure #f metric="m"} '.repeat(5000),
    'heading of braces': '# ' + '{ '.repeat(10000),
    'setext of braces': '{ '.repeat(10000) + '\n===',
  };
  const list: [string, string[]][] = Object.entries(lines).map(([name, text]) => [name, text.split('\n')]);
  const lineBreaks = Array.from({ length: 2000 }, (_, i) => `[span number ${i} starts here and\ngoes on]{.figure #f${i} year=2024} then text.`).join('\n');
  list.push(['2000 spans over two lines', lineBreaks.split('\n')]);
  list.push(['generated notes 1 MB (en)', notesText(1, 'en').split('\n')]);
  list.push(['generated notes 1 MB (ru)', notesText(1, 'ru').split('\n')]);
  return list;
}

async function main(): Promise<void> {
  const grammarPath = resolve(option('grammar') ?? join(root, 'syntaxes', 'summit-notes.tmLanguage.json'));
  const comparePath = option('compare') === undefined ? undefined : resolve(option('compare') as string);
  const markdown = markdownGrammarPath();
  const runs = quick ? 3 : 5;
  const setups: [string, string | undefined][] = [['alone', undefined], ...(markdown ? [['in Markdown', markdown] as [string, string]] : [])];
  if (!markdown) console.log('(VS Code\'s Markdown grammar not found: run an integration test once to install code-server; measuring the grammar alone)');
  for (const [setup, md] of setups) {
    const ours = await loadGrammar(grammarPath, md ? { 'text.html.markdown': md } : {});
    const theirs = comparePath ? await loadGrammar(comparePath, md ? { 'text.html.markdown': md } : {}) : undefined;
    const rows: string[][] = [['input', 'grammar CPU ms', ...(theirs ? ['compare CPU ms', 'ratio'] : [])]];
    for (const [name, lines] of inputs()) {
      const a: number[] = [];
      const b: number[] = [];
      let stoppedA = false;
      let stoppedB = false;
      // Alternately, after one warm-up each (the scanners compile on first use).
      tokenizeAll(ours, lines);
      if (theirs) tokenizeAll(theirs, lines);
      for (let i = 0; i < runs; i++) {
        const ra = tokenizeAll(ours, lines);
        a.push(ra.ms);
        stoppedA ||= ra.stopped;
        if (theirs) {
          const rb = tokenizeAll(theirs, lines);
          b.push(rb.ms);
          stoppedB ||= rb.stopped;
        }
      }
      const cell = (ms: number, stopped: boolean): string => `${fixed(ms)}${stopped ? ' (stopped early)' : ''}`;
      rows.push([name, cell(median(a), stoppedA), ...(theirs ? [cell(median(b), stoppedB), `${fixed(median(a) / median(b), 2)}×`] : [])]);
    }
    console.log(`\ngrammar ${setup}: ${grammarPath}${comparePath ? ` vs ${comparePath}` : ''} (median of ${runs})\n`);
    printTable(rows);
  }
}

void main();

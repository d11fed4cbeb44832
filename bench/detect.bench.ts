/**
 * Detection throughput on generated plain text (the bench notes with their markup taken out):
 * figures alone, the rule-based initiative candidates alone (what suggested initiatives were before
 * the learned scorer), initiative suggestions with the scorer, and both together as the editor and
 * `detect` run them, side by side in CPU time with markdown-it's `parse` of the same text as the
 * reference. The goal is ≥ 10 MB/s for figures + initiatives on 10 MB (docs/DETECTION.md).
 */
import MarkdownIt from 'markdown-it';
import { detectFigures, suggestInitiatives } from '../src/core/detect';
import { ruleCandidates } from '../src/core/detect/initiatives';
import { benchArgs, fixed, mbPerSecond, measureSideBySide, notesText, printTable, utf8Bytes } from './harness';

const args = benchArgs();
const md = new MarkdownIt();

/** The generated notes as plain prose: no front matter, no `{…}` attributes, no span brackets. */
function plainText(sizeMb: number, language: 'ru' | 'en'): string {
  const notes = notesText(sizeMb, language);
  const body = notes.startsWith('---') ? notes.slice(notes.indexOf('\n---', 3) + 4) : notes;
  return body.replace(/\{[^}\n]*\}/g, '').replace(/\(see [^)\n]*\)/g, '').replace(/[[\]]/g, '');
}

/** The goal for figures + initiatives (docs/DETECTION.md). */
const GOAL_MB_PER_SECOND = 10;

const verdicts: string[] = [];
const rows: string[][] = [['input', 'figures MB/s', 'rules only MB/s', 'initiatives MB/s', 'figures + initiatives MB/s', 'markdown-it MB/s', 'ratio']];
for (const sizeMb of args.sizesMb) {
  for (const language of ['ru', 'en'] as const) {
    const text = plainText(sizeMb, language);
    const bytes = utf8Bytes(text);
    const runs = args.quick || sizeMb >= 10 ? 3 : 7;
    const t = measureSideBySide({
      figures: () => detectFigures(text, language),
      rules: () => ruleCandidates(text, language),
      initiatives: () => suggestInitiatives(text, language),
      // As `detectInNotes` runs them: the rules read counts from the figures already detected.
      both: () => {
        const figures = detectFigures(text, language);
        return [figures, suggestInitiatives(text, language, undefined, { figures })];
      },
      markdownIt: () => md.parse(text, {}),
    }, runs, 1);
    const both = mbPerSecond(bytes, t.both.medianMs);
    const theirs = mbPerSecond(bytes, t.markdownIt.medianMs);
    verdicts.push(`${language} ${fixed(bytes / 1e6)} MB: figures + initiatives ${fixed(both)} MB/s, markdown-it ${fixed(theirs)} MB/s in the same run: `
      + `goal ≥ ${GOAL_MB_PER_SECOND} MB/s ${both >= GOAL_MB_PER_SECOND ? 'met' : 'NOT met'}`);
    rows.push([
      `${language} ${fixed(bytes / 1e6)} MB`, fixed(mbPerSecond(bytes, t.figures.medianMs)), fixed(mbPerSecond(bytes, t.rules.medianMs)),
      fixed(mbPerSecond(bytes, t.initiatives.medianMs)), fixed(both), fixed(theirs), `${fixed(both / theirs, 2)}×`,
    ]);
  }
}
console.log('\nDetection on generated plain text vs markdown-it, in CPU time (lower quartile of interleaved runs)\n');
printTable(rows);
console.log('');
for (const v of verdicts) console.log(v);

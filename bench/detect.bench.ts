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
function stripMarkup(notes: string): string {
  const body = notes.startsWith('---') ? notes.slice(notes.indexOf('\n---', 3) + 4) : notes;
  return body.replace(/\{[^}\n]*\}/g, '').replace(/\(see [^)\n]*\)/g, '').replace(/[[\]]/g, '');
}

/**
 * `sizeMb` of plain text, as the goal is stated ("10 MB of generated plain text"): the markup is
 * about half of the generated notes, so notes about twice the size are generated and the prose is
 * cut at the last line break within the size.
 */
function plainText(sizeMb: number, language: 'ru' | 'en'): string {
  const want = Math.round(sizeMb * 1e6);
  let notesMb = sizeMb * 2;
  let text = stripMarkup(notesText(notesMb, language));
  while (utf8Bytes(text) < want) {
    notesMb *= 1.25;
    text = stripMarkup(notesText(notesMb, language));
  }
  // The longest prefix within the size (Cyrillic takes two bytes a character).
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (utf8Bytes(text.slice(0, mid)) <= want) low = mid;
    else high = mid - 1;
  }
  const end = low;
  const lineEnd = text.lastIndexOf('\n', end);
  return text.slice(0, lineEnd > 0 ? lineEnd + 1 : end);
}

/** The goal for figures + initiatives (docs/DETECTION.md), judged on this much plain text and more. */
const GOAL_MB_PER_SECOND = 10;
const GOAL_SIZE_MB = 10;

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
    const verdict = sizeMb < GOAL_SIZE_MB ? `no verdict (the goal is judged on ${GOAL_SIZE_MB} MB)`
      : `goal ≥ ${GOAL_MB_PER_SECOND} MB/s ${both >= GOAL_MB_PER_SECOND ? 'met' : 'NOT met'}`;
    verdicts.push(`${language} ${fixed(bytes / 1e6)} MB: figures + initiatives ${fixed(both)} MB/s, markdown-it ${fixed(theirs)} MB/s in the same run: ${verdict}`);
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

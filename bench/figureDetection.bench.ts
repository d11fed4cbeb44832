/**
 * detectFigures on plain running text (the generated notes with their annotation markup removed,
 * so every figure is unannotated), in MB/s, side by side with markdown-it's `parse` on the same
 * text. The goal (≥ 10 MB/s on 10 MB) is read from this table, never asserted in the suite.
 */
import MarkdownIt from 'markdown-it';
import { detectFigures } from '../src/core/detect';
import { benchArgs, fixed, mbPerSecond, measureSideBySide, notesText, printTable, utf8Bytes } from './harness';

const args = benchArgs();
const md = new MarkdownIt();

/** The notes' prose without `[`, `]{…}` and front matter: what an analyst pastes in before annotating. */
function plainText(notes: string): string {
  return notes.replace(/^---\n[\s\S]*?\n---\n/u, '').replace(/\]\{[^}\n]*\}/gu, '').replace(/\[/gu, '');
}

const rows: string[][] = [['input', 'MB', 'figures', 'detectFigures MB/s', 'markdown-it MB/s', 'ratio']];
for (const sizeMb of args.sizesMb) {
  for (const language of ['ru', 'en'] as const) {
    // Repeated up to the size asked for: the markup removed is about half of a notes file.
    const prose = plainText(notesText(sizeMb, language));
    let text = prose;
    while (utf8Bytes(text) < sizeMb * 1e6) text += `\n${prose}`;
    text = text.slice(0, Math.round(text.length * (sizeMb * 1e6) / utf8Bytes(text)));
    const bytes = utf8Bytes(text);
    const count = detectFigures(text, language).length;
    const runs = args.quick || sizeMb < 10 ? 9 : 5;
    const t = measureSideBySide({
      detect: () => detectFigures(text, language),
      markdownIt: () => md.parse(text, {}),
    }, runs, 2);
    const ours = mbPerSecond(bytes, t.detect.medianMs);
    const theirs = mbPerSecond(bytes, t.markdownIt.medianMs);
    rows.push([`${language} ${sizeMb} MB`, fixed(bytes / 1e6), String(count), fixed(ours), fixed(theirs), `${fixed(ours / theirs, 2)}×`]);
  }
}
console.log('\ndetectFigures on plain text vs markdown-it (median of interleaved runs)\n');
printTable(rows);

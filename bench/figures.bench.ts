/**
 * parseFigure on every `.figure` span of the generated notes (µs per figure), and parseNotes
 * against markdown-it's `parse` in CPU time after a longer warm-up than parse.bench.ts gives.
 * On a loaded machine wall-clock medians of three cold runs swing by 2×; CPU time of warm runs,
 * interleaved so both sides see the same load, gives the steadier ratio (issue 3's 10× goal).
 */
import MarkdownIt from 'markdown-it';
import { parseNotes } from '../src/core';
import { parseFigure } from '../src/core/figures';
import { benchArgs, fixed, mbPerSecond, notesText, printTable, utf8Bytes } from './harness';

const args = benchArgs();
const md = new MarkdownIt();

function cpuMs(fn: () => unknown): number {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

/** The value a quarter of the way up: steadier than the median under load, less lucky than the minimum. */
function lowerQuartile(values: number[]): number {
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 4)];
}

const rows: string[][] = [['input', 'figures', 'parseFigure µs', 'parseNotes MB/s (CPU)', 'markdown-it MB/s (CPU)', 'ratio']];
for (const sizeMb of args.sizesMb) {
  for (const language of ['ru', 'en'] as const) {
    const text = notesText(sizeMb, language);
    const bytes = utf8Bytes(text);
    const model = parseNotes(text);
    const figureTexts = model.figures.map((f) => f.annotation.plainText);
    const rounds = args.quick ? 20 : 50;
    const perFigure: number[] = [];
    for (let r = 0; r < rounds; r++) {
      perFigure.push(cpuMs(() => { for (const t of figureTexts) parseFigure(t, model.language); }) * 1000 / figureTexts.length);
    }
    const runs = args.quick || sizeMb < 10 ? 15 : 5;
    const ours: number[] = [];
    const theirs: number[] = [];
    // Warm both up, then interleave.
    parseNotes(text);
    md.parse(text, {});
    for (let r = 0; r < runs; r++) {
      ours.push(cpuMs(() => parseNotes(text)));
      theirs.push(cpuMs(() => md.parse(text, {})));
    }
    const ourMbps = mbPerSecond(bytes, lowerQuartile(ours));
    const theirMbps = mbPerSecond(bytes, lowerQuartile(theirs));
    rows.push([
      `${language} ${sizeMb} MB`, String(figureTexts.length), fixed(lowerQuartile(perFigure), 2), fixed(ourMbps), fixed(theirMbps),
      `${fixed(ourMbps / theirMbps, 2)}×`,
    ]);
  }
}
console.log('\nparseFigure per figure and parseNotes vs markdown-it in CPU time (lower quartile of warm runs)\n');
printTable(rows);

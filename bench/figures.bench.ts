/**
 * parseFigure on every `.figure` span of the generated notes (µs per figure), and — side by side
 * in CPU time, after a longer warm-up than parse.bench.ts gives — parseNotes alone and parseNotes
 * followed by reading every figure's value (what the brief, the hovers and the figure-without-value
 * diagnostics need), against markdown-it's `parse`. The generator draws the figures' numbers at
 * random, so no two figures need read alike.
 */
import MarkdownIt from 'markdown-it';
import { parseNotes } from '../src/core';
import { parseFigure } from '../src/core/figures/parseFigure';
import { benchArgs, fixed, mbPerSecond, measureSideBySide, notesText, printTable, utf8Bytes } from './harness';

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

const rows: string[][] = [['input', 'figures', 'distinct texts', 'parseFigure µs', 'parseNotes MB/s', '+ figures MB/s', 'markdown-it MB/s', 'ratio', 'ratio, + figures']];
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
    const t = measureSideBySide({
      ours: () => parseNotes(text),
      figures: () => { let n = 0; for (const f of parseNotes(text).figures) if (f.value !== undefined) n++; return n; },
      markdownIt: () => md.parse(text, {}),
    }, runs, 3);
    const ourMbps = mbPerSecond(bytes, t.ours.medianMs);
    const figuresMbps = mbPerSecond(bytes, t.figures.medianMs);
    const theirMbps = mbPerSecond(bytes, t.markdownIt.medianMs);
    rows.push([
      `${language} ${sizeMb} MB`, String(figureTexts.length), String(new Set(figureTexts).size), fixed(lowerQuartile(perFigure), 2),
      fixed(ourMbps), fixed(figuresMbps), fixed(theirMbps), `${fixed(ourMbps / theirMbps, 2)}×`, `${fixed(figuresMbps / theirMbps, 2)}×`,
    ]);
  }
}
console.log('\nparseFigure per figure, and parseNotes (alone; then reading every figure) vs markdown-it, in CPU time (lower quartile of interleaved runs)\n');
printTable(rows);

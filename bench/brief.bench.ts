/**
 * The brief (issue 6): brief model + HTML for a 200 KB notes file against markdown-it rendering the
 * same file as plain Markdown, side by side in one run. Goals: ≤ 50 ms, and ≤ 1.5× markdown-it.
 * Two figures for ours: from the text (parseNotes included, what a cold preview pays) and from the
 * cached notes model (what the live preview pays per keystroke when another feature parsed that
 * version first; the model cache is shared by every feature).
 */
import MarkdownIt from 'markdown-it';
import { parseNotes } from '../src/core';
import { buildBrief } from '../src/core/brief';
import { createNotesMarkdown, renderAnnotatedText, renderBriefFragment } from '../src/core/briefHtml';
import { benchArgs, fixed, measure, notesText, printTable, utf8Bytes } from './harness';

const SIZE_MB = 0.2;
const TIME_GOAL_MS = 50;
const RATIO_GOAL = 1.5;

const args = benchArgs();
const plain = new MarkdownIt();
const ours = createNotesMarkdown({ blockLines: true });
const runs = args.quick ? 5 : 15;
const rows: string[][] = [['input', 'KB', 'annot.', 'markdown-it ms', 'brief from text ms', 'ratio', 'brief from model ms', 'ratio', 'HTML KB']];
let worstFromText = 0;
let worstFromModel = 0;
let worstRatioText = 0;
let worstRatioModel = 0;

for (const language of ['ru', 'en'] as const) {
  const text = notesText(SIZE_MB, language);
  const model = parseNotes(text);
  let html = '';
  const reference = measure(() => plain.render(text), runs, 3);
  const fromText = measure(() => {
    const m = parseNotes(text);
    html = renderBriefFragment(buildBrief(m), renderAnnotatedText(m, ours), { lines: true });
  }, runs, 3);
  const fromModel = measure(() => renderBriefFragment(buildBrief(model), renderAnnotatedText(model, ours), { lines: true }), runs, 3);
  const ratioText = fromText.medianMs / reference.medianMs;
  const ratioModel = fromModel.medianMs / reference.medianMs;
  worstFromText = Math.max(worstFromText, fromText.medianMs);
  worstFromModel = Math.max(worstFromModel, fromModel.medianMs);
  worstRatioText = Math.max(worstRatioText, ratioText);
  worstRatioModel = Math.max(worstRatioModel, ratioModel);
  rows.push([
    `${language} 200 KB`, fixed(utf8Bytes(text) / 1000, 0), String(model.annotations.length), fixed(reference.medianMs),
    fixed(fromText.medianMs), `${fixed(ratioText, 2)}×`, fixed(fromModel.medianMs), `${fixed(ratioModel, 2)}×`, fixed(html.length / 1000, 0),
  ]);
}

console.log('\nbrief model + HTML vs markdown-it render of the same file (median of runs)\n');
printTable(rows);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log(`\nfrom the model: ${fixed(worstFromModel)} ms (goal ≤ ${TIME_GOAL_MS} ms: ${verdict(worstFromModel <= TIME_GOAL_MS)}), ${fixed(worstRatioModel, 2)}× markdown-it (goal ≤ ${RATIO_GOAL}×: ${verdict(worstRatioModel <= RATIO_GOAL)})`);
console.log(`from the text:  ${fixed(worstFromText)} ms (goal ≤ ${TIME_GOAL_MS} ms: ${verdict(worstFromText <= TIME_GOAL_MS)}), ${fixed(worstRatioText, 2)}× markdown-it (goal ≤ ${RATIO_GOAL}×: ${verdict(worstRatioText <= RATIO_GOAL)})`);

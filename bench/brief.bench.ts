/**
 * The brief (issue 6): brief model + HTML for a 200 KB notes file against markdown-it rendering the
 * same file as plain Markdown, side by side in one run. Goals: ≤ 50 ms, and ≤ 1.5× markdown-it.
 * Ours is what the live preview renders (src/extension/briefPreview.ts, `renderBriefPreview`): the
 * brief model, its sections' HTML and the annotated text block by block. Two figures: from the
 * text (parseNotes included, what a cold preview pays) and from the cached notes model (what the
 * live preview pays per keystroke when another feature parsed that version first; the model cache
 * is shared by every feature). The export's single-page HTML (`renderBriefFragment` of the whole
 * text) is shown for comparison. Each is timed in rounds of its own beside markdown-it and its
 * ratio is to that reference; every HTML string is read whole, ours and markdown-it's alike.
 */
import MarkdownIt from 'markdown-it';
import { parseNotes } from '../src/core';
import { buildBrief } from '../src/core/brief/build';
import { createNotesMarkdown, renderAnnotatedText, renderBriefFragment, renderBriefPreview } from '../src/core/brief/html';
import type { NotesModel } from '../src/core/model/types';
import { benchArgs, fixed, measureSideBySide, notesText, printTable, utf8Bytes } from './harness';

const SIZE_MB = 0.2;
const TIME_GOAL_MS = 50;
const RATIO_GOAL = 1.5;

const args = benchArgs();
const plain = new MarkdownIt();
const ours = createNotesMarkdown({ blockLines: 'relative' });
const exportMd = createNotesMarkdown();
const runs = args.quick ? 9 : 21;
const rows: string[][] = [['input', 'KB', 'annot.', 'markdown-it ms', 'brief from text ms', 'ratio', 'brief from model ms', 'ratio', 'export page ms', 'HTML KB', 'markdown-it KB']];

/**
 * What the preview renders for a model: the brief's sections and the text's blocks, each string
 * read whole once (as posting it to the webview does), so a string still in pieces is paid for here.
 */
function previewBrief(model: NotesModel): number {
  const content = renderBriefPreview(model, ours);
  let length = settle(content.header) + settle(content.actors);
  for (const part of [...content.initiatives.groups, content.figures, content.text]) {
    length += settle(part.open);
    for (const html of part.chunks) length += settle(html);
  }
  return length;
}

/** Reads a string whole (V8 then copies a string built by `+=` into one piece) and gives its length. */
function settle(html: string): number {
  return html.indexOf('\u0001') < 0 ? html.length : 0;
}

let worstFromText = 0;
let worstFromModel = 0;
let worstRatioText = 0;
let worstRatioModel = 0;

for (const language of ['ru', 'en'] as const) {
  const text = notesText(SIZE_MB, language);
  const model = parseNotes(text);
  const htmlLength = previewBrief(model);
  // Side by side: every round runs each in turn, so both see the same load (CPU time, lower
  // quartile). Each of ours is paired with its own markdown-it reference in its own rounds: the
  // garbage one leaves is collected while the next runs, so a pair shares its collections fairly,
  // and the model's figure is not weighed down by what a parse from the text left behind.
  const reference = () => settle(plain.render(text));
  const m = measureSideBySide({ reference, ours: () => previewBrief(model) }, runs, 3);
  const t = measureSideBySide({ reference, ours: () => previewBrief(parseNotes(text)) }, runs, 3);
  const e = measureSideBySide({ reference, ours: () => settle(renderBriefFragment(buildBrief(model), renderAnnotatedText(model, exportMd))) }, runs, 3);
  const referenceMs = m.reference.medianMs;
  const fromText = t.ours;
  const fromModel = m.ours;
  const plainKb = plain.render(text).length / 1000;
  const ratioText = fromText.medianMs / t.reference.medianMs;
  const ratioModel = fromModel.medianMs / referenceMs;
  worstFromText = Math.max(worstFromText, fromText.medianMs);
  worstFromModel = Math.max(worstFromModel, fromModel.medianMs);
  worstRatioText = Math.max(worstRatioText, ratioText);
  worstRatioModel = Math.max(worstRatioModel, ratioModel);
  rows.push([
    `${language} 200 KB`, fixed(utf8Bytes(text) / 1000, 0), String(model.annotations.length), fixed(referenceMs),
    fixed(fromText.medianMs), `${fixed(ratioText, 2)}×`, fixed(fromModel.medianMs), `${fixed(ratioModel, 2)}×`, fixed(e.ours.medianMs),
    fixed(htmlLength / 1000, 0), fixed(plainKb, 0),
  ]);
}

console.log('\nbrief model + HTML (as the preview renders it) vs markdown-it render of the same file (CPU ms, lower quartile of side-by-side rounds)\n');
printTable(rows);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log(`\nfrom the model: ${fixed(worstFromModel)} ms (goal ≤ ${TIME_GOAL_MS} ms: ${verdict(worstFromModel <= TIME_GOAL_MS)}), ${fixed(worstRatioModel, 2)}× markdown-it (goal ≤ ${RATIO_GOAL}×: ${verdict(worstRatioModel <= RATIO_GOAL)})`);
console.log(`from the text:  ${fixed(worstFromText)} ms (goal ≤ ${TIME_GOAL_MS} ms: ${verdict(worstFromText <= TIME_GOAL_MS)}), ${fixed(worstRatioText, 2)}× markdown-it (goal ≤ ${RATIO_GOAL}×: ${verdict(worstRatioText <= RATIO_GOAL)})`);

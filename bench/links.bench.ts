/**
 * What the editor's cross-file link features cost at a cursor move or a hover, on a generated
 * workspace held in memory (N files, one initiative in four tracked, keys shared across files):
 * the untracked initiative under the cursor, its suggested links and the key a link writes (the
 * hover and the "Link with …" quick fix); the first ask after an edit, when the workspace is a new
 * version and its suggestion lookup is built again; the key under the cursor with its mentions
 * (definition, references); one file's `track=` findings (the problems, after every merge).
 * Reference, in the same run: markdown-it parsing the file under the cursor, what one keystroke
 * costs a Markdown editor. Printed as ratios against it.
 *
 *   --links-files=N  files (default 1,000; 300 with --quick)
 *   --links-kb=K     size of each file in KB (default 20)
 */
import MarkdownIt from 'markdown-it';
import {
  buildWorkspace, initiativeMentionAt, linkKey, parseNotes, sameOtherFiles, suggestionsFor, trackFindingsForFile, trackKeyAt, updateFile,
  type NotesSource,
} from '../src/core';
import { workspaceFileMaker } from './generate';
import { fixed, measure, printTable } from './harness';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const numberArg = (name: string): number | undefined => {
  const a = argv.find((x) => x.startsWith(`--${name}=`));
  const n = a ? Number(a.slice(name.length + 3)) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
};
const fileCount = numberArg('links-files') ?? (quick ? 300 : 1_000);
const fileBytes = (numberArg('links-kb') ?? 20) * 1000;
const runs = quick ? 5 : 11;

const fileText = workspaceFileMaker(fileCount, fileBytes);

const sources: NotesSource[] = Array.from({ length: fileCount }, (_, i) => ({ path: `file:///w/${String(i).padStart(5, '0')}.summit.md`, text: fileText(i) }));
const workspace = buildWorkspace(sources);
const target = sources[Math.floor(fileCount / 2) + 1];
const model = parseNotes(target.text);
const untracked = workspace.files.get(target.path)?.initiatives.filter((m) => m.trackSite === undefined) ?? [];
const tracked = workspace.files.get(target.path)?.initiatives.filter((m) => m.track !== undefined) ?? [];
if (untracked.length === 0 || tracked.length === 0) throw new Error('the generated file has no untracked or no tracked initiative');
const md = new MarkdownIt();

let suggestions = 0;
const cursorAsk = (ws = workspace): void => {
  for (const m of untracked) {
    const mention = initiativeMentionAt(ws, target.path, model, m.start + 1);
    if (!mention) continue;
    for (const s of suggestionsFor(ws, mention)) {
      linkKey(ws, mention, s);
      suggestions++;
    }
  }
};
cursorAsk();
const perAsk = untracked.length;
suggestions = 0;
cursorAsk();
const suggestionsPerAsk = suggestions / perAsk;

const reference = measure(() => md.parse(target.text, {}), runs, 2);
const ask = measure(() => cursorAsk(), runs, 1);
// After an edit the workspace is a new version: the first ask builds its suggestion lookup again.
const edited = parseNotes(target.text.replace('status=proposed', 'status=agreed'));
const firstAfterEdit = measure(() => {
  const next = updateFile(workspace, target.path, edited);
  const mention = initiativeMentionAt(next, target.path, model, untracked[0].start + 1);
  if (mention) suggestionsFor(next, mention);
}, runs, 1);
// What the editor does: while only the file under the cursor changed, the earlier workspace answers.
const editedText = target.text.replace('status=proposed', 'status=agreed');
const keptAfterEdit = measure(() => {
  const next = updateFile(workspace, target.path, edited);
  const base = sameOtherFiles(workspace, next, target.path) ? workspace : next;
  const mention = initiativeMentionAt(base, target.path, parseNotes(editedText), untracked[0].start + 1);
  if (mention) suggestionsFor(base, mention);
}, runs, 1);
const parseEdited = measure(() => parseNotes(editedText), runs, 1);
const key = measure(() => {
  for (const m of tracked) {
    const at = trackKeyAt(model, m.start + 1);
    if (at) void workspace.tracks.get(at.key)?.length;
  }
}, runs, 1);
const findings = measure(() => trackFindingsForFile(workspace, target.path), runs, 1);

const perUntracked = ask.medianMs / perAsk;
const perTracked = key.medianMs / tracked.length;
const ref = reference.medianMs;
console.log(`${fileCount} files of ${fixed(fileBytes / 1000, 0)} KB, ${workspace.tracks.size} keys; the file under the cursor: ${untracked.length} untracked and ${tracked.length} tracked initiatives, ${fixed(suggestionsPerAsk, 1)} suggestions each`);
printTable([
  ['step', 'ms', 'ratio to markdown-it'],
  ['markdown-it parse of the file (reference)', fixed(ref, 2), '1.00'],
  ['hover / quick fix: mention + suggestions + keys (one initiative)', fixed(perUntracked, 3), fixed(perUntracked / ref, 3)],
  ['the same, first ask after an edit (lookup built again)', fixed(firstAfterEdit.medianMs, 2), fixed(firstAfterEdit.medianMs / ref, 2)],
  ['the same, after an edit of this file, earlier workspace kept*', fixed(keptAfterEdit.medianMs - parseEdited.medianMs, 2), fixed((keptAfterEdit.medianMs - parseEdited.medianMs) / ref, 2)],
  ['definition / references: key under the cursor + mentions', fixed(perTracked, 4), fixed(perTracked / ref, 4)],
  ['problems: the file\'s track findings', fixed(findings.medianMs, 3), fixed(findings.medianMs / ref, 3)],
]);
console.log('* what the editor does while only the file under the cursor changed (the parse of the edited file, done by the editor anyway, subtracted)');

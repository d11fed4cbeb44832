// `node scripts/eval-snapshot.mjs [CORPUS_DIR] --out FILE` / `--check FILE`: everything detection
// puts out, in one JSON file, to prove a change that should change nothing changes nothing. It holds
// the suggestions and figures of 1 MB of generated plain text per language (minScore 0, 0.2, 0.5,
// 0.8), `detectInNotes` on 1 MB of generated notes and on every sample (default minScore and 0.1),
// and, per corpus article, every candidate's features and score (`scoreCandidates` with and without
// names, under the shipped weights), the feature-only candidates of training and the suggestions
// at 0. `--check` compares with a saved file and names the first section that differs.
// Bundles the detection sources with esbuild, so it needs no compile step.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCorpus, root } from './lib/corpus.mjs';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const checkAt = args.indexOf('--check');
const file = outAt >= 0 ? args[outAt + 1] : checkAt >= 0 ? args[checkAt + 1] : undefined;
if (!file) {
  console.error('usage: node scripts/eval-snapshot.mjs [CORPUS_DIR] (--out FILE | --check FILE)');
  process.exit(2);
}
const dir = args.find((a, i) => !a.startsWith('-') && (outAt < 0 || i !== outAt + 1) && (checkAt < 0 || i !== checkAt + 1)) ?? join(root, '..', 'shared', 'corpus');

const entry = `
export { suggestInitiatives, ruleCandidates } from './src/core/detect/initiatives';
export { scoreCandidates } from './src/core/detect/initiativeScorer';
export { candidatesOf } from './src/core/detect/initiativeTraining';
export { detectFigures, detectInNotes, detectLanguage } from './src/core/detect';
export { generateNotes } from './bench/generate';
import weights from './src/core/detect/initiativeWeights.json';
export { weights };
`;
const tmp = mkdtempSync(join(tmpdir(), 'summit-snapshot-'));
let d;
try {
  const bundle = join(tmp, 'snapshot.cjs');
  await esbuild.build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error' });
  d = (await import(pathToFileURL(bundle).href)).default;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** The bench's plain text (bench/detect.bench.ts): generated notes with their markup taken out. */
function plainText(notes) {
  const body = notes.startsWith('---') ? notes.slice(notes.indexOf('\n---', 3) + 4) : notes;
  return body.replace(/\{[^}\n]*\}/g, '').replace(/\(see [^)\n]*\)/g, '').replace(/[[\]]/g, '');
}

const sections = {};
for (const language of ['ru', 'en']) {
  const notes = d.generateNotes({ bytes: 1_000_000, language, seed: 1 });
  const text = plainText(notes);
  const figures = d.detectFigures(text, language);
  sections[`plain ${language} figures`] = figures;
  for (const minScore of [0, 0.2, 0.5, 0.8]) sections[`plain ${language} suggest ${minScore}`] = d.suggestInitiatives(text, language, undefined, { minScore, figures });
  sections[`plain ${language} suggest default, own figures`] = d.suggestInitiatives(text, language);
  sections[`plain ${language} scored`] = d.scoreCandidates(text, language, d.ruleCandidates(text, language), d.weights).map((c) => [c.start, c.end, c.source, c.kind, c.reason, c.score]);
  sections[`notes ${language}`] = d.detectInNotes(notes);
}
for (const f of readdirSync(join(root, 'samples')).filter((n) => n.endsWith('.md')).sort()) {
  const text = readFileSync(join(root, 'samples', f), 'utf8');
  sections[`sample ${f}`] = d.detectInNotes(text);
  sections[`sample ${f} 0.1`] = d.detectInNotes(text, { minScore: 0.1 });
}
for (const a of readCorpus(dir, d.detectLanguage)) {
  const rules = d.ruleCandidates(a.text, a.language);
  sections[`corpus ${a.name} named`] = d.scoreCandidates(a.text, a.language, rules, d.weights, true);
  sections[`corpus ${a.name} scored`] = d.scoreCandidates(a.text, a.language, rules, d.weights);
  sections[`corpus ${a.name} training`] = d.candidatesOf(a.text, a.language);
  sections[`corpus ${a.name} suggest 0`] = d.suggestInitiatives(a.text, a.language, undefined, { minScore: 0 });
}

const hashes = Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, createHash('sha256').update(JSON.stringify(v)).digest('hex')]));
if (outAt >= 0) {
  writeFileSync(file, JSON.stringify({ hashes, sections }));
  console.log(`${Object.keys(sections).length} sections written to ${file}`);
} else {
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  let differ = 0;
  for (const k of new Set([...Object.keys(saved.hashes), ...Object.keys(hashes)])) {
    if (saved.hashes[k] === hashes[k]) continue;
    differ++;
    console.log(`DIFFERS: ${k}`);
    const a = saved.sections[k] ?? [];
    const b = sections[k] ?? [];
    const arrA = Array.isArray(a) ? a : [a];
    const arrB = Array.isArray(b) ? b : [b];
    for (let i = 0; i < Math.max(arrA.length, arrB.length); i++) {
      if (JSON.stringify(arrA[i]) !== JSON.stringify(arrB[i])) {
        console.log(`  first difference at ${i}:\n  saved ${JSON.stringify(arrA[i])?.slice(0, 400)}\n  now   ${JSON.stringify(arrB[i])?.slice(0, 400)}`);
        break;
      }
    }
  }
  console.log(differ === 0 ? `identical: ${Object.keys(hashes).length} sections` : `${differ} of ${Object.keys(hashes).length} sections differ`);
  process.exit(differ === 0 ? 0 : 1);
}

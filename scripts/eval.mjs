// `npm run eval -- DIR [--cv] [--verbose]`: scores detection (figures and initiative suggestions)
// against the gold files of a corpus folder (format in the corpus README: NN-name.LANG.txt +
// NN-name.LANG.gold.json). Figures: precision and recall by overlap, value and unit accuracy on
// hits (a range's value is right when both `value` and `min` are). Initiatives: precision and
// recall by overlap, a gold `group` counting once. Per language and overall.
//
// `--cv`: leave-one-article-out cross-validation of the initiative scorer: for every article, train
// on all the others and score it at the default minScore; then a precision/recall curve over the
// score threshold (what the default minScore is chosen from). Figures are rule-based, so their CV
// numbers are their plain scores, reported the same way.
// Bundles src/core/detect with esbuild first, so it needs no earlier compile step.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDetection, readCorpus } from './lib/corpus.mjs';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const cv = args.includes('--cv');
const dir = args.find((a) => !a.startsWith('-'));
if (!dir) {
  console.error('usage: npm run eval -- DIR [--cv] [--verbose]');
  process.exit(2);
}
if (!existsSync(dir)) {
  console.error(`eval: no such folder: ${dir}`);
  process.exit(2);
}

const detect = await loadDetection();
const corpus = readCorpus(dir, detect.detectLanguage);
if (corpus.length === 0) {
  console.error('eval: no NN-name.LANG.txt files with a .gold.json next to them');
  process.exit(2);
}

const overlaps = (a, b) => a.start < b.end && b.start < a.end;
const close = (a, b) => a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)));

function emptyScore() {
  return { fig: { pred: 0, predHit: 0, gold: 0, goldHit: 0, hits: 0, valueOk: 0, unitOk: 0 }, ini: { pred: 0, predHit: 0, gold: 0, goldHit: 0 }, files: 0 };
}
function add(into, s) {
  for (const k of Object.keys(s.fig)) into.fig[k] += s.fig[k];
  for (const k of Object.keys(s.ini)) into.ini[k] += s.ini[k];
  into.files += s.files;
}

function scoreFigures(name, figures, goldFigures, s) {
  s.fig.pred = figures.length;
  s.fig.gold = goldFigures.length;
  for (const p of figures) {
    const hit = goldFigures.some((g) => overlaps(p, g));
    if (hit) s.fig.predHit++;
    else if (verbose) console.log(`  FP figure ${name} [${p.start},${p.end}) "${p.text}"`);
  }
  for (const g of goldFigures) {
    const p = figures.find((f) => overlaps(f, g));
    if (!p) { if (verbose) console.log(`  FN figure ${name} "${g.text}"`); continue; }
    s.fig.goldHit++;
    s.fig.hits++;
    // A range is one figure: its value is right when both ends are.
    if (close(p.value, g.value) && close(p.min ?? null, g.min ?? null)) s.fig.valueOk++;
    else if (verbose) console.log(`  value ${name} "${p.text}" ${p.min !== undefined ? `${p.min}–` : ''}${p.value} ≠ ${g.min != null ? `${g.min}–` : ''}${g.value}`);
    if ((p.unit ?? null) === (g.unit ?? null)) s.fig.unitOk++;
    else if (verbose) console.log(`  unit ${name} "${p.text}" ${p.unit} ≠ ${g.unit}`);
  }
}

/** Initiative counts of one article: predictions that hit a gold span; gold initiatives (groups) found. */
function scoreInitiatives(name, initiatives, goldIni, ini, log = verbose) {
  const groups = new Map();
  goldIni.forEach((g, i) => {
    const key = g.group ?? `#${i}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(g);
  });
  ini.pred += initiatives.length;
  ini.gold += groups.size;
  for (const p of initiatives) {
    if (goldIni.some((g) => overlaps(p, g))) ini.predHit++;
    else if (log) console.log(`  FP initiative ${name} "${p.text.slice(0, 90)}" (${p.reason}, ${p.score})`);
  }
  for (const mentions of groups.values()) {
    if (mentions.some((g) => initiatives.some((p) => overlaps(p, g)))) ini.goldHit++;
    else if (log) console.log(`  FN initiative ${name} "${mentions[0].text.slice(0, 90)}"`);
  }
}

const ratio = (a, b) => (b === 0 ? '—' : (a / b).toFixed(3));

function printTable(title, perFile) {
  const byLanguage = new Map();
  const overall = emptyScore();
  for (const { language, s } of perFile) {
    if (!byLanguage.has(language)) byLanguage.set(language, emptyScore());
    add(byLanguage.get(language), s);
    add(overall, s);
  }
  const rows = [...[...byLanguage.entries()].sort(), ['all', overall]];
  const header = ['lang', 'files', 'fig gold', 'fig P', 'fig R', 'value acc', 'unit acc', 'ini gold', 'ini P', 'ini R'];
  const table = rows.map(([lang, s]) => [lang, String(s.files), String(s.fig.gold), ratio(s.fig.predHit, s.fig.pred), ratio(s.fig.goldHit, s.fig.gold),
    ratio(s.fig.valueOk, s.fig.hits), ratio(s.fig.unitOk, s.fig.hits), String(s.ini.gold), ratio(s.ini.predHit, s.ini.pred), ratio(s.ini.goldHit, s.ini.gold)]);
  printRows(title, header, table);
}

function printRows(title, header, table) {
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(title);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of table) console.log(line(r));
}

const where = resolve(dir).split('/').slice(-2).join('/');
const perFile = [];
if (!cv) {
  for (const a of corpus) {
    const s = emptyScore();
    s.files = 1;
    scoreFigures(a.name, detect.detectFigures(a.text, a.language), a.gold.figures, s);
    scoreInitiatives(a.name, detect.suggestInitiatives(a.text, a.language), a.gold.initiatives, s.ini);
    perFile.push({ language: a.language, s });
  }
  printTable(`Detection scores on ${where} (${corpus.length} files)`, perFile);
} else {
  // Candidates and their features do not depend on the weights: computed once per article.
  const candidates = corpus.map((a) => detect.candidatesOf(a.text, a.language));
  const labelled = corpus.map((a, i) => ({ i, name: a.name, text: a.text, language: a.language, gold: a.gold.initiatives }));
  const thresholds = Array.from({ length: 19 }, (_, k) => Math.round((k + 1) * 5) / 100);
  const curve = new Map(thresholds.map((t) => [t, { all: { pred: 0, predHit: 0, gold: 0, goldHit: 0 }, ru: { pred: 0, predHit: 0, gold: 0, goldHit: 0 }, en: { pred: 0, predHit: 0, gold: 0, goldHit: 0 } }]));
  for (const { heldOut, train } of detect.leaveOneOut(labelled)) {
    const examples = train.flatMap((t) => detect.examplesOf(candidates[t.i], t.gold));
    const weights = detect.trainLogistic(examples);
    const a = corpus[heldOut.i];
    const s = emptyScore();
    s.files = 1;
    scoreFigures(a.name, detect.detectFigures(a.text, a.language), a.gold.figures, s);
    scoreInitiatives(a.name, detect.suggestWith(a.text, candidates[heldOut.i], weights, detect.DEFAULT_MIN_SCORE), a.gold.initiatives, s.ini);
    perFile.push({ language: a.language, s });
    for (const t of thresholds) {
      const suggestions = detect.suggestWith(a.text, candidates[heldOut.i], weights, t);
      const point = curve.get(t);
      scoreInitiatives(a.name, suggestions, a.gold.initiatives, point.all, false);
      if (point[a.language]) scoreInitiatives(a.name, suggestions, a.gold.initiatives, point[a.language], false);
    }
  }
  printTable(`Leave-one-article-out CV on ${where} (${corpus.length} folds; initiatives at minScore ${detect.DEFAULT_MIN_SCORE})`, perFile);
  console.log('');
  const f1 = (c) => (c.pred === 0 || c.gold === 0 ? 0 : (2 * (c.predHit / c.pred) * (c.goldHit / c.gold)) / ((c.predHit / c.pred) + (c.goldHit / c.gold) || 1));
  printRows('Initiatives under CV by score threshold (minScore)', ['minScore', 'P', 'R', 'F1', 'ru P', 'ru R', 'en P', 'en R', 'suggestions'],
    thresholds.map((t) => {
      const c = curve.get(t);
      return [t.toFixed(2), ratio(c.all.predHit, c.all.pred), ratio(c.all.goldHit, c.all.gold), f1(c.all).toFixed(3),
        ratio(c.ru.predHit, c.ru.pred), ratio(c.ru.goldHit, c.ru.gold), ratio(c.en.predHit, c.en.pred), ratio(c.en.goldHit, c.en.gold), String(c.all.pred)];
    }));
}

// `npm run eval -- DIR`: scores detection (figures and initiative suggestions) against the gold
// files of a corpus folder (format in the corpus README: NN-name.LANG.txt + NN-name.LANG.gold.json).
// Figures: precision and recall by overlap, value and unit accuracy on hits. Initiatives:
// precision and recall by overlap, a gold `group` counting once. Per language and overall.
// Bundles src/core/detect with esbuild first, so it needs no earlier compile step.
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const dir = args.find((a) => !a.startsWith('-'));
if (!dir) {
  console.error('usage: npm run eval -- DIR [--verbose]');
  process.exit(2);
}
if (!existsSync(dir)) {
  console.error(`eval: no such folder: ${dir}`);
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), 'summit-eval-'));
const bundle = join(tmp, 'detect.cjs');
await esbuild.build({ entryPoints: [join(root, 'src/core/detect/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error' });
const detect = (await import(pathToFileURL(bundle).href)).default;
rmSync(tmp, { recursive: true, force: true });

/** The body of a corpus text: everything after the header lines and the blank line. */
function readCorpusText(file) {
  const raw = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const lines = raw.split('\n');
  let language;
  let i = 0;
  for (; i < lines.length && lines[i].startsWith('# '); i++) {
    const m = /^# language:\s*(\S+)/.exec(lines[i]);
    if (m) language = m[1];
  }
  if (lines[i] === '' || lines[i] === '\r') i++;
  const offset = lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
  return { body: raw.slice(offset), language };
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

function scoreFile(txtFile, goldFile) {
  const { body, language: declared } = readCorpusText(txtFile);
  const language = declared ?? (/\.(ru|en)\.txt$/.exec(txtFile)?.[1]) ?? detect.detectLanguage(body);
  const gold = JSON.parse(readFileSync(goldFile, 'utf8'));
  const figures = detect.detectFigures(body, language);
  const initiatives = detect.suggestInitiatives(body, language);
  const s = emptyScore();
  s.files = 1;
  const goldFigures = gold.figures ?? [];
  s.fig.pred = figures.length;
  s.fig.gold = goldFigures.length;
  for (const p of figures) {
    const hit = goldFigures.some((g) => overlaps(p, g));
    if (hit) s.fig.predHit++;
    else if (verbose) console.log(`  FP figure ${txtFile.split('/').pop()} [${p.start},${p.end}) "${p.text}"`);
  }
  for (const g of goldFigures) {
    const p = figures.find((f) => overlaps(f, g));
    if (!p) { if (verbose) console.log(`  FN figure ${txtFile.split('/').pop()} "${g.text}"`); continue; }
    s.fig.goldHit++;
    s.fig.hits++;
    if (close(p.value, g.value)) s.fig.valueOk++;
    else if (verbose) console.log(`  value ${txtFile.split('/').pop()} "${p.text}" ${p.value} ≠ ${g.value}`);
    if ((p.unit ?? null) === (g.unit ?? null)) s.fig.unitOk++;
    else if (verbose) console.log(`  unit ${txtFile.split('/').pop()} "${p.text}" ${p.unit} ≠ ${g.unit}`);
  }
  const goldIni = gold.initiatives ?? [];
  // Recall counts initiatives: mentions sharing a group are one initiative.
  const groups = new Map();
  goldIni.forEach((g, i) => {
    const key = g.group ?? `#${i}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(g);
  });
  s.ini.pred = initiatives.length;
  s.ini.gold = groups.size;
  for (const p of initiatives) {
    if (goldIni.some((g) => overlaps(p, g))) s.ini.predHit++;
    else if (verbose) console.log(`  FP initiative ${txtFile.split('/').pop()} "${p.text.slice(0, 90)}" (${p.reason})`);
  }
  for (const mentions of groups.values()) {
    if (mentions.some((g) => initiatives.some((p) => overlaps(p, g)))) s.ini.goldHit++;
    else if (verbose) console.log(`  FN initiative ${txtFile.split('/').pop()} "${mentions[0].text.slice(0, 90)}"`);
  }
  return { language, s };
}

const ratio = (a, b) => (b === 0 ? '—' : (a / b).toFixed(3));
const byLanguage = new Map();
const overall = emptyScore();
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
for (const f of files) {
  const goldFile = join(dir, f.replace(/\.txt$/, '.gold.json'));
  if (!existsSync(goldFile)) continue;
  const { language, s } = scoreFile(join(dir, f), goldFile);
  if (!byLanguage.has(language)) byLanguage.set(language, emptyScore());
  add(byLanguage.get(language), s);
  add(overall, s);
}

const rows = [...[...byLanguage.entries()].sort(), ['all', overall]];
const header = ['lang', 'files', 'fig gold', 'fig P', 'fig R', 'value acc', 'unit acc', 'ini gold', 'ini P', 'ini R'];
const table = rows.map(([lang, s]) => [lang, String(s.files), String(s.fig.gold), ratio(s.fig.predHit, s.fig.pred), ratio(s.fig.goldHit, s.fig.gold),
  ratio(s.fig.valueOk, s.fig.hits), ratio(s.fig.unitOk, s.fig.hits), String(s.ini.gold), ratio(s.ini.predHit, s.ini.pred), ratio(s.ini.goldHit, s.ini.gold)]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`Detection scores on ${resolve(dir).split('/').slice(-2).join('/')} (${overall.files} files)`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of table) console.log(line(r));
if (overall.files === 0) {
  console.error('eval: no NN-name.LANG.txt files with a .gold.json next to them');
  process.exit(2);
}

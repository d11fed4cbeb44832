// Shared by scripts/eval.mjs and scripts/train.mjs: reading a corpus folder (format in its README:
// NN-name.LANG.txt + NN-name.LANG.gold.json) and bundling detection with its training helpers.
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Bundles src/core/detect/training.ts (detection + training helpers) and loads it. */
export async function loadDetection() {
  const tmp = mkdtempSync(join(tmpdir(), 'summit-detect-'));
  const bundle = join(tmp, 'detect.cjs');
  try {
    await esbuild.build({ entryPoints: [join(root, 'src/core/detect/training.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error' });
    return (await import(pathToFileURL(bundle).href)).default;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The body of a corpus text (everything after the header lines and the blank line) and its declared language. */
export function readCorpusText(file) {
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

/**
 * Every article of `dir` that has a gold file, sorted by file name:
 * { name, file, text, language, gold: { figures, initiatives } }.
 */
export function readCorpus(dir, detectLanguage) {
  const out = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const goldFile = join(dir, f.replace(/\.txt$/, '.gold.json'));
    if (!existsSync(goldFile)) continue;
    const { body, language: declared } = readCorpusText(join(dir, f));
    const language = declared ?? (/\.(ru|en)\.txt$/.exec(f)?.[1]) ?? detectLanguage(body);
    const gold = JSON.parse(readFileSync(goldFile, 'utf8'));
    out.push({ name: f, file: join(dir, f), text: body, language, gold: { figures: gold.figures ?? [], initiatives: gold.initiatives ?? [] } });
  }
  return out;
}

// `npm run train [-- DIR] [--out FILE]`: fits the initiative scorer on every article of a corpus
// folder (default ../shared/corpus, the shared folder beside the checkout) and writes its weights
// to src/core/detect/initiativeWeights.json. Deterministic: articles sorted by name, candidates in
// text order, full-batch gradient descent from zero, weights rounded; the same corpus gives the
// same file byte for byte.
import { writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDetection, readCorpus, root } from './lib/corpus.mjs';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : join(root, 'src/core/detect/initiativeWeights.json');
const dir = args.find((a, i) => !a.startsWith('-') && (outAt < 0 || i !== outAt + 1)) ?? join(root, '..', 'shared', 'corpus');
if (!existsSync(dir)) {
  console.error(`train: no such folder: ${dir}\nusage: npm run train -- [DIR] [--out FILE]`);
  process.exit(2);
}
const detect = await loadDetection();
const corpus = readCorpus(dir, detect.detectLanguage);
if (corpus.length === 0) {
  console.error('train: no NN-name.LANG.txt files with a .gold.json next to them');
  process.exit(2);
}
const weights = detect.trainOn(corpus.map((a) => ({ name: a.name, text: a.text, language: a.language, gold: a.gold.initiatives })));
writeFileSync(out, formatWeights(weights));
console.log(`train: ${corpus.length} articles from ${resolve(dir).split('/').slice(-2).join('/')}, ${Object.keys(weights.weights).length} weights → ${out.startsWith(root) ? out.slice(root.length + 1) : out}`);

/** One weight a line, sorted: small diffs when retrained. */
function formatWeights(w) {
  const keys = Object.keys(w.weights).sort();
  const lines = keys.map((k) => `    ${JSON.stringify(k)}: ${w.weights[k]}`);
  return `{\n  "bias": ${w.bias},\n  "weights": {\n${lines.join(',\n')}\n  }\n}\n`;
}

// README screenshots as 256-colour palette PNGs (upng-js: pure JavaScript, no download): a quarter
// of the size of the full-colour PNGs Chromium writes, for the .vsix (goal ≤ 1 MB) and the clone.
// `npm run shots -- --readme` writes them through here; on its own,
// `node scripts/lib/compactPng.mjs FILE.png…` rewrites the given files in place.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** Writes `from` (any PNG) to `to` as a palette PNG of at most `colors` colours; returns both sizes. */
export function compactPng(from, to = from, colors = 256) {
  const UPNG = require('upng-js');
  const input = readFileSync(from);
  const image = UPNG.decode(input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength));
  const rgba = UPNG.toRGBA8(image)[0];
  const output = Buffer.from(UPNG.encode([rgba], image.width, image.height, colors));
  // A palette never makes a file bigger on purpose: keep the original when it is already smaller.
  writeFileSync(to, output.length < input.length ? output : input);
  return { before: input.length, after: Math.min(output.length, input.length) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const file of process.argv.slice(2)) {
    const { before, after } = compactPng(file);
    console.log(`${file}: ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB`);
  }
}

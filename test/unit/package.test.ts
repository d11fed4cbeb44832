/**
 * The .vsix (goal ≤ 1 MB, measured by `npm run bench -- activation`): the README's images ship in
 * it, so a packaged README shows them, and each stays small (256-colour PNGs from
 * `npm run shots -- --readme`).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
/** What one README screenshot may weigh (the three shown take about 250 KB together today). */
const MAX_IMAGE_BYTES = 150 * 1024;

describe('package', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((p) => !/^[a-z]+:/i.test(p));

  it('finds the README images', () => {
    assert.ok(images.length >= 3, images.join(', '));
  });

  it('ships every image the README shows, each small', () => {
    for (const image of images) {
      assert.ok(existsSync(join(root, image)), `${image} exists`);
      assert.ok(ignore.includes(`!${image}`), `.vscodeignore re-includes ${image}`);
      assert.ok(statSync(join(root, image)).size <= MAX_IMAGE_BYTES, `${image} is at most ${MAX_IMAGE_BYTES / 1024} KB`);
    }
  });

  it('ships the start-up shell and the features bundle', () => {
    for (const bundle of ['dist/extension.js', 'dist/features.js', 'dist/web/extension.js']) assert.ok(ignore.includes(`!${bundle}`), bundle);
  });
});

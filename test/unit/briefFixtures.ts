/** Reads fixture files in markdown-it's layout: title, `.`, part, `.`, part…, `.`; blank lines between blocks. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixtureBlock {
  readonly title: string;
  readonly parts: readonly string[];
}

/** Path of a file in test/fixtures/brief (tests run from out/test/unit). */
export function fixturePath(name: string): string {
  return join(__dirname, '..', '..', '..', 'test', 'fixtures', 'brief', name);
}

export function readFixtureBlocks(path: string): FixtureBlock[] {
  const lines = readFileSync(path, 'utf8').replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  // The leading comment paragraph (lines starting with `#`) describes the file.
  while (i < lines.length && lines[i].startsWith('#')) i++;
  const blocks: FixtureBlock[] = [];
  while (i < lines.length) {
    while (i < lines.length && lines[i].trim() === '') i++;
    if (i >= lines.length) break;
    const title = lines[i++];
    if (lines[i] !== '.') throw new Error(`${path}:${i + 1}: expected "." after the title "${title}"`);
    i++;
    const parts: string[] = [];
    while (i < lines.length && lines[i].trim() !== '') {
      const start = i;
      while (i < lines.length && lines[i] !== '.') i++;
      if (i >= lines.length) throw new Error(`${path}:${start + 1}: unterminated block "${title}"`);
      parts.push(lines.slice(start, i).join('\n') + (i > start ? '\n' : ''));
      i++;
    }
    blocks.push({ title, parts });
  }
  return blocks;
}

/** Asserts that rendered HTML holds no executable markup (the checks a sanitizer would make). */
export function assertHarmless(html: string): void {
  assert.doesNotMatch(html, /<script/i, 'a <script> element');
  // Quoted attribute values are data (their quotes are escaped as &quot;), so look outside them.
  const tags = html.replace(/"[^"]*"/g, '""');
  assert.doesNotMatch(tags, /<[a-z][^>]*\son[a-z]+\s*=/i, 'an event handler attribute');
  assert.doesNotMatch(html, /(href|src)\s*=\s*"\s*(javascript|vbscript|data:text\/html)/i, 'a dangerous URL');
  assert.doesNotMatch(html, /<(img|iframe|object|embed|svg|math|b)[\s>]/i, 'raw HTML from the input');
}

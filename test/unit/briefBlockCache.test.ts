/**
 * The preview's block cache (src/core/brief/blockCache.ts): after any sequence of edits, the text
 * blocks it returns are byte for byte those of a full render of the same model, and an edit in one
 * paragraph of a long file renders that paragraph only.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editNotes, parseNotes, type NotesModel } from '../../src/core';
import { BriefBlockCache } from '../../src/core/brief/blockCache';
import { createNotesMarkdown, renderAnnotatedBlocks, renderBriefPreview, type AnnotatedTextOptions } from '../../src/core/brief/html';
import { seededRandom } from '../support/random';

const repo = join(__dirname, '..', '..', '..');

/** Every notes file among the samples and the fixtures. */
function notesFiles(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.summit.md')) out.push({ name: path.slice(repo.length + 1), text: readFileSync(path, 'utf8') });
    }
  };
  visit(join(repo, 'samples'));
  visit(join(repo, 'test', 'fixtures'));
  return out;
}

/**
 * What the random edits insert: letters, line breaks, and pieces that change a block's kind or
 * reach past it (fences, list markers, headings, setext underlines, tables, quotes, spans, ids,
 * reference definitions, front matter fences and languages).
 */
const PIECES = [
  'x', 'ё', ' ', '\n', '\n\n', '```', '```\n', '~~~\n', '- ', '* ', '1. ', '# ', '## ', '===\n', '---\n', '> ', '    ', '|', ' | b\n--|--\n',
  '[', ']', '{', '}', ']{.figure}', ']{.initiative #z area=trade}', '[5 billion dollars]{.figure}', '[Bank]{.actor}', '{#h}', '(#fund)',
  '[ref]: https://example.org\n', '[ref]', '![img](pic.png)', '*', '_', '`', '\\', '<b>', '&amp;', 'language: ru\n', 'language: en\n',
];

const md = createNotesMarkdown({ blockLines: 'relative' });
const resolveImage = (src: string): string => `img:${src}`;

/** Applies a random edit (insert a piece or delete a short range) and returns the new text and the change. */
function randomEdit(text: string, random: () => number): { text: string; change: { offset: number; deleted: number; inserted: string } } {
  const offset = Math.floor(random() * (text.length + 1));
  if (random() < 0.3 && text.length > 0) {
    const deleted = Math.min(text.length - offset, 1 + Math.floor(random() * 12));
    return { text: text.slice(0, offset) + text.slice(offset + deleted), change: { offset, deleted, inserted: '' } };
  }
  const inserted = PIECES[Math.floor(random() * PIECES.length)];
  return { text: text.slice(0, offset) + inserted + text.slice(offset), change: { offset, deleted: 0, inserted } };
}

function checkSame(cache: BriefBlockCache, model: NotesModel, what: string): void {
  const options: AnnotatedTextOptions = { resolveImage };
  const cached = cache.render(model, md, options);
  const whole = renderAnnotatedBlocks(model, md, options);
  assert.deepEqual(cached.lines, whole.lines, `${what}: block lines`);
  assert.equal(cached.html.length, whole.html.length, `${what}: block count`);
  for (let i = 0; i < whole.html.length; i++) assert.equal(cached.html[i], whole.html[i], `${what}: block ${i}`);
}

describe('brief preview block cache', function () {
  this.timeout(120_000);

  it('gives byte-identical blocks to a full render over random edits of every sample and fixture', () => {
    const files = notesFiles();
    assert.ok(files.length >= 20, `found ${files.length} notes files`);
    let edits = 0;
    for (const [n, file] of files.entries()) {
      const random = seededRandom(1000 + n);
      const cache = new BriefBlockCache();
      let text = file.text;
      let model = parseNotes(text);
      checkSame(cache, model, `${file.name} as it is`);
      for (let step = 0; step < 60; step++) {
        const edit = randomEdit(text, random);
        text = edit.text;
        model = editNotes(model, edit.change, text);
        checkSame(cache, model, `${file.name} after edit ${step} (${JSON.stringify(edit.change)})`);
        edits++;
      }
    }
    assert.ok(edits > 1000);
  });

  it('renders only the block an edit touched in a long file, and all of them when a fact of the file changes', () => {
    const sample = readFileSync(join(repo, 'test', 'fixtures', 'brief', 'sample.summit.md'), 'utf8');
    const end = sample.indexOf('\n---\n', 4) + 5;
    let text = sample;
    for (let i = 0; i < 20; i++) text += sample.slice(end).replace(/#(office|fund|rail|card|opening)\b/g, `#$1-${i}`).replace(/\(#office\)/g, `(#office-${i})`);
    const cache = new BriefBlockCache();
    let model = parseNotes(text);
    const first = cache.render(model, md, {});
    assert.equal(cache.stats.rendered, first.html.length);
    assert.ok(first.html.length > 100, `${first.html.length} blocks`);

    // A letter in a paragraph near the end.
    const at = text.lastIndexOf('rail corridor') + 4;
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    model = editNotes(model, { offset: at, deleted: 0, inserted: 'x' }, text);
    const typed = cache.render(model, md, {});
    assert.equal(cache.stats.rendered, 1);
    assert.equal(cache.stats.reused, typed.html.length - 1);
    assert.equal(cache.stats.fresh, undefined);
    assert.deepEqual(typed, renderAnnotatedBlocks(model, md, {}));

    // The language in the front matter: every tooltip's words change.
    const language = text.indexOf('language: en');
    assert.ok(language > 0, 'the sample says its language');
    text = `${text.slice(0, language)}language: ru${text.slice(language + 'language: en'.length)}`;
    model = parseNotes(text);
    const russian = cache.render(model, md, {});
    assert.equal(cache.stats.fresh, 'language');
    assert.deepEqual(russian, renderAnnotatedBlocks(model, md, {}));
  });

  it('gives the same brief preview content with and without the cache', () => {
    for (const file of notesFiles()) {
      const model = parseNotes(file.text);
      const cache = new BriefBlockCache();
      cache.render(model, md, { resolveImage });
      assert.deepEqual(renderBriefPreview(model, md, { resolveImage }, cache), renderBriefPreview(model, md, { resolveImage }), file.name);
    }
  });
});

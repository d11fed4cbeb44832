import * as assert from 'assert';
import { declaresSummitNotes } from '../../src/core';

describe('declaresSummitNotes', () => {
  it('finds summit-notes: 1 in the front matter', () => {
    assert.strictEqual(declaresSummitNotes('---\ntitle: X\nsummit-notes: 1\n---\nbody'), true);
  });
  it('accepts a BOM and CRLF line ends', () => {
    assert.strictEqual(declaresSummitNotes('\ufeff---\r\nsummit-notes: 1\r\n---\r\n'), true);
  });
  it('ignores the key after the front matter closes', () => {
    assert.strictEqual(declaresSummitNotes('---\ntitle: X\n---\nsummit-notes: 1\n'), false);
  });
  it('ignores files without front matter and other versions', () => {
    assert.strictEqual(declaresSummitNotes('# Title\nsummit-notes: 1'), false);
    assert.strictEqual(declaresSummitNotes('---\nsummit-notes: 2\n---\n'), false);
  });
});

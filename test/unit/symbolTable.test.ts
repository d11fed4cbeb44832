import * as assert from 'assert';
import { editNotes, parseNotes, symbolRange, symbolSelection, updateSymbolTable } from '../../src/core';

const TEXT = [
  '---', 'summit-notes: 1', 'title: Symbols', '---', '',
  '## Energy {#energy}', '',
  'The ministers backed a [gas pipeline study]{.initiative #pipeline status=proposed} worth [$2 bn]{.figure metric=cost}.', '',
  '## Trade', '',
  '[Ministers]{.actor} agreed a [customs window]{.initiative #window status=agreed}.', '',
].join('\n');

describe('symbol table: what the outline shows and what changed', () => {
  it('lists sections, initiatives and their figures and actors with labels', () => {
    const { table, sameShape, changed } = updateSymbolTable(parseNotes(TEXT), undefined, undefined);
    assert.strictEqual(sameShape, false);
    assert.deepStrictEqual(changed, []);
    assert.deepStrictEqual(table.kinds, ['section', 'initiative', 'figure', 'section', 'actor', 'initiative']);
    assert.deepStrictEqual(table.names.slice(0, 3), ['Energy', 'gas pipeline study', '$2 bn']);
    assert.strictEqual(table.details[1], '#pipeline · proposed');
  });

  it('keeps every selection inside its range', () => {
    const { table } = updateSymbolTable(parseNotes(TEXT), undefined, undefined);
    for (let i = 0; i < table.length; i++) {
      const [sl, sc, el, ec] = symbolRange(table, i);
      const [tl, tc, ul, uc] = symbolSelection(table, i);
      assert.ok(tl > sl || (tl === sl && tc >= sc), `selection starts inside the range of entry ${i}`);
      assert.ok(ul < el || (ul === el && uc <= ec), `selection ends inside the range of entry ${i}`);
    }
  });

  it('after typing inside a line, names only the entries on that line as changed', () => {
    const before = parseNotes(TEXT);
    const first = updateSymbolTable(before, undefined, undefined).table;
    const offset = TEXT.indexOf('customs window') + 'customs'.length;
    const text = TEXT.slice(0, offset) + ' single' + TEXT.slice(offset);
    const after = editNotes(before, { offset, deleted: 0, inserted: ' single' }, text);
    const line = text.slice(0, offset).split('\n').length - 1;
    const update = updateSymbolTable(after, first, new Set([line]));
    assert.strictEqual(update.sameShape, true);
    assert.deepStrictEqual(update.changed, [5]);
    assert.strictEqual(update.table.names[5], 'customs single window');
    assert.strictEqual(first.names[5], 'customs window', 'the previous table is left as it was');
    // Without the edited lines every entry is read and compared: the same answer.
    assert.deepStrictEqual(updateSymbolTable(after, first, undefined).changed, [5]);
  });

  it('a new annotation changes the shape: no entry is carried over', () => {
    const before = parseNotes(TEXT);
    const first = updateSymbolTable(before, undefined, undefined).table;
    const text = TEXT + '\nA [new fund]{.initiative}.\n';
    const update = updateSymbolTable(parseNotes(text), first, undefined);
    assert.strictEqual(update.sameShape, false);
    assert.strictEqual(update.table.length, first.length + 1);
  });
});

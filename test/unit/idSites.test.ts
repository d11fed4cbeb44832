import * as assert from 'assert';
import { parseNotes } from '../../src/core';
import { declarationsOf, idAt, idOccurrences, isValidId } from '../../src/core/editor/idSites';

const NOTES = `# Ports {#ports}

[A ferry]{.initiative #ferry status=proposed} and [a quay]{.initiative #quay}.
See [the ferry](#ferry), [again](#ferry) and [the part](#ports).
`;
const model = parseNotes(NOTES);
const slice = (r: { start: number; end: number }): string => NOTES.slice(r.start, r.end);

describe('id sites (definition, references, rename)', () => {
  it('finds the id on a declaration, on a reference and on a heading', () => {
    const decl = idAt(model, NOTES.indexOf('#ferry status') + 2);
    assert.deepStrictEqual(decl && [decl.id, slice(decl.range), decl.on], ['ferry', 'ferry', 'declaration']);
    const ref = idAt(model, NOTES.indexOf('(#ferry)') + 3);
    assert.deepStrictEqual(ref && [ref.id, slice(ref.range), ref.on], ['ferry', 'ferry', 'reference']);
    const heading = idAt(model, NOTES.indexOf('{#ports}') + 3);
    assert.deepStrictEqual(heading && [heading.id, slice(heading.range)], ['ports', 'ports']);
  });

  it('only loosely inside the annotation text', () => {
    assert.strictEqual(idAt(model, NOTES.indexOf('A ferry') + 2), undefined);
    assert.strictEqual(idAt(model, NOTES.indexOf('A ferry') + 2, true)?.id, 'ferry');
  });

  it('lists every occurrence: declaration, then references', () => {
    const { declarations, references } = idOccurrences(model, 'ferry');
    assert.deepStrictEqual(declarations.map(slice), ['ferry']);
    assert.deepStrictEqual(references.map(slice), ['ferry', 'ferry']);
    assert.strictEqual(declarationsOf(model, 'ports').length, 1);
  });

  it('accepts ids Pandoc accepts and refuses the rest', () => {
    assert.ok(isValidId('ferry-line_2'));
    assert.ok(isValidId('морской-коридор'));
    for (const bad of ['', 'two words', 'a}b', '#x', '.x']) assert.ok(!isValidId(bad), bad);
  });
});

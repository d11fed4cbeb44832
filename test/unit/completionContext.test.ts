import * as assert from 'assert';
import { completionContextAt } from '../../src/core/editor/completionContext';

/** The context at the `|` marker. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  return completionContextAt(marked.replace('|', ''), offset);
}

describe('completion context', () => {
  it('right after `]{`: an attribute key (kinds are offered when none is given yet)', () => {
    assert.deepStrictEqual(at('[text]{|'), { kind: 'attribute-key', prefix: '', start: 7, present: { classes: [], keys: [] } });
  });

  it('after `.`: a class with its prefix', () => {
    const c = at('[text]{.ini|');
    assert.strictEqual(c?.kind, 'class');
    assert.strictEqual(c.prefix, 'ini');
    assert.strictEqual(c.start, 8);
  });

  it('a key after the kind, knowing what is already there', () => {
    const c = at('[text]{.initiative #x area=ports st|');
    assert.strictEqual(c?.kind, 'attribute-key');
    assert.strictEqual(c.prefix, 'st');
    assert.deepStrictEqual(c.present, { classes: ['initiative'], keys: ['area'] });
  });

  it('a value after `key=`, quoted or not', () => {
    const bare = at('[t]{.initiative status=pro|');
    assert.deepStrictEqual(bare && bare.kind === 'attribute-value' && [bare.key, bare.prefix, bare.quoted], ['status', 'pro', false]);
    const quoted = at('[t]{.initiative by="Nord|');
    assert.deepStrictEqual(quoted && quoted.kind === 'attribute-value' && [quoted.key, quoted.prefix, quoted.quoted], ['by', 'Nord', true]);
  });

  it('an id after `](#`', () => {
    assert.deepStrictEqual(at('see [the ferry](#fer|'), { kind: 'reference-id', prefix: 'fer', start: 17 });
  });

  it('a quoted value keeps its spaces', () => {
    const c = at('[t]{.initiative by="Nord Land|');
    assert.deepStrictEqual(c && c.kind === 'attribute-value' && [c.key, c.prefix], ['by', 'Nord Land']);
  });

  it('nothing in ordinary text, after a closed block or in an id', () => {
    assert.strictEqual(at('plain {text|'), undefined);
    assert.strictEqual(at('[t]{.actor} and |'), undefined);
    assert.strictEqual(at('[t]{.initiative #fe|'), undefined);
  });
});

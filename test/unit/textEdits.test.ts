import * as assert from 'assert';
import { parseNotes } from '../../src/core';
import { addAreaEdit, attributeValue, createHeadingTargetEdit, setAttributeEdit, type TextEdit } from '../../src/core/editor/textEdits';

function apply(text: string, edit: TextEdit | undefined): string {
  assert.ok(edit, 'an edit');
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

describe('text edits', () => {
  it('changes an existing status, or adds one before the closing brace', () => {
    const text = '[A]{.initiative #a status=proposed} [B]{.initiative #b}\n';
    const model = parseNotes(text);
    const [a, b] = model.annotations;
    assert.strictEqual(apply(text, setAttributeEdit(model, a, 'status', 'agreed')), '[A]{.initiative #a status=agreed} [B]{.initiative #b}\n');
    assert.strictEqual(apply(text, setAttributeEdit(model, b, 'status', 'done')), '[A]{.initiative #a status=proposed} [B]{.initiative #b status=done}\n');
  });

  it('does not mistake a quoted value for a key', () => {
    const text = '[A]{.initiative note="status=odd" status=proposed}\n';
    const model = parseNotes(text);
    assert.strictEqual(apply(text, setAttributeEdit(model, model.annotations[0], 'status', 'launched')), '[A]{.initiative note="status=odd" status=launched}\n');
  });

  it('quotes values with spaces', () => {
    assert.strictEqual(attributeValue('agreed'), 'agreed');
    assert.strictEqual(attributeValue('on hold'), '"on hold"');
    assert.strictEqual(attributeValue('say "hi"'), '"say \\"hi\\""');
  });

  it('adds an area to a block vocabulary with its indentation', () => {
    const text = '---\ntitle: T\nareas:\n    ports: Ports\n    energy: Energy\nglossary: {}\n---\n\n[x]{.initiative area=space-tech}\n';
    assert.strictEqual(apply(text, addAreaEdit(parseNotes(text), 'space-tech')),
      '---\ntitle: T\nareas:\n    ports: Ports\n    energy: Energy\n    space-tech: Space tech\nglossary: {}\n---\n\n[x]{.initiative area=space-tech}\n');
  });

  it('adds an area to a flow vocabulary, or creates the vocabulary', () => {
    const flow = '---\nareas: {ports: Ports}\n---\n';
    assert.strictEqual(apply(flow, addAreaEdit(parseNotes(flow), 'energy')), '---\nareas: {ports: Ports, energy: Energy}\n---\n');
    const none = '---\ntitle: T\n---\n';
    assert.strictEqual(apply(none, addAreaEdit(parseNotes(none), 'energy')), '---\ntitle: T\nareas:\n  energy: Energy\n---\n');
    assert.strictEqual(addAreaEdit(parseNotes('no front matter\n'), 'energy'), undefined);
  });

  it('creates a heading for a missing reference target at the end', () => {
    const text = 'See [the bridge plan](#bridge).\n';
    assert.strictEqual(apply(text, createHeadingTargetEdit(parseNotes(text), 'bridge', 'the bridge plan')), 'See [the bridge plan](#bridge).\n\n## the bridge plan {#bridge}\n');
  });
});

import * as assert from 'assert';
import { parseNotes } from '../../src/core';
import { groupAnnotations, groupKeyOf, initiativeAt } from '../../src/core/editor/initiativeGroups';

const NOTES = `---
areas:
  ports: Ports and shipping
  energy: Energy
---

[Early idea]{.initiative #early}

# Trade

[Ferry with [5 ships]{.figure}]{.initiative #ferry area=ports status=proposed by=Nordland}.
[Grid]{.initiative #grid area=energy status=agreed note="wind"}

# Finance

[Fund]{.initiative #fund status=proposed} said [Southmark]{.actor}.
`;
const model = parseNotes(NOTES);
const shape = (groups: ReturnType<typeof groupAnnotations>) => groups.map((g) => [g.label, g.annotations.map((a) => a.id ?? a.plainText)]);

describe('Initiatives tree groups', () => {
  it('by section, in document order, text before the first heading first', () => {
    assert.deepStrictEqual(shape(groupAnnotations(model, 'section')), [
      ['(before the first heading)', ['early']], ['Trade', ['ferry', 'grid']], ['Finance', ['fund']],
    ]);
  });

  it('by status in the vocabulary\'s order, no status last', () => {
    assert.deepStrictEqual(shape(groupAnnotations(model, 'status')), [
      ['proposed', ['ferry', 'fund']], ['agreed', ['grid']], ['(no status)', ['early']],
    ]);
  });

  it('by area with the vocabulary labels', () => {
    assert.deepStrictEqual(shape(groupAnnotations(model, 'area')), [
      ['Ports and shipping', ['ferry']], ['Energy', ['grid']], ['(no area)', ['early', 'fund']],
    ]);
  });

  it('by kind, listing figures and actors too', () => {
    assert.deepStrictEqual(shape(groupAnnotations(model, 'kind')), [
      ['Initiatives', ['early', 'ferry', 'grid', 'fund']], ['Figures', ['5 ships']], ['Actors', ['Southmark']],
    ]);
  });

  it('filters by text (text, id, proposer, note), area and status', () => {
    assert.deepStrictEqual(shape(groupAnnotations(model, 'section', { text: 'nord' })), [['Trade', ['ferry']]]);
    assert.deepStrictEqual(shape(groupAnnotations(model, 'section', { text: 'WIND' })), [['Trade', ['grid']]]);
    assert.deepStrictEqual(shape(groupAnnotations(model, 'section', { status: 'proposed', area: 'ports' })), [['Trade', ['ferry']]]);
  });

  it('knows each annotation\'s group and the initiative around an offset', () => {
    const ferry = model.annotations.find((a) => a.id === 'ferry');
    assert.ok(ferry);
    const keys = groupAnnotations(model, 'section').map((g) => g.key);
    assert.ok(keys.includes(groupKeyOf(model, ferry, 'section')));
    assert.strictEqual(groupKeyOf(model, ferry, 'status'), 'proposed');
    assert.strictEqual(initiativeAt(model, NOTES.indexOf('5 ships'))?.id, 'ferry');
  });
});

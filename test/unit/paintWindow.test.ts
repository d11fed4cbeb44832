import * as assert from 'assert';
import { MIN_MARGIN_LINES, nearWindowEdge, paintWindow, sameNumbers, untouchedSince } from '../../src/core';

describe('highlighting window: which lines are painted and when to repaint', () => {
  it('paints the visible lines and two screens (at least the minimum margin) each side, within the text', () => {
    assert.deepStrictEqual(paintWindow(1000, 1049, 100000), [1000 - MIN_MARGIN_LINES, 1049 + MIN_MARGIN_LINES]);
    assert.deepStrictEqual(paintWindow(1000, 1099, 100000), [800, 1299]);
    assert.deepStrictEqual(paintWindow(5, 20, 60), [0, 60]);
    assert.deepStrictEqual(paintWindow(undefined, undefined, 1000), [0, 2 * MIN_MARGIN_LINES]);
  });

  it('repaints when scrolling comes within a screen of the painted edge, not before', () => {
    assert.strictEqual(nearWindowEdge(1000, 1049, 900, 1149, 100000), false);
    assert.strictEqual(nearWindowEdge(1100, 1149, 900, 1149, 100000), true);
    assert.strictEqual(nearWindowEdge(930, 979, 900, 1149, 100000), true);
    assert.strictEqual(nearWindowEdge(0, 49, 0, 149, 100000), false, 'nothing above the first line to paint');
  });

  it('keeps ranges only while no edit reached them', () => {
    assert.strictEqual(untouchedSince([10, 20, 30, 40], Number.POSITIVE_INFINITY), true);
    assert.strictEqual(untouchedSince([10, 20, 30, 40], 41), true);
    assert.strictEqual(untouchedSince([10, 20, 30, 40], 40), false);
    assert.strictEqual(sameNumbers([1, 2], [1, 2]), true);
    assert.strictEqual(sameNumbers(undefined, []), false);
  });
});

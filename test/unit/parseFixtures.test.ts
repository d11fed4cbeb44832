import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseNotes } from '../../src/core';
import { fixtureNames, PARSE_FIXTURES, readFixture, summarise } from './parseSupport';

// Each `test/fixtures/parse/NAME.summit.md` has `NAME.expected.json`. After a deliberate change,
// regenerate with `UPDATE_FIXTURES=1 npx mocha out/test/unit/parseFixtures.test.js` and review the
// diff by eye before keeping it.
const update = process.env.UPDATE_FIXTURES === '1';

describe('parseNotes fixtures', () => {
  const names = fixtureNames();
  it('has fixtures to run', () => {
    assert.ok(names.length >= 10, `only ${names.length} fixtures in ${PARSE_FIXTURES}`);
  });
  for (const name of names) {
    it(`reads ${name}`, () => {
      const actual = JSON.parse(JSON.stringify(summarise(parseNotes(readFixture(name)))));
      const file = path.join(PARSE_FIXTURES, `${name}.expected.json`);
      if (update || !fs.existsSync(file)) {
        fs.writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
        if (!update) assert.fail(`${name}.expected.json was missing; written now: review it`);
        return;
      }
      assert.deepStrictEqual(actual, JSON.parse(fs.readFileSync(file, 'utf8')));
    });
  }
});

// Mocha reporter for both tiers: prints like `spec` and writes the counts and failures as JSON to
// the file named by SUMMIT_TEST_RESULTS, which scripts/test.mjs (and the integration runner) read.
'use strict';
const fs = require('fs');
const Mocha = require('mocha');
const { Spec } = Mocha.reporters;
const { EVENT_RUN_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;

class SummitReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    const results = { passed: 0, failed: 0, skipped: 0, tests: [], failures: [] };
    runner.on(EVENT_TEST_PASS, (t) => { results.passed++; results.tests.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }); });
    runner.on(EVENT_TEST_PENDING, (t) => { results.skipped++; results.tests.push({ title: t.fullTitle(), state: 'skipped' }); });
    runner.on(EVENT_TEST_FAIL, (t, err) => {
      results.failed++;
      const message = err && (err.stack || err.message) ? String(err.stack || err.message) : String(err);
      results.tests.push({ title: t.fullTitle(), state: 'failed' });
      results.failures.push({ title: t.fullTitle(), error: message });
    });
    runner.once(EVENT_RUN_END, () => {
      const file = process.env.SUMMIT_TEST_RESULTS;
      if (file) fs.writeFileSync(file, JSON.stringify(results, null, 1));
    });
  }
}
module.exports = SummitReporter;

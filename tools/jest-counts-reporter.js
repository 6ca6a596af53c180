// A jest reporter that records each package's test counts in <repo>/.test-results/, so that
// `npm test` can close with one line of totals over every package (tools/test-summary.js).
const fs = require('fs');
const path = require('path');

class CountsReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '..', '.test-results');
    fs.mkdirSync(dir, { recursive: true });
    const name = path.relative(path.join(__dirname, '..'), this.rootDir).replace(/[\\/]/g, '_') || 'root';
    const counts = { passed: results.numPassedTests, failed: results.numFailedTests, skipped: results.numPendingTests + results.numTodoTests };
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(counts));
  }
}

module.exports = CountsReporter;

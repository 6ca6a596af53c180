#!/usr/bin/env node
// Prints the totals of the jest runs recorded by tools/jest-counts-reporter.js and exits 1 when a
// test failed or no test ran.
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, '..', '.test-results');
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
const total = { passed: 0, failed: 0, skipped: 0 };
for (const f of files) {
  const c = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  for (const k of Object.keys(total)) total[k] += c[k];
  process.stdout.write(`${f.replace(/\.json$/, '')}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped\n`);
}
process.stdout.write(`Total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);

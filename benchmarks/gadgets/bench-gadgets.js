#!/usr/bin/env node
'use strict';
/**
 * Gadget benchmark: each gadget alone (matmul with constant and private weights, softmax with and
 * without a causal mask, GELU in both forms and every strategy, convolution, pooling and
 * per-channel affine layers), with its
 * constraints, wires, witness time, Groth16 times and error against a float64 reference, beside
 * the circomlib-ml design where one exists in R1CS. Run after the build (`npx nx run-many -t build`):
 *   npm run bench:gadgets            (in benchmarks/), or node benchmarks/gadgets/bench-gadgets.js
 * Env: BENCH_MATMUL_SIZES (default 8,16,32,64,128), BENCH_SOFTMAX_LENGTHS (8,32,128,512,1024),
 * BENCH_GELU_SIZES (1,16,256,4096,65536), BENCH_CNN_SIZES (feature-map sides, 8,16,28,56), BENCH_GROTH16_BOX_S (time box of setup + prove per
 * circuit, default 300), BENCH_GROTH16_MAX_POWER (default 20), BENCH_ONLY (family names, comma list),
 * BENCH_OUT (output folder, default this one), BENCH_COUNT_ONLY_ABOVE (circuits predicted larger
 * are counted, not stored, and not proved; default 2^20 constraints), BENCH_SIZES_ONLY (rerun only these
 * sizes), BENCH_MERGE=1 (keep the other rows of results.json, e.g. to rerun the largest sizes with a
 * longer box). Writes results.json, results.md and plots/*.svg.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { gadgets } = require('@onnx-zk/zk-accelerator-components');
const { matmulCases } = require('./family-matmul');
const { approxCases } = require('./family-approx');
const { cnnCases } = require('./family-cnn');
const { measure } = require('./measure');
const { Groth16Bench } = require('./groth16');
const { markdownReport } = require('./report-md');
const { writePlots } = require('./plot-svg');

const list = (v, d) => (v ? v.split(',').map(Number) : d);
const env = process.env;
const OPTIONS = {
  matmulSizes: list(env.BENCH_MATMUL_SIZES, [8, 16, 32, 64, 128]),
  softmaxLengths: list(env.BENCH_SOFTMAX_LENGTHS, [8, 32, 128, 512, 1024]),
  geluSizes: list(env.BENCH_GELU_SIZES, [1, 16, 256, 4096, 65536]),
  cnnSizes: list(env.BENCH_CNN_SIZES, [8, 16, 28, 56]),
  boxSeconds: Number(env.BENCH_GROTH16_BOX_S || 300),
  maxPower: Number(env.BENCH_GROTH16_MAX_POWER || 20),
  only: env.BENCH_ONLY ? env.BENCH_ONLY.split(',') : null,
  countOnlyAbove: Number(env.BENCH_COUNT_ONLY_ABOVE || 2 ** 20),
  sizesOnly: env.BENCH_SIZES_ONLY ? env.BENCH_SIZES_ONLY.split(',').map(Number) : null,
  merge: env.BENCH_MERGE === '1',
};
const HERE = env.BENCH_OUT || __dirname;
const LOAD_AT_START = os.loadavg();
const has = (name) => Object.prototype.hasOwnProperty.call(gadgets, name);

function allCases() {
  const cases = [...matmulCases(OPTIONS.matmulSizes, has), ...approxCases(OPTIONS, gadgets), ...cnnCases(OPTIONS.cnnSizes)];
  return cases.filter((c) => (!OPTIONS.only || OPTIONS.only.includes(c.family)) && (!OPTIONS.sizesOnly || OPTIONS.sizesOnly.includes(c.size)));
}

/** Rewrites results.json, results.md and the plots: after every row, so a stopped run keeps its rows. */
function writeResults(rows) {
  const meta = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, loadAverage: { atStart: LOAD_AT_START, atEnd: os.loadavg() }, options: OPTIONS };
  fs.mkdirSync(HERE, { recursive: true });
  fs.writeFileSync(path.join(HERE, 'results.json'), `${JSON.stringify({ meta, rows }, null, 2)}\n`);
  fs.writeFileSync(path.join(HERE, 'results.md'), markdownReport(meta, rows));
  writePlots(path.join(HERE, 'plots'), rows);
}

const rowKey = (r) => `${r.family}|${r.variant}|${r.size}`;

/** With BENCH_MERGE=1: the rows of the last results.json, to be replaced by this run's rows of the same case. */
function previousRows() {
  const file = path.join(HERE, 'results.json');
  return OPTIONS.merge && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).rows : [];
}

async function main() {
  const groth = new Groth16Bench(OPTIONS);
  const rows = previousRows();
  try {
    for (const c of allCases()) {
      const label = `${c.family} ${c.variant} size ${c.size}`;
      process.stderr.write(`${label}: synthesize…`);
      const m = measure(c, OPTIONS.countOnlyAbove);
      process.stderr.write(` ${m.row.constraints} constraints, ${m.row.witnessMs.toFixed(0)} ms; groth16…`);
      const groth16 = m.countOnly ? { skipped: 'over time box (counted only: too large to keep)' } : await groth.run(m);
      process.stderr.write(` ${groth16.skipped ?? `${(groth16.setupS + groth16.proveS).toFixed(1)} s`}\n`);
      const row = { family: c.family, variant: c.variant, size: c.size, elements: c.elements, frac: c.frac, ...m.row, groth16, peer: c.peer ?? null, measuredAt: new Date().toISOString(), load1: os.loadavg()[0] };
      const at = rows.findIndex((r) => rowKey(r) === rowKey(row));
      if (at >= 0) rows[at] = row;
      else rows.push(row);
      writeResults(rows);
    }
  } finally {
    await groth.close();
  }
  process.stderr.write(`wrote ${rows.length} rows to ${path.join(HERE, 'results.{json,md}')} and plots/\n`);
}

main().catch((e) => {
  process.stderr.write(`bench-gadgets: ${e.stack ?? e}\n`);
  process.exit(1);
});

#!/usr/bin/env node
/**
 * Both proving backends on the same models: `onnx-zk prove --backend groth16` and `--backend
 * groth16-cr` (limb width: the one select's cost model picks), each with a cold key cache, median of
 * --runs (default 3) at 16 fractional bits: constraints, limb width, max error against the float
 * model, setup / prove / verify seconds, peak RSS, and verifyProof's gas on the in-process EVM.
 * Writes results-backends.json and results-backends.md next to this file.
 * Usage (after `npm run build`): node benchmarks/models/bench-backends.js [--runs 3] [--models accuracy,mnist_cnn]
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { CLI, median, proveOnce } = require('./prove-once');

const arg = (name, def) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : def; };
const RUNS = Number(arg('--runs', '3'));
const MODELS = arg('--models', 'accuracy,mnist_cnn').split(',');
const BACKENDS = ['groth16', 'groth16-cr'];

/** verifyProof's gas (transaction) and the module's limb width, read before the folder goes. */
function inspect(out) {
  const r = spawnSync(process.execPath, [CLI, 'verify', out, '--onchain'], { encoding: 'utf8' });
  const gas = /gas ([\d,]+)/.exec(r.stdout);
  const signature = fs.readFileSync(path.join(out, 'model.runtime.ll'), 'utf8');
  const limb = /\\22limbBits\\22:(\d+)/.exec(signature) ?? /"limbBits":(\d+)/.exec(signature);
  return { gas: gas ? Number(gas[1].replace(/,/g, '')) : NaN, onchain: r.status === 0, limbBits: limb ? Number(limb[1]) : undefined };
}

function measure(model, backend) {
  const runs = Array.from({ length: RUNS }, () => proveOnce(model, 16, inspect, ['--backend', backend]));
  const m = (f) => median(runs.map(f));
  const last = runs[runs.length - 1];
  return {
    model, backend, runs: RUNS, constraints: last.timings.constraints, wires: last.timings.wires, limbBits: last.limbBits, ptauPower: last.timings.ptauPower,
    maxAbsError: last.maxAbsError, gas: last.gas, onchainVerified: runs.every((r) => r.onchain),
    seconds: { setup: m((r) => r.timings.seconds.setup), prove: m((r) => r.timings.seconds.prove), verify: m((r) => r.timings.seconds.verify), wall: m((r) => r.wall) },
    peakMiB: m((r) => r.peakMiB), load1: runs.map((r) => r.load1),
  };
}

function table(rows) {
  const lines = [
    '| model | backend | limb bits | constraints | 2^k | plain / cr | max abs error | setup s | prove s | verify s | peak MiB | verifyProof gas |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const plain = rows.find((p) => p.model === r.model && p.backend === 'groth16');
    const ratio = r.backend === 'groth16' || !plain ? '' : `${(plain.constraints / r.constraints).toFixed(2)}×`;
    lines.push(`| ${r.model} | ${r.backend} | ${r.limbBits ?? '–'} | ${r.constraints} | ${r.ptauPower} | ${ratio} | ${r.maxAbsError.toExponential(2)} | ` +
      `${r.seconds.setup.toFixed(2)} | ${r.seconds.prove.toFixed(2)} | ${r.seconds.verify.toFixed(3)} | ${r.peakMiB.toFixed(0)} | ${r.gas.toLocaleString('en-US')} |`);
  }
  return lines.join('\n');
}

const rows = MODELS.flatMap((model) => BACKENDS.map((backend) => measure(model, backend)));
const meta = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, runs: RUNS };
fs.writeFileSync(path.join(__dirname, 'results-backends.json'), `${JSON.stringify({ meta, rows }, null, 1)}\n`);
const md = `# Both backends on the same models\n\n${meta.date} · ${meta.cpus}× ${meta.cpu} · node ${meta.node} · median of ${RUNS} runs at 16 ` +
  'fractional bits, each with a cold key cache (setup = writing the INSECURE development keys); peak = the prove process\'s maximum RSS; ' +
  'gas = verifyProof\'s transaction on the in-process EVM (`onnx-zk verify --onchain`). groth16 proves range checks with one ' +
  'constraint per bit; groth16-cr looks limbs up in a table of 2^(limb bits) rows after a challenge round (docs/challenge-round.md). ' +
  'The max abs error is the same for both: the circuits compute the same integers.\n\n' +
  `${table(rows)}\n`;
fs.writeFileSync(path.join(__dirname, 'results-backends.md'), md);
process.stdout.write(`${md}\n`);

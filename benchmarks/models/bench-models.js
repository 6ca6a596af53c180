#!/usr/bin/env node
/**
 * The walking skeleton's figures: `onnx-zk prove` on EZKL example MLPs, each run with a cold key
 * cache (so "setup" includes writing the insecure development Groth16 keys), at 16
 * and 8 fractional bits. Writes results.json and results.md next to this file.
 * Usage (after `npm run build`): node benchmarks/models/bench-models.js [--runs 3]
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { readTir } = require('../../packages/tensor-ir/dist');
const { costSummary } = require('../../packages/zk-accelerator-components/dist');
const { circomlibMl, RELU_PER_ELEMENT } = require('../gadgets/peers');

const { median, proveOnce: proveRun } = require('./prove-once');

const MODELS = ['1l_mlp', '2l_relu_fc', 'sklearn_mlp', 'accuracy'];
const FRAC_BITS = [16, 8];
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

function proveOnce(model, frac) {
  return proveRun(model, frac, (out) => ({ layers: layerCosts(path.join(out, 'model.acc.tir')) }));
}

/**
 * The layers' own constraints (select's per-node cost, without the input range check and the
 * outputs' copies) beside circomlib-ml's design for the same layers: one constraint per
 * multiply-accumulate of every Linear (weights as signals) and 517 per ReLU element.
 */
function layerCosts(accTir) {
  const { graph } = readTir(accTir, 'accel');
  const summary = costSummary(graph);
  const ours = summary.rows.filter((r) => r.op !== 'RangeCheck').reduce((n, r) => n + r.constraints, 0);
  let peer = 0;
  for (const node of graph.nodes) {
    const shape = (v) => graph.values.get(v).shape;
    if (node.op === 'Linear') {
      const [x, w] = [shape(node.inputs[0]), shape(node.inputs[1])];
      peer += circomlibMl.dense(x.slice(0, -1).reduce((a, b) => a * b, 1), w[0], w[1]).constraints;
    }
    if (node.op === 'Relu' || node.op === 'RescaleRelu') peer += RELU_PER_ELEMENT * shape(node.outputs[0]).reduce((a, b) => a * b, 1);
  }
  return { ours, circomlibMl: peer };
}

function measure(model, frac) {
  const runs = Array.from({ length: RUNS }, () => proveOnce(model, frac));
  const t = (k) => median(runs.map((r) => r.timings.seconds[k]));
  const last = runs[runs.length - 1];
  return {
    model, fracBits: frac, runs: RUNS,
    constraints: last.timings.constraints, wires: last.timings.wires, publicSignals: last.timings.publicSignals,
    ptauPower: last.timings.ptauPower, maxAbsError: last.maxAbsError,
    seconds: { wall: median(runs.map((r) => r.wall)), assign: t('assign'), setup: t('setup'), prove: t('prove'), verify: t('verify') },
    sizes: last.sizes, layers: last.layers,
  };
}

function table(rows) {
  const kb = (n) => (n / 1024).toFixed(1);
  const lines = [
    '| model | F | constraints | wires | layers | circomlib-ml layers | ratio | max abs error | setup (cold) s | prove s | verify s | whole run s | r1cs KiB | wtns KiB | zkey KiB | proof B | Verifier.sol KiB |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const s = r.sizes;
    const ratio = r.layers.ours ? `${(r.layers.circomlibMl / r.layers.ours).toFixed(1)}×` : '–';
    lines.push(`| ${r.model} | ${r.fracBits} | ${r.constraints} | ${r.wires} | ${r.layers.ours} | ${r.layers.circomlibMl} | ${ratio} | ${r.maxAbsError.toExponential(2)} | ${r.seconds.setup.toFixed(2)} | ` +
      `${r.seconds.prove.toFixed(2)} | ${r.seconds.verify.toFixed(3)} | ${r.seconds.wall.toFixed(2)} | ${kb(s['circuit.r1cs'])} | ${kb(s['witness.wtns'])} | ` +
      `${kb(s['circuit.zkey'])} | ${s['proof.json']} | ${kb(s['Verifier.sol'])} |`);
  }
  return lines.join('\n');
}

const rows = [];
for (const frac of FRAC_BITS) for (const model of MODELS) rows.push(measure(model, frac));
const meta = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, runs: RUNS };
fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify({ meta, rows }, null, 1)}\n`);
const md = `# Walking-skeleton models\n\n${meta.date} · ${meta.cpus}× ${meta.cpu} · node ${meta.node} · median of ${RUNS} runs, each with a cold key cache ` +
  `(setup = writing the INSECURE development Groth16 keys).\n\n${table(rows)}\n\n` +
  'layers = the constraints of the model\'s layers (select\'s per-node cost; without the private input\'s range check and the output copies); ' +
  'circomlib-ml layers = the same layers in circomlib-ml\'s design (one constraint per multiply-accumulate with the weights as signals, 517 per ReLU element; ' +
  'it range-checks no input either); ratio = circomlib-ml / ours.\n\nEvery artifact\'s size in bytes is in results.json.\n';
fs.writeFileSync(path.join(__dirname, 'results.md'), md);
process.stdout.write(`${md}\n`);

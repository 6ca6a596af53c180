#!/usr/bin/env node
/**
 * The convolutional examples: `onnx-zk prove` on the MNIST-8-shaped CNN and EZKL's CNNs, each with
 * a cold key cache, median of --runs (default 3) at 16 fractional bits: constraints, the layers'
 * constraints beside circomlib-ml's design for the same layers, error, times and peak memory.
 * Writes results-cnn.json and results-cnn.md next to this file.
 * Usage (after `npm run build`): node benchmarks/models/bench-cnn.js [--runs 3] [--models a,b] [--merge]
 * (--merge keeps the other models' rows of results-cnn.json: mnist_gan, 9 minutes a run, is measured alone).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { readTir } = require('../../packages/tensor-ir/dist');
const { costSummary } = require('../../packages/zk-accelerator-components/dist');
const { median, proveOnce } = require('./prove-once');
const { peerLayers } = require('./peer-layers');
const { PUBLISHED } = require('../gadgets/peers');

const arg = (name, def) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : def; };
const RUNS = Number(arg('--runs', '3'));
const MODELS = arg('--models', 'mnist_cnn,3l_relu_conv_fc,4l_relu_conv_fc,variable_cnn,2l_relu_sigmoid_conv,idolmodel,1l_conv_transpose').split(',');

/** Our layers (select's per-node cost without the input range check) and the peer's for the same float graph. */
function layers(out) {
  const acc = readTir(path.join(out, 'model.acc.tir'), 'accel').graph;
  const ours = costSummary(acc).rows.filter((r) => r.op !== 'RangeCheck').reduce((n, r) => n + r.constraints, 0);
  return { layers: { ours, peer: peerLayers(readTir(path.join(out, 'model.tir'), 'float').graph) } };
}

function measure(model) {
  const runs = Array.from({ length: RUNS }, () => proveOnce(model, 16, layers));
  const m = (f) => median(runs.map(f));
  const last = runs[runs.length - 1];
  return {
    model, runs: RUNS, constraints: last.timings.constraints, ptauPower: last.timings.ptauPower, maxAbsError: last.maxAbsError, layers: last.layers,
    seconds: { wall: m((r) => r.wall), assign: m((r) => r.timings.seconds.assign), setup: m((r) => r.timings.seconds.setup), prove: m((r) => r.timings.seconds.prove), verify: m((r) => r.timings.seconds.verify) },
    peakMiB: m((r) => r.peakMiB), load1: runs.map((r) => r.load1), sizes: last.sizes,
  };
}

function table(rows) {
  const lines = [
    '| model | runs | constraints | 2^k | layers | circomlib-ml layers | ratio | max abs error | setup s | prove s | verify s | whole run s | peak MiB | zkey MiB |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const peer = r.layers.peer.missing.length ? `${r.layers.peer.constraints} (no design for ${r.layers.peer.missing.join(', ')})` : String(r.layers.peer.constraints);
    const ratio = r.layers.peer.missing.length || !r.layers.ours ? '–' : `${(r.layers.peer.constraints / r.layers.ours).toFixed(1)}×`;
    lines.push(`| ${r.model} | ${r.runs} | ${r.constraints} | ${r.ptauPower} | ${r.layers.ours} | ${peer} | ${ratio} | ${r.maxAbsError.toExponential(2)} | ${r.seconds.setup.toFixed(2)} | ` +
      `${r.seconds.prove.toFixed(2)} | ${r.seconds.verify.toFixed(3)} | ${r.seconds.wall.toFixed(1)} | ${r.peakMiB.toFixed(0)} | ${(r.sizes['circuit.zkey'] / 2 ** 20).toFixed(1)} |`);
  }
  return lines.join('\n');
}

const RESULTS = path.join(__dirname, 'results-cnn.json');
const previous = process.argv.includes('--merge') && fs.existsSync(RESULTS) ? JSON.parse(fs.readFileSync(RESULTS, 'utf8')).rows : [];
const measured = MODELS.map(measure);
const rows = [...previous.filter((r) => !MODELS.includes(r.model)), ...measured];
const meta = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, runs: RUNS };
fs.writeFileSync(RESULTS, `${JSON.stringify({ meta, rows }, null, 1)}\n`);
const published = PUBLISHED.map((p) => `${p.model}: ${p.constraints} (the formulas give ${p.formula()})`).join('; ');
const md = `# Convolutional models\n\n${meta.date} · ${meta.cpus}× ${meta.cpu} · node ${meta.node} · median of the runs at 16 fractional bits, ` +
  `each with a cold key cache (setup = writing the INSECURE development Groth16 keys); peak = the prove process's maximum RSS; runs and the load ` +
  `average per row are in results-cnn.json.\n\n${table(rows)}\n\n` +
  'layers = the constraints of the model\'s layers (select\'s per-node cost, without the private input\'s range check); circomlib-ml layers = ' +
  'the same ONNX layers in circomlib-ml\'s design, the library keras2circom emits (benchmarks/models/peer-layers.js: one constraint per ' +
  'multiply-accumulate inside the image, 517 per ReLU element, 254·k² − 1 per max-pool output); ratio = circomlib-ml / ours. ' +
  `Published keras2circom figure for reference: ${published}.\n`;
fs.writeFileSync(path.join(__dirname, 'results-cnn.md'), md);
process.stdout.write(`${md}\n`);

#!/usr/bin/env node
'use strict';
/**
 * Both proving backends on the same gadget circuits: constraints per element of every gadget that
 * costs constraints (rescale, ReLU fused and alone, clip, range check, max, reciprocal, rsqrt, layer
 * norm, GELU in both forms, sigmoid, exp and softmax) at frac 16, and a private 64×16·16×64 MatMul. groth16 proves ranges with one constraint
 * per bit; groth16-cr with limb lookups at widths 8, 12 and 16, and its tables (the range table
 * 2^w + 1 constraints, function tables rows + 1) are paid once per circuit: the table shows the
 * gadget's own constraints per element and the whole circuit's for N elements, tables included.
 * Every circuit is synthesized for real, its count checked against the cost formula, finalized
 * and its witness checked. Writes results-backends.json and results-backends.md here.
 * Usage (after the build): node benchmarks/gadgets/bench-backends.js   (env BENCH_BACKENDS_N, default 4096)
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const acc = require('@onnx-zk/zk-accelerator-components');
const ir = require('@onnx-zk/tensor-ir');
const { synth } = require('./instantiate');
const { quantize, seeded, sweep } = require('./fixed');

const { ConstraintSystem, LookupArgument, checkR1cs, withRangeMode } = acc;
const FRAC = 16;
const N = Number(process.env.BENCH_BACKENDS_N || 4096);
const WIDTHS = [8, 12, 16];
const Q = (x) => quantize(x, FRAC);
const one = (v) => BigInt64Array.of(v);

/** The gadget circuits: name, elements, inputs and a build(cs, signals) → { outs, predicted }. */
function cases() {
  const rand = seeded(19);
  const x = sweep(N, -8, 8).map(Q);
  const neg = sweep(N, -8, 0).map(Q);
  const pos = sweep(N, 1, 16).map(Q);
  // a dense layer's accumulator: values of frac 32 in [−8, 8], rescaled by 16
  const accum = Array.from({ length: N }, () => BigInt(Math.round((rand() * 16 - 8) * 2 ** (2 * FRAC))));
  const accBounds = { lo: one(-(8n << 32n)), hi: one(8n << 32n) };
  const [glo, ghi] = ir.geluBounds(Q(-8), Q(8), FRAC);
  const [slo, shi] = ir.sigmoidBounds(Q(-8), Q(8), FRAC, 'sigmoid');
  const vec = (signals, extra = {}) => ({ shape: [N], signals, frac: FRAC, lo: Q(-8), hi: Q(8), ...extra });
  const list = [
    { name: 'rescale', inputs: accum, build: (cs, s) => synth(cs, 'rescale', { inputs: [{ shape: [N], signals: s, ...accBounds }], outputs: [{ shape: [N], lo: Q(-8), hi: Q(8) }], attrs: { shift: FRAC } }, ['Rescale_0']) },
    { name: 'ReLU (rescale_relu)', inputs: accum, build: (cs, s) => synth(cs, 'rescale_relu', { inputs: [{ shape: [N], signals: s, ...accBounds }], outputs: [{ shape: [N] }], attrs: { shift: FRAC } }, ['Relu_0']) },
    { name: 'ReLU (relu alone)', inputs: x, build: (cs, s) => synth(cs, 'relu', { inputs: [vec(s)], outputs: [{ shape: [N] }] }, ['Relu_0']) },
    ...[['none', 'erf'], ['tanh', 'tanh']].map(([approximate, form]) => ({
      name: `GELU (${form})`, inputs: x,
      build: (cs, s) => synth(cs, 'gelu', { inputs: [vec(s)], outputs: [{ shape: [N], frac: FRAC, lo: glo, hi: ghi }], attrs: { approximate } }, ['Gelu_0']),
    })),
    { name: 'sigmoid', inputs: x, build: (cs, s) => synth(cs, 'sigmoid', { inputs: [vec(s)], outputs: [{ shape: [N], frac: FRAC, lo: slo, hi: shi }], attrs: { form: 'sigmoid' } }, ['Sigmoid_0']) },
    { name: 'exp', inputs: neg, build: (cs, s) => synth(cs, 'exp', { inputs: [vec(s, { hi: 0n })], outputs: [{ shape: [N], frac: FRAC, lo: 0n, hi: 1n << BigInt(FRAC) }] }, ['Exp_0']) },
    { name: 'range_check (a model input)', inputs: x, build: (cs, s) => synth(cs, 'range_check', { inputs: [vec(s)], outputs: [{ shape: [0] }] }, ['RangeCheck_x']) },
    { name: 'clamp (Clip to [−1, 1])', inputs: x, build: (cs, s) => synth(cs, 'clamp', { inputs: [vec(s)], outputs: [{ shape: [N] }], attrs: { low: Number(Q(-1)), high: Number(Q(1)) } }, ['Clip_0']) },
    {
      name: 'rescale_clip (ReLU6 after a dense layer)', inputs: accum,
      build: (cs, s) => synth(cs, 'rescale_clip', { inputs: [{ shape: [N], signals: s, ...accBounds }], outputs: [{ shape: [N] }, { shape: [0] }], attrs: { shift: FRAC, low: 0, high: Number(Q(6)) } }, ['Clip_0']),
    },
    { name: 'max (ReduceMax, rows of 64)', inputs: x, build: (cs, s) => synth(cs, 'max', { inputs: [{ shape: [N / 64, 64], signals: s, lo: Q(-8), hi: Q(8) }], outputs: [{ shape: [N / 64, 1] }] }, ['ReduceMax_0']) },
    {
      name: 'reciprocal (x ∈ [1, 16])', inputs: pos,
      build: (cs, s) => synth(cs, 'reciprocal', { inputs: [{ shape: [N], signals: s, lo: Q(1), hi: Q(16) }], outputs: [{ shape: [N] }], attrs: { shift: 2 * FRAC } }, ['Reciprocal_0']),
    },
    {
      name: 'rsqrt (x ∈ [1, 16])', inputs: pos,
      build: (cs, s) => synth(cs, 'rsqrt', { inputs: [{ shape: [N], signals: s, lo: Q(1), hi: Q(16) }], outputs: [{ shape: [N] }], attrs: { shift: 3 * FRAC } }, ['Rsqrt_0']),
    },
    {
      name: 'layer_norm (rows of 64)', inputs: x,
      build: (cs, s) => synth(cs, 'layer_norm', {
        inputs: [{ shape: [N / 64, 64], signals: s, lo: Q(-8), hi: Q(8) }, { shape: [64], constant: BigInt64Array.from({ length: 64 }, () => Q(1)) }, null],
        outputs: [{ shape: [N / 64, 64] }], attrs: { eps: 1, shift: 2 * FRAC },
      }, ['LayerNorm_0']),
    },
    {
      name: 'softmax (rows of 64)', inputs: x,
      build: (cs, s) => synth(cs, 'softmax', { inputs: [{ shape: [N / 64, 64], signals: s, frac: FRAC, lo: Q(-8), hi: Q(8) }, null], outputs: [{ shape: [N / 64, 64], frac: FRAC, lo: 0n, hi: 1n << BigInt(FRAC) }], attrs: { axis: -1 } }, ['Softmax_0']),
    },
  ];
  const A = Array.from({ length: 64 * 16 }, () => Q(rand() * 2 - 1));
  const B = Array.from({ length: 16 * 64 }, () => Q(rand() * 2 - 1));
  const mm = (strategy) => ({
    name: `private MatMul 64×16·16×64 (${strategy})`, elements: 64 * 64, inputs: [...A, ...B], strategy,
    build: (cs, s) => synth(cs, 'matmul_private', { inputs: [{ shape: [64, 16], signals: s.slice(0, A.length) }, { shape: [16, 64], signals: s.slice(A.length) }, null], outputs: [{ shape: [64, 64] }], attrs: { strategy } }, ['MatMul_0']),
  });
  return [...list.map((c) => ({ ...c, elements: N })), mm('products'), mm('freivalds')];
}

/** Synthesizes a case under a mode: the gadget's constraints (checked against its cost), the whole circuit's and its tables. */
function run(kase, limbBits) {
  const cs = new ConstraintSystem();
  const mode = limbBits === undefined ? { kind: 'bits' } : { kind: 'lookup', limbBits };
  if (limbBits !== undefined) {
    cs.lookups = new LookupArgument(limbBits);
    cs.challenge(1); // both challenges up front: they are the circuit's, not a gadget's
  }
  const signals = kase.inputs.map((v, i) => cs.newWire(v, `input.x[${i}]`));
  const [c0, w0] = [cs.nConstraints, cs.nWires];
  const built = withRangeMode(mode, () => kase.build(cs, signals));
  const gadget = cs.nConstraints - c0;
  if (gadget !== built.predicted.constraints || cs.nWires - w0 !== built.predicted.wires) {
    throw new Error(`${kase.name} (${limbBits ?? 'bits'}): cost formula ${JSON.stringify(built.predicted)}, synthesized ${gadget} constraints, ${cs.nWires - w0} wires`);
  }
  const r1cs = cs.finalize({ outputs: built.outs.filter((o) => o.lc.size > 0), privateInputs: signals });
  // after finalize, which closes the argument (the range table is always there)
  const tables = cs.lookups ? [...cs.lookups.counts()].map(([name, t]) => ({ name, rows: t.rows, lookups: t.lookups })) : [];
  if (checkR1cs(r1cs, r1cs.witness)) throw new Error(`${kase.name} (${limbBits ?? 'bits'}): witness unsatisfied`);
  return { backend: limbBits === undefined ? 'groth16' : 'groth16-cr', limbBits, gadgetConstraints: gadget, circuitConstraints: r1cs.constraints.length, tables };
}

function main() {
  const rows = [];
  for (const kase of cases()) {
    const modes = kase.strategy === 'freivalds' ? WIDTHS : [undefined, ...WIDTHS];
    for (const w of modes) {
      const r = { gadget: kase.name, elements: kase.elements, ...run(kase, w) };
      rows.push(r);
      process.stderr.write(`${r.gadget} ${r.backend}${w ? ` w=${w}` : ''}: ${(r.gadgetConstraints / r.elements).toFixed(2)} per element, circuit ${r.circuitConstraints}\n`);
    }
  }
  const meta = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, elements: N, frac: FRAC };
  fs.writeFileSync(path.join(__dirname, 'results-backends.json'), `${JSON.stringify({ meta, rows }, null, 1)}\n`);
  const lines = [
    '| gadget | elements | backend | limb bits | constraints / element (gadget) | circuit constraints (tables included) | per element, circuit | tables (rows) | plain / cr (circuit) |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const plain = rows.find((p) => p.gadget === r.gadget && p.backend === 'groth16')
      ?? rows.find((p) => p.gadget === r.gadget.replace('freivalds', 'products') && p.backend === 'groth16');
    const ratio = r.backend === 'groth16' || !plain ? '' : `${(plain.circuitConstraints / r.circuitConstraints).toFixed(1)}×`;
    lines.push(`| ${r.gadget} | ${r.elements} | ${r.backend} | ${r.limbBits ?? '–'} | ${(r.gadgetConstraints / r.elements).toFixed(2)} | ${r.circuitConstraints} | ` +
      `${(r.circuitConstraints / r.elements).toFixed(2)} | ${r.tables.map((t) => `${t.name} ${t.rows}`).join(', ') || '–'} | ${ratio} |`);
  }
  const md = `# Gadgets on both backends\n\n${meta.date} · node ${meta.node} · frac ${FRAC}, ${N} elements per gadget (softmax: rows of 64), ` +
    'inputs over [−8, 8] ([−8, 0] for exp; the rescales read a dense layer\'s frac-32 accumulator in [−8, 8]). ' +
    'Each circuit is synthesized, its count checked against the gadget\'s cost formula, finalized and its witness checked. ' +
    'groth16: ranges by bits; groth16-cr: limb lookups after a challenge round (docs/challenge-round.md), the tables paid once per circuit ' +
    '(a model shares one range table among all its layers, so the gadget column is what each extra element costs). ' +
    'The private MatMul compares the products strategy on groth16 with Freivalds\' check on groth16-cr. ' +
    'The gadgets not listed (linear, conv_linear, sparse_linear, add, add_const, copy, index_map) are linear combinations: ' +
    'no constraints on either backend.\n\n' +
    `${lines.join('\n')}\n`;
  fs.writeFileSync(path.join(__dirname, 'results-backends.md'), md);
  process.stdout.write(md);
}

main();

'use strict';
/**
 * Matmul benchmarks, square N×N by N×N: constant weights (linear + rescale, and + ReLU as
 * rescale_relu: the dense layer) and private × private (matmul_private + rescale). Values in
 * [−1, 1] at `frac` fractional bits; the product's 2·frac are rescaled back to frac.
 */
const { rescaleValue } = require('@onnx-zk/zk-accelerator-components');
const { synth } = require('./instantiate');
const { dequantize, dotIntervals, quantize, seeded } = require('./fixed');
const { circomlibMl } = require('./peers');

const square = (n) => [n, n];

function randomMatrix(rand, n, frac) {
  return BigInt64Array.from({ length: n * n }, () => quantize(rand() * 2 - 1, frac));
}

/** float64 reference: Σ_t A[i][t]·B[t][j] (+ bias), on the dequantized operands. */
function matmulRef(A, B, n, frac, bias, relu) {
  const out = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = bias ? dequantize(bias[j], 2 * frac) : 0;
      for (let t = 0; t < n; t++) s += dequantize(A[i * n + t], frac) * dequantize(B[t * n + j], frac);
      out.push(relu ? Math.max(0, s) : s);
    }
  }
  return out;
}

function total(parts) {
  return parts.reduce((s, p) => ({ constraints: s.constraints + p.predicted.constraints, wires: s.wires + p.predicted.wires }), { constraints: 0, wires: 0 });
}

/** X·W (+ B) with constant W, then rescale (or rescale_relu when `relu`). */
function constantCase(n, frac, relu) {
  const rand = seeded(1000 + n + frac);
  const X = randomMatrix(rand, n, frac);
  const W = randomMatrix(rand, n, frac);
  const B = relu ? BigInt64Array.from({ length: n }, () => quantize((rand() * 2 - 1) / 4, 2 * frac)) : null;
  const one = 1n << BigInt(frac);
  const acc = dotIntervals(W, B, n, n, -one, one);
  // Bounds per output element: column j's interval on every row.
  const perElement = (end) => BigInt64Array.from({ length: n * n }, (_, e) => acc[e % n][end]);
  const [accLo, accHi] = [perElement(0), perElement(1)];
  return {
    family: relu ? 'dense_relu' : 'matmul', variant: `constant W, frac ${frac}`, size: n, elements: n * n, frac,
    inputs: [Array.from(X)],
    build(cs, [x]) {
      const lin = synth(cs, 'linear', { inputs: [{ shape: square(n), signals: x }, { shape: square(n), constant: W }, { shape: [n], constant: B }], outputs: [{ shape: square(n) }] }, ['MatMul_0']);
      const yShape = { shape: square(n), signals: lin.outs, lo: accLo, hi: accHi };
      const resc = relu
        ? synth(cs, 'rescale_relu', { inputs: [yShape], outputs: [{ shape: square(n) }], attrs: { shift: frac } }, ['Relu_0'])
        : synth(cs, 'rescale', { inputs: [yShape], outputs: [{ shape: square(n), lo: accLo.map((v) => rescaleValue(v, frac)), hi: accHi.map((v) => rescaleValue(v, frac)) }], attrs: { shift: frac } }, ['MatMul_0']);
      return { outs: resc.outs, predicted: total([lin, resc]) };
    },
    reference: () => matmulRef(X, W, n, frac, B, relu),
    peer: relu ? circomlibMl.denseRelu(n, n, n) : circomlibMl.dense(n, n, n),
  };
}

/** A·B with both operands private (attention's QKᵀ), then rescale. */
function privateCase(n, frac) {
  const rand = seeded(2000 + n);
  const A = randomMatrix(rand, n, frac);
  const B = randomMatrix(rand, n, frac);
  const bound = BigInt(n) << BigInt(2 * frac);
  return {
    family: 'matmul', variant: `private × private, frac ${frac}`, size: n, elements: n * n, frac,
    inputs: [Array.from(A), Array.from(B)],
    build(cs, [a, b]) {
      const mm = synth(cs, 'matmul_private', { inputs: [{ shape: square(n), signals: a }, { shape: square(n), signals: b }, null], outputs: [{ shape: square(n) }] }, ['MatMul_0']);
      const resc = synth(cs, 'rescale', { inputs: [{ shape: square(n), signals: mm.outs }], outputs: [{ shape: square(n), lo: rescaleValue(-bound, frac), hi: rescaleValue(bound, frac) }], attrs: { shift: frac } }, ['MatMul_0']);
      return { outs: resc.outs, predicted: total([mm, resc]) };
    },
    reference: () => matmulRef(A, B, n, frac, null, false),
    peer: circomlibMl.dense(n, n, n),
  };
}

/** Every matmul case; private × private only when engineer A's gadget is in the record. */
function matmulCases(sizes, hasGadget) {
  const out = [];
  for (const n of sizes) {
    out.push(constantCase(n, 16, false));
    if (hasGadget('matmul_private')) out.push(privateCase(n, 16));
    out.push(constantCase(n, 16, true), constantCase(n, 8, true));
  }
  return out;
}

module.exports = { matmulCases };

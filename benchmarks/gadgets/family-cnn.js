'use strict';
/**
 * Convolutional layers alone, on C×n×n feature maps with values in [−1, 1] at frac 16, beside
 * circomlib-ml's Conv2Dsame, MaxPooling2D, AveragePooling2D and BatchNormalization2D:
 * - conv: 3×3 same-padded convolution, 4 → 8 channels, + ReLU (conv_linear + rescale_relu);
 * - maxpool: 2×2 stride 2 on 8 channels (index_map gathering the windows + max);
 * - avgpool: 2×2 stride 2 on 8 channels (sparse_linear with 1/4 + rescale);
 * - batchnorm: a per-channel affine map on 8 channels (sparse_linear + rescale).
 * circomlib-ml's AveragePooling2D and BatchNormalization2D leave their remainder unconstrained
 * (a prover may pick any quotient), which is why they cost 0 and 1 per element there.
 */
const { forEachIndex, kernelOffsets, windowOf, windowTaps } = require('@onnx-zk/tensor-ir');
const { rescaleValue } = require('@onnx-zk/zk-accelerator-components');
const { synth } = require('./instantiate');
const { dequantize, quantize, seeded } = require('./fixed');
const { circomlibMl } = require('./peers');

const FRAC = 16;
const ONE = 1n << BigInt(FRAC);
const Q = (x) => quantize(x, FRAC);
const [CIN, COUT, K] = [4, 8, 3];
const UNSOUND = 'the circomlib-ml design leaves its remainder unconstrained (not sound)';

function values(seed, count, scale = 1) {
  const rand = seeded(seed);
  return Array.from({ length: count }, () => Q((rand() * 2 - 1) * scale));
}

/** For each output position of a window op over spatial dims [n, n]: the taps inside the input. */
function windows(n, attrs) {
  const win = windowOf({ op: 'Conv', name: 'w', inputs: [], outputs: [], attrs, loc: [] }, [n, n]);
  const offsets = kernelOffsets(win.kernel);
  const taps = [];
  forEachIndex(win.out, (o) => taps.push(windowTaps(win, [n, n], offsets, o)));
  return { out: win.out, taps };
}
const ints = (value) => ({ type: 'ints', value });

const totals = (parts) => parts.reduce((s, p) => ({ constraints: s.constraints + p.predicted.constraints, wires: s.wires + p.predicted.wires }), { constraints: 0, wires: 0 });

function convCase(n) {
  const x = values(5000 + n, CIN * n * n);
  const w = values(5100 + n, COUT * CIN * K * K, Math.sqrt(6 / (CIN * K * K)));
  const b = values(5200 + n, COUT, 0.05).map((v) => v << BigInt(FRAC));
  const { taps } = windows(n, { kernel_shape: ints([K, K]), pads: ints([1, 1, 1, 1]) });
  const width = Math.max(...taps.map((t) => t.inputIndex.length));
  const codes = taps.flatMap((t) => Array.from({ length: width }, (_, i) => (i < t.inputIndex.length ? BigInt(t.inputIndex[i] * K * K + t.kernelIndex[i]) : -1n)));
  // Exact interval of each output over inputs in [−1, 1]: the bias ± Σ |w| over the taps inside.
  const acc = (sign) => BigInt64Array.from({ length: COUT * n * n }, (_, e) => {
    const [m, p] = [Math.floor(e / (n * n)), e % (n * n)];
    let spread = 0n;
    for (let i = 0; i < taps[p].inputIndex.length; i++) {
      for (let c = 0; c < CIN; c++) {
        const wv = w[(m * CIN + c) * K * K + taps[p].kernelIndex[i]];
        spread += (wv < 0n ? -wv : wv) * ONE;
      }
    }
    return b[m] + BigInt(sign) * spread;
  });
  return {
    family: 'conv_relu', variant: `3×3 same, ${CIN}→${COUT} channels, frac ${FRAC}`, size: n, elements: COUT * n * n, frac: FRAC,
    inputs: [x],
    build(cs, [xs]) {
      const conv = synth(cs, 'conv_linear', {
        inputs: [{ shape: [1, CIN, n, n], signals: xs }, { shape: [COUT, CIN, K * K], constant: BigInt64Array.from(w) },
          { shape: [n * n, width], constant: BigInt64Array.from(codes) }, { shape: [COUT], constant: BigInt64Array.from(b) }],
        outputs: [{ shape: [1, COUT, n, n] }], attrs: { group: 1 },
      }, ['Conv_0']);
      const relu = synth(cs, 'rescale_relu', { inputs: [{ shape: [1, COUT, n, n], signals: conv.outs, lo: acc(-1), hi: acc(1) }], outputs: [{ shape: [1, COUT, n, n] }], attrs: { shift: FRAC } }, ['Relu_0']);
      return { outs: relu.outs, predicted: totals([conv, relu]) };
    },
    reference: () => {
      const out = [];
      for (let m = 0; m < COUT; m++) {
        taps.forEach((t) => {
          let s = dequantize(b[m], 2 * FRAC);
          for (let i = 0; i < t.inputIndex.length; i++) {
            for (let c = 0; c < CIN; c++) s += dequantize(w[(m * CIN + c) * K * K + t.kernelIndex[i]], FRAC) * dequantize(x[c * n * n + t.inputIndex[i]], FRAC);
          }
          out.push(Math.max(0, s));
        });
      }
      return out;
    },
    peer: { design: 'circomlib-ml Conv2Dsame + ReLU', constraints: circomlibMl.conv2dSame(n, n, CIN, COUT, K, 1).constraints + circomlibMl.relu(COUT * n * n).constraints },
  };
}

/** 2×2 stride-2 pooling windows of C maps: per output, the flat input indices of its window. */
function poolWindows(n, c) {
  const { taps } = windows(n, { kernel_shape: ints([2, 2]), strides: ints([2, 2]) });
  return Array.from({ length: c }, (_, m) => taps.map((t) => Array.from(t.inputIndex, (i) => m * n * n + i))).flat();
}

function maxPoolCase(n) {
  const x = values(5300 + n, COUT * n * n);
  const wins = poolWindows(n, COUT);
  return {
    family: 'maxpool', variant: `2×2 stride 2, ${COUT} channels, frac ${FRAC}`, size: n, elements: wins.length, frac: FRAC,
    inputs: [x],
    build(cs, [xs]) {
      const gather = synth(cs, 'index_map', { inputs: [{ shape: [COUT * n * n], signals: xs }, { shape: [wins.length, 4], constant: BigInt64Array.from(wins.flat().map(BigInt)) }], outputs: [{ shape: [wins.length, 4] }] }, ['MaxPool_0']);
      const max = synth(cs, 'max', { inputs: [{ shape: [wins.length, 4], signals: gather.outs, lo: -ONE, hi: ONE }], outputs: [{ shape: [wins.length, 1] }] }, ['MaxPool_0']);
      return { outs: max.outs, predicted: totals([gather, max]) };
    },
    reference: () => wins.map((win) => Math.max(...win.map((i) => dequantize(x[i], FRAC)))),
    peer: circomlibMl.maxPool2d(n, n, COUT, 2, 2),
  };
}

/** y[o] = Σ_t W[o, t]·x[index[o, t]] + B[o], rescaled by FRAC: average pooling or a per-channel affine map. */
function affineCase(family, variant, n, seed, index, weights, bias, reference, peer) {
  const x = values(seed, COUT * n * n);
  const count = bias.length;
  const taps = index.length / count;
  const W = BigInt64Array.from(weights.map(Q));
  const B = BigInt64Array.from(bias.map((v) => Q(v) << BigInt(FRAC)));
  const end = (e, hi) => {
    let s = B[e];
    for (let t = e * taps; t < (e + 1) * taps; t++) s += (W[t] > 0n) === hi ? W[t] * ONE : -W[t] * ONE;
    return s;
  };
  const [lo, hi] = [BigInt64Array.from({ length: count }, (_, e) => end(e, false)), BigInt64Array.from({ length: count }, (_, e) => end(e, true))];
  return {
    family, variant, size: n, elements: count, frac: FRAC,
    inputs: [x],
    build(cs, [xs]) {
      const lin = synth(cs, 'sparse_linear', {
        inputs: [{ shape: [COUT * n * n], signals: xs }, { shape: [count, taps], constant: BigInt64Array.from(index.map(BigInt)) }, { shape: [count, taps], constant: W }, { shape: [count], constant: B }],
        outputs: [{ shape: [count] }],
      }, [`${family}_0`]);
      const resc = synth(cs, 'rescale', { inputs: [{ shape: [count], signals: lin.outs, lo, hi }], outputs: [{ shape: [count], lo: lo.map((v) => rescaleValue(v, FRAC)), hi: hi.map((v) => rescaleValue(v, FRAC)) }], attrs: { shift: FRAC } }, [`${family}_0`]);
      return { outs: resc.outs, predicted: totals([lin, resc]) };
    },
    reference: () => reference(x.map((v) => dequantize(v, FRAC))),
    peer,
  };
}

function avgPoolCase(n) {
  const wins = poolWindows(n, COUT);
  return affineCase('avgpool', `2×2 stride 2, ${COUT} channels, frac ${FRAC}`, n, 5400 + n, wins.flat(), wins.flat().map(() => 0.25), wins.map(() => 0),
    (xf) => wins.map((win) => win.reduce((s, i) => s + xf[i], 0) / 4), { ...circomlibMl.averagePool2d(n, n, COUT, 2, 2), unsound: UNSOUND });
}

function batchNormCase(n) {
  const rand = seeded(5500 + n);
  const [a, c] = [Array.from({ length: COUT }, () => 0.5 + rand()), Array.from({ length: COUT }, () => rand() - 0.5)];
  const e = COUT * n * n;
  const ch = (i) => Math.floor(i / (n * n));
  return affineCase('batchnorm', `per-channel affine, ${COUT} channels, frac ${FRAC}`, n, 5600 + n, Array.from({ length: e }, (_, i) => i),
    Array.from({ length: e }, (_, i) => a[ch(i)]), Array.from({ length: e }, (_, i) => c[ch(i)]),
    (xf) => xf.map((v, i) => a[ch(i)] * v + c[ch(i)]), { ...circomlibMl.batchNorm2d(n, n, COUT), unsound: UNSOUND });
}

function cnnCases(sizes) {
  return sizes.flatMap((n) => [convCase(n), maxPoolCase(n), avgPoolCase(n), batchNormCase(n)]);
}

module.exports = { cnnCases };

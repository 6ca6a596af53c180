import { checkR1cs, ConstraintSystem, GadgetDef, gadgets, ParamValue, Signal } from '../src';
import { build, i64, randInt, rng } from './helpers';
import { geluBounds, sigmoidBounds } from '@onnx-zk/tensor-ir';

type Case = { inputs: Record<string, bigint[]>; params: Record<string, ParamValue> };

/** Inputs inside [lo, hi] (per element) of some gadget-specific quantity, randomly. */
function within(next: () => number, lo: bigint[], hi: bigint[]): bigint[] {
  return lo.map((l, i) => randInt(next, l, hi[i]));
}

function rescaled(next: () => number, qs: bigint[], shift: number): bigint[] {
  return qs.map((q) => (q << BigInt(shift)) - (1n << BigInt(shift - 1)) + randInt(next, 0n, (1n << BigInt(shift)) - 1n));
}

const next = rng(2024);
const bounds = [
  { lo: [-5n, 0n, -300n, 1n, -1n, -9n], hi: [5n, 255n, 299n, 1n, 0n, -2n] },
  { lo: [-(1n << 40n), -2n, 0n], hi: [1n << 40n, 1n << 20n, 0n] },
];

/** Several parameter sets per gadget; the completeness test below demands one for each gadget. */
const cases: Record<string, () => Case[]> = {
  linear: () => [[1, 3, 2], [4, 2, 5]].map(([rows, k, n]) => ({
    inputs: { x: within(next, Array(rows * k).fill(-9n), Array(rows * k).fill(9n)) },
    params: { W: i64(Array.from({ length: k * n }, (_, i) => i - 3)), B: null, y: rows * n, rows, k, n },
  })),
  rescale: () => bounds.flatMap(({ lo, hi }) => [1, 7].map((shift) => ({
    inputs: { x: rescaled(next, within(next, lo, hi), shift) },
    params: { y: lo.length, n: lo.length, shift, lo: i64(lo), hi: i64(hi) },
  }))),
  relu: () => bounds.map(({ lo, hi }) => ({
    inputs: { x: within(next, lo, hi) },
    params: { y: lo.length, n: lo.length, lo: i64(lo), hi: i64(hi) },
  })),
  rescale_relu: () => bounds.flatMap(({ lo, hi }) => [2, 9].map((shift) => ({
    inputs: { x: rescaled(next, within(next, lo, hi), shift) },
    params: { y: lo.length, n: lo.length, shift, lo: i64(lo), hi: i64(hi) },
  }))),
  rescale_clip: () => bounds.flatMap(({ lo, hi }) => [[2, -3, 3], [9, Number.MIN_SAFE_INTEGER, 0], [4, 0, 1 << 30], [1, 5, 5]].flatMap(([shift, low, high]) => [0, lo.length].map((q) => ({
    inputs: { x: rescaled(next, within(next, lo, hi), shift) },
    params: { y: lo.length, q, n: lo.length, shift, low, high, lo: i64(lo), hi: i64(hi) },
  })))),
  add: () => [{ inputs: { a: [1n, 2n], b: [3n, 4n] }, params: { y: 2, n: 2, shift_a: 0, shift_b: 5 } }],
  add_const: () => [{ inputs: { a: [1n, 2n] }, params: { b: i64([3, 4]), y: 2, n: 2, shift_a: 1, shift_b: 0 } }],
  copy: () => [{ inputs: { x: [1n, 2n, 3n] }, params: { y: 3, n: 3 } }],
  table_gather: () => [{ inputs: { ids: [2n, 0n, 2n] }, params: { table: i64([1, -2, 3, 4, 5, -6]), y: 6, n: 3, rows: 3, size: 6, lo: i64([0]), hi: i64([2]) } }],
  index_map: () => [{ inputs: { x: [1n, 2n, 3n], x2: [4n] }, params: { map: i64([3, -1, 0, 2]), fill: i64([9]), y: 4, n: 4, nx: 3 } }],
  sparse_linear: () => [0, 1].map((strategy) => ({ inputs: { x: [1n, -2n, 3n] }, params: { index: i64([0, 2, -1, 1]), W: i64([5, -1, 7, 3]), B: i64([1, 2]), y: 2, n: 2, taps: 2, strategy } })),
  conv_linear: () => [{
    inputs: { x: within(next, Array(8).fill(-9n), Array(8).fill(9n)) },
    params: { W: i64([1, -2, 3, 4]), taps: i64([0, 3, 2, 5, -1, 7]), B: null, y: 6, batch: 1, c: 2, m: 2, k: 2, positions: 3, width: 2, group: 2, nx: 8 },
  }],
  range_check: () => bounds.map(({ lo, hi }) => ({
    inputs: { x: within(next, lo, hi) },
    params: { n: lo.length, lo: i64(lo), hi: i64(hi) },
  })),
  max: () => bounds.map(({ lo, hi }) => ({
    inputs: { x: within(next, lo, hi) },
    params: { y: 1, rows: 1, k: lo.length, lo: i64(lo), hi: i64(hi) },
  })),
  clamp: () => bounds.flatMap(({ lo, hi }) => [[-3, 3], [0, 1 << 30]].map(([min, max]) => ({
    inputs: { x: within(next, lo, hi) },
    params: { y: lo.length, n: lo.length, low: min, high: max, lo: i64(lo), hi: i64(hi) },
  }))),
  reciprocal: () => ([[1n, 255n, 8], [3n, 1n << 30n, 40]] as const).map(([l, h, shift]) => ({
    inputs: { x: within(next, [l, l], [h, h]) },
    params: { y: 2, n: 2, shift, lo: i64([l, l]), hi: i64([h, h]) },
  })),
  rsqrt: () => ([[1n, 255n, 16], [5n, 1n << 30n, 60]] as const).map(([l, h, shift]) => ({
    inputs: { x: within(next, [l], [h]) },
    params: { y: 1, n: 1, shift, lo: i64([l]), hi: i64([h]) },
  })),
  matmul_private: () => [[1, 2, 3, 4], [2, 3, 2, 1]].map(([batch, m, k, n]) => ({
    inputs: { A: within(next, Array(batch * m * k).fill(-9n), Array(batch * m * k).fill(9n)), B: within(next, Array(k * n).fill(-9n), Array(k * n).fill(9n)) },
    params: { bias: null, y: batch * m * n, rows: batch * m, m, k, n, b_rows: k, strategy: 0 },
  })),
  layer_norm: () => [[2, 4, 1, 20], [1, 3, 7, 40]].map(([rows, d, eps, shift]) => ({
    inputs: { x: within(next, Array(rows * d).fill(-300n), Array(rows * d).fill(300n)) },
    params: { gamma: i64(Array(d).fill(3)), beta: null, y: rows * d, rows, d, eps, shift, lo: i64([-300]), hi: i64([300]) },
  })),
  exp: () => [[16, -(8n << 16n), 0], [8, -(1n << 40n), 1], [4, -3n, 0]].map(([frac, lo, strategy]) => ({
    inputs: { x: within(next, Array(4).fill(lo), Array(4).fill(0n)) },
    params: { y: 4, n: 4, frac: frac as number, strategy: strategy as number, lo: i64([lo as bigint]), hi: i64([0n]) },
  })),
  softmax: () => [[null, 0], [i64([0, -(1n << 30n), 0]), 1]].map(([mask, strategy]) => ({
    inputs: { x: within(next, Array(6).fill(-(1n << 14n)), Array(6).fill(1n << 14n)) },
    params: { mask: mask as BigInt64Array | null, y: 6, rows: 2, len: 3, mask_n: mask ? 3 : 0, frac: 12, strategy: strategy as number, lo: i64([-(1n << 14n)]), hi: i64([1n << 14n]) },
  })),
  gelu: () => [[16, -(1n << 20n), 1n << 18n, 0, 0], [8, 0n, 5000n, 1, 1], [6, -(1n << 30n), -3n, 0, 1]].map(([frac, lo, hi, form, strategy]) => ({
    inputs: { x: within(next, Array(3).fill(lo), Array(3).fill(hi)) },
    params: {
      y: 3, n: 3, frac: frac as number, form: form as number, strategy: strategy as number, lo: i64([lo as bigint]), hi: i64([hi as bigint]),
      ylo: i64([geluBounds(lo as bigint, hi as bigint, frac as number)[0]]), yhi: i64([geluBounds(lo as bigint, hi as bigint, frac as number)[1]]),
    },
  })),
  sigmoid: () => ([[16, -(1n << 20n), 1n << 18n, 0], [8, 0n, 5000n, 1], [6, -(1n << 30n), -3n, 1], [5, -(1n << 30n), -3n, 0]] as const).map(([frac, lo, hi, form]) => {
    const [ylo, yhi] = sigmoidBounds(lo, hi, frac, form === 0 ? 'sigmoid' : 'tanh');
    return { inputs: { x: within(next, Array(3).fill(lo), Array(3).fill(hi)) }, params: { y: 3, n: 3, frac, form, strategy: 0, lo: i64([lo]), hi: i64([hi]), ylo: i64([ylo]), yhi: i64([yhi]) } };
  }),
};

describe('cost model', () => {
  test('every gadget has cost cases', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(gadgets).sort());
  });

  test.each(Object.keys(gadgets))('%s: cost(params) equals what synthesize spends', (name) => {
    for (const c of cases[name]()) {
      const built = build(gadgets[name], c.inputs, c.params);
      expect(built.cost).toEqual(built.measured);
    }
  });

  // groth16-cr: range checks by limb lookups; the table side is the circuit's, not the gadget's.
  test.each(Object.keys(gadgets).flatMap((name) => [3, 8].map((w) => [name, w] as const)))('%s with %i-bit limb lookups: cost equals what synthesize spends, and the circuit with its tables holds', (name, w) => {
    for (const c of cases[name]()) {
      const built = build(gadgets[name], c.inputs, c.params, ['Node_0'], w);
      expect(built.cost).toEqual(built.measured);
      expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
    }
  });

  // freivalds needs the challenge: groth16-cr only (ZK024 on groth16).
  test.each([3, 8])('matmul_private freivalds with %i-bit limbs: cost equals what synthesize spends', (w) => {
    for (const [batch, m, k, n, own] of [[1, 2, 3, 4, 0], [2, 3, 2, 1, 0], [2, 2, 3, 3, 1]]) {
      const bRows = own ? batch * k : k;
      const built = build(gadgets.matmul_private, {
        A: within(next, Array(batch * m * k).fill(-9n), Array(batch * m * k).fill(9n)),
        B: within(next, Array(bRows * n).fill(-9n), Array(bRows * n).fill(9n)),
      }, { bias: own ? i64(Array(n).fill(5)) : null, y: batch * m * n, rows: batch * m, m, k, n, b_rows: bRows, strategy: 1 }, ['Node_0'], w);
      expect(built.cost).toEqual(built.measured);
      expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
    }
  });

  test('a dense layer (linear + rescale_relu) costs per output, not per weight', () => {
    const layer = (k: number, n: number): number => {
      const cs = new ConstraintSystem();
      const x = Array.from({ length: k }, (_, i) => cs.newWire(BigInt(i % 5) - 2n, `x[${i}]`));
      const W = i64(Array.from({ length: k * n }, (_, i) => (i % 7) - 3));
      const run = (g: GadgetDef, params: ParamValue[]): Signal[] => g.synthesize(cs, params, ['Gemm_0']);
      const y = run(gadgets.linear, [x, W, null, n, 1, k, n]);
      const qLo = i64(Array(n).fill(-(1n << 16n)));
      const qHi = i64(Array(n).fill((1n << 16n) - 1n));
      const shift = 4;
      run(gadgets.rescale_relu, [y, n, n, shift, qLo, qHi]);
      return cs.nConstraints;
    };
    const perOutput = 4 + 17 + 1; // s + k + 1 with k = 17 sign bits for [−2^16, 2^16)
    expect(layer(4, 8)).toBe(8 * perOutput);
    expect(layer(256, 8)).toBe(8 * perOutput);
    expect(layer(256, 16)).toBe(16 * perOutput);
  });
});

import { checkR1cs, gadgets } from '../../src';
import { build, checkTampered, i64, randInt, rng } from '../helpers';

const { linear } = gadgets;

function reference(x: bigint[], W: bigint[], B: bigint[] | null, rows: number, k: number, n: number): bigint[] {
  const y: bigint[] = [];
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < n; j++) {
      let acc = B ? B[j] : 0n;
      for (let i = 0; i < k; i++) acc += x[r * k + i] * W[i * n + j];
      y.push(acc);
    }
  }
  return y;
}

describe('linear gadget', () => {
  test('exact y = x·W + B with negative and zero weights, with and without bias; free', () => {
    const next = rng(9);
    for (const [rows, k, n, bias] of [[1, 4, 3, true], [2, 5, 2, false], [3, 1, 1, true]] as const) {
      const x = Array.from({ length: rows * k }, () => randInt(next, -1000n, 1000n));
      const W = Array.from({ length: k * n }, (_, i) => (i % 3 === 0 ? 0n : randInt(next, -(1n << 20n), 1n << 20n)));
      const B = bias ? Array.from({ length: n }, () => randInt(next, -(1n << 30n), 1n << 30n)) : null;
      const built = build(linear, { x }, { W: i64(W), B: B && i64(B), y: rows * n, rows, k, n }, ['Gemm_0']);
      expect(built.outs.map((o) => o.value)).toEqual(reference(x, W, B, rows, k, n));
      expect(built.measured).toEqual({ constraints: 0, wires: 0 });
      expect(built.cost).toEqual(built.measured);
      expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
    }
  });

  test('a changed output or input breaks the output constraints', () => {
    const built = build(linear, { x: [3n, -2n] }, { W: i64([5, -7]), B: i64([1]), y: 1, rows: 1, k: 2, n: 1 }, ['Gemm_0']);
    expect(built.outs[0].value).toBe(30n);
    expect(checkTampered(built.r1cs, [[1, 31n]])).not.toBeNull();
    expect(checkTampered(built.r1cs, [[2, 4n]])).not.toBeNull(); // input 3 → 4 without the output following
  });
});

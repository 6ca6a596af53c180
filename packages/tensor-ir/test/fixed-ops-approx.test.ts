import {
  Attr, EXP2_POLY, EXP2_TABLE, GELU_ERF_POLY, GELU_ERF_TABLE, GELU_TANH_POLY, GELU_TANH_TABLE, SIGMOID_TANH_TABLE, SIGMOID_TANH_TABLE_ERR, emptyGraph, fixedOps, inferContext,
} from '@onnx-zk/tensor-ir';
import { i64, inferOp, Operand } from './helpers/ops';

const x = (shape: number[], frac = 16): Operand => ({ dtype: 'int64', shape, fixed: { frac } });
const c = (shape: number[], frac = 16): Operand => ({ ...x(shape, frac)!, const: i64(shape, new Array(shape.reduce((a, b) => a * b, 1)).fill(0)) });
const str = (value: string): Attr => ({ type: 'string', value });

function fracOf(op: string, operands: Operand[]): number[] {
  const g = emptyGraph('t', 'fixed', 13);
  const inputs = operands.map((o, i) => {
    const name = `in${i}`;
    g.values.set(name, { name, dtype: o!.dtype, shape: o!.shape, fixed: { frac: o!.fixed!.frac, lo: new BigInt64Array(1), hi: new BigInt64Array(1) } });
    return name;
  });
  return fixedOps[op].fracRule!(inferContext(g, { op, name: `${op}_0`, inputs, outputs: ['y'], attrs: {}, loc: [] }));
}

describe('Exp, Softmax and Gelu in the fixed dialect', () => {
  it('keep shape and frac; strategy must be one the op has', () => {
    for (const op of ['Exp', 'Gelu', 'Softmax']) {
      expect(inferOp('fixed', op, [x([2, 5])], { strategy: str('poly') })[0].shape).toEqual([2, 5]);
      expect(fracOf(op, [x([3], 12)])).toEqual([12]);
      expect(() => inferOp('fixed', op, [x([2])], { strategy: str('lut') })).toThrow(/strategy' is 'lut', expected one of table, poly/);
    }
    expect(() => inferOp('fixed', 'Gelu', [x([2])], { approximate: str('sigmoid') })).toThrow(/expected one of none, tanh/);
    expect(() => fracOf('Gelu', [x([2], 3)])).toThrow(/Gelu needs frac ≥ 4/);
    expect(inferOp('fixed', 'Sigmoid', [x([3])], { form: str('tanh') })[0].shape).toEqual([3]);
    expect(fracOf('Sigmoid', [x([3], 12)])).toEqual([12]);
    expect(() => inferOp('fixed', 'Sigmoid', [x([2])], { strategy: str('poly') })).toThrow(/strategy' is 'poly', expected one of table$/);
    expect(() => inferOp('fixed', 'Sigmoid', [x([2])], { form: str('relu') })).toThrow(/expected one of sigmoid, tanh/);
    expect(() => fracOf('Sigmoid', [x([2], 3)])).toThrow(/Sigmoid needs frac ≥ 4/);
  });

  it('Softmax: last axis only; a constant mask whose shape is a trailing part of x', () => {
    expect(inferOp('fixed', 'Softmax', [x([2, 4, 4]), c([4, 4])])[0].shape).toEqual([2, 4, 4]);
    expect(() => inferOp('fixed', 'Softmax', [x([2, 4]), c([3])])).toThrow(/trailing part/);
    expect(() => inferOp('fixed', 'Softmax', [x([2, 4]), x([4])])).toThrow(/must be a constant/);
    expect(() => inferOp('fixed', 'Softmax', [x([2, 4])], { axis: { type: 'int', value: 0 } })).toThrow(/only the last axis/);
  });
});

/**
 * The recipe of approx/tables.ts, run again: Chebyshev interpolation (monomial coefficients from
 * the Vandermonde system, float64) of 2^(−s) and of h(a) = a·Φ(−a) / its tanh form, rounded.
 */
function erf(x: number): number {
  let [s, term, n] = [0, x, 0];
  while (Math.abs(term) > 1e-18 * Math.max(1, Math.abs(s)) || n < 5) { s += term / (2 * n + 1); n++; term *= (-x * x) / n; if (n > 200) break; }
  return (2 / Math.sqrt(Math.PI)) * s;
}
const hErf = (a: number) => a * 0.5 * (1 - erf(a / Math.SQRT2));
const hTanh = (a: number) => a * 0.5 * (1 - Math.tanh(Math.sqrt(2 / Math.PI) * (a + 0.044715 * a * a * a)));

function chebFit(f: (x: number) => number, d: number): number[] {
  const n = d + 1;
  const m = Array.from({ length: n }, (_, i) => {
    const xi = 0.5 - 0.5 * Math.cos((Math.PI * (2 * i + 1)) / (2 * n));
    return [...Array.from({ length: n }, (_, j) => xi ** j), f(xi)];
  });
  for (let col = 0; col < n; col++) {
    let p = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[p][col])) p = r;
    [m[col], m[p]] = [m[p], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const k = m[r][col] / m[col][col];
      for (let j = col; j <= n; j++) m[r][j] -= k * m[col][j];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}
const rounded = (cs: number[], frac: number) => cs.map((v) => BigInt(Math.round(v * 2 ** frac)));
const quadTable = (f: (x: number) => number, segs: number, hi: number) =>
  Array.from({ length: segs }, (_, j) => rounded(chebFit((r) => f((hi / segs) * (j + r)), 2), 24));

test('the committed coefficient tables are what the recipe gives', () => {
  expect(EXP2_POLY).toEqual(rounded(chebFit((s) => 2 ** -s, 3), 24));
  expect(EXP2_TABLE).toEqual(quadTable((s) => 2 ** -s, 8, 1));
  expect(GELU_ERF_TABLE).toEqual(quadTable(hErf, 32, 4));
  expect(GELU_TANH_TABLE).toEqual(quadTable(hTanh, 32, 4));
  expect(GELU_ERF_POLY).toEqual(rounded(chebFit((u) => hErf(4 * u), 8), 32));
  expect(GELU_TANH_POLY).toEqual(rounded(chebFit((u) => hTanh(4 * u), 8), 32));
});

/** Sigmoid/Tanh: tanh on [0, 8) in 32 cubic segments, rounded at frac 24, row 0's c0 pinned to 0. */
const sigmoidRecipe = () => {
  const rows = Array.from({ length: 32 }, (_, j) => rounded(chebFit((r) => Math.tanh((j + r) / 4), 3), 24));
  rows[0][0] = 0n;
  return rows;
};

test('the Sigmoid table is what the recipe gives, and its error is what SIGMOID_TANH_TABLE_ERR states', () => {
  expect(SIGMOID_TANH_TABLE).toEqual(sigmoidRecipe());
  // Measured over 2^14 points per segment (finer than r's resolution at frac 16), integers as used.
  let worst = 0;
  SIGMOID_TANH_TABLE.forEach((row, j) => {
    for (let t = 0; t <= 1 << 14; t++) {
      const r = t / 2 ** 14;
      const p = row.reduce((acc, c, i) => acc + Number(c) * r ** i, 0) / 2 ** 24;
      worst = Math.max(worst, Math.abs(p - Math.tanh((j + r) / 4)));
    }
  });
  expect(worst).toBeLessThanOrEqual(SIGMOID_TANH_TABLE_ERR);
  expect(SIGMOID_TANH_TABLE_ERR).toBeLessThan(worst * 1.01);
});

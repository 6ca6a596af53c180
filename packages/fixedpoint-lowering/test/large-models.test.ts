import { FixedTypes, LowerContext, ReadInterval, analyzeBounds, lowerGraph, rules } from '@onnx-zk/fixedpoint-lowering';
import { Node, ValueInfo, decodeTir, encodeTir, quantize } from '@onnx-zk/tensor-ir';
import { floatGraph, mlp, rng, uniform } from './helpers/float-graph';

/**
 * The paths that keep a 124M-parameter model in memory and time: weights quantized straight into
 * int64, a constant's bounds being its data, Linear's float64 fast path (exact or BigInt), and
 * TableGather's shared row ranges. Each is checked against the plain BigInt definition.
 */

const node = (op: string): Node => ({ op, name: op, inputs: [], outputs: [], attrs: {}, loc: [] });
const info = (shape: number[]): ValueInfo => ({ name: 'v', dtype: 'int64', shape });
const types = (inputs: number[][], outputs: number[][]): FixedTypes => ({ inputs: inputs.map(info), outputs: outputs.map(info) });

/** Reference: Σ_i [min, max] of w·x over x's interval, BigInt, plus the bias. */
function linearReference(x: ReadInterval, w: ArrayLike<bigint>, b: ReadInterval | undefined, rows: number, k: number, n: number) {
  const lo: bigint[] = [];
  const hi: bigint[] = [];
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < n; j++) {
      let [l, h] = b ? [b.lo[j], b.hi[j]] : [0n, 0n];
      for (let i = 0; i < k; i++) {
        const [u, v] = [w[i * n + j] * x.lo[r * k + i], w[i * n + j] * x.hi[r * k + i]];
        l += u < v ? u : v;
        h += u < v ? v : u;
      }
      lo.push(l);
      hi.push(h);
    }
  }
  return { lo, hi };
}

/** Random int64 values with magnitudes up to 2^bits (a few exactly at the extremes). */
function ints(next: () => number, count: number, bits: number): BigInt64Array {
  const top = 2n ** BigInt(bits);
  return BigInt64Array.from({ length: count }, (_, i) => {
    if (i % 17 === 0) return i % 34 === 0 ? top - 1n : 1n - top;
    const v = BigInt(Math.floor(next() * 2 ** 30)) * (top >> 30n || 1n);
    return (next() < 0.5 ? -v : v) % top;
  });
}

describe('large models: weights', () => {
  it('quantizes constants into int64 exactly as quantize, whatever the magnitude', () => {
    const next = rng(5);
    const data = [...uniform(next, 200, -3, 3), 0.5, -0.5, 1.5, -2.5, 0, -0, 2 ** 40 + 2 ** 17, -(2 ** 41) - 0.75, 1e-30, 3 * 2 ** 20];
    const g = floatGraph({
      inputs: { x: [1, data.length] },
      constants: { W: { shape: [data.length], data } },
      nodes: [{ op: 'Add', name: 'a', inputs: ['x', 'W'], outputs: ['y'] }],
      outputs: ['y'],
    });
    for (const frac of [0, 8, 16, 20]) {
      const ctx = new LowerContext(g, frac);
      const v = ctx.value('W', {});
      const t = ctx.graph.constants.get(v.name)!;
      expect(Array.from(t.data as BigInt64Array)).toEqual(Array.from(g.constants.get('W')!.data as Float32Array, (x) => quantize(x, frac)));
      // one array: the constant's bounds are its data
      const fixed = ctx.graph.values.get(v.name)!.fixed!;
      expect(fixed.lo).toBe(t.data);
      expect(fixed.hi).toBe(t.data);
    }
  });

  it('keeps one array per weight through lowering, analysis and the .tir round trip', () => {
    const g = lowerGraph(mlp(3, [5, 7, 3]), { inputRange: [-2, 2], fracBits: 10 });
    const back = decodeTir(encodeTir({ producer: 'p', graph: g })).graph;
    for (const graph of [g, back]) {
      for (const [name, t] of graph.constants) {
        expect(graph.values.get(name)!.fixed!.lo).toBe(t.data);
        expect(graph.values.get(name)!.fixed!.hi).toBe(t.data);
      }
    }
    analyzeBounds(back);
    expect(back).toEqual(g);
  });
});

describe('large models: Linear', () => {
  const shapes: [number, number, number][] = [[1, 3, 4], [5, 6, 7], [4, 33, 9]];

  it.each([8, 20, 30, 40, 60])('bounds equal the BigInt definition for operands up to 2^%i (float64 where exact, BigInt beyond)', (bits) => {
    const next = rng(bits);
    for (const [rows, k, n] of shapes) {
      const w = ints(next, k * n, bits);
      const a = ints(next, rows * k, bits);
      const c = ints(next, rows * k, bits);
      const x = { lo: a.map((v, i) => (v < c[i] ? v : c[i])), hi: a.map((v, i) => (v < c[i] ? c[i] : v)) };
      // identical rows share one computation: make half of them repeat the first row
      for (let r = 1; r < rows; r += 2) for (let i = 0; i < k; i++) [x.lo[r * k + i], x.hi[r * k + i]] = [x.lo[i], x.hi[i]];
      const b = ints(next, n, bits);
      for (const bias of [undefined, { lo: b, hi: b }]) {
        const want = linearReference(x, w, bias, rows, k, n);
        const t = types([[rows, k], [k, n], [n]], [[rows, n]]);
        expect(rules.Linear.bounds!(node('Linear'), [x, { lo: w, hi: w }, bias], t)).toEqual([want]);
        // the same weights as two equal arrays (an older .tir), and as plain bigint arrays
        expect(rules.Linear.bounds!(node('Linear'), [x, { lo: w.slice(), hi: w.slice() }, bias], t)).toEqual([want]);
        expect(rules.Linear.bounds!(node('Linear'), [{ lo: Array.from(x.lo), hi: Array.from(x.hi) }, { lo: Array.from(w), hi: Array.from(w) }, bias], t)).toEqual([want]);
        const values = rules.Linear.evalInt!(node('Linear'), [a, w, bias?.lo], t);
        expect(values).toEqual([linearReference({ lo: a, hi: a }, w, bias, rows, k, n).lo]);
      }
    }
  });

  it('mixes float64 and BigInt outputs where columns and rows straddle 2^52', () => {
    const next = rng(77);
    const [rows, k, n] = [6, 20, 12];
    // column j's weights ~2^(3j + 8), row r's inputs ~2^(4r + 10): X·S crosses 2^52 inside the output
    const w = BigInt64Array.from({ length: k * n }, (_, i) => BigInt(Math.round((next() - 0.5) * 2 ** (3 * (i % n) + 9))));
    const a = BigInt64Array.from({ length: rows * k }, (_, i) => BigInt(Math.round((next() - 0.5) * 2 ** (4 * Math.floor(i / k) + 11))));
    const x = { lo: a.map((v) => v - 3n), hi: a.map((v) => v + 5n) };
    const t = types([[rows, k], [k, n]], [[rows, n]]);
    expect(rules.Linear.bounds!(node('Linear'), [x, { lo: w, hi: w }, undefined], t)).toEqual([linearReference(x, w, undefined, rows, k, n)]);
    expect(rules.Linear.evalInt!(node('Linear'), [a, w, undefined], t)).toEqual([linearReference({ lo: a, hi: a }, w, undefined, rows, k, n).lo]);
  });

  it('bounds interval weights (lo < hi) by the corner products', () => {
    const x = { lo: [-3n, 2n], hi: [4n, 5n] };
    const w = { lo: [-2n, 1n], hi: [3n, 2n] };
    const t = types([[1, 2], [2, 1]], [[1, 1]]);
    // [-3, 4]·[-2, 3] = [-9, 12]; [2, 5]·[1, 2] = [2, 10]
    expect(rules.Linear.bounds!(node('Linear'), [x, w, undefined], t)).toEqual([{ lo: [-7n], hi: [22n] }]);
  });
});

describe('large models: TableGather', () => {
  it('bounds each id by the rows its interval allows, ranges shared between ids', () => {
    const table = BigInt64Array.from([5n, -1n, 2n, 7n, -4n, 0n, 3n, 3n, 9n]); // [3 rows, 3]
    const ids = { lo: [0n, 1n, 0n, 2n], hi: [2n, 1n, 2n, 2n] };
    const t = types([[3, 3], [4]], [[4, 3]]);
    expect(rules.TableGather.bounds!(node('TableGather'), [{ lo: table, hi: table }, ids], t)).toEqual([{
      lo: [3n, -4n, 0n, 7n, -4n, 0n, 3n, -4n, 0n, 3n, 3n, 9n],
      hi: [7n, 3n, 9n, 7n, -4n, 0n, 7n, 3n, 9n, 3n, 3n, 9n],
    }]);
  });

  it('quantizes a token table once into the fixed graph', () => {
    const next = rng(2);
    const g = floatGraph({
      inputs: { ids: [1, 3] },
      inputTypes: { ids: 'int64' },
      constants: { E: { shape: [5, 4], data: uniform(next, 20, -1, 1) } },
      nodes: [{ op: 'Gather', name: 'emb', inputs: ['E', 'ids'], outputs: ['y'] }],
      outputs: ['y'],
    });
    const fixed = lowerGraph(g, { inputRange: [-1, 1], fracBits: 8 });
    const [name, t] = [...fixed.constants].find(([, c]) => c.shape.join() === '5,4')!;
    expect(Array.from(t.data as BigInt64Array)).toEqual(Array.from(g.constants.get('E')!.data as Float32Array, (x) => quantize(x, 8)));
    expect(fixed.values.get(name)!.fixed!.lo).toBe(t.data);
  });
});

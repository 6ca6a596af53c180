import { Node, bigintValues, expInt, geluInt, makeTensor, runFloat, softmaxRowInt, tensorValues, verifyGraph } from '@onnx-zk/tensor-ir';
import { lowerGraph, quantizeInputs, rules, runInt } from '@onnx-zk/fixedpoint-lowering';
import { captureError } from './helpers/errors';
import { floatGraph, rng, uniform } from './helpers/float-graph';

const node = (op: string, attrs: Node['attrs'] = {}): Node => ({ op, name: `${op}_0`, inputs: ['x'], outputs: ['y'], loc: [`${op}_0`], attrs });
const types = (shape: number[], frac: number) => {
  const fixed = { frac, lo: new BigInt64Array(0), hi: new BigInt64Array(0) };
  return { inputs: [{ name: 'x', dtype: 'int64' as const, shape, fixed }], outputs: [{ name: 'y', dtype: 'int64' as const, shape, fixed }] };
};
const b = (vs: number[]) => BigInt64Array.from(vs.map(BigInt));
const str = (value: string) => ({ type: 'string' as const, value });

describe('fixed rules of Exp, Softmax and Gelu', () => {
  it('Exp: tensor-ir expInt per strategy; bounds [0, 2^f + margin]; positive bounds are FP020', () => {
    for (const s of ['table', 'poly'] as const) {
      const out = rules.Exp.evalInt!(node('Exp', { strategy: str(s) }), [b([0, -4096, -40000])], types([3], 12));
      expect(out).toEqual([[0n, -4096n, -40000n].map((x) => expInt(x, 12, 12, s))]);
    }
    expect(rules.Exp.evalInt!(node('Exp'), [b([0])], types([1], 12))[0][0]).toBe(4096n);
    expect(rules.Exp.bounds!(node('Exp'), [{ lo: [-9n], hi: [0n] }], types([1], 12))).toEqual([{ lo: [0n], hi: [4096n + 16n + 1n] }]);
    expect(captureError(() => rules.Exp.bounds!(node('Exp'), [{ lo: [-9n], hi: [1n] }], types([1], 12))).code).toBe('FP020');
  });

  it('Softmax: rows of the last axis, mask broadcast over rows, masked entries 0', () => {
    const n = { ...node('Softmax'), inputs: ['x', 'm'] };
    const x = b([100, 50, 0, 7, 7, 7]);
    const mask = b([0, -(2 ** 40), 0]);
    const [y] = rules.Softmax.evalInt!(n, [x, mask], types([2, 3], 8));
    expect(y).toEqual([...softmaxRowInt([100n, 50n, 0n], [0n, -(2n ** 40n), 0n], 8, 'table'), ...softmaxRowInt([7n, 7n, 7n], [0n, -(2n ** 40n), 0n], 8, 'table')]);
    expect(y[1]).toBe(0n);
    expect(y[3] + y[5]).toBe(256n);
  });

  it('Gelu: erf form by default, tanh with approximate = tanh; bounds hold the values', () => {
    const xs = [-300000, -65536, 0, 1, 65536, 300000];
    for (const [form, attrs] of [['erf', {}], ['tanh', { approximate: str('tanh') }]] as const) {
      const [y] = rules.Gelu.evalInt!(node('Gelu', attrs), [b(xs)], types([6], 16));
      expect(y).toEqual(xs.map((x) => geluInt(BigInt(x), 16, form, 'table')));
      const [iv] = rules.Gelu.bounds!(node('Gelu', attrs), [{ lo: [-300000n], hi: [300000n] }], types([1], 16));
      y.forEach((v) => { expect(v >= iv.lo[0] && v <= iv.hi[0]).toBe(true); });
    }
  });
});

describe('lowering ONNX Gelu and Softmax', () => {
  const src = () => floatGraph({
    inputs: { x: [2, 16] },
    constants: {},
    nodes: [
      { op: 'Gelu', name: 'gelu', inputs: ['x'], outputs: ['g'] },
      { op: 'Softmax', name: 'softmax', inputs: ['g'], outputs: ['y'] },
    ],
    outputs: ['y'],
  });

  it('lowers to fixed Gelu and Softmax at the input frac; the integer pipeline is within 1e-3 of the float one', () => {
    const g = lowerGraph(src(), { inputRange: [-4, 4], fracBits: 16 });
    verifyGraph(g);
    expect(g.nodes.map((n) => n.op)).toEqual(['Gelu', 'Softmax']);
    const next = rng(5);
    for (let round = 0; round < 3; round++) {
      const x = uniform(next, 32, -4, 4);
      const float32 = runFloat(src(), [makeTensor('float32', [2, 16], x)]).get('y')!;
      const ints = runInt(g, quantizeInputs(g, [x])).get(g.outputs[0])!;
      const real = Array.from(bigintValues(makeTensor('int64', [2, 16], ints)), (v) => Number(v) / 2 ** 16);
      tensorValues(float32).forEach((v, i) => expect(Math.abs(real[i] - v)).toBeLessThan(1e-3));
    }
  });
});

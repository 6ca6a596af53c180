import {
  Node, SIGMOID_FORMS, bigintValues, makeTensor, runFloat, sigmoidErrorBound, sigmoidFloat, sigmoidInt, tensorValues, verifyGraph,
} from '@onnx-zk/tensor-ir';
import { lowerGraph, quantizeInputs, rules, runInt } from '@onnx-zk/fixedpoint-lowering';
import { floatGraph, rng, uniform } from './helpers/float-graph';

const node = (attrs: Node['attrs'] = {}): Node => ({ op: 'Sigmoid', name: 'Sigmoid_0', inputs: ['x'], outputs: ['y'], loc: ['Sigmoid_0'], attrs });
const types = (shape: number[], frac: number) => {
  const fixed = { frac, lo: new BigInt64Array(0), hi: new BigInt64Array(0) };
  return { inputs: [{ name: 'x', dtype: 'int64' as const, shape, fixed }], outputs: [{ name: 'y', dtype: 'int64' as const, shape, fixed }] };
};
const b = (vs: number[]) => BigInt64Array.from(vs.map(BigInt));
const str = (value: string) => ({ type: 'string' as const, value });
const ONNX_OP = { sigmoid: 'Sigmoid', tanh: 'Tanh' } as const;

describe.each(SIGMOID_FORMS)('fixed Sigmoid, form %s', (form) => {
  const attrs = form === 'sigmoid' ? {} : { form: str('tanh') }; // sigmoid is the default form

  it('evalInt is tensor-ir sigmoidInt; its bounds hold every value, within the float image', () => {
    const xs = [-(1 << 22), -300000, -65536, -1, 0, 1, 65536, 300000, 1 << 22];
    const [y] = rules.Sigmoid.evalInt!(node(attrs), [b(xs)], types([xs.length], 16));
    expect(y).toEqual(xs.map((x) => sigmoidInt(BigInt(x), 16, form)));
    const [iv] = rules.Sigmoid.bounds!(node(attrs), [{ lo: [-(1n << 22n), 65536n], hi: [1n << 22n, 300000n] }], types([2], 16));
    y.forEach((v) => expect(v >= iv.lo[0] && v <= iv.hi[0]).toBe(true));
    // [1, 4.6] maps into σ([1, 4.6]) or tanh([1, 4.6]), not the whole range
    expect(Number(iv.lo[1]) / 65536).toBeGreaterThan(sigmoidFloat(1, form) - 2e-3);
    expect(Number(iv.hi[1]) / 65536).toBeLessThan(sigmoidFloat(300000 / 65536, form) + 2e-3);
  });

  it(`ONNX ${ONNX_OP[form]} lowers to it; the integer pipeline is within the error bound of the float function`, () => {
    const src = () => floatGraph({ inputs: { x: [4, 16] }, nodes: [{ op: ONNX_OP[form], name: 'act', inputs: ['x'], outputs: ['y'] }], outputs: ['y'] });
    const g = lowerGraph(src(), { inputRange: [-10, 10], fracBits: 16 });
    verifyGraph(g);
    expect(g.nodes.map((n) => [n.op, n.attrs.form?.value ?? 'sigmoid', n.loc])).toEqual([['Sigmoid', form, ['act']]]);
    const bound = sigmoidErrorBound(16, form);
    const next = rng(7);
    for (let round = 0; round < 3; round++) {
      const x = uniform(next, 64, -10, 10);
      const q = quantizeInputs(g, [x]);
      const ints = runInt(g, q).get(g.outputs[0])!;
      const real = Array.from(bigintValues(makeTensor('int64', [4, 16], ints)), (v) => Number(v) / 2 ** 16);
      // exact claim: against the float function at the quantized input
      Array.from(q[0], (v, i) => expect(Math.abs(real[i] - sigmoidFloat(Number(v) / 2 ** 16, form))).toBeLessThanOrEqual(bound));
      // and against the float graph: plus the input's quantization (slope ≤ 1) and float32 rounding
      const float32 = tensorValues(runFloat(src(), [makeTensor('float32', [4, 16], x)]).get('y')!);
      float32.forEach((v, i) => expect(Math.abs(real[i] - v)).toBeLessThan(bound + 2 ** -17 + 1e-7));
    }
  });
});

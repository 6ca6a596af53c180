import { Graph, OnnxZkErrorList, fixedOps, inferContext, inferShapes, opsFor, onnxOps, verifyGraph } from '@onnx-zk/tensor-ir';
import { fixedMlp } from './helpers/graphs';
import { i64, inferOp, int, ints } from './helpers/ops';

const x = (shape: number[], frac = 4) => ({ dtype: 'int64' as const, shape, fixed: { frac } });
const w = (shape: number[], frac = 4) => ({ ...x(shape, frac), const: i64(shape, new Array(shape.reduce((a, b) => a * b, 1)).fill(1)) });

describe('fixed dialect shape rules', () => {
  it('Linear maps [..., K] x [K, N] (+ [N]) to [..., N] and needs constant int64 weights', () => {
    expect(inferOp('fixed', 'Linear', [x([2, 5, 3]), w([3, 4]), w([4], 8)])).toEqual([{ dtype: 'int64', shape: [2, 5, 4] }]);
    expect(inferOp('fixed', 'Linear', [x([3]), w([3, 2]), undefined])[0].shape).toEqual([2]);
    expect(() => inferOp('fixed', 'Linear', [x([2, 3]), x([3, 4])])).toThrow(/W \(in1\) must be a constant/);
    expect(() => inferOp('fixed', 'Linear', [x([2, 2]), w([3, 4])])).toThrow(/must end in K = 3/);
    expect(() => inferOp('fixed', 'Linear', [x([2, 3]), w([3, 4]), w([3])])).toThrow(/B must be \[4\]/);
    expect(() => inferOp('fixed', 'Linear', [{ dtype: 'float32', shape: [2, 3] }, w([3, 4])])).toThrow(/must be int64/);
  });

  it('Rescale and RescaleRelu need shift >= 1; Relu keeps the shape', () => {
    expect(inferOp('fixed', 'Rescale', [x([2, 2])], { shift: int(3) })).toEqual([{ dtype: 'int64', shape: [2, 2] }]);
    expect(inferOp('fixed', 'RescaleRelu', [x([7])], { shift: int(1) })[0].shape).toEqual([7]);
    expect(() => inferOp('fixed', 'Rescale', [x([2])], { shift: int(0) })).toThrow(/IR008.*shift.*>= 1/);
    expect(() => inferOp('fixed', 'Rescale', [x([2])])).toThrow(/missing required attribute 'shift'/);
    expect(inferOp('fixed', 'Relu', [x([1, 3])])[0].shape).toEqual([1, 3]);
  });

  it('Add needs equal shapes; Reshape takes its shape attribute; RangeCheck has no outputs', () => {
    expect(inferOp('fixed', 'Add', [x([2, 3]), x([2, 3])], { shift_a: int(2) })[0].shape).toEqual([2, 3]);
    expect(() => inferOp('fixed', 'Add', [x([2, 3]), x([3])])).toThrow(/same shape/);
    expect(inferOp('fixed', 'Reshape', [x([2, 3])], { shape: ints([3, -1]) })[0].shape).toEqual([3, 2]);
    expect(() => inferOp('fixed', 'Reshape', [x([2, 3])], { shape: ints([4]) })).toThrow(/cannot be reshaped/);
    expect(inferOp('fixed', 'RangeCheck', [x([4])], {}, 0)).toEqual([]);
  });
});

describe('frac rules (architecture.md table)', () => {
  const rule = (g: Graph, name: string) => {
    const n = g.nodes.find((m) => m.name === name)!;
    return fixedOps[n.op].fracRule!(inferContext(g, n));
  };

  it('gives each op its output frac', () => {
    const g = fixedMlp();
    expect(rule(g, 'Gemm_0')).toEqual([8]);
    expect(rule(g, 'Gemm_0.rescale')).toEqual([4]);
    expect(rule(g, 'Relu_1')).toEqual([4]);
    expect(rule(g, 'Add_2')).toEqual([4]);
    expect(rule(g, 'Reshape_3')).toEqual([4]);
  });

  it('raises IR017 when Add operands do not align or Linear bias has the wrong frac', () => {
    const g = fixedMlp();
    g.nodes[3].attrs.shift_a = { type: 'int', value: 1 };
    expect(() => rule(g, 'Add_2')).toThrow(/Add_2 \(Add\): error IR017: .*f\(a\) \+ shift_a = 5 but f\(b\) \+ shift_b = 4/);
    g.values.get('B')!.fixed!.frac = 4;
    expect(() => rule(g, 'Gemm_0')).toThrow(/IR017.*B has frac 4, expected f\(x\) \+ f\(W\) = 8/);
  });
});

describe('dialect tables', () => {
  it('opsFor picks the dialect of a stage', () => {
    expect(opsFor('float')).toBe(onnxOps);
    expect(opsFor('fixed')).toBe(fixedOps);
    expect(opsFor('accel')).toBe(fixedOps);
  });

  it('every fixed op has a shape rule and a frac rule, and no float semantics', () => {
    for (const [name, def] of Object.entries(fixedOps)) {
      expect(def.op).toBe(name);
      expect(typeof def.fracRule).toBe('function');
      expect(def.evalFloat).toBeUndefined();
    }
  });

  it('inferShapes keeps FixedInfo and verifyGraph accepts the fixed and accel examples', () => {
    const g = fixedMlp();
    const before = g.values.get('s')!.fixed;
    inferShapes(g);
    expect(g.values.get('s')!.fixed).toBe(before);
    expect(() => verifyGraph(g)).not.toThrow();
    expect(() => verifyGraph(fixedMlp('accel'))).not.toThrow();
  });

  it('RescaleClip has an optional second output q (the rescaled value, same frac), absent as \'\' or left off', () => {
    /** fixedMlp with Rescale → Relu replaced by RescaleClip(l) → outputs; s (the Rescale's output) kept only as q. */
    const fused = (outputs: string[]) => {
      const g = fixedMlp();
      const attrs = { shift: { type: 'int' as const, value: 4 }, low: { type: 'int' as const, value: 0 }, high: { type: 'int' as const, value: 100 } };
      g.nodes.splice(1, 2, { op: 'RescaleClip', name: 'Relu_1', inputs: ['l'], outputs, attrs, loc: ['Gemm_0', 'Relu_1'] });
      if (!outputs.includes('s')) g.values.delete('s');
      return g;
    };
    for (const outputs of [['r'], ['r', ''], ['r', 's']]) expect(() => verifyGraph(fused(outputs))).not.toThrow();
    const g = fused(['r', 's']);
    const n = g.nodes[1];
    expect(fixedOps.RescaleClip.fracRule!(inferContext(g, n))).toEqual([4, 4]);
    expect(inferOp('fixed', 'RescaleClip', [x([2, 3])], { shift: int(2), low: int(-1), high: int(1) }, 2)).toEqual([
      { dtype: 'int64', shape: [2, 3] }, { dtype: 'int64', shape: [2, 3] },
    ]);
    g.values.get('s')!.fixed!.frac = 5;
    expect(catchList(() => verifyGraph(g)).map((e) => e.message)).toEqual([expect.stringMatching(/Relu_1 \(RescaleClip\): error IR017: .*'s' has frac 5, the RescaleClip rule gives 4/)]);
    expect(catchList(() => verifyGraph(fused(['', 's']))).map((e) => e.message)).toContainEqual(expect.stringMatching(/Relu_1 \(RescaleClip\): error IR019: .*output 0 \(y\) is required but absent/));
  });

  it('RangeCheck must check a graph input', () => {
    const g = fixedMlp('accel');
    g.nodes.push({ ...g.nodes[0], name: 'bad.range', inputs: ['s'] });
    const err = catchList(() => verifyGraph(g));
    expect(err.map((e) => e.message)).toEqual([expect.stringMatching(/bad.range \(RangeCheck\): error IR009: .*s is not one/)]);
  });
});

function catchList(fn: () => void) {
  try { fn(); } catch (e) { return e instanceof OnnxZkErrorList ? e.errors : [e as Error]; }
  return [];
}

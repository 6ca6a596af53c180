import { Graph, bigintValues, verifyGraph } from '@onnx-zk/tensor-ir';
import { lowerGraph, quantizeInputs, runInt } from '@onnx-zk/fixedpoint-lowering';
import { float, floatGraph, int, mlp } from './helpers/float-graph';

const ops = (g: Graph) => g.nodes.map((n) => n.op);
const constantOf = (g: Graph, name: string) => bigintValues(g.constants.get(name)!);
const fracOf = (g: Graph, name: string) => g.values.get(name)!.fixed!.frac;

describe('lowerGraph', () => {
  it('lowers Gemm to Linear (frac 2f, bias at 2f) and Rescale back to frac f', () => {
    const g = lowerGraph(mlp(1, [3, 4, 2]), { inputRange: [-2, 2], rescaleOutputs: true });
    verifyGraph(g);
    expect(g.stage).toBe('fixed');
    expect(ops(g)).toEqual(['Linear', 'Rescale', 'Relu', 'Linear', 'Rescale']);
    const [fc1, rescale] = g.nodes;
    expect(fracOf(g, 'x')).toBe(16);
    expect(fracOf(g, fc1.inputs[1])).toBe(16);
    expect(fracOf(g, fc1.inputs[2])).toBe(32);
    expect(fracOf(g, fc1.outputs[0])).toBe(32);
    expect(rescale.attrs.shift).toEqual({ type: 'int', value: 16 });
    expect(fracOf(g, 'h')).toBe(16);
    expect(g.metadata['fixed.frac']).toBe('16');
    expect(g.metadata['fixed.input_range']).toBe('-2,2');
    expect(g.outputs).toEqual(['y']);
  });

  it('folds the Add of a constant after MatMul into the Linear bias, keeping both locations', () => {
    const g = lowerGraph(mlp(2, [3, 4, 2]), { inputRange: [-1, 1] });
    const fc2 = g.nodes[3];
    expect(fc2.inputs).toHaveLength(3);
    expect(fc2.loc).toEqual(['fc2', 'bias2']);
    expect(fc2.outputs).toEqual(['y']);
    expect(g.nodes).toHaveLength(4);
    expect(g.values.has('z')).toBe(false);
  });

  it('keeps the exact accumulator as the graph output unless asked to rescale it', () => {
    const elided = lowerGraph(mlp(2, [3, 4, 2]), { inputRange: [-1, 1] });
    expect(elided.nodes.map((n) => n.op)).toEqual(['Linear', 'Rescale', 'Relu', 'Linear']);
    expect(elided.values.get('y')?.fixed?.frac).toBe(32);
    expect(elided.values.has('y.acc')).toBe(false);
    const rescaled = lowerGraph(mlp(2, [3, 4, 2]), { inputRange: [-1, 1], rescaleOutputs: true });
    expect(rescaled.nodes.map((n) => n.op)).toEqual(['Linear', 'Rescale', 'Relu', 'Linear', 'Rescale']);
    expect(rescaled.values.get('y')?.fixed?.frac).toBe(16);
    const data = [[0.25, -0.5, 0.75]];
    const exact = runInt(elided, quantizeInputs(elided, data)).get('y')![0];
    const rounded = runInt(rescaled, quantizeInputs(rescaled, data)).get('y')![0];
    expect(rounded).toBe((exact + (1n << 15n)) >> 16n);
  });

  it('folds transB, alpha and beta into the quantized constants', () => {
    const src = floatGraph({
      inputs: { x: [1, 2] },
      constants: { B: { shape: [3, 2], data: [1, 2, 3, 4, 5, 6] }, C: { shape: [1, 3], data: [1, 0.5, -1] } },
      nodes: [{ op: 'Gemm', name: 'g', inputs: ['x', 'B', 'C'], outputs: ['y'], attrs: { transB: int(1), alpha: float(0.5), beta: float(2) } }],
      outputs: ['y'],
    });
    const g = lowerGraph(src, { inputRange: [-1, 1], fracBits: 2, rescaleOutputs: true });
    const linear = g.nodes[0];
    expect(g.values.get(linear.inputs[1])!.shape).toEqual([2, 3]);
    // W[k][n] = 0.5·B[n][k], times 2^2
    expect(constantOf(g, linear.inputs[1])).toEqual([2n, 6n, 10n, 4n, 8n, 12n]);
    // 2·C at frac 4
    expect(constantOf(g, linear.inputs[2])).toEqual([32n, 16n, -32n]);
  });

  it('lowers an Add of a constant that cannot fold into an Add with the constant at the same frac', () => {
    const src = floatGraph({
      inputs: { x: [2, 2] },
      constants: { c: { shape: [2], data: [0.5, -0.25] } },
      nodes: [
        { op: 'Relu', name: 'r', inputs: ['x'], outputs: ['a'] },
        { op: 'Add', name: 'add', inputs: ['c', 'a'], outputs: ['y'] },
      ],
      outputs: ['y'],
    });
    const g = lowerGraph(src, { inputRange: [-1, 1], fracBits: 4, rescaleOutputs: true });
    verifyGraph(g);
    const add = g.nodes[1];
    expect(add.op).toBe('Add');
    expect(add.inputs[0]).toBe('a');
    expect(constantOf(g, add.inputs[1])).toEqual([8n, -4n, 8n, -4n]);
    expect(add.attrs).toEqual({ shift_a: int(0), shift_b: int(0) });
  });

  it('lowers Add of two activations without shifts when their fracs agree', () => {
    const src = floatGraph({
      inputs: { x: [3] },
      nodes: [
        { op: 'Relu', name: 'r', inputs: ['x'], outputs: ['a'] },
        { op: 'Add', name: 'add', inputs: ['a', 'x'], outputs: ['y'] },
      ],
      outputs: ['y'],
    });
    const g = lowerGraph(src, { inputRange: [-1, 1] });
    verifyGraph(g);
    expect(g.nodes[1].attrs).toEqual({ shift_a: int(0), shift_b: int(0) });
    expect(fracOf(g, 'y')).toBe(16);
  });

  it('lowers Reshape, Flatten and Identity to Reshape with the static shape', () => {
    const src = floatGraph({
      inputs: { x: [1, 2, 3] },
      constants: { s: { shape: [2], data: [3, -1], dtype: 'int64' } },
      nodes: [
        { op: 'Reshape', name: 'rs', inputs: ['x', 's'], outputs: ['a'] },
        { op: 'Flatten', name: 'fl', inputs: ['a'], outputs: ['b'], attrs: { axis: int(0) } },
        { op: 'Identity', name: 'id', inputs: ['b'], outputs: ['y'] },
      ],
      outputs: ['y'],
    });
    const g = lowerGraph(src, { inputRange: [-1, 1] });
    verifyGraph(g);
    expect(ops(g)).toEqual(['Reshape', 'Reshape', 'Reshape']);
    expect(g.nodes.map((n) => n.attrs.shape)).toEqual([
      { type: 'ints', value: [3, 2] },
      { type: 'ints', value: [1, 6] },
      { type: 'ints', value: [1, 6] },
    ]);
    expect(g.constants.has('s')).toBe(false);
  });

  it('folds nodes whose inputs are all constants (Constant, a reshaped weight) before lowering', () => {
    const src = floatGraph({
      inputs: { x: [1, 2] },
      constants: { w: { shape: [4], data: [1, 2, 3, 4] }, s: { shape: [2], data: [2, 2], dtype: 'int64' } },
      nodes: [
        { op: 'Reshape', name: 'rw', inputs: ['w', 's'], outputs: ['W'] },
        { op: 'Constant', name: 'cb', inputs: [], outputs: ['b'], attrs: { value_floats: { type: 'floats', value: [0.5, 0.25] } } },
        { op: 'MatMul', name: 'mm', inputs: ['x', 'W'], outputs: ['z'] },
        { op: 'Add', name: 'add', inputs: ['z', 'b'], outputs: ['y'] },
      ],
      outputs: ['y'],
    });
    const g = lowerGraph(src, { inputRange: [-1, 1], fracBits: 1 });
    verifyGraph(g);
    expect(ops(g)).toEqual(['Linear']); // the output keeps the accumulator (no Rescale)
    expect(constantOf(g, g.nodes[0].inputs[1])).toEqual([2n, 4n, 6n, 8n]);
    expect(constantOf(g, g.nodes[0].inputs[2])).toEqual([2n, 1n]);
  });

  it('declares the input range per element as quantized bounds', () => {
    const g = lowerGraph(mlp(3, [2, 2, 1]), { inputRange: [-0.5, 3], fracBits: 8 });
    expect(g.values.get('x')!.fixed).toEqual({ frac: 8, lo: BigInt64Array.from([-128n, -128n]), hi: BigInt64Array.from([768n, 768n]) });
  });
});

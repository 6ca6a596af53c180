import { OnnxZkError, OnnxZkErrorList, inferShapes, makeTensor, verifyGraph } from '@onnx-zk/tensor-ir';
import { fixedMlp, floatMlp, node, setType } from './helpers/graphs';

/** The messages verifyGraph throws (one or many), or [] when it accepts the graph. */
function problems(fn: () => void): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof OnnxZkErrorList) return e.errors.map((x) => x.message);
    if (e instanceof OnnxZkError) return [e.message];
    throw e;
  }
  return [];
}

describe('verifyGraph', () => {
  it('accepts a well-formed float graph', () => {
    expect(problems(() => verifyGraph(floatMlp()))).toEqual([]);
  });

  it('reports every structural problem at once', () => {
    const g = floatMlp();
    g.nodes[1].inputs = ['nowhere'];                        // dangling
    g.nodes[2].inputs = ['f', 'W2'];                        // defined later
    g.nodes[3].outputs = ['h'];                             // defined twice
    g.nodes[4].op = 'Zorp';                                 // unknown op
    g.nodes[5].op = 'Blorf';                                // a second unknown op
    g.nodes[6].name = 'Gemm_0';                             // duplicate node name
    g.outputs.push('ghost');                                // undefined output
    expect(problems(() => verifyGraph(g))).toEqual([
      expect.stringMatching(/^Relu_1 \(Relu\): error IR012: .*'nowhere' is not a graph input/),
      expect.stringMatching(/^MatMul_2 \(MatMul\): error IR011: value used before .*'f'/),
      expect.stringMatching(/^Add_3 \(Add\): error IR010: .*'h'/),
      expect.stringMatching(/^Reshape_4 \(Zorp\): error IR012: .*'a'/), // Add_3 no longer defines it
      expect.stringMatching(/^Reshape_4 \(Zorp\): error IR007: .*'Zorp' is not an op of the float dialect/),
      expect.stringMatching(/^Flatten_5 \(Blorf\): error IR007/),
      expect.stringMatching(/^Gemm_0 \(Identity\): error IR023/),
      expect.stringMatching(/^error IR013: .*'ghost'/),
      expect.stringMatching(/^error IR026: .*'a'/),
    ]);
  });

  it('checks attributes: unknown, wrong type, required', () => {
    const g = floatMlp();
    g.nodes[0].attrs.transB = { type: 'float', value: 1 };
    g.nodes[0].attrs.gamma = { type: 'int', value: 1 };
    g.nodes[5].attrs.axis = { type: 'int', value: 1.5 };
    const f = fixedMlp();
    delete f.nodes[1].attrs.shift;
    expect(problems(() => verifyGraph(g))).toEqual([
      expect.stringMatching(/^Gemm_0 \(Gemm\): error IR008: bad attribute: attribute 'transB' must be int, got float/),
      expect.stringMatching(/^Gemm_0 \(Gemm\): error IR008: .*unknown attribute 'gamma'/),
      expect.stringMatching(/^Flatten_5 \(Flatten\): error IR008: .*malformed int/),
    ]);
    expect(problems(() => verifyGraph(f))).toEqual([expect.stringMatching(/Gemm_0.rescale \(Rescale\): error IR008: .*missing required attribute 'shift'/)]);
  });

  it('checks arity and operand types', () => {
    const g = floatMlp();
    g.nodes[0].inputs = ['x', 'W2', 'B1'];
    g.nodes[6].inputs = ['f', 'f'];
    g.nodes[6].outputs = [];
    expect(problems(() => verifyGraph(g))).toEqual([
      expect.stringMatching(/^Gemm_0 \(Gemm\): error IR009: .*inner dimensions differ: A' is \[1,3\], B' is \[2,4\]/),
      expect.stringMatching(/^Identity_6 \(Identity\): error IR019: .*expected 1 inputs, got 2/),
      expect.stringMatching(/^error IR013: .*'y'/),
      expect.stringMatching(/^error IR026: .*'y'/),
    ]);
  });

  it('compares declared types with inferred ones and checks constants', () => {
    const g = floatMlp();
    setType(g, 'h', 'float32', [4, 1]);
    g.values.delete('m');
    g.values.set('W2', { name: 'W2', dtype: 'float32', shape: [2, 4] });
    g.constants.set('B2', { dtype: 'float32', shape: [2], data: new Float32Array(3) });
    expect(problems(() => verifyGraph(g))).toEqual([
      expect.stringMatching(/^error IR015: .*'W2' is float32\[4,2\], its value info says 'W2': float32\[2,4\]/),
      expect.stringMatching(/^error IR022: .*'B2' is float32\[2\] but holds 3 elements/),
      expect.stringMatching(/^Gemm_0 \(Gemm\): error IR014: .*'h' is declared float32\[4,1\], inferred float32\[1,4\]/),
      expect.stringMatching(/^MatMul_2 \(MatMul\): error IR025: .*'m'/), // downstream types are not checked again
    ]);
  });

  it('checks FixedInfo and the frac rule in fixed stages', () => {
    const g = fixedMlp();
    g.values.get('s')!.fixed!.frac = 5;                 // Rescale rule gives 4
    g.values.get('r')!.fixed!.lo[1] = 100n;             // lo > hi
    g.values.get('W')!.fixed!.hi[0] = 17n;              // constant bounds ≠ value
    delete g.values.get('a')!.fixed;                     // missing
    g.values.get('y')!.fixed!.hi = new BigInt64Array(1);// wrong length
    g.values.get('l')!.fixed!.hi[0] = 1n << 62n;        // too large
    expect(problems(() => verifyGraph(g))).toEqual([
      expect.stringMatching(/^Gemm_0.rescale \(Rescale\): error IR017: .*'s' has frac 5, the Rescale rule gives 4/),
      expect.stringMatching(/^error IR016: .*'W': constant element 0 = 16 but its bounds are \[16, 17\]/),
      expect.stringMatching(/^error IR016: .*'l': element 0 bounds .* exceed/),
      expect.stringMatching(/^error IR016: .*'r': element 1 has lo 100 > hi 16/),
      expect.stringMatching(/^error IR016: .*'a': no FixedInfo/),
      expect.stringMatching(/^error IR016: .*'y': lo\/hi have 3\/1 entries, expected 3/),
    ]);
  });

  it('requires int64 values in fixed stages and gadget attributes in accel', () => {
    const g = fixedMlp('accel');
    delete g.nodes[2].attrs.gadget;
    g.nodes[3].attrs.cost_wires = { type: 'float', value: 1 };
    expect(problems(() => verifyGraph(g))).toEqual([
      expect.stringMatching(/^Gemm_0.rescale \(Rescale\): error IR018: .*gadget \(string\)/),
      expect.stringMatching(/^Relu_1 \(Relu\): error IR018: .*cost_wires \(int\)/),
    ]);
    const f = fixedMlp();
    f.constants.set('C', makeTensor('float32', [1, 3]));
    f.values.set('C', { name: 'C', dtype: 'float32', shape: [1, 3] });
    expect(problems(() => verifyGraph(f))).toEqual([
      expect.stringMatching(/Add_2 \(Add\): error IR009: .*must be int64/),
      expect.stringMatching(/error IR016: .*'C': fixed-point values are int64/),
    ]);
  });

  it('reports graph input problems', () => {
    const g = floatMlp();
    g.inputs.push('x', 'W1');
    expect(problems(() => verifyGraph(g))).toEqual([
      expect.stringMatching(/IR010: .*'x' is listed twice/),
      expect.stringMatching(/IR010: .*'W1' is both a graph input and a constant/),
    ]);
  });
});

describe('inferShapes', () => {
  it('types every node output from the op rules', () => {
    const g = floatMlp();
    for (const v of ['h', 'r', 'm', 'a', 's', 'f', 'y', 'W1', 'shape']) g.values.delete(v);
    inferShapes(g);
    expect(g.values.get('s')).toEqual({ name: 's', dtype: 'float32', shape: [1, 2, 1] });
    expect(g.values.get('y')).toEqual({ name: 'y', dtype: 'float32', shape: [1, 2] });
    expect(g.values.get('shape')).toEqual({ name: 'shape', dtype: 'int64', shape: [3] });
    expect(() => verifyGraph(g)).not.toThrow();
  });

  it('reports all unknown ops at once without cascading errors', () => {
    const g = floatMlp();
    g.nodes[1].op = 'Zorp';
    g.nodes.push(node('Blorf', 'Blorf_9', ['y'], ['z']));
    const msgs = problems(() => inferShapes(g));
    expect(msgs).toEqual([
      expect.stringMatching(/^Relu_1 \(Zorp\): error IR007: unknown op for this IR stage: 'Zorp' is not an op of the float dialect \(known: Add, Constant/),
      expect.stringMatching(/^Blorf_9 \(Blorf\): error IR007/),
    ]);
  });
});

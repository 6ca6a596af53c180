import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inputTensors, makeTensor, readInputJson, runFloat, tensorValues } from '@onnx-zk/tensor-ir';
import { fixedMlp, floatMlp, node } from './helpers/graphs';

describe('runFloat', () => {
  it('runs the float MLP and returns every value', () => {
    const g = floatMlp();
    const env = runFloat(g, [makeTensor('float32', [1, 3], [1, 2, 3])]);
    // h = x·W1ᵀ + B1 = [0.5-2+6, 0.25+0.25-1.5, 1+2+3, -2+0+9] + B1 = [4.6, -1.2, 6.3, 6.6]
    expect(tensorValues(env.get('h')!)).toEqual([4.6, -1.2, 6.3, 6.6].map(Math.fround));
    // r = relu(h); m = r·W2 = [4.6 - 1.575 + 19.8, -4.6 + 0 + 6.6]; a = m + B2
    const y = env.get('y')!;
    expect(y.shape).toEqual([1, 2]);
    expect(y.data).toBeInstanceOf(Float32Array);
    const r = [4.6, 0, 6.3, 6.6].map(Math.fround);
    const expected = [r[0] * 1 + r[1] * 0.5 + r[2] * -0.25 + r[3] * 3 + 0.5, r[0] * -1 + r[1] * 2 + r[2] * 0 + r[3] * 1 - 0.5];
    expect(tensorValues(y)).toEqual(expected.map(Math.fround));
    expect([...env.keys()]).toEqual(['W1', 'B1', 'W2', 'B2', 'shape', 'x', 'h', 'r', 'm', 'a', 's', 'f', 'y']);
  });

  it('runs Constant nodes', () => {
    const g = floatMlp();
    g.nodes.push(node('Constant', 'K', [], ['k'], { value_floats: { type: 'floats', value: [1, 2] } }));
    g.nodes.push(node('Add', 'Add_k', ['y', 'k'], ['z']));
    const env = runFloat(g, [makeTensor('float32', [1, 3])]);
    const y = tensorValues(env.get('y')!);
    expect(tensorValues(env.get('z')!)).toEqual([y[0] + 1, y[1] + 2]);
  });

  it('rejects other stages, wrong input counts and wrong input types (IR005, IR020)', () => {
    expect(() => runFloat(fixedMlp(), [])).toThrow(/IR005.*got fixed/);
    expect(() => runFloat(floatMlp(), [])).toThrow(/IR020.*has 1 inputs \(x\), got 0/);
    expect(() => runFloat(floatMlp(), [makeTensor('float32', [3])])).toThrow(/IR020.*input 'x' is float32\[1,3\], got float32\[3\]/);
    expect(() => runFloat(floatMlp(), [makeTensor('float64', [1, 3])])).toThrow(/got float64\[1,3\]/);
  });

  it('names the node when an op fails at run time', () => {
    const g = floatMlp();
    g.nodes[3].inputs = ['m', 'W1'];
    expect(() => runFloat(g, [makeTensor('float32', [1, 3])])).toThrow(/^Add_3 \(Add\): error IR009: .*do not broadcast/);
  });
});

describe('input JSON', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tir-input-'));
  const write = (name: string, text: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };

  it('reads EZKL input_data (nested arrays flattened) and plain arrays', () => {
    expect(readInputJson(write('a.json', '{"input_data": [[1.5, 2], [[3], [4]]], "input_shapes": [[2]]}'))).toEqual([[1.5, 2], [3, 4]]);
    expect(readInputJson(write('b.json', '[[1, 2], [3, 4]]'))).toEqual([[1, 2, 3, 4]]);
    expect(readInputJson(write('c.json', '{"input_data": [1, 2]}'))).toEqual([[1, 2]]);
    const ezkl = path.join(__dirname, '../../../examples/1l_mlp/input.json');
    expect(readInputJson(ezkl)).toEqual([[1.5417295, 0.5346153, 1.2172532]]);
  });

  it('reports malformed JSON with IR021 and a missing file with IR006', () => {
    const bad = write('bad.json', '{"input_data": [[1, 2');
    expect(() => readInputJson(bad)).toThrow(new RegExp(`^${bad}: error IR021: malformed input JSON`));
    expect(() => readInputJson(write('d.json', '{"data": []}'))).toThrow(/IR021.*"input_data"/);
    expect(() => readInputJson(write('e.json', '{"input_data": [[1, "x"]]}'))).toThrow(/IR021.*input_data\[0\]\[1\] holds "x"/);
    expect(() => readInputJson(path.join(dir, 'none.json'))).toThrow(/IR006.*no such file/);
  });

  it('builds input tensors checked against the graph', () => {
    const g = floatMlp();
    const [x] = inputTensors(g, [[1, 2, 3]]);
    expect(x).toEqual(makeTensor('float32', [1, 3], [1, 2, 3]));
    expect(() => inputTensors(g, [[1, 2]])).toThrow(/IR020.*input 'x' is float32\[1,3\] \(3 values\), the input data has 2/);
    expect(() => inputTensors(g, [[1, 2, 3], [4]])).toThrow(/IR020.*has 1 inputs \(x\), the input data has 2/);
  });
});

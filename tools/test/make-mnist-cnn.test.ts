import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importOnnx, readTensorProto } from '@onnx-zk/onnx-frontend';
import { readInputJson, runFloat } from '@onnx-zk/tensor-ir';
import {
  DEFAULT_OUT, INPUT_DIMS, INPUT_NAME, OUTPUT_NAME, buildMnistCnn, deterministicFiles, parseArgs, syntheticDigit, writeFiles,
} from '../src/make-mnist-cnn';

// onnxruntime-node checks typed arrays with instanceof, which fails across jest's realm: run it in
// a plain child Node, which prints the output's float32 bytes as base64.
const ORT_SCRIPT = `
const fs = require('fs');
const ort = require('onnxruntime-node');
const [file, inputFile, inputName, outputName] = process.argv.slice(1);
const raw = fs.readFileSync(inputFile);
const data = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
ort.InferenceSession.create(file)
  .then((s) => s.run({ [inputName]: new ort.Tensor('float32', data, [${INPUT_DIMS.join(', ')}]) }))
  .then((r) => process.stdout.write(Buffer.from(r[outputName].data.buffer).toString('base64')));
`;

function runOnnxruntime(modelFile: string, input: Float32Array): Float32Array {
  const inputFile = `${modelFile}.input.bin`;
  fs.writeFileSync(inputFile, input);
  const run = spawnSync(process.execPath, ['-e', ORT_SCRIPT, modelFile, inputFile, INPUT_NAME, OUTPUT_NAME], { encoding: 'utf8', cwd: __dirname });
  if (run.status !== 0) throw new Error(run.stderr);
  const raw = Buffer.from(run.stdout, 'base64');
  return new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
}

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));

describe('make-mnist-cnn', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'make-mnist-cnn-'));
    writeFiles(dir, deterministicFiles());
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(['network.onnx', 'input.json', 'test_data_set_0/input_0.pb'])('regenerated %s is byte-identical to the bundled one', (file) => {
    expect(fs.readFileSync(path.join(dir, file)).equals(fs.readFileSync(path.join(DEFAULT_OUT, file)))).toBe(true);
  });

  test('another seed gives other weights', () => {
    expect(Buffer.from(buildMnistCnn(9)).equals(Buffer.from(buildMnistCnn()))).toBe(false);
  });

  test('onnxruntime-node runs the regenerated model and reproduces the bundled output_0.pb', () => {
    const output = runOnnxruntime(path.join(dir, 'network.onnx'), syntheticDigit());
    const bundled = readTensorProto(fs.readFileSync(path.join(DEFAULT_OUT, 'test_data_set_0', 'output_0.pb')));
    expect(bundled.shape).toEqual([1, 10]);
    expect(maxAbsDiff(output, bundled.data as Float32Array)).toBeLessThan(1e-6);
    expect(Math.max(...Array.from(output, Math.abs))).toBeGreaterThan(0.1); // not a degenerate all-zero output
  });

  test('imports as the MNIST-8 layer chain and the float interpreter matches onnxruntime within 1e-5', () => {
    const file = path.join(dir, 'network.onnx');
    const { graph } = importOnnx(fs.readFileSync(file), { file });
    expect(graph.opset).toBe(13);
    expect(graph.nodes.map((n) => `${n.name}:${n.op}`)).toEqual([
      'Convolution28:Conv', 'ReLU32:Relu', 'Pooling66:MaxPool', 'Convolution110:Conv', 'ReLU114:Relu', 'Pooling160:MaxPool',
      'Times212_reshape0:Reshape', 'Plus214:Gemm',
    ]);
    expect(graph.values.get('Pooling160_Output_0')!.shape).toEqual([1, 16, 4, 4]);
    const [input] = readInputJson(path.join(dir, 'input.json'));
    expect(input).toHaveLength(784);
    expect(Math.min(...input)).toBe(0);
    expect(Math.max(...input)).toBe(1);
    const data = Float32Array.from(input);
    const actual = runFloat(graph, [{ dtype: 'float32', shape: INPUT_DIMS, data }]).get(OUTPUT_NAME)!.data as Float32Array;
    expect(maxAbsDiff(actual, runOnnxruntime(file, data))).toBeLessThan(1e-5);
  });

  test('the command line: defaults write the bundled example; bad flags are one-line errors', () => {
    expect(parseArgs([])).toEqual({ out: DEFAULT_OUT, seed: 8 });
    expect(parseArgs(['--out', 'x', '--seed', '3'])).toEqual({ out: path.resolve('x'), seed: 3 });
    expect(() => parseArgs(['--seed', '-1'])).toThrow('--seed must be a non-negative integer');
    expect(() => parseArgs(['--bogus', '1'])).toThrow("unknown flag '--bogus'");
    expect(() => parseArgs(['--out'])).toThrow('--out needs a value');
  });
});

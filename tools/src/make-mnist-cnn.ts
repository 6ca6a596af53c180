#!/usr/bin/env node
/**
 * Writes examples/mnist_cnn: a CNN of the ONNX model zoo's MNIST-8 shape with seeded synthetic
 * weights (ours, no trained weights are copied), a synthetic digit as input and onnxruntime's output:
 *
 *   npm run gen:mnist-cnn -w tools              (= node tools/dist/make-mnist-cnn.js [--out DIR] [--seed N])
 *
 * Graph (opset 13, IR version 7), node names after the zoo's:
 *   Input3 [1,1,28,28] → Conv 8@5×5 pads 2 → Relu → MaxPool 2×2/2 → Conv 16@5×5 pads 2 → Relu
 *   → MaxPool 3×3/3 → Reshape [1,256] → Gemm [256,10] + [10] → Plus214_Output_0 [1,10]
 * network.onnx, input.json and test_data_set_0/input_0.pb are a pure function of the seed (same bytes
 * on every platform: mulberry32 and exactly rounded arithmetic); output_0.pb is onnxruntime-node's.
 */
import * as fs from 'fs';
import * as path from 'path';
import { onnxSchema } from '@onnx-zk/onnx-frontend';
import { ONNX_FLOAT, ONNX_INT64 } from './gpt2/onnx-builder';
import { SeededRandom } from './gpt2/random';

export const INPUT_NAME = 'Input3';
export const OUTPUT_NAME = 'Plus214_Output_0';
export const INPUT_DIMS = [1, 1, 28, 28];
export const OUTPUT_DIMS = [1, 10];
export const DEFAULT_SEED = 8;
export const DEFAULT_OUT = path.resolve(__dirname, '..', '..', 'examples', 'mnist_cnn');
const IR_VERSION = 7;
const OPSET = 13;

/** AttributeProto.AttributeType codes. */
const ATTR_INT = 2;
const ATTR_INTS = 7;

type Attr = { name: string; type: number; i?: number; ints?: number[] };
const ints = (name: string, v: number[]): Attr => ({ name, type: ATTR_INTS, ints: v });
const int = (name: string, v: number): Attr => ({ name, type: ATTR_INT, i: v });

function node(name: string, opType: string, input: string[], output: string, attribute: Attr[] = []): object {
  return { name, opType, input, output: [output], attribute };
}

function tensor(name: string, dims: number[], data: Float32Array | BigInt64Array): object {
  const dataType = data instanceof Float32Array ? ONNX_FLOAT : ONNX_INT64;
  return { name, dims, dataType, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/** Uniform in [−bound, bound), rounded to float32. */
function uniform(rng: SeededRandom, n: number, bound: number): Float32Array {
  return Float32Array.from({ length: n }, () => (2 * rng.next() - 1) * bound);
}

/**
 * Kaiming (He) uniform weights, bound √(6 / fan_in), so a ReLU layer keeps its activations' second
 * moment, and biases in ±0.05.
 */
function layer(rng: SeededRandom, dims: number[], fanIn: number, outputs: number): { w: Float32Array; b: Float32Array } {
  const w = uniform(rng, dims.reduce((a, d) => a * d, 1), Math.sqrt(6 / fanIn));
  return { w, b: uniform(rng, outputs, 0.05) };
}

const valueInfo = (name: string, dims: number[]) =>
  ({ name, type: { tensorType: { elemType: ONNX_FLOAT, shape: { dim: dims.map((d) => ({ dimValue: d })) } } } });

/** The encoded ModelProto. */
export function buildMnistCnn(seed = DEFAULT_SEED): Uint8Array {
  const rng = new SeededRandom(seed);
  const conv1 = layer(rng, [8, 1, 5, 5], 1 * 5 * 5, 8);
  const conv2 = layer(rng, [16, 8, 5, 5], 8 * 5 * 5, 16);
  const dense = layer(rng, [256, 10], 256, 10);
  const conv = [ints('kernel_shape', [5, 5]), ints('strides', [1, 1]), ints('pads', [2, 2, 2, 2]), ints('dilations', [1, 1]), int('group', 1)];
  const pool = (k: number) => [ints('kernel_shape', [k, k]), ints('strides', [k, k]), ints('pads', [0, 0, 0, 0])];
  const graph = {
    name: 'mnist_cnn',
    node: [
      node('Convolution28', 'Conv', [INPUT_NAME, 'Parameter5', 'Parameter6'], 'Convolution28_Output_0', conv),
      node('ReLU32', 'Relu', ['Convolution28_Output_0'], 'ReLU32_Output_0'),
      node('Pooling66', 'MaxPool', ['ReLU32_Output_0'], 'Pooling66_Output_0', pool(2)),
      node('Convolution110', 'Conv', ['Pooling66_Output_0', 'Parameter87', 'Parameter88'], 'Convolution110_Output_0', conv),
      node('ReLU114', 'Relu', ['Convolution110_Output_0'], 'ReLU114_Output_0'),
      node('Pooling160', 'MaxPool', ['ReLU114_Output_0'], 'Pooling160_Output_0', pool(3)),
      node('Times212_reshape0', 'Reshape', ['Pooling160_Output_0', 'Pooling160_Output_0_reshape0_shape'], 'Pooling160_Output_0_reshape0'),
      // One Gemm where the zoo has Times212 (MatMul) and Plus214 (Add).
      node('Plus214', 'Gemm', ['Pooling160_Output_0_reshape0', 'Parameter193', 'Parameter194'], OUTPUT_NAME),
    ],
    initializer: [
      tensor('Parameter5', [8, 1, 5, 5], conv1.w),
      tensor('Parameter6', [8], conv1.b),
      tensor('Parameter87', [16, 8, 5, 5], conv2.w),
      tensor('Parameter88', [16], conv2.b),
      tensor('Pooling160_Output_0_reshape0_shape', [2], BigInt64Array.from([1n, 256n])),
      tensor('Parameter193', [256, 10], dense.w),
      tensor('Parameter194', [10], dense.b),
    ],
    input: [valueInfo(INPUT_NAME, INPUT_DIMS)],
    output: [valueInfo(OUTPUT_NAME, OUTPUT_DIMS)],
  };
  const model = {
    irVersion: IR_VERSION,
    producerName: 'onnx-zk make-mnist-cnn',
    producerVersion: '0.1.0',
    opsetImport: [{ domain: '', version: OPSET }],
    graph,
  };
  return onnxSchema.lookupType('onnx.ModelProto').encode(model).finish();
}

/** Distance from (x, y) to the segment (x0, y0)–(x1, y1). */
function segmentDistance(x: number, y: number, [x0, y0, x1, y1]: number[]): number {
  const [dx, dy] = [x1 - x0, y1 - y0];
  const t = Math.min(1, Math.max(0, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)));
  const [ex, ey] = [x - x0 - t * dx, y - y0 - t * dy];
  return Math.sqrt(ex * ex + ey * ey);
}

/** A "7" drawn with a pen 2 px wide: top bar, slanted stem, crossbar. */
const SEVEN = [[6, 6, 21, 6], [21, 6, 12, 23], [11, 15, 19, 15]];

/** A 28×28 grey image in [0, 1], 8-bit levels (k/255) like a normalised MNIST digit, row-major. */
export function syntheticDigit(): Float32Array {
  const image = new Float32Array(28 * 28);
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const d = Math.min(...SEVEN.map((s) => segmentDistance(x, y, s)));
      const ink = Math.min(1, Math.max(0, 1.5 - d)); // full within 1 px of the stroke, a 1 px ramp
      image[y * 28 + x] = Math.round(ink * 255) / 255;
    }
  }
  return image;
}

/** EZKL's input.json, one image row per line. */
export function inputJson(image: Float32Array): string {
  const rows = Array.from({ length: 28 }, (_, y) => Array.from(image.subarray(y * 28, y * 28 + 28), (v) => Math.round(v * 255) / 255).join(', '));
  return `{"input_data": [[\n${rows.join(',\n')}\n]]}\n`;
}

/** A serialized TensorProto (test_data_set_N/input_N.pb, output_N.pb). */
export function tensorProtoBytes(name: string, dims: number[], data: Float32Array): Uint8Array {
  return onnxSchema.lookupType('onnx.TensorProto').encode(tensor(name, dims, data)).finish();
}

/** The files that depend only on the seed, by path relative to the example folder. */
export function deterministicFiles(seed = DEFAULT_SEED): Record<string, Uint8Array | string> {
  const image = syntheticDigit();
  return {
    'network.onnx': buildMnistCnn(seed),
    'input.json': inputJson(image),
    'test_data_set_0/input_0.pb': tensorProtoBytes(INPUT_NAME, INPUT_DIMS, image),
  };
}

export function writeFiles(dir: string, files: Record<string, Uint8Array | string>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}

/** The model's output on the input with onnxruntime-node (one thread, so the sums' order is fixed). */
export async function runOnnxruntime(modelFile: string, input: Float32Array): Promise<Float32Array> {
  const ort = await import('onnxruntime-node');
  const session = await ort.InferenceSession.create(modelFile, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const result = await session.run({ [INPUT_NAME]: new ort.Tensor('float32', input, INPUT_DIMS) });
  return Float32Array.from(result[OUTPUT_NAME].data as Float32Array);
}

/** Writes every file of the example into `dir`. */
export async function generate(dir: string, seed = DEFAULT_SEED): Promise<Float32Array> {
  writeFiles(dir, deterministicFiles(seed));
  const output = await runOnnxruntime(path.join(dir, 'network.onnx'), syntheticDigit());
  writeFiles(dir, { 'test_data_set_0/output_0.pb': tensorProtoBytes(OUTPUT_NAME, OUTPUT_DIMS, output) });
  return output;
}

const USAGE = 'usage: make-mnist-cnn [--out DIR] [--seed N]';

/** Parses the command line; throws a one-line message on bad flags. */
export function parseArgs(argv: string[]): { out: string; seed: number } {
  const args = { out: DEFAULT_OUT, seed: DEFAULT_SEED };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--out') args.out = path.resolve(value);
    else if (flag === '--seed') {
      args.seed = Number(value);
      if (!Number.isInteger(args.seed) || args.seed < 0) throw new Error(`--seed must be a non-negative integer, got '${value}'`);
    } else throw new Error(`unknown flag '${flag}'`);
  }
  return args;
}

async function main(): Promise<void> {
  try {
    const { out, seed } = parseArgs(process.argv.slice(2));
    const output = await generate(out, seed);
    process.stdout.write(`${out}: network.onnx, input.json, test_data_set_0/; onnxruntime output [${Array.from(output, (v) => v.toFixed(4)).join(', ')}]\n`);
  } catch (e) {
    process.stderr.write(`make-mnist-cnn: ${(e as Error).message}\n${USAGE}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importOnnx, onnxSchema } from '@onnx-zk/onnx-frontend';
import { Tensor, runFloat } from '@onnx-zk/tensor-ir';
import { GPT2_SMALL, Gpt2Config, buildGpt2, gpt2Parameters, parseArgs } from '../src/gen-gpt2';

const SMALL: Gpt2Config = { layers: 2, dModel: 64, heads: 4, vocab: 500, context: 64, seed: 7 };
const SEQ = 12;
const ids = BigInt64Array.from({ length: SEQ }, (_, i) => BigInt((i * 131 + 5) % SMALL.vocab));

// onnxruntime-node checks typed arrays with instanceof, which fails across jest's realm: run it in
// a plain child Node, which prints the logits' float32 bytes as base64.
const ORT_SCRIPT = `
const ort = require('onnxruntime-node');
const [file, ids] = process.argv.slice(1);
const data = BigInt64Array.from(ids.split(',').map(BigInt));
ort.InferenceSession.create(file)
  .then((s) => s.run({ input_ids: new ort.Tensor('int64', data, [1, data.length]) }))
  .then((r) => process.stdout.write(Buffer.from(Object.values(r)[0].data.buffer).toString('base64')));
`;

function runOnnxruntime(bytes: Uint8Array): Float32Array {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-gpt2-'));
  try {
    const file = path.join(dir, 'gpt2.onnx');
    fs.writeFileSync(file, bytes);
    const run = spawnSync(process.execPath, ['-e', ORT_SCRIPT, file, Array.from(ids).join(',')], { encoding: 'utf8', cwd: __dirname });
    if (run.status !== 0) throw new Error(run.stderr);
    const raw = Buffer.from(run.stdout, 'base64');
    return new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('gen-gpt2', () => {
  const { bytes, parameters } = buildGpt2(SMALL);

  test('GPT-2 small has ~124M parameters; the small model has what the formula says', () => {
    expect(gpt2Parameters(GPT2_SMALL)).toBe(124439808);
    expect(parameters).toBe(gpt2Parameters(SMALL));
  });

  test('a seed gives the same bytes; another seed other weights', () => {
    expect(Buffer.from(buildGpt2(SMALL).bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(buildGpt2({ ...SMALL, seed: 8 }).bytes).equals(Buffer.from(bytes))).toBe(false);
  });

  test('the graph uses the op patterns of a PyTorch export', () => {
    const tir = importOnnx(bytes, { dims: { sequence: SEQ } });
    const ops = new Set(tir.graph.nodes.map((n) => n.op));
    for (const op of ['Gather', 'MatMul', 'Softmax', 'Where', 'Tanh', 'Pow', 'ReduceMean', 'Split', 'Transpose', 'Reshape']) {
      expect(ops).toContain(op);
    }
    // Folding made the Shape → Gather → Unsqueeze → Concat subgraphs constant.
    expect(ops).not.toContain('Shape');
    expect(tir.graph.values.get(tir.graph.outputs[0])?.shape).toEqual([1, SEQ, SMALL.vocab]);
  });

  test('imported and run by the float interpreter, the logits match onnxruntime-node', () => {
    const expected = runOnnxruntime(bytes);
    const tir = importOnnx(bytes, { dims: { sequence: SEQ } });
    const input: Tensor = { dtype: 'int64', shape: [1, SEQ], data: ids };
    const actual = runFloat(tir.graph, [input]).get(tir.graph.outputs[0])!.data as Float32Array;
    expect(actual).toHaveLength(SEQ * SMALL.vocab);
    let bad = 0;
    for (let i = 0; i < expected.length; i++) if (Math.abs(actual[i] - expected[i]) > 1e-5 + 1e-3 * Math.abs(expected[i])) bad++;
    expect(bad).toBe(0);
    expect(Math.max(...Array.from(expected, Math.abs))).toBeGreaterThan(0.01); // not a degenerate all-zero output
  });

  test('the command line: defaults are GPT-2 small; bad flags are one-line errors', () => {
    expect(parseArgs(['--out', 'm.onnx'])).toEqual({ out: 'm.onnx', config: GPT2_SMALL });
    expect(parseArgs(['--out', 'm.onnx', '--layers', '2', '--d-model', '64']).config).toMatchObject({ layers: 2, dModel: 64 });
    expect(() => parseArgs([])).toThrow('--out FILE is required');
    expect(() => parseArgs(['--out', 'm', '--layers', 'x'])).toThrow('--layers must be a positive integer');
    expect(() => parseArgs(['--out', 'm', '--bogus', '1'])).toThrow("unknown flag '--bogus'");
    expect(() => buildGpt2({ ...SMALL, heads: 5 })).toThrow('not a multiple');
    expect(parseArgs(['--out', 'm', '--sequence', '16']).config.sequence).toBe(16);
    expect(() => parseArgs(['--out', 'm', '--context', '8', '--sequence', '16'])).toThrow('--sequence 16 is longer than --context 8');
  });

  test('--sequence fixes input_ids and the logits to that length (no symbolic dim)', () => {
    const model = onnxSchema.lookupType('onnx.ModelProto').decode(buildGpt2({ ...SMALL, sequence: 5 }).bytes) as any;
    const dims = (io: any) => io.type.tensorType.shape.dim.map((d: any) => Number(d.dimValue ?? 0) || d.dimParam);
    expect(dims(model.graph.input[0])).toEqual([1, 5]);
    expect(dims(model.graph.output[0])).toEqual([1, 5, SMALL.vocab]);
  });
});

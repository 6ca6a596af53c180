/**
 * The masked attention softmax through the whole chain: the unfused PyTorch form
 * Softmax(Where(tril, scores, −∞)) is fused by tensor-ir's passes into MaskedSoftmax, lowered to
 * the fixed Softmax with a constant mask, bound to the softmax gadget, emitted as LLVM, proved and
 * verified; the proved outputs are the integer interpreter's and match the unfused float graph.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Graph, emptyGraph, inferShapes, makeTensor, readTir, runFloat, runPasses, softmaxErrorBound, tensorValues, writeTir } from '@onnx-zk/tensor-ir';
import { releaseSnarkjs, runVerify } from '@onnx-zk/prover-driver';
import { artifacts, proveSteps, runSteps } from '../src';
import { integerOutputs, quantizedInputText, quiet, readJson, runLli, tempDir, writeJson } from './helpers';

const T = 4;
const SHAPE = [1, 2, T, T];
const FRAC = 12;

function unfusedGraph(): Graph {
  const g = emptyGraph('masked_attention', 'float', 17);
  g.inputs.push('scores');
  g.values.set('scores', { name: 'scores', dtype: 'float32', shape: SHAPE });
  const consts = {
    tril: makeTensor('bool', [1, 1, T, T], Array.from({ length: T * T }, (_, i) => (i % T <= Math.floor(i / T) ? 1 : 0))),
    minus_inf: makeTensor('float32', [], [-Infinity]),
  };
  for (const [name, t] of Object.entries(consts)) {
    g.constants.set(name, t);
    g.values.set(name, { name, dtype: t.dtype, shape: [...t.shape] });
  }
  g.nodes.push(
    { op: 'Where', name: '/attn/Where', inputs: ['tril', 'scores', 'minus_inf'], outputs: ['masked'], attrs: {}, loc: ['/attn/Where'] },
    { op: 'Softmax', name: '/attn/Softmax', inputs: ['masked'], outputs: ['probs'], attrs: { axis: { type: 'int', value: -1 } }, loc: ['/attn/Softmax'] },
  );
  g.outputs.push('probs');
  inferShapes(g);
  return g;
}

const scores = Array.from({ length: SHAPE.reduce((a, b) => a * b, 1) }, (_, i) => Math.round(Math.sin(i * 2.3) * 300) / 100);
const masked = (e: number) => e % T > Math.floor(e / T) % T;

afterAll(async () => {
  await releaseSnarkjs();
});

describe('masked softmax from the float passes to a verified proof', () => {
  let dir: string;
  let input: string;

  beforeAll(async () => {
    dir = tempDir('masked-softmax');
    input = path.join(dir, 'input.json');
    writeJson(input, { input_data: [scores] });
    const g = unfusedGraph();
    runPasses(g);
    writeTir(artifacts(dir).tir, { producer: 'onnx-frontend', graph: g });
    const steps = proveSteps({ model: 'unused.onnx', input, out: dir, inputRange: [-4, 4], fracBits: FRAC }).filter((s) => s.name !== 'import ONNX');
    await runSteps(steps, quiet);
  });

  it('fuses to MaskedSoftmax, lowers to the fixed Softmax with a mask, and binds the softmax gadget, keeping both locs', () => {
    const float = readTir(artifacts(dir).tir, 'float').graph;
    expect(float.nodes.map((n) => [n.op, n.loc])).toEqual([['MaskedSoftmax', ['/attn/Where', '/attn/Softmax']]]);
    const acc = readTir(artifacts(dir).acc, 'accel').graph;
    const sm = acc.nodes.find((n) => n.op === 'Softmax')!;
    expect(sm.inputs).toHaveLength(2);
    expect(acc.constants.has(sm.inputs[1])).toBe(true);
    expect(sm.attrs.gadget).toEqual({ type: 'string', value: 'softmax' });
    expect(sm.loc).toEqual(['/attn/Where', '/attn/Softmax']);
  });

  it('proves, and the proof verifies', async () => {
    expect(await runVerify({ dir })).toEqual({ verified: true });
  });

  it('makes public the integer interpreter outputs, which match the unfused float graph (masked entries 0)', () => {
    const proved: { integers: string[]; values: number[] } = readJson(path.join(dir, 'outputs.json')).outputs[0];
    expect(proved.integers).toEqual(integerOutputs(dir, input));
    const want = tensorValues(runFloat(unfusedGraph(), [makeTensor('float32', SHAPE, scores)]).get('probs')!);
    const bound = softmaxErrorBound(FRAC, T, 'table');
    proved.values.forEach((v, e) => {
      if (masked(e)) expect(v).toBe(0);
      expect(Math.abs(v - want[e])).toBeLessThanOrEqual(bound);
    });
  });

  it('runs natively under lli-14 with exactly the integer interpreter outputs', () => {
    const run = runLli(artifacts(dir).runtimeLl, quantizedInputText(dir, input));
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n')).toEqual(integerOutputs(dir, input));
    expect(fs.existsSync(path.join(dir, 'circuit.sym'))).toBe(true);
  });
});

/**
 * End to end on PyTorch's TransformerEncoder (2 layers, d = 32, 4 heads, 8 tokens), exported at
 * opsets 13 and 17: multi-head attention with its private × private MatMuls (Freivalds' check),
 * softmax, LayerNorm and the feed-forward block, proved with the backend auto picks (groth16-cr)
 * and checked as every example model is.
 */
import * as path from 'path';
import { readTir } from '@onnx-zk/tensor-ir';
import { releaseSnarkjs } from '@onnx-zk/prover-driver';
import { compileSteps, runSteps } from '../src';
import { describeEndToEnd } from './e2e-suite';
import { EXAMPLES, quiet, tempDir } from './helpers';

const MODELS = ['torch_transformer_encoder_op13', 'torch_transformer_encoder_op17'];

afterAll(async () => {
  await releaseSnarkjs();
});

MODELS.forEach((model) => describeEndToEnd(model));

test('auto binds the encoder for groth16-cr, with Freivalds\' check on its attention products', async () => {
  const dir = tempDir('encoder-select');
  const model = path.join(EXAMPLES, MODELS[1]);
  await runSteps(compileSteps({ model: path.join(model, 'network.onnx'), input: path.join(model, 'input.json'), out: dir }), quiet);
  const acc = readTir(path.join(dir, 'model.acc.tir'), 'accel').graph;
  expect(acc.metadata.backend).toBe('groth16-cr');
  const products = acc.nodes.filter((n) => n.op === 'MatMul');
  expect(products.length).toBeGreaterThan(0);
  expect(products.every((n) => n.attrs.strategy?.type === 'string' && n.attrs.strategy.value === 'freivalds')).toBe(true);
}, 120_000);

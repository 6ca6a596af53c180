/**
 * End to end on EZKL's attention examples: multihead_attention (two attention layers with
 * LayerNorm, a ReduceMean over the tokens that lowers as one SparseLinear, and a Gemm head) and
 * layernorm (one LayerNormalization), each proved and checked as every example model is.
 *
 * EZKL's self_attention (--lenient: its Equal on floats predates opset 11) proves too, but at
 * 1.3M constraints it takes about 10 minutes here: it is run by hand and in the note, not in CI.
 */
import { releaseSnarkjs } from '@onnx-zk/prover-driver';
import { describeEndToEnd } from './e2e-suite';

const MODELS = ['multihead_attention', 'layernorm'];

afterAll(async () => {
  await releaseSnarkjs();
});

MODELS.forEach((model) => describeEndToEnd(model));

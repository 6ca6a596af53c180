/**
 * End to end on models nobody here wrote (EZKL's examples): the multilayer perceptrons.
 */
import { releaseSnarkjs } from '@onnx-zk/prover-driver';
import { describeEndToEnd } from './e2e-suite';

const MODELS = ['1l_mlp', '2l_relu_fc', 'sklearn_mlp', 'accuracy'];

afterAll(async () => {
  await releaseSnarkjs();
});

MODELS.forEach((model) => describeEndToEnd(model));

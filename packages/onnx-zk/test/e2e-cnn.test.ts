/**
 * End to end on EZKL's convolutional examples and the MNIST-8-shaped CNN: convolution, pooling,
 * normalization, padding and resizing, each proved and checked as every example model is
 * (mnist_gan, 4M constraints, is proved by hand and in benchmarks: too slow for CI).
 */
import { releaseSnarkjs } from '@onnx-zk/prover-driver';
import { describeEndToEnd } from './e2e-suite';

const LAYERS = ['1l_conv', '1l_conv_transpose', '1l_downsample', '1l_max_pool', '1l_average', '1l_batch_norm',
  '1l_instance_norm', '1l_pad', '1l_upsample'];
const CLASSIFIERS = ['3l_relu_conv_fc', '4l_relu_conv_fc', 'variable_cnn', 'mnist_cnn'];
/** With a sigmoid head, and the identity on an image (EZKL ships doodles without an input: ours is in examples/doodles). */
const OTHERS = ['2l_relu_sigmoid_conv', 'idolmodel', 'doodles'];

afterAll(async () => {
  await releaseSnarkjs();
});

LAYERS.forEach((model) => describeEndToEnd(model));
CLASSIFIERS.forEach((model) => describeEndToEnd(model, { classifier: true }));
OTHERS.forEach((model) => describeEndToEnd(model));

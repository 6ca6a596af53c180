'use strict';
/**
 * The peer design in R1CS: circomlib-ml (circom), the library keras2circom transpiles Keras models
 * into. Counts are circom's "non-linear constraints", which is the whole R1CS under --O2: the
 * simplifier substitutes away every linear constraint (sums, bias, out·n + remainder = acc) and
 * every product with a constant-zero operand. Derived from the templates (socathie/circomlib-ml
 * circuits/*.circom, v2.3.0) and checked with circom 2.2.3 (--O2) on small instances of each template
 * (odd sizes, strides, asymmetric same padding) and on the MNIST-8 layers of mnist8Peer (Convolution110
 * with 2 of its 16 filters: the WebAssembly circom runs out of its 4 GiB at 16).
 *
 * - Dense / Conv2D: weights are signal inputs, so each multiply-accumulate is one product
 *   constraint (matElemMul); the partial sums (matElemSum, Sum) and `out·n + remainder === acc + bias`
 *   are linear. The remainder is only asserted while the witness is computed: never constrained.
 * - Conv2Dsame: Conv2D on an input zero-padded as Keras "same" (padding max(k − s, 0), or
 *   max(k − n mod s, 0), split ⌊p/2⌋ before); a tap on a padding zero multiplies a constant, so only
 *   the taps inside the image cost.
 * - ReLU: IsPositive = Num2Bits(254) (254) + Sign's CompConstant (127 pair products + Num2Bits(135))
 *   + `out === in · isPositive` (1): 517 per element.
 * - MaxPooling2D: Max(k²) per output runs k² GreaterThan(252) comparators, each Num2Bits(253) (253)
 *   plus a Switcher product (1); the first compares in[0] with itself, so its Switcher product is
 *   0·sel and vanishes: 254·k² − 1 per output.
 * - AveragePooling2D: SumPooling2D plus `out·k² + remainder === sum`: all linear, 0 (remainder unconstrained).
 * - BatchNormalization2D: `out·n + remainder === a·in + b` with a as a signal: 1 per element.
 * Softmax and GELU have no R1CS design there, so they have no peer row.
 */
const RELU_PER_ELEMENT = 517;
const COMPARATOR = 253 + 1; // GreaterThan(252): Num2Bits(253), and the Switcher's product

const outSize = (n, k, s) => Math.floor((n - k) / s) + 1;

/** Σ over output positions of the kernel taps that land inside [0, n) (the rest read padding zeros). */
function tapsInside(n, k, s, padBefore, outputs) {
  let taps = 0;
  for (let o = 0; o < outputs; o++) taps += Math.max(0, Math.min(n, o * s - padBefore + k) - Math.max(0, o * s - padBefore));
  return taps;
}

/** Conv2Dsame's total padding of one dimension. */
const samePadding = (n, k, s) => Math.max(k - (n % s === 0 ? s : n % s), 0);

const circomlibMl = {
  dense: (n, k, m) => ({ design: 'circomlib-ml Dense', constraints: n * k * m }),
  denseRelu: (n, k, m) => ({ design: 'circomlib-ml Dense + ReLU', constraints: n * k * m + RELU_PER_ELEMENT * n * m }),
  relu: (elements) => ({ design: 'circomlib-ml ReLU', constraints: RELU_PER_ELEMENT * elements }),
  /** Conv2D (valid padding): one product per multiply-accumulate. */
  conv2d: (nRows, nCols, nChannels, nFilters, kernelSize, strides) => ({
    design: 'circomlib-ml Conv2D',
    constraints: outSize(nRows, kernelSize, strides) * outSize(nCols, kernelSize, strides) * kernelSize ** 2 * nChannels * nFilters,
  }),
  /** Conv2Dsame: one product per multiply-accumulate whose input tap is inside the image. */
  conv2dSame: (nRows, nCols, nChannels, nFilters, kernelSize, strides) => {
    const taps = (n) => {
      const pad = samePadding(n, kernelSize, strides);
      return tapsInside(n, kernelSize, strides, Math.floor(pad / 2), outSize(n + pad, kernelSize, strides));
    };
    return { design: 'circomlib-ml Conv2Dsame', constraints: taps(nRows) * taps(nCols) * nChannels * nFilters };
  },
  maxPool2d: (nRows, nCols, nChannels, poolSize, strides) => ({
    design: 'circomlib-ml MaxPooling2D',
    constraints: outSize(nRows, poolSize, strides) * outSize(nCols, poolSize, strides) * nChannels * (COMPARATOR * poolSize ** 2 - 1),
  }),
  averagePool2d: () => ({ design: 'circomlib-ml AveragePooling2D', constraints: 0 }),
  batchNorm2d: (nRows, nCols, nChannels) => ({ design: 'circomlib-ml BatchNormalization2D', constraints: nRows * nCols * nChannels }),
};

/**
 * The peer for examples/mnist_cnn (the ONNX zoo's MNIST-8 shape) layer by layer: same-padded convs
 * are Conv2Dsame, Reshape is free (Flatten2D's equalities are substituted away), Gemm is Dense.
 */
function mnist8Peer() {
  return [
    { layer: 'Convolution28', ...circomlibMl.conv2dSame(28, 28, 1, 8, 5, 1) },
    { layer: 'ReLU32', ...circomlibMl.relu(28 * 28 * 8) },
    { layer: 'Pooling66', ...circomlibMl.maxPool2d(28, 28, 8, 2, 2) },
    { layer: 'Convolution110', ...circomlibMl.conv2dSame(14, 14, 8, 16, 5, 1) },
    { layer: 'ReLU114', ...circomlibMl.relu(14 * 14 * 16) },
    { layer: 'Pooling160', ...circomlibMl.maxPool2d(14, 14, 16, 3, 3) },
    { layer: 'Plus214', ...circomlibMl.dense(1, 256, 10) },
  ];
}

/**
 * Published circom counts of keras2circom-transpiled MNIST CNNs (non-linear constraints, from the
 * EF-grant ZKML benchmark by Guy1m0, frameworks/circomlib-ml/model_info.csv; keras2circom's own
 * repository publishes none). Valid-padding LeNet: Conv 6@5×5 → ReLU → AvgPool 2 → Conv 16@5×5 →
 * ReLU → AvgPool 2 → Dense 256→10. The formulas above give the same number.
 */
const PUBLISHED = [
  {
    model: 'keras2circom MNIST LeNet 28_6_16_10_5', constraints: 2558720,
    formula: () => circomlibMl.conv2d(28, 28, 1, 6, 5, 1).constraints + circomlibMl.relu(24 * 24 * 6).constraints
      + circomlibMl.conv2d(12, 12, 6, 16, 5, 1).constraints + circomlibMl.relu(8 * 8 * 16).constraints + circomlibMl.dense(1, 256, 10).constraints,
  },
];

module.exports = { circomlibMl, mnist8Peer, PUBLISHED, RELU_PER_ELEMENT };

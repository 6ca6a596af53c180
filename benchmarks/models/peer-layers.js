'use strict';
/**
 * The peer's constraints for the layers of a float model (model.tir after the passes), node by
 * node, in circomlib-ml's design (../gadgets/peers.js): a multiply-accumulate whose input tap lies
 * inside the image is one constraint (Dense, Conv2D, Conv2Dsame), a ReLU element 517, a max-pool
 * output 254·k² − 1, an average pool 0, a BatchNormalization element 1, data movement 0. Ops the
 * peer has no design for (ConvTranspose, Sigmoid, ...) are listed in `missing`.
 */
const { forEachIndex, kernelOffsets, windowOf, windowTaps } = require('../../packages/tensor-ir/dist');
const { circomlibMl, RELU_PER_ELEMENT } = require('../gadgets/peers');

const FREE = new Set(['Reshape', 'Flatten', 'Identity', 'Squeeze', 'Unsqueeze', 'Transpose', 'Pad', 'Concat', 'Slice', 'AveragePool', 'GlobalAveragePool']);
const numel = (shape) => shape.reduce((a, b) => a * b, 1);

/** Σ over output positions of the taps inside the input: Conv's multiply-accumulates per (image, filter, input channel). */
function tapsInside(node, x, kernel) {
  const spatial = x.slice(2);
  const win = windowOf(node, spatial, kernel);
  const offsets = kernelOffsets(win.kernel);
  let taps = 0;
  forEachIndex(win.out, (o) => { taps += windowTaps(win, spatial, offsets, o).inputIndex.length; });
  return taps;
}

function nodeCost(graph, node) {
  const shape = (v) => graph.values.get(v).shape;
  switch (node.op) {
    case 'Gemm': case 'MatMul': {
      const x = shape(node.inputs[0]);
      const w = shape(node.inputs[1]);
      return circomlibMl.dense(numel(x.slice(0, -1)), w[0], w[1]).constraints;
    }
    case 'Conv': {
      const [x, w] = [shape(node.inputs[0]), shape(node.inputs[1])];
      return tapsInside(node, x, w.slice(2)) * w[1] * w[0] * x[0];
    }
    case 'Relu': return RELU_PER_ELEMENT * numel(shape(node.outputs[0]));
    case 'MaxPool': case 'GlobalMaxPool': {
      const x = shape(node.inputs[0]);
      const k = node.op === 'MaxPool' ? numel(node.attrs.kernel_shape.value) : numel(x.slice(2));
      return numel(shape(node.outputs[0])) * (254 * k - 1);
    }
    case 'BatchNormalization': return numel(shape(node.outputs[0]));
    default: return FREE.has(node.op) ? 0 : undefined;
  }
}

function peerLayers(floatGraph) {
  let constraints = 0;
  const missing = [];
  for (const node of floatGraph.nodes) {
    const c = nodeCost(floatGraph, node);
    if (c === undefined) missing.push(node.op);
    else constraints += c;
  }
  return { constraints, missing: [...new Set(missing)] };
}

module.exports = { peerLayers };

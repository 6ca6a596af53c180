import { Graph, Node, Tensor } from '../model';
import { attrFloat, attrInt } from '../attrs';
import { floatTensor } from '../ops/helpers';
import { tensorValues } from '../tensor';
import { GraphView, replaceNodes, rewriteAll } from './graph-view';

/**
 * canonicalise: BatchNormalization (inference form, constant parameters) folded into the Conv or
 * Gemm before it when that node has constant weights, so y = W'·x + b' with
 * W'[c] = W[c]·s[c], b'[c] = (b[c] − mean[c])·s[c] + β[c], s = γ/√(var + ε).
 */
export function canonicalize(graph: Graph): void {
  rewriteAll(graph, (view, node) => node.op === 'BatchNormalization' && foldBatchNorm(graph, view, node));
}

function foldBatchNorm(graph: Graph, view: GraphView, bn: Node): boolean {
  if (bn.outputs.filter((o) => o !== '').length !== 1) return false; // training-mode outputs
  const prev = view.producer.get(bn.inputs[0]);
  if (!prev || view.uses.get(bn.inputs[0]) !== 1) return false;
  const params = bn.inputs.slice(1).map((n) => view.constant(n));
  const w = prev.inputs[1] ? view.constant(prev.inputs[1]) : undefined;
  const b = prev.inputs[2] ? view.constant(prev.inputs[2]) : undefined;
  if (params.length !== 4 || params.some((p) => !p) || !w || (prev.inputs[2] && !b)) return false;
  const channelAxis = weightChannelAxis(prev, w);
  if (channelAxis === undefined) return false;
  const [gamma, beta, mean, variance] = params.map((p) => tensorValues(p!));
  const eps = attrFloat(bn, 'epsilon', 1e-5);
  const s = gamma.map((g, c) => g / Math.sqrt(variance[c] + eps));
  const bias = b ? tensorValues(b) : new Array(s.length).fill(0);
  const newW = scaleAlong(w, channelAxis, s);
  const newB = floatTensor(w.dtype, [s.length], Float64Array.from(s, (sc, c) => (bias[c] - mean[c]) * sc + beta[c]));
  const wName = `${bn.name}_folded_weight`;
  const bName = `${bn.name}_folded_bias`;
  for (const [name, t] of [[wName, newW], [bName, newB]] as const) {
    graph.constants.set(name, t);
    graph.values.set(name, { name, dtype: t.dtype, shape: [...t.shape] });
  }
  const fused: Node = { ...prev, name: prev.name, inputs: [prev.inputs[0], wName, bName], outputs: [...bn.outputs], attrs: { ...prev.attrs }, loc: [] };
  if (prev.op === 'Gemm') fused.attrs.beta = { type: 'float', value: 1 };
  replaceNodes(graph, [prev, bn], fused);
  return true;
}

/** The axis of the weight indexing output channels: Conv W[C,…] → 0; Gemm B[K,N] → 1 (0 if transB). */
function weightChannelAxis(prev: Node, w: Tensor): number | undefined {
  if (prev.op === 'Conv') return 0;
  if (prev.op !== 'Gemm' || w.shape.length !== 2) return undefined;
  if (attrFloat(prev, 'alpha') !== 1 || (prev.inputs[2] && attrFloat(prev, 'beta') !== 1)) return undefined;
  return attrInt(prev, 'transB') ? 0 : 1;
}

function scaleAlong(w: Tensor, axis: number, s: number[]): Tensor {
  const values = tensorValues(w);
  const inner = w.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const n = w.shape[axis];
  return floatTensor(w.dtype, [...w.shape], Float64Array.from(values, (v, i) => v * s[Math.floor(i / inner) % n]));
}

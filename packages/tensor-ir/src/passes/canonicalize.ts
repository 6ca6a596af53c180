import { Attr, Graph, Node, Tensor, numel } from '../model';
import { attrFloat, attrInt } from '../attrs';
import { floatTensor } from '../ops/helpers';
import { tensorValues } from '../tensor';
import { GraphView, otherOperand, replaceNodes, rewriteAll } from './graph-view';
import { addConstant, freshNodeName, isFloatTensor } from './rewrite-utils';

/**
 * canonicalise: one form for every product with constant weights, then BatchNormalization folded
 * into it. Rewrites, to a fixed point:
 *
 * 1. Gemm with a constant float B → the canonical Gemm
 *      Y = Gemm(A, B', C') with no attributes (transA = transB = 0, alpha = beta = 1),
 *    B' = alpha·op(B) stored pre-transposed as [K, N], C' = beta·C (same shape) when C is a
 *    constant. A computed C keeps its beta when beta ≠ 1 (the only attribute a canonical Gemm may
 *    carry). transA = 1 on a computed A becomes a Transpose(A, perm [1, 0]) in front, with the
 *    Gemm's loc. A Gemm whose B is computed is left alone.
 * 2. A 2-D MatMul(A, W) with constant float W [K, N] whose only consumer is an Add of a constant
 *    bias C that broadcasts to [M, N] → the canonical Gemm(A, W, C): a linear layer has one form
 *    whatever the exporter wrote (a MatMul of higher rank, or without a bias, stays a MatMul).
 * 3. BatchNormalization (inference form, constant parameters) after a Conv, ConvTranspose (one group) or Gemm with constant
 *    weights, or a 2-D MatMul with constant weights (which becomes a Gemm), is folded into it:
 *    y = W'·x + b' with W'[c] = W[c]·s[c], b'[c] = (b[c] − mean[c])·s[c] + β[c], s = γ/√(var + ε).
 *
 * 4. A canonical Gemm with constant B (and C) whose only consumer is a Mul or an Add of a constant
 *    that is the same for every row ([N], [1, N] or a scalar: a per-column scale or shift, as Keras
 *    exports an inference BatchNormalization) takes it in: B' = B·diag(s), C' = C·s; or C' = C + c.
 *
 * Every rewritten node keeps the union of the locs of the nodes it replaces.
 */
export function canonicalize(graph: Graph): void {
  rewriteAll(graph, (view, node) => {
    switch (node.op) {
      case 'Gemm': return canonicalGemm(graph, view, node) || foldColumnAffine(graph, view, node);
      case 'MatMul': return matMulAddToGemm(graph, view, node);
      case 'BatchNormalization': return foldBatchNorm(graph, view, node);
      default: return false;
    }
  });
}

function canonicalGemm(graph: Graph, view: GraphView, gemm: Node): boolean {
  const [a, bName, c = ''] = gemm.inputs;
  const b = view.constant(bName);
  if (!b || !isFloatTensor(b) || b.shape.length !== 2 || view.constant(a)) return false;
  const transA = attrInt(gemm, 'transA') !== 0;
  const transB = attrInt(gemm, 'transB') !== 0;
  const alpha = attrFloat(gemm, 'alpha');
  const beta = attrFloat(gemm, 'beta');
  const cConst = c === '' ? undefined : view.constant(c);
  const attrs: Record<string, Attr> = c !== '' && !cConst && beta !== 1 ? { beta: { type: 'float', value: beta } } : {};
  const canonical = !transA && !transB && alpha === 1 && (beta === 1 || c === '' || !cConst);
  if (canonical && sameAttrs(gemm.attrs, attrs)) return false;

  const inputs = [a, bName, ...gemm.inputs.slice(2)];
  if (transB || alpha !== 1) inputs[1] = addConstant(graph, `${gemm.name}_weight`, scaledTranspose(b, transB, alpha));
  if (cConst && beta !== 1) {
    inputs[2] = addConstant(graph, `${gemm.name}_bias`, floatTensor(cConst.dtype, [...cConst.shape], tensorValues(cConst).map((v) => beta * v)));
  }
  const fused: Node = { op: 'Gemm', name: gemm.name, inputs, outputs: [...gemm.outputs], attrs, loc: [] };
  if (transA) inputs[0] = transposeInFront(graph, gemm, a);
  replaceNodes(graph, [gemm], fused);
  return true;
}

/** Inserts Transpose(a) right before `gemm` (with its loc); returns the transposed value. */
function transposeInFront(graph: Graph, gemm: Node, a: string): string {
  const name = freshNodeName(graph, `${gemm.name}_transA`);
  const out = name;
  const info = graph.values.get(a);
  if (info) graph.values.set(out, { name: out, dtype: info.dtype, shape: [...info.shape].reverse() });
  const t: Node = { op: 'Transpose', name, inputs: [a], outputs: [out], attrs: { perm: { type: 'ints', value: [1, 0] } }, loc: [...gemm.loc] };
  graph.nodes.splice(graph.nodes.indexOf(gemm), 0, t);
  return out;
}

/** alpha·op(B) as a row-major [K, N] tensor of B's dtype (B [N, K] when transposed). */
function scaledTranspose(b: Tensor, transB: boolean, alpha: number): Tensor {
  const v = tensorValues(b);
  const [rows, cols] = b.shape;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[transB ? j * rows + i : i * cols + j] = alpha * v[i * cols + j];
  }
  return floatTensor(b.dtype, transB ? [cols, rows] : [rows, cols], out);
}

function sameAttrs(have: Record<string, Attr>, want: Record<string, Attr>): boolean {
  const keys = Object.keys(have);
  return keys.length === Object.keys(want).length && keys.every((k) => want[k] && want[k].value === have[k].value);
}

/** MatMul(A [M, K], W const [K, N]) → Add(·, C const) as one canonical Gemm(A, W, C). */
function matMulAddToGemm(graph: Graph, view: GraphView, mm: Node): boolean {
  const [a, wName] = mm.inputs;
  const w = view.constant(wName);
  if (!w || !isFloatTensor(w) || w.shape.length !== 2 || view.rank(a) !== 2 || view.constant(a)) return false;
  const add = view.soleConsumer(mm.outputs[0], 'Add');
  const bias = add && otherOperand(add, mm.outputs[0]);
  const c = bias !== undefined ? view.constant(bias) : undefined;
  if (!add || !c || c.dtype !== w.dtype || !fitsBias(c, graph.values.get(mm.outputs[0])?.shape)) return false;
  const gemm: Node = { op: 'Gemm', name: add.name, inputs: [a, wName, bias!], outputs: [...add.outputs], attrs: {}, loc: [] };
  replaceNodes(graph, [mm, add], gemm);
  return true;
}

/** Rewrite 4: a per-column Mul or Add of a constant after a canonical Gemm, folded into B and C. */
function foldColumnAffine(graph: Graph, view: GraphView, gemm: Node): boolean {
  const [a, bName, cName = ''] = gemm.inputs;
  const b = view.constant(bName);
  const c = cName === '' ? undefined : view.constant(cName);
  if (Object.keys(gemm.attrs).length || !b || !isFloatTensor(b) || (cName !== '' && !c)) return false;
  const next = view.soleConsumer(gemm.outputs[0], 'Mul') ?? view.soleConsumer(gemm.outputs[0], 'Add');
  const other = next && otherOperand(next, gemm.outputs[0]);
  const k = other !== undefined ? view.constant(other) : undefined;
  const out = graph.values.get(gemm.outputs[0])?.shape;
  if (!next || !k || k.dtype !== b.dtype || !out || !fitsBias(k, out) || (k.shape.length === 2 && k.shape[0] !== 1)) return false;
  const n = b.shape[1];
  const kv = tensorValues(k);
  const col = (j: number) => kv[kv.length === 1 ? 0 : j];
  const bias = c ? tensorValues(c) : undefined;
  const biasAt = (j: number) => (bias ? bias[bias.length === 1 ? 0 : j] : 0);
  const inputs = [a, bName, cName];
  if (next.op === 'Mul') {
    inputs[1] = addConstant(graph, `${next.name}_weight`, floatTensor(b.dtype, [...b.shape], tensorValues(b).map((v, i) => v * col(i % n))));
    if (c) inputs[2] = addConstant(graph, `${next.name}_bias`, floatTensor(b.dtype, [n], Float64Array.from({ length: n }, (_, j) => biasAt(j) * col(j))));
  } else {
    inputs[2] = addConstant(graph, `${next.name}_bias`, floatTensor(b.dtype, [n], Float64Array.from({ length: n }, (_, j) => biasAt(j) + col(j))));
  }
  const fused: Node = { op: 'Gemm', name: next.name, inputs: inputs.filter((v, i) => i < 2 || v !== ''), outputs: [...next.outputs], attrs: {}, loc: [] };
  replaceNodes(graph, [gemm, next], fused);
  return true;
}

/** Whether C broadcasts to the product's [M, N] without changing it (Gemm's C and Add agree). */
function fitsBias(c: Tensor, out: number[] | undefined): boolean {
  if (!out || out.length !== 2 || c.shape.length > 2) return false;
  const off = 2 - c.shape.length;
  return c.shape.every((d, i) => d === 1 || d === out[off + i]);
}

function foldBatchNorm(graph: Graph, view: GraphView, bn: Node): boolean {
  if (bn.outputs.filter((o) => o !== '').length !== 1) return false; // training-mode outputs
  const prev = view.producer.get(bn.inputs[0]);
  if (!prev || view.uses.get(bn.inputs[0]) !== 1) return false;
  const params = bn.inputs.slice(1).map((n) => view.constant(n));
  const w = prev.inputs[1] ? view.constant(prev.inputs[1]) : undefined;
  const b = prev.op !== 'MatMul' && prev.inputs[2] ? view.constant(prev.inputs[2]) : undefined;
  if (params.length !== 4 || params.some((p) => !p) || !w || (prev.op !== 'MatMul' && prev.inputs[2] && !b)) return false;
  const channelAxis = weightChannelAxis(view, prev, w);
  if (channelAxis === undefined) return false;
  const [gamma, beta, mean, variance] = params.map((p) => tensorValues(p!));
  const eps = attrFloat(bn, 'epsilon', 1e-5);
  const s = gamma.map((g, c) => g / Math.sqrt(variance[c] + eps));
  if (s.length !== w.shape[channelAxis] || (b && numel(b.shape) !== s.length)) return false;
  const bias = b ? tensorValues(b) : new Array(s.length).fill(0);
  const newW = scaleAlong(w, channelAxis, s);
  const newB = floatTensor(w.dtype, [s.length], Float64Array.from(s, (sc, c) => (bias[c] - mean[c]) * sc + beta[c]));
  const wName = addConstant(graph, `${bn.name}_folded_weight`, newW);
  const bName = addConstant(graph, `${bn.name}_folded_bias`, newB);
  const attrs = prev.op === 'MatMul' ? {} : { ...prev.attrs };
  if (prev.op === 'Gemm') delete attrs.beta; // C is now the folded bias, at scale 1
  const op = prev.op === 'MatMul' ? 'Gemm' : prev.op;
  const fused: Node = { ...prev, op, name: prev.name, inputs: [prev.inputs[0], wName, bName], outputs: [...bn.outputs], attrs, loc: [] };
  replaceNodes(graph, [prev, bn], fused);
  return true;
}

/**
 * The axis of the weight indexing output channels: Conv W[C,…] → 0; ConvTranspose W[C_in, M, …]
 * → 1 (one group only: with groups the output channel depends on both axes); Gemm B[K,N] → 1 (0
 * if transB); a 2-D MatMul's W[K,N] → 1 (its output [M, N] has the channels on BN's axis 1).
 */
function weightChannelAxis(view: GraphView, prev: Node, w: Tensor): number | undefined {
  if (prev.op === 'Conv') return 0;
  if (prev.op === 'ConvTranspose') return attrInt(prev, 'group', 1) === 1 ? 1 : undefined;
  if (!isFloatTensor(w) || w.shape.length !== 2) return undefined;
  if (prev.op === 'MatMul') return view.rank(prev.inputs[0]) === 2 && !view.constant(prev.inputs[0]) ? 1 : undefined;
  if (prev.op !== 'Gemm') return undefined;
  if (attrFloat(prev, 'alpha') !== 1 || (prev.inputs[2] && attrFloat(prev, 'beta') !== 1)) return undefined;
  return attrInt(prev, 'transB') ? 0 : 1;
}

function scaleAlong(w: Tensor, axis: number, s: number[]): Tensor {
  const values = tensorValues(w);
  const inner = w.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const n = w.shape[axis];
  return floatTensor(w.dtype, [...w.shape], Float64Array.from(values, (v, i) => v * s[Math.floor(i / inner) % n]));
}

import { Graph, Node } from '../model';
import { lookupOp } from '../op-tables';
import { onnxOps } from '../ops';
import { makeTensor, tensorValues } from '../tensor';
import { GraphView, otherOperand, replaceNodes, rewriteAll } from './graph-view';
import { addConstant } from './rewrite-utils';

interface NormMatch {
  x: string;
  axis: number;
  epsilon: number;
  nodes: Node[];
}

/**
 * fuse-layer-norm: the decomposed layer normalisation exporters emit before opset 17,
 *   d = x − ReduceMean(x); y = d / Sqrt(ReduceMean(Pow(d, 2)) + ε) [· scale] [+ bias],
 * back into one LayerNormalization node over the trailing reduced axes. A missing scale becomes
 * a constant of ones (LayerNormalization requires one).
 */
export function fuseLayerNorm(graph: Graph): void {
  if (!lookupOp(onnxOps, 'LayerNormalization')) return;
  rewriteAll(graph, (view, node) => {
    const m = node.op === 'Div' ? matchNorm(view, node) : undefined;
    if (!m) return false;
    const affine = matchAffine(view, node);
    const out = affine.nodes.length ? affine.nodes[affine.nodes.length - 1].outputs[0] : node.outputs[0];
    const scale = affine.scale ?? onesScale(graph, m, node.name);
    const fused: Node = {
      op: 'LayerNormalization', name: node.name, inputs: [m.x, scale, ...(affine.bias ? [affine.bias] : [])], outputs: [out],
      attrs: { axis: { type: 'int', value: m.axis }, epsilon: { type: 'float', value: m.epsilon } }, loc: [],
    };
    replaceNodes(graph, [...m.nodes, node, ...affine.nodes], fused);
    return true;
  });
}

function matchNorm(view: GraphView, div: Node): NormMatch | undefined {
  const [d, s] = div.inputs;
  const sub = view.producer.get(d);
  const sqrt = view.single(s, 'Sqrt');
  const addEps = sqrt && view.single(sqrt.inputs[0], 'Add');
  if (!sub || sub.op !== 'Sub' || !addEps) return undefined;
  const varName = addEps.inputs.find((i) => view.scalar(i) === undefined);
  const epsilon = varName !== undefined ? view.scalar(otherOperand(addEps, varName)!) : undefined;
  const varMean = varName !== undefined ? view.single(varName, 'ReduceMean') : undefined;
  const pow = varMean && view.single(varMean.inputs[0], 'Pow');
  const mean = view.single(sub.inputs[1], 'ReduceMean');
  if (!varMean || !pow || pow.inputs[0] !== d || !view.isScalar(pow.inputs[1], 2) || !mean) return undefined;
  const x = sub.inputs[0];
  if (mean.inputs[0] !== x || view.uses.get(d) !== 2) return undefined;
  const rank = view.rank(x);
  const axis = rank === undefined ? undefined : trailingAxis(view, mean, rank);
  if (axis === undefined || trailingAxis(view, varMean, rank!) !== axis || epsilon === undefined) return undefined;
  return { x, axis, epsilon, nodes: [mean, sub, pow, varMean, addEps, sqrt!] };
}

/** The first axis when a keepdims ReduceMean reduces exactly the trailing axes [a, rank). */
function trailingAxis(view: GraphView, mean: Node, rank: number): number | undefined {
  const attr = mean.attrs.axes;
  const fromInput = mean.inputs[1] ? view.constant(mean.inputs[1]) : undefined;
  const axes = attr?.type === 'ints' ? attr.value : fromInput ? tensorValues(fromInput) : undefined;
  const keep = mean.attrs.keepdims;
  if (!axes || axes.length === 0 || (keep?.type === 'int' && keep.value === 0)) return undefined;
  const norm = axes.map((a) => (a < 0 ? a + rank : a)).sort((a, b) => a - b);
  return norm.every((a, i) => a === rank - norm.length + i) ? norm[0] : undefined;
}

/** The Mul by a constant scale and Add of a constant bias following the division, if present. */
function matchAffine(view: GraphView, div: Node): { scale?: string; bias?: string; nodes: Node[] } {
  const nodes: Node[] = [];
  let value = div.outputs[0];
  const mul = view.soleConsumer(value, 'Mul');
  const scale = mul && otherOperand(mul, value);
  let result: { scale?: string; bias?: string } = {};
  if (mul && scale !== undefined && view.constant(scale)) { nodes.push(mul); value = mul.outputs[0]; result = { scale }; }
  const add = view.soleConsumer(value, 'Add');
  const bias = add && otherOperand(add, value);
  if (add && bias !== undefined && view.constant(bias) && result.scale) { nodes.push(add); result.bias = bias; }
  return { ...result, nodes };
}

function onesScale(graph: Graph, m: NormMatch, name: string): string {
  const shape = graph.values.get(m.x)!.shape.slice(m.axis);
  const dtype = graph.values.get(m.x)!.dtype;
  return addConstant(graph, `${name}_scale`, makeTensor(dtype, shape, new Array(shape.reduce((a, b) => a * b, 1)).fill(1)));
}

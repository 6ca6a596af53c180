import { Graph, Node, Tensor, numel } from '../model';
import { attrInt } from '../attrs';
import { lookupOp } from '../op-tables';
import { onnxOps } from '../ops';
import { makeTensor, tensorValues } from '../tensor';
import { GraphView, otherOperand, replaceNodes, rewriteAll } from './graph-view';
import { addConstant, isFloatTensor } from './rewrite-utils';

/**
 * Entries at or below this value count as masked: e^(−10⁴ + 745) already underflows to 0 in
 * float64, so for any scores within ±9000 of each other the masked entries get probability
 * exactly 0 in the unfused graph too. −∞ and float32's lowest (PyTorch's finfo.min) qualify.
 */
export const MASK_LIMIT = -1e4;

interface MaskMatch {
  scores: string;
  /** Keep mask (true = the entry takes part), in the mask operand's own shape. */
  keep: Tensor;
  pre: Node;
}

/**
 * fuse-masked-softmax: the attention masks exporters put before a Softmax on the last axis,
 *   Softmax(Where(keep, scores, c))      c constant, every element ≤ −10⁴ (−∞, finfo.min)
 *   Softmax(Where(masked, c, scores))    PyTorch's masked_fill(mask, −∞)
 *   Softmax(Add(scores, m))              m constant with every element 0 or ≤ −10⁴ (triu of −∞)
 * with a constant bool condition (fold-constants has folded the Trilu/Slice/Equal chains that
 * compute it), → MaskedSoftmax(scores, keep) {axis = −1}, keep a constant bool mask with the
 * condition's leading unit dimensions dropped. The masked entries get probability exactly 0, as
 * in the unfused graph (see MASK_LIMIT); the kept ones the same float64 arithmetic.
 *
 * Not fused: a mask with a row along the softmax axis that masks everything (the unfused graph
 * gives NaN for −∞ and a uniform row for a finite c; MaskedSoftmax would give 0s, so the Where/Add
 * stays and the graph keeps its own behaviour); fill values above −10⁴ (EZKL's examples fill with
 * −10, which leaves masked entries a real share of the probability). A mask that keeps every entry
 * just drops the Where/Add, leaving the plain Softmax.
 */
export function fuseMaskedSoftmax(graph: Graph): void {
  if (!lookupOp(onnxOps, 'MaskedSoftmax')) return;
  rewriteAll(graph, (view, node) => {
    if (node.op !== 'Softmax' || !onLastAxis(graph, view, node)) return false;
    const m = matchWhere(view, node.inputs[0]) ?? matchAdd(view, node.inputs[0]);
    if (!m || !sameShape(graph, m.pre.outputs[0], m.scores)) return false;
    const keep = dropLeadingOnes(m.keep);
    if (!Array.from(keep.data as Uint8Array).includes(0)) {
      const plain: Node = { op: 'Softmax', name: node.name, inputs: [m.scores], outputs: [...node.outputs], attrs: { axis: { type: 'int', value: -1 } }, loc: [] };
      replaceNodes(graph, [m.pre, node], plain);
      return true;
    }
    if (hasFullyMaskedRow(keep)) return false;
    const keepName = addConstant(graph, `${node.name}_keep`, keep);
    const fused: Node = {
      op: 'MaskedSoftmax', name: node.name, inputs: [m.scores, keepName], outputs: [...node.outputs],
      attrs: { axis: { type: 'int', value: -1 } }, loc: [],
    };
    replaceNodes(graph, [m.pre, node], fused);
    return true;
  });
}

/** Whether the Softmax normalises over the last axis (before opset 13 the 2-D coercion at rank − 1 is the same). */
function onLastAxis(graph: Graph, view: GraphView, softmax: Node): boolean {
  const rank = view.rank(softmax.inputs[0]);
  if (!rank) return false;
  const a = attrInt(softmax, 'axis', graph.opset < 13 ? 1 : -1);
  return (a < 0 ? a + rank : a) === rank - 1;
}

function matchWhere(view: GraphView, value: string): MaskMatch | undefined {
  const where = view.single(value, 'Where');
  if (!where) return undefined;
  const [condName, x, y] = where.inputs;
  const cond = view.constant(condName);
  if (!cond || cond.dtype !== 'bool') return undefined;
  const [cx, cy] = [view.constant(x), view.constant(y)];
  if (cy && !cx && allMasked(cy)) return { scores: x, keep: cond, pre: where };
  if (cx && !cy && allMasked(cx)) return { scores: y, keep: mapBool(cond, (v) => !v), pre: where };
  return undefined;
}

function matchAdd(view: GraphView, value: string): MaskMatch | undefined {
  const add = view.single(value, 'Add');
  if (!add) return undefined;
  for (const maskName of add.inputs) {
    const mask = view.constant(maskName);
    const scores = otherOperand(add, maskName)!;
    if (!mask || view.constant(scores) || !isFloatTensor(mask)) continue;
    const values = tensorValues(mask);
    if (!values.every((v) => v === 0 || v <= MASK_LIMIT)) return undefined;
    return { scores, keep: makeTensor('bool', [...mask.shape], values.map((v) => (v === 0 ? 1 : 0))), pre: add };
  }
  return undefined;
}

function allMasked(fill: Tensor): boolean {
  return isFloatTensor(fill) && numel(fill.shape) > 0 && tensorValues(fill).every((v) => v <= MASK_LIMIT);
}

function mapBool(t: Tensor, f: (v: boolean) => boolean): Tensor {
  return makeTensor('bool', [...t.shape], Array.from(t.data as Uint8Array, (v) => (f(v !== 0) ? 1 : 0)));
}

function sameShape(graph: Graph, a: string, b: string): boolean {
  const [sa, sb] = [graph.values.get(a)?.shape, graph.values.get(b)?.shape];
  return sa !== undefined && sb !== undefined && sa.join(',') === sb.join(',');
}

/** The mask without its leading unit dimensions ([1, 1, T, T] → [T, T]); same data. */
function dropLeadingOnes(t: Tensor): Tensor {
  let lead = 0;
  while (lead < t.shape.length && t.shape[lead] === 1) lead++;
  return { dtype: 'bool', shape: t.shape.slice(lead), data: t.data };
}

/**
 * Whether some row along the last axis keeps nothing. Broadcasting only repeats the mask's own
 * rows (or, when its last dimension is 1 or absent, spreads one element over a whole row), so
 * checking the mask's rows is enough.
 */
function hasFullyMaskedRow(keep: Tensor): boolean {
  const len = keep.shape.length ? keep.shape[keep.shape.length - 1] : 1;
  for (let r = 0; r * len < keep.data.length; r++) {
    let any = false;
    for (let i = 0; i < len && !any; i++) any = keep.data[r * len + i] !== 0;
    if (!any) return true;
  }
  return false;
}

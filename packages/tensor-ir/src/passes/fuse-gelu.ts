import { Graph, Node } from '../model';
import { lookupOp } from '../op-tables';
import { onnxOps } from '../ops';
import { GraphView, otherOperand, replaceNodes, rewriteAll } from './graph-view';

const SQRT2 = Math.SQRT2;
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

interface GeluMatch {
  x: string;
  approximate: 'none' | 'tanh';
  nodes: Node[];
}

/**
 * fuse-gelu: the decomposed GELU exporters emit back into one Gelu node, in both forms:
 * erf   0.5·x·(1 + erf(x/√2))                       (Div or Mul by 1/√2, Erf, Add 1, two Muls)
 * tanh  0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))  (Pow 3, Mul, Add, Mul, Tanh, Add 1, two Muls)
 * The two final Muls may come in either order: (x·0.5)·inner or (x·inner)·0.5.
 */
export function fuseGelu(graph: Graph): void {
  if (!lookupOp(onnxOps, 'Gelu')) return;
  rewriteAll(graph, (view, node) => {
    const m = node.op === 'Mul' ? matchGelu(view, node) : undefined;
    if (!m) return false;
    const fused: Node = {
      op: 'Gelu', name: node.name, inputs: [m.x], outputs: [...node.outputs],
      attrs: m.approximate === 'tanh' ? { approximate: { type: 'string', value: 'tanh' } } : {}, loc: [],
    };
    replaceNodes(graph, [...m.nodes, node], fused);
    return true;
  });
}

/** Matches the final Mul of either GELU form. */
function matchGelu(view: GraphView, final: Node): GeluMatch | undefined {
  for (const [a, b] of [final.inputs, [...final.inputs].reverse()]) {
    // (x·0.5)·inner
    const half = view.single(a, 'Mul');
    const hx = half && halfOf(view, half);
    const inner = hx !== undefined ? matchOnePlus(view, b, hx) : undefined;
    if (half && inner) return { x: hx!, approximate: inner.approximate, nodes: [half, ...inner.nodes] };
    // (x·inner)·0.5
    const prod = view.isScalar(b, 0.5) ? view.single(a, 'Mul') : undefined;
    for (const x of prod ? prod.inputs : []) {
      const other = otherOperand(prod!, x)!;
      const m = matchOnePlus(view, other, x);
      if (m) return { x, approximate: m.approximate, nodes: [prod!, ...m.nodes] };
    }
  }
  return undefined;
}

/** x when the node is x·0.5 (either operand order). */
function halfOf(view: GraphView, mul: Node): string | undefined {
  if (view.isScalar(mul.inputs[1], 0.5)) return mul.inputs[0];
  if (view.isScalar(mul.inputs[0], 0.5)) return mul.inputs[1];
  return undefined;
}

/** `value` = 1 + erf(x/√2) or 1 + tanh(√(2/π)·(x + 0.044715·x³)). */
function matchOnePlus(view: GraphView, value: string, x: string): { approximate: 'none' | 'tanh'; nodes: Node[] } | undefined {
  const add = view.single(value, 'Add');
  if (!add) return undefined;
  const fn = add.inputs.find((i) => !view.isScalar(i, 1));
  if (!fn || !view.isScalar(otherOperand(add, fn)!, 1)) return undefined;
  const erf = view.single(fn, 'Erf');
  if (erf) {
    const scale = scaledBy(view, erf.inputs[0], x, 1 / SQRT2);
    return scale ? { approximate: 'none', nodes: [scale, erf, add] } : undefined;
  }
  const tanh = view.single(fn, 'Tanh');
  const scale = tanh && view.single(tanh.inputs[0], 'Mul');
  const sum = scale && scaledOperand(view, scale, SQRT_2_OVER_PI);
  const cubic = sum !== undefined ? matchCubic(view, sum, x) : undefined;
  return cubic ? { approximate: 'tanh', nodes: [...cubic, scale!, tanh!, add] } : undefined;
}

/** The node computing `value` = x·k (Mul) or x/(1/k) (Div), if it is one. */
function scaledBy(view: GraphView, value: string, x: string, k: number): Node | undefined {
  const mul = view.single(value, 'Mul');
  if (mul && scaledOperand(view, mul, k) === x) return mul;
  const div = view.single(value, 'Div');
  return div && div.inputs[0] === x && view.isScalar(div.inputs[1], 1 / k) ? div : undefined;
}

/** The non-constant operand of a Mul by the scalar k. */
function scaledOperand(view: GraphView, mul: Node, k: number): string | undefined {
  if (view.isScalar(mul.inputs[1], k)) return mul.inputs[0];
  if (view.isScalar(mul.inputs[0], k)) return mul.inputs[1];
  return undefined;
}

/** `value` = x + 0.044715·x³, the cubic written as Pow(x, 3) or as a chain of Muls. */
function matchCubic(view: GraphView, value: string, x: string): Node[] | undefined {
  const add = view.single(value, 'Add');
  const term = add && otherOperand(add, x);
  if (term === undefined) return undefined;
  const nodes: Node[] = [];
  const factors = productFactors(view, term, x, nodes);
  const xs = factors?.filter((f) => f === x).length;
  const consts = factors?.filter((f) => f !== x) ?? [];
  if (xs !== 3 || consts.length !== 1 || !view.isScalar(consts[0], 0.044715) || nodes.length === 0) return undefined;
  return [...nodes, add!];
}

/** The factors of a product of single-use Muls (Pow(x, 3) counts as x·x·x), collecting the nodes. */
function productFactors(view: GraphView, value: string, x: string, nodes: Node[]): string[] | undefined {
  const pow = view.single(value, 'Pow');
  if (pow && pow.inputs[0] === x && view.isScalar(pow.inputs[1], 3)) { nodes.push(pow); return [x, x, x]; }
  const mul = view.single(value, 'Mul');
  if (!mul) return [value];
  nodes.push(mul);
  const left = productFactors(view, mul.inputs[0], x, nodes);
  const right = productFactors(view, mul.inputs[1], x, nodes);
  return left && right ? [...left, ...right] : undefined;
}

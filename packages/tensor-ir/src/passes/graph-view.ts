import { Graph, Node, Tensor, numel } from '../model';
import { tensorValues } from '../tensor';

/**
 * A read-only view for pattern rewrites: who produces each value, how often it is used (graph
 * outputs count as uses), and constant scalars. Rebuilt after every rewrite.
 */
export class GraphView {
  readonly producer = new Map<string, Node>();
  readonly uses = new Map<string, number>();
  readonly consumers = new Map<string, Node[]>();
  constructor(readonly graph: Graph) {
    for (const node of graph.nodes) {
      for (const out of node.outputs) if (out !== '') this.producer.set(out, node);
      for (const input of node.inputs) {
        if (input === '') continue;
        this.uses.set(input, (this.uses.get(input) ?? 0) + 1);
        const readers = this.consumers.get(input);
        if (readers) readers.push(node);
        else this.consumers.set(input, [node]);
      }
    }
    for (const out of graph.outputs) this.uses.set(out, (this.uses.get(out) ?? 0) + 1);
  }

  /** The node producing `value` if it has op `op` and its output is used only once (so it can go). */
  single(value: string, op: string): Node | undefined {
    const node = this.producer.get(value);
    return node && node.op === op && this.uses.get(value) === 1 ? node : undefined;
  }

  /** The only node reading `value`, if it has op `op` and nothing else (no graph output) uses it. */
  soleConsumer(value: string, op: string): Node | undefined {
    const readers = this.consumers.get(value) ?? [];
    return readers.length === 1 && readers[0].op === op && this.uses.get(value) === 1 ? readers[0] : undefined;
  }

  constant(value: string): Tensor | undefined {
    return this.graph.constants.get(value);
  }

  /** The value of a one-element float constant, or undefined. */
  scalar(value: string): number | undefined {
    const t = this.graph.constants.get(value);
    return t && numel(t.shape) === 1 && (t.dtype === 'float32' || t.dtype === 'float64') ? tensorValues(t)[0] : undefined;
  }

  /** Whether `value` is a float scalar constant within a relative 1e-4 of `want`. */
  isScalar(value: string, want: number): boolean {
    const v = this.scalar(value);
    return v !== undefined && Math.abs(v - want) <= 1e-4 * Math.abs(want);
  }

  rank(value: string): number | undefined {
    return this.graph.values.get(value)?.shape.length;
  }
}

/** The other operand of a binary node when one operand is `value`, else undefined. */
export function otherOperand(node: Node, value: string): string | undefined {
  if (node.inputs[0] === value) return node.inputs[1];
  if (node.inputs[1] === value) return node.inputs[0];
  return undefined;
}

/**
 * Replaces `replaced` nodes by `fused` at the position of the last of them; the fused node's loc
 * is the union of theirs (in order), so it keeps naming every ONNX node it stands for.
 */
export function replaceNodes(graph: Graph, replaced: Node[], fused: Node): void {
  const gone = new Set(replaced);
  const last = Math.max(...replaced.map((n) => graph.nodes.indexOf(n)));
  const anchor = graph.nodes[last];
  fused.loc = [...new Set(graph.nodes.filter((n) => gone.has(n)).flatMap((n) => n.loc))];
  graph.nodes = graph.nodes.flatMap((n) => (n === anchor ? [fused] : gone.has(n) ? [] : [n]));
  for (const node of replaced) {
    for (const out of node.outputs) if (!fused.outputs.includes(out)) graph.values.delete(out);
  }
}

/** Applies `rewrite` at every node until none matches (each rewrite rebuilds the view). */
export function rewriteAll(graph: Graph, rewrite: (view: GraphView, node: Node) => boolean): void {
  for (let changed = true; changed;) {
    changed = false;
    const view = new GraphView(graph);
    for (const node of graph.nodes) {
      if (rewrite(view, node)) { changed = true; break; }
    }
  }
}

import { Graph, Node, numel } from '@onnx-zk/tensor-ir';

/** One MaxPool as lowered (lower rules MaxPool): window gather, row max, reshape. */
interface Pool {
  gather: Node;
  max: Node;
  reshape: Node;
}

/**
 * Moves a max pool in front of the Relu and the Rescale that produce its input, where that is
 * exact and cheaper. Both are monotone non-decreasing (Rescale rounds with a floor), so
 * max(relu(rescale(a))) = relu(rescale(max(a))) bit for bit; the activation then runs on the
 * pooled elements only. Past a Relu this pays when the pool has fewer outputs than inputs; past
 * a Rescale too only when no input lies in two windows (the comparisons then see the rescale's
 * extra bits once per input at most, while every pooled-away rescale is saved).
 */
export function poolBeforeActivation(graph: Graph): void {
  const uses = new Map<string, number>();
  for (const node of graph.nodes) for (const i of node.inputs) uses.set(i, (uses.get(i) ?? 0) + 1);
  for (const o of graph.outputs) uses.set(o, (uses.get(o) ?? 0) + 1);
  const producer = new Map(graph.nodes.flatMap((n) => n.outputs.map((o): [string, Node] => [o, n])));
  const soleProducer = (value: string, op: string) => {
    const p = producer.get(value);
    return p && p.op === op && uses.get(value) === 1 ? p : undefined;
  };
  for (const pool of findPools(graph, uses)) {
    const relu = soleProducer(pool.gather.inputs[0], 'Relu');
    if (!relu) continue;
    const inputs = numel(graph.values.get(relu.outputs[0])!.shape);
    const taps = numel(graph.values.get(pool.gather.outputs[0])!.shape);
    const pooled = numel(graph.values.get(pool.reshape.outputs[0])!.shape);
    if (pooled >= inputs) continue;
    const rescale = taps <= inputs ? soleProducer(relu.inputs[0], 'Rescale') : undefined;
    reorder(graph, pool, rescale ? [rescale, relu] : [relu]);
  }
}

/** Gather → ReduceMax → Reshape chains whose intermediates have no other reader. */
function findPools(graph: Graph, uses: Map<string, number>): Pool[] {
  const consumer = new Map(graph.nodes.flatMap((n) => n.inputs.map((i): [string, Node] => [i, n])));
  const pools: Pool[] = [];
  for (const gather of graph.nodes) {
    if (gather.op !== 'IndexMap' || gather.inputs.length !== 2) continue;
    const max = consumer.get(gather.outputs[0]);
    const reshape = max && max.op === 'ReduceMax' ? consumer.get(max.outputs[0]) : undefined;
    if (!max || !reshape || reshape.op !== 'Reshape' || uses.get(gather.outputs[0]) !== 1 || uses.get(max.outputs[0]) !== 1) continue;
    pools.push({ gather, max, reshape });
  }
  return pools;
}

/**
 * a → act… → pool → y becomes a → pool → act… → y: the pool reads `a` (its values take a's frac),
 * the activations keep their nodes, attributes and locs and now act on the pooled shape; y keeps
 * its name, so the pool's readers see no change.
 */
function reorder(graph: Graph, pool: Pool, acts: Node[]): void {
  const source = acts[0].inputs[0];
  const sourceFrac = graph.values.get(source)!.fixed!.frac;
  const y = pool.reshape.outputs[0];
  const shape = graph.values.get(y)!.shape;
  graph.values.delete(acts[acts.length - 1].outputs[0]);
  pool.gather.inputs[0] = source;
  for (const v of [pool.gather.outputs[0], pool.max.outputs[0]]) setFrac(graph, v, sourceFrac);
  const pooled = `${y}.pooled`;
  const yInfo = graph.values.get(y)!;
  graph.values.set(pooled, { ...yInfo, name: pooled, fixed: { ...yInfo.fixed!, frac: sourceFrac } });
  pool.reshape.outputs[0] = pooled;
  let current = pooled;
  acts.forEach((act, i) => {
    act.inputs[0] = current;
    const last = i === acts.length - 1;
    const out = last ? y : act.outputs[0];
    if (!last) {
      const info = graph.values.get(out)!;
      graph.values.set(out, { ...info, shape: [...shape] });
    }
    act.outputs[0] = out;
    current = out;
  });
  const moved = new Set<Node>([pool.gather, pool.max, pool.reshape, ...acts]);
  const at = graph.nodes.indexOf(acts[0]);
  const before = graph.nodes.slice(0, at).filter((n) => !moved.has(n));
  const after = graph.nodes.slice(at).filter((n) => !moved.has(n));
  graph.nodes = [...before, pool.gather, pool.max, pool.reshape, ...acts, ...after];
}

function setFrac(graph: Graph, value: string, frac: number): void {
  const info = graph.values.get(value)!;
  graph.values.set(value, { ...info, fixed: { ...info.fixed!, frac } });
}

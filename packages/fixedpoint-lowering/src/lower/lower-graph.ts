import { ErrorCollector, Graph, isFloatDType, numel, raise } from '@onnx-zk/tensor-ir';
import { analyzeBounds } from '../bounds/analyze';
import { Errors } from '../errors';
import { rules } from '../rules';
import { DEFAULT_FRAC_BITS, checkFracBits, parseInputRange } from '../scheme/input-range';
import { quantizeValues } from '../scheme/quantize-values';
import { LowerContext } from './context';
import { elideOutputRescales } from './elide-output-rescale';
import { foldConstant, hasConstantInputs } from './fold-constant';
import { poolBeforeActivation } from './pool-before-activation';

export interface LowerOptions {
  /** Default fractional bits f (16 when absent). */
  fracBits?: number;
  /** Declared real range of every graph input element. */
  inputRange: readonly [number, number];
  /** Keep the Rescale before graph outputs (default: outputs stay at the accumulator's frac). */
  rescaleOutputs?: boolean;
}

/**
 * Lowers a float graph to the fixed dialect: graph inputs get frac f and the declared range,
 * every node is lowered by its rule, then the range analysis proves bounds for every value.
 */
export function lowerGraph(source: Graph, options: LowerOptions): Graph {
  const frac = checkFracBits(options.fracBits ?? DEFAULT_FRAC_BITS);
  const range = parseInputRange(options.inputRange);
  checkSupported(source);
  const ctx = new LowerContext(source, frac);
  declareInputs(ctx, range);
  lowerNodes(ctx);
  const graph = ctx.graph;
  graph.outputs = source.outputs.map((o) => ctx.value(o, { node: o }).name);
  poolBeforeActivation(graph);
  if (!options.rescaleOutputs) elideOutputRescales(graph);
  graph.metadata = { ...source.metadata, 'fixed.frac': String(frac), 'fixed.input_range': range.join(',') };
  analyzeBounds(graph, new Map(source.nodes.flatMap((n) => ctx.locOf(n).map((l): [string, string] => [l, n.op]))));
  return graph;
}

/** Lists every node without a lowering rule, all in one error. */
function checkSupported(source: Graph): void {
  const errors = new ErrorCollector();
  for (const node of source.nodes) {
    const rule = rules[node.op];
    if (!rule?.lower) errors.add(Errors.UNSUPPORTED_OP, { node: node.name, op: node.op }, rule?.unsupported ?? '');
  }
  errors.throwIfAny();
}

function declareInputs(ctx: LowerContext, [lo, hi]: [number, number]): void {
  const [qlo, qhi] = quantizeValues([lo, hi], ctx.frac, {}, 'input range');
  for (const name of ctx.source.inputs) {
    const info = ctx.source.values.get(name);
    if (!info) raise(Errors.UNSUPPORTED_FORM, { node: name }, `graph input '${name}' has no type`);
    const n = numel(info.shape);
    const [frac, bounds] = isFloatDType(info.dtype) ? [ctx.frac, [qlo, qhi]] : [0, [0n, BigInt(tokenRows(ctx, name) - 1)]];
    const fixed = { frac, lo: new BigInt64Array(n).fill(bounds[0]), hi: new BigInt64Array(n).fill(bounds[1]) };
    ctx.graph.values.set(name, { name, dtype: 'int64', shape: [...info.shape], fixed });
    ctx.graph.inputs.push(name);
    ctx.bind(name, { name, frac, shape: [...info.shape] });
  }
}

/** Ops that only reshape an integer input on its way to a Gather. */
const SHAPE_ONLY = new Set(['Reshape', 'Squeeze', 'Unsqueeze', 'Flatten', 'Identity']);

/**
 * An integer graph input is supported as token ids: every reader (through shape-only ops) is a
 * Gather of a constant table on axis 0, by these ids. Its bounds are [0, V − 1] with V the
 * smallest table's row count, so an id outside the vocabulary is refused before anything runs.
 */
function tokenRows(ctx: LowerContext, input: string): number {
  const dtype = ctx.source.values.get(input)!.dtype;
  const refuse = (why: string): never => raise(Errors.UNSUPPORTED_FORM, { node: input }, `graph input '${input}' is ${dtype}: integer inputs are supported as token ids only (every reader a Gather of a constant table), but ${why}`);
  let rows = Infinity;
  const visit = (value: string): void => {
    if (ctx.isGraphOutput(value)) refuse(`'${value}' is a graph output`);
    for (const node of ctx.consumersOf(value)) {
      if (SHAPE_ONLY.has(node.op) && node.inputs[0] === value) {
        visit(node.outputs[0]);
        continue;
      }
      const table = node.op === 'Gather' && node.inputs[1] === value && node.inputs[0] !== value ? ctx.constant(node.inputs[0]) : undefined;
      if (!table) return refuse(`${node.op} node '${node.name}' reads it`);
      rows = Math.min(rows, table.shape[0] ?? 0);
    }
  };
  visit(input);
  if (!Number.isFinite(rows) || rows < 1) refuse('nothing reads it');
  return rows;
}

/** Lowers every node, collecting errors; a node fed by a failed one is skipped (its cause is reported). */
function lowerNodes(ctx: LowerContext): void {
  const errors = new ErrorCollector();
  for (const node of ctx.source.nodes) {
    if (ctx.isAbsorbed(node)) continue;
    if (!node.inputs.every((i) => i === '' || ctx.isKnown(i))) continue;
    errors.attempt(() => (hasConstantInputs(node, ctx) ? foldConstant(node, ctx) : rules[node.op].lower!(node, ctx)));
  }
  errors.throwIfAny();
}

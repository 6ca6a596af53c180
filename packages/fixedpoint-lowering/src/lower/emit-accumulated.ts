import { Attr, Node } from '@onnx-zk/tensor-ir';
import { FixedValue, LowerContext } from './context';

/** An exact accumulating fixed node (Linear, SparseLinear, ConvLinear) that stands for a float value. */
export interface AccumulatedSpec {
  op: string;
  inputs: string[];
  attrs?: Record<string, Attr>;
  /** The frac of the exact result (e.g. f(x) + f(W)). */
  accFrac: number;
  /** The float value the result stands for (default: the node's first output). */
  target?: string;
  /** Default: the float node's loc. */
  loc?: string[];
  /** Default: the target's shape. */
  shape?: number[];
  /** Bind the result to the target (default true). */
  bind?: boolean;
}

/**
 * Emits the accumulating node, then a Rescale back to the default frac f when its frac is above
 * f (round half up, docs/architecture.md); binds the target and returns its fixed value.
 */
export function emitAccumulated(ctx: LowerContext, node: Node, spec: AccumulatedSpec): FixedValue {
  const target = spec.target ?? node.outputs[0];
  const loc = spec.loc ?? ctx.locOf(node);
  const shape = spec.shape ?? ctx.shapeOf(target);
  const shift = spec.accFrac - ctx.frac;
  const acc = shift > 0 ? ctx.tempValue(`${target}.acc`, spec.accFrac, shape) : ctx.valueFor(target, spec.accFrac, shape);
  ctx.emit({ op: spec.op, name: node.name, inputs: spec.inputs, attrs: spec.attrs, loc, outputs: [acc] });
  let y = acc;
  if (shift > 0) {
    y = ctx.valueFor(target, ctx.frac, shape);
    ctx.emit({ op: 'Rescale', name: `${node.name}.rescale`, inputs: [acc.name], attrs: { shift: { type: 'int', value: shift } }, loc, outputs: [y] });
  }
  if (spec.bind !== false) ctx.bind(target, y);
  return y;
}

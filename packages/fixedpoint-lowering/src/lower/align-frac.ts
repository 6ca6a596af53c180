import { Node } from '@onnx-zk/tensor-ir';
import { FixedValue, LowerContext } from './context';

/**
 * v at a higher frac: SparseLinear with the weight 2^d at frac d (exact, free in the circuit: one
 * scaled wire per element). Returns v itself when it already has that frac.
 */
export function alignFrac(ctx: LowerContext, node: Node, v: FixedValue, frac: number): FixedValue {
  const d = frac - v.frac;
  if (d <= 0) return v;
  const n = v.shape.reduce((a, b) => a * b, 1);
  const index = ctx.addConstant(`${v.name}.align`, [n, 1], Array.from({ length: n }, (_, i) => BigInt(i)), 0);
  const weight = ctx.addConstant(`${v.name}.align_w`, [n, 1], new Array<bigint>(n).fill(1n << BigInt(d)), d);
  const y = ctx.tempValue(`${v.name}.f${frac}`, frac, [n]);
  ctx.emit({ op: 'SparseLinear', name: `${node.name}.align`, inputs: [v.name, index.name, weight.name], loc: ctx.locOf(node), outputs: [y] });
  return y;
}

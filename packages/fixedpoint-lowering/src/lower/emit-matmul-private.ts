import { Node, raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { LowerContext } from './context';

/** Sizes of a fixed MatMul: A is `rows` = batch·m rows of k; B [k, n] is shared or one per batch. */
export function matmulDims(aShape: number[], bShape: number[]): {
  rows: number; m: number; k: number; n: number; bOffset: (row: number) => number;
} {
  const [m, k] = aShape.slice(-2);
  const n = bShape[bShape.length - 1];
  const rows = aShape.reduce((x, y) => x * y, 1) / (k || 1);
  const shared = bShape.length === 2;
  return { rows, m, k, n, bOffset: (row) => (shared ? 0 : Math.floor(row / m) * k * n) };
}

/**
 * ONNX MatMul of two computed values (attention's Q·Kᵀ and weights·V): the exact fixed MatMul at
 * frac f(A) + f(B), then a Rescale back to the default frac. A must be [..., M, K] and B [K, N] or
 * [..., K, N] with A's batch dimensions (no other broadcasting).
 */
export function emitMatMulPrivate(ctx: LowerContext, node: Node): void {
  const site = ctx.siteOf(node);
  const [a, b] = [ctx.value(node.inputs[0], site), ctx.value(node.inputs[1], site)];
  const batch = a.shape.slice(0, -2).join(',');
  const bBatch = b.shape.slice(0, -2).join(',');
  if (a.shape.length < 2 || b.shape.length < 2 || (b.shape.length > 2 && bBatch !== batch)) {
    raise(Errors.UNSUPPORTED_FORM, site, `MatMul of [${a.shape.join(',')}] and [${b.shape.join(',')}]: ` +
      'only [..., M, K]·[K, N] or equal batch dimensions');
  }
  const target = node.outputs[0];
  const accFrac = a.frac + b.frac;
  const shift = accFrac - ctx.frac;
  const shape = ctx.shapeOf(target);
  const acc = shift > 0 ? ctx.tempValue(`${target}.acc`, accFrac, shape) : ctx.valueFor(target, accFrac);
  const loc = ctx.locOf(node);
  ctx.emit({ op: 'MatMul', name: node.name, inputs: [a.name, b.name], loc, outputs: [acc] });
  if (shift <= 0) return ctx.bind(target, acc);
  const y = ctx.valueFor(target, ctx.frac);
  ctx.emit({ op: 'Rescale', name: `${node.name}.rescale`, inputs: [acc.name], attrs: { shift: { type: 'int', value: shift } }, loc, outputs: [y] });
  ctx.bind(target, y);
}

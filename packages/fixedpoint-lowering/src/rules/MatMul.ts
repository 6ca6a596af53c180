import { Node, raise } from '@onnx-zk/tensor-ir';
import { Interval, mulRange } from '../bounds/interval';
import { Errors } from '../errors';
import { LowerContext } from '../lower/context';
import { emitLinear } from '../lower/emit-linear';
import { emitMatMulPrivate, matmulDims } from '../lower/emit-matmul-private';
import { realValues } from '../scheme/quantize-values';
import { Rule } from './types';

/**
 * MatMul. ONNX: x [..., K] times a constant 2-D weight [K, N] → Linear (+ a following bias Add);
 * two computed operands → the fixed MatMul (exact) + Rescale. Fixed MatMul: y = A·B + bias with
 * A [..., M, K], B [K, N] shared or [..., K, N] per batch.
 */
export const MatMul: Rule = {
  via: ['Linear'],
  lower(node: Node, ctx: LowerContext): void {
    const site = ctx.siteOf(node);
    const [a, b] = node.inputs;
    const w = ctx.constant(b);
    if (ctx.constant(a) && !w) raise(Errors.UNSUPPORTED_FORM, site, 'the constant must be the second operand');
    if (!w) return emitMatMulPrivate(ctx, node);
    if (w.shape.length !== 2) raise(Errors.UNSUPPORTED_FORM, site, `weight '${b}' has rank ${w.shape.length}; only 2-D weights`);
    const [k, n] = w.shape;
    emitLinear(ctx, node, { x: ctx.value(a, site), weight: realValues(w), k, n });
  },

  evalInt(_node, [a, b, bias], types): bigint[][] {
    const { rows, k, n, bOffset } = matmulDims(types.inputs[0]!.shape, types.inputs[1]!.shape);
    const y = new Array<bigint>(rows * n);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < n; j++) {
        let acc = bias ? bias[j] : 0n;
        for (let t = 0; t < k; t++) acc += a![r * k + t] * b![bOffset(r) + t * n + j];
        y[r * n + j] = acc;
      }
    }
    return [y];
  },

  bounds(_node, [a, b, bias], types): Interval[] {
    const { rows, k, n, bOffset } = matmulDims(types.inputs[0]!.shape, types.inputs[1]!.shape);
    const lo = new Array<bigint>(rows * n);
    const hi = new Array<bigint>(rows * n);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < n; j++) {
        let [l, h] = bias ? [bias.lo[j], bias.hi[j]] : [0n, 0n];
        for (let t = 0; t < k; t++) {
          const [ai, bi] = [r * k + t, bOffset(r) + t * n + j];
          const [pl, ph] = mulRange(a!.lo[ai], a!.hi[ai], b!.lo[bi], b!.hi[bi]);
          l += pl;
          h += ph;
        }
        [lo[r * n + j], hi[r * n + j]] = [l, h];
      }
    }
    return [{ lo, hi }];
  },
};

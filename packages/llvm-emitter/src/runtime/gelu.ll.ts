import {
  GELU_ERF_POLY, GELU_ERF_TABLE, GELU_POLY_BITS, GELU_POLY_COEF_FRAC, GELU_RANGE_LOG2, GELU_TABLE_COEF_FRAC,
  GELU_TABLE_INDEX_BITS, GELU_TANH_POLY, GELU_TANH_TABLE,
} from '@onnx-zk/tensor-ir';
import { polyIr, quadIr, tableIr } from './exp-ir';
import { forEach, load, store } from './ir-text';

const indent = (ir: string) => ir.split('\n').join('\n  ');
const D = GELU_ERF_POLY.length - 1;

/** H of tensor-ir geluH for an i256 a < 2^(f+2), both forms and strategies computed, one selected. */
const approxH = `
  %fw = zext i64 %frac to i256
  %l = sub i256 %fw, ${GELU_TABLE_INDEX_BITS - GELU_RANGE_LOG2}
  %j = lshr i256 %a, %l
  %lone = shl i256 1, %l
  %lmask = sub i256 %lone, 1
  %r = and i256 %a, %lmask
  ${indent(tableIr('te', '%j', GELU_ERF_TABLE))}
  ${indent(quadIr('qe', 'te', '%r', '%l'))}
  ${indent(tableIr('tt', '%j', GELU_TANH_TABLE))}
  ${indent(quadIr('qt', 'tt', '%r', '%l'))}
  %top = add i256 %fw, ${GELU_RANGE_LOG2}
  %down = icmp uge i256 %top, ${GELU_POLY_BITS}
  %dsh = sub i256 %top, ${GELU_POLY_BITS}
  %ush = sub i256 ${GELU_POLY_BITS}, %top
  %udown = lshr i256 %a, %dsh
  %uup = shl i256 %a, %ush
  %u = select i1 %down, i256 %udown, i256 %uup
  ${indent(polyIr('pe', '%u', GELU_ERF_POLY, GELU_POLY_BITS))}
  ${indent(polyIr('pt', '%u', GELU_TANH_POLY, GELU_POLY_BITS))}
  %tanh = icmp eq i64 %form, 1
  %poly = icmp eq i64 %strategy, 1
  %hq = select i1 %tanh, i256 %qt.q, i256 %qe.q
  %hp = select i1 %tanh, i256 %pt.q, i256 %pe.q
  %h = select i1 %poly, i256 %hp, i256 %hq
  %l2 = shl i256 %l, 1
  %bigq = add i256 %l2, ${GELU_TABLE_COEF_FRAC}
  %bigf = select i1 %poly, i256 ${GELU_POLY_COEF_FRAC + D * GELU_POLY_BITS}, i256 %bigq`;

/**
 * zk.gelu(x, y, n, frac, form, strategy, lo, hi, ylo, yhi): tensor-ir geluInt per element,
 * y = floor((relu·2^(F−f) − H + 2^(F−f−1)) / 2^(F−f)), H = 0 from |x| ≥ 4; x and y bounds checked.
 */
export const gelu = `
  call void @onnx_zk.check_bounds(i64* %x, i64* %lo, i64* %hi, i64 %n, i8* %gadget)
${forEach('e', 'entry', '%n', `
  ${load('xv', '%x', '%e.i')}
  %neg = icmp slt i64 %xv, 0
  %nx = sub i64 0, %xv
  %av = select i1 %neg, i64 %nx, i64 %xv
  %rv = select i1 %neg, i64 0, i64 %xv
  %a = zext i64 %av to i256
  %relu = sext i64 %rv to i256
  ${approxH}
  %lim = shl i256 1, %top
  %gated = icmp uge i256 %a, %lim
  %hg = select i1 %gated, i256 0, i256 %h
  %sh = sub i256 %bigf, %fw
  %rs = shl i256 %relu, %sh
  %z0 = sub i256 %rs, %hg
  %sh1 = sub i256 %sh, 1
  %half = shl i256 1, %sh1
  %z = add i256 %z0, %half
  %yw = ashr i256 %z, %sh
  %yv = trunc i256 %yw to i64
  ${store('%yv', '%y', '%e.i', 'yp')}`)}
  call void @onnx_zk.check_bounds(i64* %y, i64* %ylo, i64* %yhi, i64 %n, i8* %gadget)
  ret void
`;

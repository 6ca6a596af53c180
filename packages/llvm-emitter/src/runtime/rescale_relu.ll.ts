import { forEach, load, store } from './ir-text';

/**
 * zk.rescale_relu(x, y, n, shift, lo, hi): q = (x + 2^(shift-1)) >> shift is checked against the
 * bounds [lo, hi] of the rescaled q (before the relu), then y = max(q, 0).
 */
export const rescale_relu = `
  %half.shift = sub i64 %shift, 1
  %half = shl i64 1, %half.shift
${forEach('q', 'entry', '%n', `
  ${load('xv', '%x', '%q.i')}
  %t = add i64 %xv, %half
  %q = ashr i64 %t, %shift
  ${store('%q', '%y', '%q.i', 'qp')}`)}
  call void @onnx_zk.check_bounds(i64* %y, i64* %lo, i64* %hi, i64 %n, i8* %gadget)
${forEach('r', 'q.done', '%n', `
  ${load('qv', '%y', '%r.i')}
  %pos = icmp sgt i64 %qv, 0
  %v = select i1 %pos, i64 %qv, i64 0
  ${store('%v', '%y', '%r.i', 'yp')}`)}
  ret void
`;

import { forEach, load, store } from './ir-text';

/**
 * zk.rescale_clip(x, y, n, shift, low, high, lo, hi): q = (x + 2^(shift-1)) >> shift is checked
 * against the bounds [lo, hi] of the rescaled q (before the clip), then y = min(max(q, low), high).
 */
export const rescale_clip = `
  %half.shift = sub i64 %shift, 1
  %half = shl i64 1, %half.shift
${forEach('q', 'entry', '%n', `
  ${load('xv', '%x', '%q.i')}
  %t = add i64 %xv, %half
  %q = ashr i64 %t, %shift
  ${store('%q', '%y', '%q.i', 'qp')}`)}
  call void @onnx_zk.check_bounds(i64* %y, i64* %lo, i64* %hi, i64 %n, i8* %gadget)
${forEach('c', 'q.done', '%n', `
  ${load('qv', '%y', '%c.i')}
  %below = icmp slt i64 %qv, %low
  %m = select i1 %below, i64 %low, i64 %qv
  %above = icmp sgt i64 %m, %high
  %v = select i1 %above, i64 %high, i64 %m
  ${store('%v', '%y', '%c.i', 'yp')}`)}
  ret void
`;

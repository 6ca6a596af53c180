import { forEach, load, store } from './ir-text';

/**
 * zk.rescale_clip(x, y, q, n, shift, low, high, lo, hi): the rescaled value (x + 2^(shift-1)) >> shift
 * is checked against its bounds [lo, hi], stored into q when q is not null (the optional second
 * output), then y = min(max(it, low), high).
 */
export const rescale_clip = `
  %half.shift = sub i64 %shift, 1
  %half = shl i64 1, %half.shift
  %has.q = icmp ne i64* %q, null
${forEach('r', 'entry', '%n', `
  ${load('xv', '%x', '%r.i')}
  %t = add i64 %xv, %half
  %quot = ashr i64 %t, %shift
  ${store('%quot', '%y', '%r.i', 'qp')}`)}
  call void @onnx_zk.check_bounds(i64* %y, i64* %lo, i64* %hi, i64 %n, i8* %gadget)
  br i1 %has.q, label %keep, label %clip
keep:
${forEach('k', 'keep', '%n', `
  ${load('kv', '%y', '%k.i')}
  ${store('%kv', '%q', '%k.i', 'kp')}`)}
  br label %clip
clip:
${forEach('c', 'clip', '%n', `
  ${load('qv', '%y', '%c.i')}
  %below = icmp slt i64 %qv, %low
  %m = select i1 %below, i64 %low, i64 %qv
  %above = icmp sgt i64 %m, %high
  %v = select i1 %above, i64 %high, i64 %m
  ${store('%v', '%y', '%c.i', 'yp')}`)}
  ret void
`;

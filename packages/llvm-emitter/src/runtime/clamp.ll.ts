import { forEach, load, store } from './ir-text';

/** zk.clamp(x, y, n, low, high, lo, hi): x checked against its bounds, then y = min(max(x, low), high). */
export const clamp = `
  call void @onnx_zk.check_bounds(i64* %x, i64* %lo, i64* %hi, i64 %n, i8* %gadget)
${forEach('e', 'entry', '%n', `
  ${load('xv', '%x', '%e.i')}
  %below = icmp slt i64 %xv, %low
  %t = select i1 %below, i64 %low, i64 %xv
  %above = icmp sgt i64 %t, %high
  %c = select i1 %above, i64 %high, i64 %t
  ${store('%c', '%y', '%e.i', 'yp')}`)}
  ret void
`;

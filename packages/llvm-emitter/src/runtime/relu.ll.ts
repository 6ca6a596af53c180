import { forEach, load, store } from './ir-text';

/** zk.relu(x, y, n, lo, hi): x is checked against its bounds [lo, hi], then y = max(x, 0). */
export const relu = `
  call void @onnx_zk.check_bounds(i64* %x, i64* %lo, i64* %hi, i64 %n, i8* %gadget)
${forEach('e', 'entry', '%n', `
  ${load('xv', '%x', '%e.i')}
  %pos = icmp sgt i64 %xv, 0
  %r = select i1 %pos, i64 %xv, i64 0
  ${store('%r', '%y', '%e.i', 'yp')}`)}
  ret void
`;

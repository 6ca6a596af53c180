import { isqrtIr } from './isqrt.ll';
import { load, store } from './ir-text';

/** zk.rsqrt(x, y, n, shift, lo, hi): x checked against its bounds (lo ≥ 1), then y = floor(√(2^shift / x)). */
export const rsqrt = `
  call void @onnx_zk.check_bounds(i64* %x, i64* %lo, i64* %hi, i64 %n, i8* %gadget)
  %s = zext i64 %shift to i128
  %num = shl i128 1, %s
  br label %e.head
e.head:
  %i = phi i64 [ 0, %entry ], [ %i.next, %sq.done ]
  %more = icmp slt i64 %i, %n
  br i1 %more, label %e.body, label %done
e.body:
  ${load('xv', '%x', '%i')}
  %xw = sext i64 %xv to i128
  %v = udiv i128 %num, %xw
${isqrtIr('sq', '%v', 'e.body')}
  %yv = trunc i128 %sq.root to i64
  ${store('%yv', '%y', '%i', 'yp')}
  %i.next = add i64 %i, 1
  br label %e.head
done:
  ret void
`;

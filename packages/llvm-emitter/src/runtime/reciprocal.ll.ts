import { forEach, load, store } from './ir-text';

/**
 * zk.reciprocal(x, y, n, shift, lo, hi): x checked against its bounds (lo ≥ 1, as select
 * demands), then y = floor((2^(shift+1) + x) / 2x) = round-half-up(2^shift / x), in i128.
 */
export const reciprocal = `
  call void @onnx_zk.check_bounds(i64* %x, i64* %lo, i64* %hi, i64 %n, i8* %gadget)
  %s = zext i64 %shift to i128
  %num = shl i128 2, %s
${forEach('e', 'entry', '%n', `
  ${load('xv', '%x', '%e.i')}
  %xw = sext i64 %xv to i128
  %t = add i128 %num, %xw
  %den = shl i128 %xw, 1
  %q = udiv i128 %t, %den
  %qn = trunc i128 %q to i64
  ${store('%qn', '%y', '%e.i', 'yp')}`)}
  ret void
`;

import { forEach, load, store } from './ir-text';

/**
 * zk.rescale(x, y, n, shift, lo, hi): y = (x + 2^(shift-1)) >> shift (arithmetic shift: floor,
 * so ties round up), then y is checked against its bounds [lo, hi] as the circuit's range
 * constraint on the quotient would.
 */
export const rescale = `
  %half.shift = sub i64 %shift, 1
  %half = shl i64 1, %half.shift
${forEach('e', 'entry', '%n', `
  ${load('xv', '%x', '%e.i')}
  %t = add i64 %xv, %half
  %q = ashr i64 %t, %shift
  ${store('%q', '%y', '%e.i', 'yp')}`)}
  call void @onnx_zk.check_bounds(i64* %y, i64* %lo, i64* %hi, i64 %n, i8* %gadget)
  ret void
`;

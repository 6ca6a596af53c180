import { expIr } from './exp-ir';
import { forEach, load, store } from './ir-text';

/** zk.exp(x, y, n, frac, strategy, lo, hi): x checked against its bounds (hi ≤ 0), then y = expInt(x). */
export const exp = `
  call void @onnx_zk.check_bounds(i64* %x, i64* %lo, i64* %hi, i64 %n, i8* %gadget)
${forEach('e', 'entry', '%n', `
  ${load('xv', '%x', '%e.i')}
  ${expIr('ex', '%xv', '%frac', '%frac', '%strategy').split('\n').join('\n  ')}
  ${store('%ex.y', '%y', '%e.i', 'yp')}`)}
  ret void
`;

import { forEach, load, store } from './ir-text';

/** zk.add(a, b, y, n, shift_a, shift_b): y = a·2^shift_a + b·2^shift_b (b may be a constant buffer). */
export const add = `
${forEach('e', 'entry', '%n', `
  ${load('av', '%a', '%e.i')}
  ${load('bv', '%b', '%e.i')}
  %as = shl i64 %av, %shift_a
  %bs = shl i64 %bv, %shift_b
  %s = add i64 %as, %bs
  ${store('%s', '%y', '%e.i', 'yp')}`)}
  ret void
`;

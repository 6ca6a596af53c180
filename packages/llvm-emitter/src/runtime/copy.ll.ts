import { forEach, load, store } from './ir-text';

/** zk.copy(x, y, n): y = x (Reshape: same row-major data, new shape). */
export const copy = `
${forEach('e', 'entry', '%n', `
  ${load('xv', '%x', '%e.i')}
  ${store('%xv', '%y', '%e.i', 'yp')}`)}
  ret void
`;

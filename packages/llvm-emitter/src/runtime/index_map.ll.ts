import { forEach, load, store } from './ir-text';

/** zk.index_map(x, map, fill, x2, y, n, nx): y[e] = x[m], x2[m − nx] or fill[−m − 1] for m = map[e]. */
export const index_map = `
${forEach('e', 'entry', '%n', `
  ${load('m', '%map', '%e.i')}
  %m.neg = icmp slt i64 %m, 0
  br i1 %m.neg, label %from.fill, label %from.src
from.fill:
  %fill.i = sub i64 -1, %m
  ${load('fv', '%fill', '%fill.i')}
  br label %put
from.src:
  %m.in.x = icmp slt i64 %m, %nx
  br i1 %m.in.x, label %from.x, label %from.x2
from.x:
  ${load('xv', '%x', '%m')}
  br label %put
from.x2:
  %m2 = sub i64 %m, %nx
  ${load('x2v', '%x2', '%m2')}
  br label %put
put:
  %v = phi i64 [ %fv, %from.fill ], [ %xv, %from.x ], [ %x2v, %from.x2 ]
  ${store('%v', '%y', '%e.i', 'yp')}`, 'put')}
  ret void
`;

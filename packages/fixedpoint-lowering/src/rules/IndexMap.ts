import { Interval } from '../bounds/interval';
import { Rule } from './types';

/** Reads element `m` of the map's sources: x, then x2, and fill[−m − 1] for m < 0. */
function reader<T>(x: ArrayLike<T>, x2: ArrayLike<T> | undefined, fill: ArrayLike<T> | undefined): (m: bigint) => T {
  return (m) => {
    const i = Number(m);
    if (i < 0) return fill![-i - 1];
    return i < x.length ? x[i] : x2![i - x.length];
  };
}

/** Fixed IndexMap (data movement): every output element is one source element or a fill constant; bounds move with it. */
export const IndexMap: Rule = {
  evalInt(_node, [x, map, fill, x2]): bigint[][] {
    return [Array.from(map!, reader(x!, x2, fill))];
  },

  bounds(_node, [x, map, fill, x2]): Interval[] {
    const lo = reader(x!.lo, x2?.lo, fill?.lo);
    const hi = reader(x!.hi, x2?.hi, fill?.hi);
    return [{ lo: Array.from(map!.lo, (m) => lo(m)), hi: Array.from(map!.lo, (m) => hi(m)) }];
  },
};

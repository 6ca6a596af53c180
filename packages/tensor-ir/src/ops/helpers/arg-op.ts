import { OpDef } from '../types';
import { attrInt } from '../../attrs';
import { makeTensor } from '../../tensor';
import { NUMERIC_TYPES, inputOfType, normalizeAxis } from './checks';
import { floatData } from './float';
import { axisSplit, reducedShape } from './reduce';

/**
 * ArgMax / ArgMin: the int64 index of the extreme element along `axis` (keepdims; the first
 * occurrence unless select_last_index). `better(v, best)` says v beats the current best.
 */
export function argOp(op: string, better: (v: number, best: number) => boolean): OpDef {
  return {
    op,
    inputs: [{ name: 'data' }],
    outputs: [{ name: 'reduced' }],
    attrs: {
      axis: { type: 'int', default: 0 },
      keepdims: { type: 'int', default: 1 },
      select_last_index: { type: 'int', default: 0 },
    },
    infer(ctx) {
      const x = inputOfType(ctx, 0, NUMERIC_TYPES);
      const axis = normalizeAxis(ctx, attrInt(ctx.node, 'axis'), x.shape.length);
      return [{ dtype: 'int64', shape: reducedShape(x.shape, [axis], attrInt(ctx.node, 'keepdims') !== 0) }];
    },
    evalFloat(node, [x]) {
      const rank = x!.shape.length;
      const a = attrInt(node, 'axis');
      const axis = a < 0 ? a + rank : a;
      const last = attrInt(node, 'select_last_index') !== 0;
      const { outer, n, inner } = axisSplit(x!.shape, axis);
      const d = floatData(x!);
      const out = makeTensor('int64', reducedShape(x!.shape, [axis], attrInt(node, 'keepdims') !== 0));
      const o = out.data as BigInt64Array;
      for (let i = 0; i < outer; i++) {
        for (let j = 0; j < inner; j++) {
          const base = i * n * inner + j;
          let best = 0;
          for (let k = 1; k < n; k++) {
            const v = d[base + k * inner];
            const b = d[base + best * inner];
            if (better(v, b) || (last && v === b)) best = k;
          }
          o[i * inner + j] = BigInt(best);
        }
      }
      return [out];
    },
  };
}

import { Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { attrInt } from '../attrs';
import { makeTensor } from '../tensor';
import { axisSplit, floatData, floatTensor, inputOfType } from './helpers';

/** The dtypes ONNX CumSum allows (opsets 11 and 14) that the IR has: no 8/16-bit integers. */
const CUMSUM_TYPES = ['float32', 'float64', 'int64', 'int32', 'uint64', 'uint32'] as const;

/**
 * ONNX CumSum (opsets 11, 14): running sums along `axis` (a constant int32/int64 scalar input,
 * negative counts from the end). exclusive = 1 leaves the element itself out (the first sum is
 * 0); reverse = 1 sums from the end of the axis. Floats sum in float64; integers wrap like C.
 */
export const CumSum: OpDef = {
  op: 'CumSum',
  inputs: [{ name: 'x' }, { name: 'axis' }],
  outputs: [{ name: 'y' }],
  attrs: { exclusive: { type: 'int', default: 0 }, reverse: { type: 'int', default: 0 } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, CUMSUM_TYPES);
    const axisInfo = inputOfType(ctx, 1, ['int32', 'int64']);
    if (axisInfo.shape.reduce((p, q) => p * q, 1) !== 1 || axisInfo.shape.length > 1) {
      ctx.fail(`axis must be a scalar, got shape [${axisInfo.shape.join(',')}]`);
    }
    const t = ctx.constants[1];
    if (!t) ctx.fail('the axis input must be a graph constant (static shapes only)');
    const rank = x.shape.length;
    const a = Number(t.data[0]);
    if (a < -rank || a >= rank) ctx.fail(`axis ${a} is out of range for rank ${rank}`);
    return [{ dtype: x.dtype, shape: [...x.shape] }];
  },
  evalFloat(node, [x, axisT]) {
    const rank = x!.shape.length;
    const a = Number(axisT!.data[0]);
    const axis = a < 0 ? a + rank : a;
    return [cumsum(x!, axis, attrInt(node, 'exclusive') !== 0, attrInt(node, 'reverse') !== 0)];
  },
};

function cumsum(x: Tensor, axis: number, exclusive: boolean, reverse: boolean): Tensor {
  const { outer, n, inner } = axisSplit(x.shape, axis);
  // Visits each lane in summing order, handing `emit` the flat index and whether it starts the lane.
  const lanes = (emit: (k: number, first: boolean) => void) => {
    for (let i = 0; i < outer; i++) {
      for (let j = 0; j < inner; j++) {
        const base = i * n * inner + j;
        for (let s = 0; s < n; s++) emit(base + (reverse ? n - 1 - s : s) * inner, s === 0);
      }
    }
  };
  const d = x.data;
  if (d instanceof BigInt64Array || d instanceof BigUint64Array) {
    const out = makeTensor(x.dtype, [...x.shape]);
    const o = out.data as BigInt64Array | BigUint64Array;
    const wrap = d instanceof BigInt64Array ? BigInt.asIntN : BigInt.asUintN;
    let acc = 0n;
    lanes((k, first) => {
      if (first) acc = 0n;
      if (exclusive) o[k] = acc;
      acc = wrap(64, acc + d[k]);
      if (!exclusive) o[k] = acc;
    });
    return out;
  }
  if (x.dtype === 'float32' || x.dtype === 'float64') {
    const v = floatData(x);
    const out = new Float64Array(v.length);
    let acc = 0;
    lanes((k, first) => {
      if (first) acc = 0;
      if (exclusive) out[k] = acc;
      acc += v[k];
      if (!exclusive) out[k] = acc;
    });
    return floatTensor(x.dtype, [...x.shape], out);
  }
  // int32 / uint32: the typed array wraps each stored sum; the running sum wraps at every step.
  const out = makeTensor(x.dtype, [...x.shape]);
  const o = out.data as Int32Array | Uint32Array;
  const wrap = x.dtype === 'int32' ? (s: number) => s | 0 : (s: number) => s >>> 0;
  let acc = 0;
  lanes((k, first) => {
    if (first) acc = 0;
    if (exclusive) o[k] = acc;
    acc = wrap(acc + (d[k] as number));
    if (!exclusive) o[k] = acc;
  });
  return out;
}

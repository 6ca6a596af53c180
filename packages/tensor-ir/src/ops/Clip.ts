import { OpDef } from './types';
import { FLOAT_TYPES, NUMERIC_TYPES, inputOfType, mapTensor } from './helpers';
import { attrFloat } from '../attrs';
import { Tensor, numel } from '../model';

/** ONNX Clip: min(max(x, lo), hi). Bounds are attributes before opset 11, optional scalar inputs after. */
export const Clip: OpDef = {
  op: 'Clip',
  inputs: [{ name: 'input' }, { name: 'min', optional: true }, { name: 'max', optional: true }],
  outputs: [{ name: 'output' }],
  attrs: {
    min: { type: 'float', default: -3.4028234663852886e38 },
    max: { type: 'float', default: 3.4028234663852886e38 },
  },
  infer(ctx) {
    const x = inputOfType(ctx, 0, ctx.opset < 12 ? FLOAT_TYPES : NUMERIC_TYPES);
    if (ctx.opset < 11 && ctx.node.inputs.length > 1) ctx.fail(`min and max are attributes before opset 11, not inputs (opset ${ctx.opset})`);
    for (const i of [1, 2]) {
      const b = ctx.inputs[i];
      if (!b) continue;
      if (b.dtype !== x.dtype) ctx.fail(`${i === 1 ? 'min' : 'max'} has dtype ${b.dtype}, the input ${x.dtype}`);
      if (numel(b.shape) !== 1) ctx.fail(`${i === 1 ? 'min' : 'max'} must be a scalar, got shape [${b.shape.join(',')}]`);
    }
    return [{ dtype: x.dtype, shape: [...x.shape] }];
  },
  evalFloat(node, [x, lo, hi], opset) {
    const [min, max] = opset < 11 ? [attrFloat(node, 'min'), attrFloat(node, 'max')] : [scalarOf(lo), scalarOf(hi)];
    return [mapTensor(x!, (v) => clip(v, min, max))];
  },
};

type Bound = number | bigint | undefined;

function scalarOf(t: Tensor | undefined): Bound {
  return t ? t.data[0] : undefined;
}

/** NaN stays NaN; bounds of another kind than v (bigint vs number) only occur for attributes. */
function clip(v: number | bigint, min: Bound, max: Bound): number | bigint {
  let r = v;
  if (min !== undefined && r < min) r = typeof v === 'bigint' ? BigInt(min) : Number(min);
  if (max !== undefined && r > max) r = typeof v === 'bigint' ? BigInt(max) : Number(max);
  return r;
}

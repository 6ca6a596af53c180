import { InferContext, OpDef } from './types';
import { ANY_TYPE, NUMERIC_TYPES, constInts, inputOfType, scalarOf, takeElements } from './helpers';
import { attrInt } from '../attrs';
import { makeTensor, tensorValues } from '../tensor';

/**
 * ONNX OneHot: a new axis of length depth at `axis`; values[1] where the position equals the
 * index (negative indices count from depth), values[0] elsewhere.
 */
export const OneHot: OpDef = {
  op: 'OneHot',
  inputs: [{ name: 'indices' }, { name: 'depth' }, { name: 'values' }],
  outputs: [{ name: 'output' }],
  attrs: { axis: { type: 'int', default: -1 } },
  infer(ctx: InferContext) {
    const ind = inputOfType(ctx, 0, NUMERIC_TYPES);
    inputOfType(ctx, 1, NUMERIC_TYPES);
    const values = inputOfType(ctx, 2, ANY_TYPE);
    const depth = Math.trunc(constInts(ctx, 1, 'depth')[0]);
    const rank = ind.shape.length + 1;
    const a = attrInt(ctx.node, 'axis');
    if (a < -rank || a >= rank || depth < 1) ctx.fail(`axis ${a} or depth ${depth} does not fit indices [${ind.shape.join(',')}]`);
    const axis = a < 0 ? a + rank : a;
    return [{ dtype: values.dtype, shape: [...ind.shape.slice(0, axis), depth, ...ind.shape.slice(axis)] }];
  },
  evalFloat(node, [ind, depthT, values]) {
    const depth = Math.trunc(scalarOf(depthT!));
    const rank = ind!.shape.length + 1;
    const a = attrInt(node, 'axis');
    const axis = a < 0 ? a + rank : a;
    const outer = ind!.shape.slice(0, axis).reduce((p, q) => p * q, 1);
    const inner = ind!.shape.slice(axis).reduce((p, q) => p * q, 1);
    const idx = tensorValues(ind!).map((v) => Math.trunc(v < 0 ? v + depth : v));
    const pick = new Int32Array(outer * depth * inner);
    for (let o = 0; o < outer; o++) {
      for (let d = 0; d < depth; d++) {
        for (let i = 0; i < inner; i++) pick[(o * depth + d) * inner + i] = idx[o * inner + i] === d ? 1 : 0;
      }
    }
    const shape = [...ind!.shape.slice(0, axis), depth, ...ind!.shape.slice(axis)];
    return [takeElements(makeTensor(values!.dtype, [2], values!.data.slice(0, 2)), shape, pick)];
  },
};

import { OpDef } from '../types';
import { DType } from '../../model';
import { attrInt } from '../../attrs';
import { IrErrors, raise } from '../../errors';
import { makeTensor } from '../../tensor';
import { NUMERIC_TYPES, inputOfType } from './checks';
import { floatData, floatTensor } from './float';
import { Reducer, reduceAxes, reduceData, reducedShape } from './reduce';

/**
 * A Reduce* op: `axes` is an attribute before opset `sinceInput` (13 for ReduceSum, 18 for the
 * others) and an optional int64 input from it; keepdims; noop_with_empty_axes. Accumulates in float64.
 */
export function reduceOp(op: string, sinceInput: number, reducer: Reducer, allowed: readonly DType[] = NUMERIC_TYPES): OpDef {
  return {
    op,
    inputs: [{ name: 'data' }, { name: 'axes', optional: true }],
    outputs: [{ name: 'reduced' }],
    attrs: {
      axes: { type: 'ints' },
      keepdims: { type: 'int', default: 1 },
      noop_with_empty_axes: { type: 'int', default: 0 },
    },
    infer(ctx) {
      const x = inputOfType(ctx, 0, allowed);
      if (ctx.inputs[1]) {
        if (ctx.opset < sinceInput) ctx.fail(`axes is an attribute before opset ${sinceInput}, not an input (opset ${ctx.opset})`);
        inputOfType(ctx, 1, ['int64']);
        if (!ctx.constants[1]) ctx.fail('the axes input must be a graph constant (static shapes only)');
      }
      const found = reduceAxes(ctx.node, x.shape.length, ctx.opset, sinceInput, ctx.constants[1]);
      const axes = typeof found === 'string' ? ctx.fail(found) : found;
      const shape = axes === null ? [...x.shape] : reducedShape(x.shape, axes, attrInt(ctx.node, 'keepdims') !== 0);
      return [{ dtype: x.dtype, shape }];
    },
    evalFloat(node, [x, axesInput], opset) {
      const axes = reduceAxes(node, x!.shape.length, opset, sinceInput, axesInput);
      if (typeof axes === 'string') return raise(IrErrors.BAD_OPERANDS, { node: node.name, op: node.op }, axes);
      if (axes === null) return [makeTensor(x!.dtype, x!.shape, x!.data.slice())];
      const out = reduceData(floatData(x!), x!.shape, axes, reducer);
      return [floatTensor(x!.dtype, reducedShape(x!.shape, axes, attrInt(node, 'keepdims') !== 0), out)];
    },
  };
}

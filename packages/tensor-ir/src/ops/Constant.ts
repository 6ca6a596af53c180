import { OpDef } from './types';
import { Node, Tensor } from '../model';
import { IrErrors, raise } from '../errors';
import { makeTensor } from '../tensor';

/** The attributes that can hold a Constant's value; exactly one must be set. */
const VALUE_ATTRS = ['value', 'value_float', 'value_floats', 'value_int', 'value_ints'];

/** ONNX Constant: the tensor given by one of its value attributes. */
export const Constant: OpDef = {
  op: 'Constant',
  inputs: [],
  outputs: [{ name: 'output' }],
  attrs: {
    value: { type: 'tensor' },
    value_float: { type: 'float' },
    value_floats: { type: 'floats' },
    value_int: { type: 'int' },
    value_ints: { type: 'ints' },
  },
  infer(ctx) {
    const t = constantValue(ctx.node);
    return [{ dtype: t.dtype, shape: [...t.shape] }];
  },
  evalFloat: (node) => {
    const t = constantValue(node);
    return [makeTensor(t.dtype, t.shape, t.data.slice())];
  },
};

/** The tensor a Constant node produces. */
export function constantValue(node: Node): Tensor {
  const set = VALUE_ATTRS.filter((k) => node.attrs[k] !== undefined);
  if (set.length !== 1) {
    raise(IrErrors.BAD_ATTR, { node: node.name, op: node.op }, `exactly one of ${VALUE_ATTRS.join(', ')} must be set, got ${set.length}`);
  }
  const a = node.attrs[set[0]];
  switch (a.type) {
    case 'tensor': return a.value;
    case 'float': return makeTensor('float32', [], [a.value]);
    case 'floats': return makeTensor('float32', [a.value.length], a.value);
    case 'int': return makeTensor('int64', [], [a.value]);
    case 'ints': return makeTensor('int64', [a.value.length], a.value);
    default: return raise(IrErrors.BAD_ATTR, { node: node.name, op: node.op }, `attribute '${set[0]}' has type ${a.type}`);
  }
}

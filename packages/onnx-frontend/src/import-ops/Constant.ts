import { Attr, Tensor, makeTensor, raise } from '@onnx-zk/tensor-ir';
import { FeErrors } from '../errors';
import type { ImportRule } from './types';

/** The tensor of each form a Constant's value can take (ONNX Constant, opsets 1–21). */
const VALUE_FORMS: Record<string, (a: Attr) => Tensor | undefined> = {
  value: (a) => (a.type === 'tensor' ? a.value : undefined),
  value_float: (a) => (a.type === 'float' ? makeTensor('float32', [], [a.value]) : undefined),
  value_floats: (a) => (a.type === 'floats' ? makeTensor('float32', [a.value.length], a.value) : undefined),
  value_int: (a) => (a.type === 'int' ? makeTensor('int64', [], [a.value]) : undefined),
  value_ints: (a) => (a.type === 'ints' ? makeTensor('int64', [a.value.length], a.value) : undefined),
};

/** ONNX Constant: its output becomes a graph constant and no node is emitted. */
export const importConstant: ImportRule = (node, ctx) => {
  const names = Object.keys(node.attrs);
  if (names.length !== 1) {
    raise(FeErrors.UNSUPPORTED_ATTRIBUTE, ctx.site, `Constant needs exactly one value attribute, got [${names.join(', ')}]`);
  }
  const form = VALUE_FORMS[names[0]];
  const tensor = form?.(node.attrs[names[0]]);
  if (!tensor) {
    const kind = node.attrs[names[0]].type;
    raise(FeErrors.UNSUPPORTED_ATTRIBUTE, ctx.site, `Constant attribute '${names[0]}' (${kind}) is not supported`);
  }
  if (node.outputs.length !== 1 || !node.outputs[0]) {
    raise(FeErrors.UNSUPPORTED_ATTRIBUTE, ctx.site, 'Constant must have exactly one output');
  }
  ctx.addConstant(node.outputs[0], tensor);
  return [];
};

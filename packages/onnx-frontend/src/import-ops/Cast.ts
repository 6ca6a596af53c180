import { dtypeOfOnnxOrUndefined } from '../dtype';
import type { ImportRule } from './types';

/**
 * ONNX Cast to the dtype its input already has (exporters cast float inputs to float) is an
 * Identity; other casts are kept for tensor-ir's Cast.
 */
export const importCast: ImportRule = (node, ctx) => {
  const to = node.attrs.to;
  const target = to?.type === 'int' ? dtypeOfOnnxOrUndefined(to.value) : undefined;
  if (!target || node.outputs.length !== 1) return [node];
  ctx.setDtype(node.outputs[0], target);
  if (ctx.dtypeOf(node.inputs[0]) !== target) return [node];
  return [{ ...node, op: 'Identity', attrs: {} }];
};

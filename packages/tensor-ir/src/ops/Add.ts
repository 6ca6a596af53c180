import { OpDef } from './types';
import { NUMERIC_TYPES, evalBroadcastBinary, inferBroadcast } from './helpers';

/** ONNX Add: C = A + B with numpy broadcasting. */
export const Add: OpDef = {
  op: 'Add',
  inputs: [{ name: 'A' }, { name: 'B' }],
  outputs: [{ name: 'C' }],
  attrs: {},
  infer: (ctx) => inferBroadcast(ctx, NUMERIC_TYPES),
  evalFloat: (node, [a, b]) => [evalBroadcastBinary(node.op, a!, b!, { float: (x, y) => x + y, int64: (x, y) => x + y })],
};

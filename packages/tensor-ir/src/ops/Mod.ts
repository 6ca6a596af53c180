import { attrInt } from '../attrs';
import { isBigIntDType } from '../tensor';
import { OpDef } from './types';
import { NUMERIC_TYPES, evalBroadcastBinary, inferBroadcast, zipTensors } from './helpers';

/** Integer remainder with the sign of the divisor (Python's %), as ONNX Mod with fmod = 0. */
function floorMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

function floorModBig(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

/**
 * ONNX Mod: fmod = 0 gives the remainder with the divisor's sign (integers only), fmod = 1 the C
 * fmod remainder with the dividend's sign (required for floats).
 */
export const Mod: OpDef = {
  op: 'Mod',
  inputs: [{ name: 'A' }, { name: 'B' }],
  outputs: [{ name: 'C' }],
  attrs: { fmod: { type: 'int', default: 0 } },
  infer: (ctx) => {
    const [a] = ctx.inputs;
    if (a && (a.dtype === 'float32' || a.dtype === 'float64') && attrInt(ctx.node, 'fmod') !== 1) {
      ctx.fail('floating-point Mod needs fmod = 1');
    }
    return inferBroadcast(ctx, NUMERIC_TYPES);
  },
  evalFloat: (node, [a, b]) => {
    const fmod = attrInt(node, 'fmod') === 1;
    if (a!.dtype === 'float32' || a!.dtype === 'float64') return [evalBroadcastBinary(node.op, a!, b!, { float: (x, y) => x % y })];
    if (isBigIntDType(a!.dtype)) return [zipTensors(node.op, a!, b!, (x, y) => (fmod ? (x as bigint) % (y as bigint) : floorModBig(x as bigint, y as bigint)))];
    return [zipTensors(node.op, a!, b!, (x, y) => (fmod ? (x as number) % (y as number) : floorMod(x as number, y as number)))];
  },
};

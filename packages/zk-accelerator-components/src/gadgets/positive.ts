import { raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { checkFieldMargin, gadgetSite } from './bits';
import { boundAt } from './params';
import { checkBounds } from './rescale-bits';

/** Bounds of element e of a divisor-like input, refused (ZK010) unless lo ≥ 1. */
export function positiveBounds(
  lo: BigInt64Array, hi: BigInt64Array, e: number, loc: string[], op: string,
): [bigint, bigint] {
  const [l, h] = [boundAt(lo, e), boundAt(hi, e)];
  if (l < 1n) raise(Errors.NOT_POSITIVE, gadgetSite(loc, op), `element ${e} has bounds [${l}, ${h}]`);
  return [l, h];
}

/** positiveBounds, then the element's value checked against them (ZK007). */
export function checkPositive(
  value: bigint, lo: BigInt64Array, hi: BigInt64Array, e: number, loc: string[], op: string,
): [bigint, bigint] {
  const [l, h] = positiveBounds(lo, hi, e, loc, op);
  checkBounds(value, l, h, e, { loc, op });
  return [l, h];
}

/** The shift attribute 2^shift is built from: 1..(margin) bits. */
export function checkShift(shift: number, loc: string[], op: string): bigint {
  if (shift < 0) raise(Errors.BAD_ATTRIBUTE, gadgetSite(loc, op), `shift ${shift} < 0`);
  checkFieldMargin(shift + 2, gadgetSite(loc, op));
  return 1n << BigInt(shift);
}

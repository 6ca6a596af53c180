import { Signal, signalConstant } from '../r1cs/linear-combination';

/**
 * The `in` values of a soundness case: the checker reads only each Signal's value and gives it a
 * fresh input wire, so a constant Signal is enough here.
 */
export function caseInputs(values: (number | bigint)[]): Signal[] {
  return values.map((v) => signalConstant(BigInt(v)));
}

/** A BigInt64Array from small integers (constant tensors and bounds of a case). */
export function caseTensor(values: (number | bigint)[]): BigInt64Array {
  return BigInt64Array.from(values.map((v) => BigInt(v)));
}

import { signalConstant } from '../r1cs/linear-combination';
import type { SoundnessCase } from './types';

const i64 = (vs: bigint[]): BigInt64Array => BigInt64Array.from(vs);

/** Small LayerNorm instances for the soundness checker (abi order of layer-norm.ts). */
export function layerNormCases(): SoundnessCase[] {
  return [
    {
      params: [[1n, -1n, 2n].map(signalConstant), i64([1n, 2n, -1n]), i64([0n, 1n, 0n]), 3, 1, 3, 1, 4, i64([-2n]), i64([2n])],
      note: 'one row of 3 in [-2, 2], eps 1, shift 4',
    },
    {
      params: [[0n, 0n, 1n, 1n].map(signalConstant), i64([1n, 1n]), null, 4, 2, 2, 1, 2, i64([0n]), i64([1n])],
      note: 'two rows of 2, one constant row (zero variance)',
    },
  ];
}

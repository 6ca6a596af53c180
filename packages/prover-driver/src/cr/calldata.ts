import type { CrProof } from './prove-cr';

/**
 * The calldata of the groth16-cr Verifier.sol's
 * `verifyProof(uint[2] a, uint[2][2] b, uint[2] c, uint[2] c1, uint[N] pub)`: every argument is
 * static, so it is the selector then each word in order; B's coordinates are swapped to the
 * pairing precompile's order (imaginary part first).
 */
export function crCalldata(selector: string, proof: CrProof, publicSignals: readonly string[]): string {
  const b = proof.pi_b;
  const values = [
    proof.pi_a[0], proof.pi_a[1],
    b[0][1], b[0][0], b[1][1], b[1][0],
    proof.pi_c[0], proof.pi_c[1],
    proof.pi_c1[0], proof.pi_c1[1],
    ...publicSignals,
  ];
  return selector + values.map((v) => {
    const n = BigInt(v);
    if (n < 0n || n >= 1n << 256n) throw new Error(`${v} is not a uint256`);
    return n.toString(16).padStart(64, '0');
  }).join('');
}

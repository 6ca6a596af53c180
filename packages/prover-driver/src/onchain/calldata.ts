// eslint-disable-next-line @typescript-eslint/no-require-imports
const snarkjs = require('snarkjs') as { groth16: { exportSolidityCallData(proof: unknown, publicSignals: unknown): Promise<string> } };

/**
 * The calldata of `verifyProof(uint[2] a, uint[2][2] b, uint[2] c, uint[N] pub)` for a proof and
 * its public signals: snarkjs's exportSolidityCallData gives the arguments (hex strings, b's
 * coordinates already swapped for the EVM's pairing precompile); all are static, so the ABI
 * encoding is the selector then every word in order.
 */
export async function verifyProofCalldata(selector: string, proof: unknown, publicSignals: readonly string[]): Promise<string> {
  const args = JSON.parse(`[${await snarkjs.groth16.exportSolidityCallData(proof, publicSignals)}]`) as unknown[];
  const words = (args.flat(3) as string[]).map((hex) => BigInt(hex).toString(16).padStart(64, '0'));
  return selector + words.join('');
}

/** The files `runProve` writes into its output folder. */
export const PROOF_FILES = {
  r1cs: 'circuit.r1cs',
  wtns: 'witness.wtns',
  sym: 'circuit.sym',
  zkey: 'circuit.zkey',
  vkey: 'verification_key.json',
  proof: 'proof.json',
  public: 'public.json',
  verifier: 'Verifier.sol',
  outputs: 'outputs.json',
  timings: 'timings.json',
} as const;

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}

import type { ErrorDef } from '@onnx-zk/tensor-ir';

/**
 * User errors of the groth16-cr backend (prefix PV, block 3xx; the package catalogue in
 * ../errors.ts keeps PV0xx and PV2xx, the setup PV1xx). Codes are stable: append, never renumber.
 */
export const CrErrors = {
  ROUNDS_UNREADABLE: { code: 'PV301', message: 'cannot read circuit.rounds', hint: 'assign the circuit again (onnx-zk-prover assign)' },
  ROUNDS_MISMATCH: {
    code: 'PV302',
    message: 'circuit.rounds does not match the circuit or its witness',
    hint: 'assign the circuit again: circuit.r1cs, witness.wtns and circuit.rounds must come from one run',
  },
  ZKEY_NOT_CR: {
    code: 'PV303',
    message: 'the proving key has no groth16-cr section (11), or one for another round split',
    hint: 'make the key for this circuit with onnx-zk (omit --zkey, or pass --ptau)',
  },
  HINT_DIVIDES_BY_ZERO: {
    code: 'PV304',
    message: 'a round-2 wire cannot be computed: its hint divides by zero for these challenges',
    hint: 'with hashed challenges this has negligible probability; prove again (a fresh blinding gives fresh challenges)',
  },
  ROUND2_UNSATISFIED: { code: 'PV305', message: 'the witness with the real challenges does not satisfy the circuit' },
} satisfies Record<string, ErrorDef>;

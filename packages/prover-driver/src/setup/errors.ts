import type { ErrorDef } from '@onnx-zk/tensor-ir';

/**
 * User errors of the development setup and of ptau header reading (prefix PV, block 1xx; the
 * package catalogue in ../errors.ts keeps PV0xx). Codes are stable: append, never renumber.
 */
export const SetupErrors = {
  PTAU_UNREADABLE: { code: 'PV101', message: 'cannot read the powers-of-tau file' },
  PTAU_NOT_PTAU: {
    code: 'PV102',
    message: 'not a powers-of-tau file',
    hint: 'pass a .ptau file made by snarkjs (powersoftau ... prepare phase2) or by onnx-zk --dev-setup',
  },
  PTAU_VERSION: { code: 'PV103', message: 'unsupported powers-of-tau file version', hint: 'use a version 1 ptau file (snarkjs 0.4 or later)' },
  PTAU_TRUNCATED: {
    code: 'PV104',
    message: 'truncated or corrupt powers-of-tau file',
    hint: 'download or generate the file again; its sections run past the end of the file',
  },
  PTAU_BAD_HEADER: { code: 'PV105', message: 'malformed powers-of-tau header' },
  PTAU_WRONG_CURVE: {
    code: 'PV106',
    message: 'powers-of-tau file is not for BN254',
    hint: 'onnx-zk proves over BN254 (snarkjs bn128); use a bn128 ceremony file',
  },
  PTAU_NOT_PREPARED: {
    code: 'PV107',
    message: 'powers-of-tau file is not prepared for phase 2 (no Lagrange sections)',
    hint: 'run `snarkjs powersoftau prepare phase2 in.ptau out.ptau` first',
  },
  PTAU_TOO_SMALL: { code: 'PV108', message: 'powers-of-tau file too small for the circuit', hint: 'use a ptau file with a larger power' },
  DEV_POWER_RANGE: {
    code: 'PV109',
    message: 'development setup power out of range',
    hint: 'give an integer power from 1 to 27 (a circuit of up to 2^power constraints)',
  },
  DEV_PTAU_UNWRITABLE: {
    code: 'PV110',
    message: 'cannot write the development ptau file',
    hint: 'make its directory writable (for the cache: set ONNX_ZK_CACHE to a writable directory)',
  },
  DEV_KEY_UNWRITABLE: {
    code: 'PV111',
    message: 'cannot write the development proving key',
    hint: 'make its directory writable (for the cache: set ONNX_ZK_CACHE to a writable directory)',
  },
  R1CS_CORRUPT: { code: 'PV112', message: 'truncated or corrupt r1cs file', hint: 'assign the circuit again (onnx-zk-prover assign)' },
} satisfies Record<string, ErrorDef>;

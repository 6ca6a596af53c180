import type { ErrorDef } from '@onnx-zk/tensor-ir';

/**
 * The prover-driver's catalogue of user errors (prefix PV, block 0xx; the setup's ptau errors are
 * PV1xx in setup/errors.ts). Codes are stable: append, never renumber.
 */
export const Errors = {
  LLVM_NOT_FOUND: { code: 'PV001', message: 'cannot load LLVM 14', hint: 'install llvm-14 (apt-get install llvm-14) or set ONNX_ZK_LIBLLVM to libLLVM-14.so' },
  MODULE_UNREADABLE: { code: 'PV002', message: 'cannot read the LLVM module' },
  MODULE_PARSE: { code: 'PV003', message: 'LLVM could not parse the module' },
  NO_CIRCUIT: { code: 'PV004', message: 'the module defines no @circuit function', hint: 'emit the module with onnx-zk-llvm' },
  BAD_SIGNATURE: { code: 'PV005', message: 'missing or malformed !onnx_zk.signature metadata', hint: 'emit the module with onnx-zk-llvm' },
  BAD_ARGUMENT: { code: 'PV006', message: 'unsupported argument in a gadget call' },
  UNKNOWN_GADGET: { code: 'PV007', message: 'call to an unknown gadget' },
  ABI_MISMATCH: { code: 'PV008', message: "arguments do not match the gadget's abi" },
  BAD_INPUT_JSON: { code: 'PV009', message: 'malformed input file', hint: 'give {"input_data": [[...], ...]} with one flat list per model input' },
  INPUT_OUT_OF_RANGE: { code: 'PV010', message: 'input outside the declared input range', hint: 'recompile the model with a wider --input-range or clamp the input' },
  UNDEFINED_BUFFER: { code: 'PV011', message: 'gadget reads a buffer that no earlier call wrote' },
  UNSUPPORTED_INSTRUCTION: { code: 'PV012', message: 'unsupported instruction in @circuit', hint: 'every operation must be a zk.* gadget call' },
  PROOF_DIR_INCOMPLETE: { code: 'PV013', message: 'proof directory is missing a file' },
  WITNESS_UNSATISFIED: { code: 'PV014', message: 'the witness does not satisfy the circuit' },
  OUTPUT_UNWRITTEN: { code: 'PV015', message: 'a circuit output is never written by a gadget call' },
  NO_INPUT_RANGE: { code: 'PV016', message: 'model input has no declared range (no RangeCheck call or @lo/@hi globals)', hint: 'emit the module from an accel graph made by onnx-zk-acc select' },
  WRONG_BACKEND: { code: 'PV017', message: 'the module was selected for another proving backend', hint: 'run onnx-zk-acc select --backend with the backend you want, then emit again (the circuit\'s range checks depend on it)' },
  LLVM_UNAVAILABLE: {
    code: 'PV018',
    message: "cannot find or load libLLVM-14 (LLVM 14's shared library, opened through koffi)",
    hint: 'run `onnx-zk doctor`: it checks LLVM 14 and prints the command that installs it (sudo apt-get install -y llvm-14 llvm-14-dev); or set ONNX_ZK_LIBLLVM to libLLVM-14.so',
  },
  // --- on-chain check and proving-key checks (block PV2xx) ---
  VERIFIER_COMPILE: { code: 'PV201', message: 'Verifier.sol does not compile with solc', hint: 'export it again with onnx-zk-prover prove' },
  VERIFIER_NO_FUNCTION: { code: 'PV202', message: 'Verifier.sol has no verifyProof function', hint: 'export it again with onnx-zk-prover prove' },
  VERIFIER_DEPLOY: { code: 'PV203', message: 'the verifier contract could not be deployed on the in-process EVM' },
  ZKEY_UNREADABLE: { code: 'PV204', message: 'cannot read the proving key' },
  ZKEY_NOT_GROTH16: { code: 'PV205', message: 'not a Groth16 proving key (.zkey)', hint: 'pass a key made by snarkjs groth16 setup / zkey contribute' },
  ZKEY_TRUNCATED: { code: 'PV206', message: 'truncated or corrupt proving key', hint: 'copy or make the key again' },
  ZKEY_WRONG_CURVE: { code: 'PV207', message: 'proving key is not for BN254', hint: 'onnx-zk proves over BN254 (snarkjs bn128)' },
  ZKEY_WRONG_CIRCUIT: {
    code: 'PV208',
    message: 'proving key is for another circuit',
    hint: 'make the key from this circuit.r1cs (snarkjs zkey new + contribute), or omit --zkey',
  },
  KEY_FROM_PTAU_FAILED: { code: 'PV209', message: 'snarkjs could not make a proving key from the powers-of-tau file', hint: 'the ptau file is corrupt: download or generate it again' },
  PROVE_FAILED: { code: 'PV210', message: 'snarkjs could not prove with the proving key', hint: 'the key is corrupt or for another circuit' },
  PROOF_REJECTED_BY_KEY: {
    code: 'PV211',
    message: "the proof made with the proving key does not verify with the key's own verification key",
    hint: 'the key is for another circuit, or the key or the ptau it came from is corrupt',
  },
} satisfies Record<string, ErrorDef>;

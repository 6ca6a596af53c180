/** @onnx-zk/prover-driver: LLVM module + input.json → R1CS, witness, Groth16 proof, Solidity verifier. */
export { Errors } from './errors';
export * from './llvm';
export * from './assign';
export * from './prove';
export * from './setup';
export * from './onchain';
export * from './scale';

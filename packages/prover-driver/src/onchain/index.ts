/** The on-chain check: Verifier.sol compiled with solc-js, deployed and called on an in-process EVM. */
export { runOnchainVerify, checkOnchain, formatOnchain } from './run-onchain';
export type { OnchainOptions, OnchainResult } from './run-onchain';
export { compileVerifier } from './compile-verifier';
export type { CompiledVerifier } from './compile-verifier';
export { deployAndCall } from './evm';
export type { TxGas, CallOutcome } from './evm';
export { verifyProofCalldata } from './calldata';

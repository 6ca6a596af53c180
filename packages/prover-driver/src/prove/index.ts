export { runProve, ProveOptions, ProveResult, Timings } from './run-prove';
export { runVerify, VerifyOptions, VerifyResult } from './run-verify';
export { decodeOutputs, outputsMismatch, DecodedOutput, OutputsFile } from './outputs';
export { readR1csInfo, R1csInfo } from './r1cs-info';
export { PROOF_FILES } from './files';
export { releaseSnarkjs } from './snarkjs';

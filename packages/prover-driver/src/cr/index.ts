/** groth16-cr: Groth16 with one commit-then-challenge round (docs/challenge-round.md). */
export { proveCr, affineXY, readRounds, readRoundsHeader } from './prove-cr';
export type { CrProof, ProveCrOptions } from './prove-cr';
export { verifyCr, exportCrVerificationKey } from './verify-cr';
export type { CrVerificationKey } from './verify-cr';
export { deriveChallenges } from './challenge';
export { crSolidityVerifier } from './solidity';
export { crCalldata } from './calldata';
export { setupCrKeys, checkRounds } from './setup-cr-keys';
export { buildCrKeyFromPtau } from './ptau-key';
export type { RoundSplit } from './ptau-key';
export { readCrSection, CR_SECTION } from './zkey-section';
export type { CrSection } from './zkey-section';
export { CrErrors } from './errors';

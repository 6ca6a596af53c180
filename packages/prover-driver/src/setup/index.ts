/** The INSECURE development setup (a ptau, or a circuit's keys directly) and ptau header checks (see README.md). */
export { devPtau, generateDevPtau, devPtauPath, defaultCacheDir, INSECURE_WARNING, MAX_DEV_POWER } from './dev-ptau';
export type { DevPtauOptions, GenerateOptions } from './dev-ptau';
export { ptauInfo, ptauPower, assertPtauFits } from './ptau-read';
export type { PtauInfo } from './ptau-read';
export { SetupErrors } from './errors';
export { generateDevZkey, requiredPower, INSECURE_KEY_WARNING, MAX_DEV_KEY_POWER, DEV_KEY_TAG } from './dev-zkey';
export type { DevZkeyOptions, DevZkeyResult } from './dev-zkey';

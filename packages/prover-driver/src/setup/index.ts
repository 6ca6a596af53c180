/** The INSECURE development setup and ptau header checks (see README.md). */
export { devPtau, generateDevPtau, devPtauPath, defaultCacheDir, INSECURE_WARNING, MAX_DEV_POWER } from './dev-ptau';
export type { DevPtauOptions, GenerateOptions } from './dev-ptau';
export { ptauInfo, ptauPower, assertPtauFits } from './ptau-read';
export type { PtauInfo } from './ptau-read';
export { SetupErrors } from './errors';

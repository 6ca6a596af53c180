export { encodeTir, encodeTirParts } from './encode';
export { decodeTir, decodeTirFrom, hasTirMagic } from './decode';
export type { ByteSource } from './decode';
export { TIR_MAGIC, TIR_VERSION, TIR_PROTO } from './schema';

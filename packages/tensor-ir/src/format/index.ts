export { encodeTir } from './encode';
export { decodeTir, hasTirMagic } from './decode';
export { TIR_MAGIC, TIR_VERSION, TIR_PROTO } from './schema';

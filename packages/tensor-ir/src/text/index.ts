export { printTir, TEXT_MAGIC, TEXT_VERSION } from './print';
export { parseTir } from './parse';

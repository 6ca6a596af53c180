export { readCircuitModule } from './read-module';
export { validateSignature, SIGNATURE_METADATA } from './signature';
export type { Arg, CircuitCall, CircuitModule, CircuitSignature, SignatureInput, SignatureTensor } from './module-types';
export { locateLibLlvm, probeLibLlvm, LIBLLVM_NAMES } from './libllvm';
export type { LibLlvmSearch, LibLlvmLocation } from './libllvm';

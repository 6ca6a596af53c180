export { readCircuitModule } from './read-module';
export { validateSignature, SIGNATURE_METADATA } from './signature';
export type { Arg, CircuitCall, CircuitModule, CircuitSignature, SignatureInput, SignatureTensor } from './module-types';

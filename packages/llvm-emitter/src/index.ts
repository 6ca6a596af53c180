/** @onnx-zk/llvm-emitter: accel tensor IR → LLVM 14 module (`circuit` calling zk.* intrinsics). */
export { emitModule } from './emit';
export type { EmitOptions, EmittedModule } from './emit';
export { runEmitter } from './run';
export type { RunEmitterOptions } from './run';
export { circuitSignature } from './signature';
export type { CircuitSignature } from './signature';
export { runtimeBodies } from './runtime';
export { Errors as LlErrors } from './errors';

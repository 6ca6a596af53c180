export { synthesizeDenseCircuit, DenseCircuitOptions, DenseCircuit } from './dense-circuit';
export { buildDenseCircuitFiles, StreamedDenseCircuit } from './build-streamed';

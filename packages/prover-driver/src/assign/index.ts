export { assignCircuit, gadgetOf, Assignment, AssignOptions } from './assign-circuit';
export { assignCircuitToFiles, StreamedAssignment } from './assign-streamed';
export { prepareCircuit, loadCircuit, LoadedCircuit, PreparedCircuit } from './prepare';
export { findInputBounds, InputBounds } from './input-bounds';
export { quantizeInputs } from './inputs';
export { writeAssignment, ASSIGNMENT_FILES } from './write-assignment';
export { runAssign, AssignRunOptions, AssignRunResult } from './run-assign';

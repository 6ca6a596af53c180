export { assignCircuit, gadgetOf, Assignment, AssignOptions } from './assign-circuit';
export { prepareCircuit, PreparedCircuit } from './prepare';
export { findInputBounds, InputBounds } from './input-bounds';
export { quantizeInputs } from './inputs';
export { writeAssignment, ASSIGNMENT_FILES } from './write-assignment';
export { runAssign, AssignRunOptions, AssignRunResult } from './run-assign';

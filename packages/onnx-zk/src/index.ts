/** onnx-zk: the umbrella that chains every stage. */
export { artifacts, compileSteps, proveSteps } from './pipeline';
export type { CompileOptions, ProveOptions, Step } from './pipeline';
export { runSteps } from './progress';
export type { StepTiming } from './progress';
export { summarize } from './summary';
export { prepareInput } from './inputs';
export { runConformance, runCase, caseLine, summaryLine, mismatch, readSkips, RTOL, ATOL } from './conformance';
export type { ConformanceOptions, ConformanceReport, CaseResult } from './conformance';

import * as path from 'path';
import { Graph, isFloatDType, raise, readInputJson, readTir, verifyGraph, withFile, writeFileAtomic, writeTir } from '@onnx-zk/tensor-ir';
import { Errors } from './errors';
import { lowerGraph } from './lower/lower-graph';
import { AccuracyReport, accuracyReport } from './report/accuracy';
import { calibrationRange, parseInputRange } from './scheme/input-range';

export interface FixedpointOptions {
  /** The float .tir to lower. */
  input: string;
  /** The .fxp.tir to write. */
  output: string;
  /** Default fractional bits (16). */
  fracBits?: number;
  /** Keep the final Rescale before graph outputs (default: outputs keep the accumulator's frac). */
  rescaleOutputs?: boolean;
  /** Declared input range: 'lo,hi' or [lo, hi]. Takes precedence over calibration for the range. */
  inputRange?: string | readonly [number, number];
  /** input.json whose max |x|, rounded up to a power of two, gives a symmetric input range. */
  calibration?: string;
  /** Where to write the accuracy report (default: next to the output, `<name>.accuracy.json`). */
  report?: string;
  /** input.json to measure accuracy on (default: the calibration file). */
  reportInput?: string;
  /** Write the text form of the IR. */
  text?: boolean;
}

export interface FixedpointResult {
  graph: Graph;
  report?: AccuracyReport;
  reportPath?: string;
}

/**
 * The fixed-point stage: reads a float .tir, lowers it, verifies the result, and writes the
 * .fxp.tir (and the accuracy report when there is input data to measure on). Nothing is written
 * unless every step succeeded.
 */
export function runFixedpoint(options: FixedpointOptions): FixedpointResult {
  const calibration = options.calibration ? readInputJson(options.calibration) : undefined;
  const reportFile = options.reportInput ?? options.calibration;
  const reportData = options.reportInput ? readInputJson(options.reportInput) : calibration;
  if (options.report && !reportData) raise(Errors.REPORT_WITHOUT_DATA);
  const source = readTir(options.input, 'float').graph;
  const inputRange = declaredRange(options, source, calibration);
  const graph = withFile(options.input, () => lowerGraph(source, { fracBits: options.fracBits, inputRange, rescaleOutputs: options.rescaleOutputs }));
  withFile(options.output, () => verifyGraph(graph));
  const report = reportData ? withFile(reportFile!, () => accuracyReport(source, graph, reportData)) : undefined;
  writeTir(options.output, { producer: 'fixedpoint-lowering', graph }, { text: options.text });
  if (!report) return { graph };
  const reportPath = options.report ?? defaultReportPath(options.output);
  writeFileAtomic(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  return { graph, report, reportPath };
}

/** The declared range of the real (float) inputs; integer inputs (token ids) are not calibrated on. */
function declaredRange(options: FixedpointOptions, source: Graph, calibration?: number[][]): [number, number] {
  if (options.inputRange !== undefined) return parseInputRange(options.inputRange);
  const real = (k: number) => isFloatDType(source.values.get(source.inputs[k])?.dtype ?? 'float32');
  if (calibration) return withFile(options.calibration!, () => calibrationRange(calibration.filter((_, k) => real(k))));
  return raise(Errors.NO_INPUT_RANGE);
}

/** model.fxp.tir → model.fxp.accuracy.json */
export function defaultReportPath(output: string): string {
  const base = path.basename(output).replace(/\.tir(\.txt)?$/, '');
  return path.join(path.dirname(output), `${base}.accuracy.json`);
}

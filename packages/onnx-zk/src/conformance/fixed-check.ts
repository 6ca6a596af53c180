import { Graph, Tensor, isFloatDType, tensorValues } from '@onnx-zk/tensor-ir';
import { accuracyReport, calibrationRange, lowerGraph } from '@onnx-zk/fixedpoint-lowering';

/** Fixed-point tolerance: |fixed − float| ≤ FIXED_ATOL + FIXED_RTOL·max|float| per output at 16 fractional bits. */
export const FIXED_ATOL = 1e-3;
export const FIXED_RTOL = 1e-3;

/**
 * The case through fixedpoint-lowering at the default 16 fractional bits, the input range
 * calibrated on the case's inputs: the integer interpreter's outputs must stay within the fixed
 * tolerance of the float interpreter's. Returns the problem, or undefined.
 */
export function checkFixed(graph: Graph, inputs: Tensor[]): string | undefined {
  if (inputs.some((t) => !isFloatDType(t.dtype))) return 'fixed point: a graph input is not a float tensor';
  const data = inputs.map((t) => tensorValues(t));
  if (data.some((d) => d.some((v) => !Number.isFinite(v)))) return 'fixed point: an input is not finite';
  const fixed = lowerGraph(graph, { inputRange: calibrationRange(data) });
  const report = accuracyReport(graph, fixed, data);
  for (const out of report.outputs) {
    const scale = out.float.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    const limit = FIXED_ATOL + FIXED_RTOL * scale;
    if (!(out.maxAbsError <= limit)) {
      return `fixed point: output ${out.name} differs by ${out.maxAbsError.toExponential(3)} > ${limit.toExponential(3)}`;
    }
  }
  return undefined;
}

import { Graph, assert, dequantize, inputTensors, runFloat, tensorValues } from '@onnx-zk/tensor-ir';
import { quantizeInputs } from '../interpret/quantize-inputs';
import { runInt } from '../interpret/run-int';

/** Errors of one graph output: fixed-point (dequantized) against the float reference. */
export interface OutputAccuracy {
  name: string;
  shape: number[];
  frac: number;
  maxAbsError: number;
  meanAbsError: number;
  /** |fixed − float| / max(|float|, 2^-frac): relative, with values below one quantum counted as one quantum. */
  maxRelError: number;
  float: number[];
  fixed: number[];
}

export interface AccuracyReport {
  fracBits: number;
  inputRange: string;
  outputs: OutputAccuracy[];
  maxAbsError: number;
  meanAbsError: number;
  maxRelError: number;
}

/**
 * Runs the float graph (tensor-ir's float interpreter) and the fixed graph (the integer
 * interpreter) on the same inputs and compares their outputs, matched by position.
 */
export function accuracyReport(floatGraph: Graph, fixedGraph: Graph, data: number[][]): AccuracyReport {
  const intValues = runInt(fixedGraph, quantizeInputs(fixedGraph, data));
  const floatValues = runFloat(floatGraph, inputTensors(floatGraph, data));
  assert(floatGraph.outputs.length === fixedGraph.outputs.length, 'float and fixed graphs have different outputs');
  const outputs = fixedGraph.outputs.map((name, k) => {
    const info = fixedGraph.values.get(name);
    const reference = floatValues.get(floatGraph.outputs[k]);
    const ints = intValues.get(name);
    assert(info?.fixed && reference && ints, `output '${name}' was not computed`);
    return compare(name, info.shape, info.fixed.frac, tensorValues(reference), Array.from(ints, (v) => dequantize(v, info.fixed!.frac)));
  });
  const count = outputs.reduce((n, o) => n + o.float.length, 0);
  return {
    fracBits: Number(fixedGraph.metadata['fixed.frac']),
    inputRange: fixedGraph.metadata['fixed.input_range'] ?? '',
    outputs,
    maxAbsError: Math.max(0, ...outputs.map((o) => o.maxAbsError)),
    meanAbsError: count ? outputs.reduce((s, o) => s + o.meanAbsError * o.float.length, 0) / count : 0,
    maxRelError: Math.max(0, ...outputs.map((o) => o.maxRelError)),
  };
}

function compare(name: string, shape: number[], frac: number, float: number[], fixed: number[]): OutputAccuracy {
  const quantum = Math.pow(2, -frac);
  let maxAbs = 0, sumAbs = 0, maxRel = 0;
  float.forEach((f, i) => {
    const err = Math.abs(fixed[i] - f);
    maxAbs = Math.max(maxAbs, err);
    sumAbs += err;
    maxRel = Math.max(maxRel, err / Math.max(Math.abs(f), quantum));
  });
  const meanAbsError = float.length ? sumAbs / float.length : 0;
  return { name, shape: [...shape], frac, maxAbsError: maxAbs, meanAbsError, maxRelError: maxRel, float, fixed };
}

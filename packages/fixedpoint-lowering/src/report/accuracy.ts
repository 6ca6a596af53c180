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

/** Errors of one ONNX node's output inside the model (no values: a model has many). */
export interface LayerAccuracy {
  node: string;
  op: string;
  value: string;
  shape: number[];
  frac: number;
  maxAbsError: number;
  meanAbsError: number;
  maxRelError: number;
}

export interface AccuracyReport {
  fracBits: number;
  inputRange: string;
  outputs: OutputAccuracy[];
  /**
   * Every float node output that the fixed graph computes under the same name and shape, in node
   * order: where the error enters. (A value fused away or moved, such as a ReLU's output once
   * the pool after it runs first, has no entry.)
   */
  layers: LayerAccuracy[];
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
  const layers = floatGraph.nodes.flatMap((node) => node.outputs.flatMap((value): LayerAccuracy[] => {
    const info = fixedGraph.values.get(value);
    const [ints, reference] = [intValues.get(value), floatValues.get(value)];
    if (!info?.fixed || !ints || !reference || ints.length !== reference.data.length) return [];
    const frac = info.fixed.frac;
    const { name: _name, float: _float, fixed: _fixed, ...stats } = compare(value, info.shape, frac, tensorValues(reference), Array.from(ints, (v) => dequantize(v, frac)));
    return [{ node: node.name, op: node.op, value, ...stats }];
  }));
  return {
    fracBits: Number(fixedGraph.metadata['fixed.frac']),
    inputRange: fixedGraph.metadata['fixed.input_range'] ?? '',
    outputs,
    layers,
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

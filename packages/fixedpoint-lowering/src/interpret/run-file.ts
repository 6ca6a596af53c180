import { dequantize, readInputJson, readTir, withFile } from '@onnx-zk/tensor-ir';
import { quantizeInputs } from './quantize-inputs';
import { runInt } from './run-int';

export interface InterpretOptions {
  /** A .fxp.tir written by onnx-zk-fxp lower. */
  model: string;
  /** input.json with one flat array of reals per graph input. */
  input: string;
}

export interface InterpretedOutput {
  name: string;
  shape: number[];
  frac: number;
  /** The integer outputs (the circuit's public outputs). */
  ints: bigint[];
  /** The same, dequantized: ints / 2^frac. */
  values: number[];
}

/** Quantizes input.json, runs the integer interpreter on a .fxp.tir and returns its outputs. */
export function interpretFile(options: InterpretOptions): InterpretedOutput[] {
  const graph = readTir(options.model, 'fixed').graph;
  const data = readInputJson(options.input);
  const inputs = withFile(options.input, () => quantizeInputs(graph, data));
  const values = withFile(options.model, () => runInt(graph, inputs));
  return graph.outputs.map((name) => {
    const info = graph.values.get(name)!;
    const frac = info.fixed!.frac;
    const ints = Array.from(values.get(name)!);
    return { name, shape: [...info.shape], frac, ints, values: ints.map((v) => dequantize(v, frac)) };
  });
}

import { readTir, TirFile, withFile, writeTir } from '@onnx-zk/tensor-ir';
import { costSummary, CostSummary } from './cost-summary';
import { selectGadgets, SelectOptions } from './select';

export interface RunSelectOptions extends SelectOptions {
  /** A .fxp.tir file (stage fixed). */
  input: string;
  /** The .acc.tir file to write. */
  output: string;
  /** Write the text form instead of the binary one. */
  text?: boolean;
}

/** Reads a fixed graph, selects gadgets and writes the accel graph; returns it and its costs. */
export function runSelect(options: RunSelectOptions): { file: TirFile; costs: CostSummary } {
  const fixed = readTir(options.input, 'fixed');
  const file = withFile(options.input, () => selectGadgets(fixed, options));
  writeTir(options.output, file, { text: options.text });
  return { file, costs: costSummary(file.graph) };
}

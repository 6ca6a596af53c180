import { Tensor } from './model';
import { readTir, writeTir } from './io';
import { printTir } from './text';
import { runFloat } from './interp';
import { inputTensors, readInputJson } from './input';
import { shapeToString, tensorValues } from './tensor';
import { formatFloat32 } from './text/numbers';

/** The commands of the onnx-zk-ir CLI as functions returning what the CLI prints. */

/** `print <file>`: the text form. */
export function printCommand(file: string): string {
  return printTir(readTir(file));
}

/** `verify <file>`: reads (which verifies) and summarises. */
export function verifyCommand(file: string): string {
  const { graph } = readTir(file);
  return `ok: ${graph.nodes.length} nodes, stage ${graph.stage}\n`;
}

/** `run <file> --input <json>`: the float interpreter's outputs, as lines or EZKL-style JSON. */
export function runCommand(opts: { file: string; input: string; json?: boolean }): string {
  const { graph } = readTir(opts.file, 'float');
  const inputs = inputTensors(graph, readInputJson(opts.input));
  const values = runFloat(graph, inputs);
  const outputs = graph.outputs.map((name) => ({ name, t: values.get(name) as Tensor }));
  if (opts.json) {
    const json = {
      output_names: outputs.map((o) => o.name),
      output_shapes: outputs.map((o) => o.t.shape),
      output_data: outputs.map((o) => displayValues(o.t)),
    };
    return `${JSON.stringify(json)}\n`;
  }
  return outputs.map((o) => `${o.name}: ${o.t.dtype}${shapeToString(o.t.shape)} [${displayValues(o.t).join(', ')}]\n`).join('');
}

/** Values as numbers; float32 ones as their shortest decimal (23.325, not 23.32499885559082). */
function displayValues(t: Tensor): number[] {
  const values = tensorValues(t);
  return t.dtype === 'float32' ? values.map((v) => Number(formatFloat32(v))) : values;
}

/** `convert <in> <out> [--text]`: binary ↔ text (text when --text or <out> ends in .txt). */
export function convertCommand(opts: { input: string; output: string; text?: boolean }): void {
  writeTir(opts.output, readTir(opts.input), { text: opts.text || undefined });
}

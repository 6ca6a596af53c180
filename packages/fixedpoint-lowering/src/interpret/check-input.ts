import { Graph, assert, dequantize, numel, raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';

/** Checks that there is one array per graph input, each with the input's number of elements. */
export function checkInputCount(graph: Graph, lengths: number[]): void {
  if (lengths.length !== graph.inputs.length) {
    raise(Errors.BAD_INPUT_DATA, {}, `the graph has ${graph.inputs.length} inputs, got data for ${lengths.length}`);
  }
  graph.inputs.forEach((name, i) => {
    const shape = graph.values.get(name)?.shape ?? [];
    if (lengths[i] !== numel(shape)) {
      raise(Errors.BAD_INPUT_DATA, {}, `input '${name}' [${shape.join(',')}] has ${numel(shape)} elements, got ${lengths[i]}`);
    }
  });
}

/** Raises FP005 when element i of graph input `name` (quantized: q) is outside its declared bounds. */
export function checkInputElement(graph: Graph, name: string, i: number, q: bigint, real?: number): void {
  const fixed = graph.values.get(name)?.fixed;
  assert(fixed, `graph input '${name}' has no FixedInfo`);
  if (q >= fixed.lo[i] && q <= fixed.hi[i]) return;
  const [lo, hi] = [dequantize(fixed.lo[i], fixed.frac), dequantize(fixed.hi[i], fixed.frac)];
  const value = real === undefined ? `${q} (${dequantize(q, fixed.frac)})` : String(real);
  raise(Errors.INPUT_OUT_OF_RANGE, {}, `input '${name}' element ${i} = ${value} is outside [${lo}, ${hi}]`);
}

import { Graph, assert, quantize, raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { checkInputCount, checkInputElement } from './check-input';

/**
 * Quantizes real input data (one flat array per graph input) at each input's frac, rejecting any
 * value outside the declared input range before anything runs. An input at frac 0 is integer
 * (token ids: float inputs have frac ≥ 1): its data must be integers.
 */
export function quantizeInputs(graph: Graph, data: readonly (readonly number[])[]): BigInt64Array[] {
  checkInputCount(graph, data.map((d) => d.length));
  return graph.inputs.map((name, k) => {
    const fixed = graph.values.get(name)?.fixed;
    assert(fixed, `graph input '${name}' has no FixedInfo`);
    const out = new BigInt64Array(data[k].length);
    data[k].forEach((x, i) => {
      if (!Number.isFinite(x)) raise(Errors.BAD_INPUT_DATA, {}, `input '${name}' element ${i} is ${x}`);
      if (fixed.frac === 0 && !Number.isInteger(x)) raise(Errors.BAD_INPUT_DATA, {}, `input '${name}' element ${i} is ${x}: this input takes integers (token ids)`);
      const q = quantize(x, fixed.frac);
      checkInputElement(graph, name, i, q, x);
      out[i] = q;
    });
    return out;
  });
}

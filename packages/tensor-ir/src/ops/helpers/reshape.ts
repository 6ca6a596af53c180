import { numel } from '../../model';

/**
 * Resolves ONNX Reshape's requested shape against the input shape: -1 is inferred from the element
 * count, 0 copies the input's dimension unless allowzero is set. Returns the shape or the reason
 * it is invalid.
 */
export function resolveReshape(input: readonly number[], requested: readonly number[], allowzero: boolean): number[] | string {
  let inferAt = -1;
  const out: number[] = [];
  for (let i = 0; i < requested.length; i++) {
    const d = requested[i];
    if (d === -1) {
      if (inferAt >= 0) return 'at most one dimension may be -1';
      inferAt = i;
      out.push(1);
    } else if (d === 0 && !allowzero) {
      if (i >= input.length) return `dimension ${i} is 0 (copy) but the input has rank ${input.length}`;
      out.push(input[i]);
    } else if (d < -1 || !Number.isInteger(d)) {
      return `invalid dimension ${d}`;
    } else {
      out.push(d);
    }
  }
  const total = numel(input);
  if (inferAt >= 0) {
    const rest = numel(out);
    if (rest === 0 || total % rest !== 0) return `cannot infer -1: ${total} elements do not divide into [${requested.join(',')}]`;
    out[inferAt] = total / rest;
  }
  if (numel(out) !== total) return `[${input.join(',')}] (${total} elements) cannot be reshaped to [${out.join(',')}]`;
  return out;
}

import { Tensor, broadcastIndices, tensorValues } from '@onnx-zk/tensor-ir';

/** The values of `t` broadcast (numpy rules, tensor-ir's indexing) to `shape`, row-major. */
export function broadcastValues(t: Tensor, shape: number[]): number[] {
  const values = tensorValues(t);
  return Array.from(broadcastIndices(t.shape, shape), (i) => values[i]);
}

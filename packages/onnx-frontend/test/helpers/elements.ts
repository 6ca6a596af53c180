import { Tensor } from '@onnx-zk/tensor-ir';

/** A tensor's elements as a plain array (numbers, or bigints for int64). */
export function elements(t: Tensor | undefined): (number | bigint)[] {
  if (!t) throw new Error('no such tensor');
  return Array.from(t.data as ArrayLike<number | bigint>);
}

import { OnnxZkError, OnnxZkErrorList } from '@onnx-zk/tensor-ir';

/** The message lines of the user error(s) `fn` throws; fails the test when it throws anything else. */
export function userErrors(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof OnnxZkError) return [e.message];
    if (e instanceof OnnxZkErrorList) return e.errors.map((x) => x.message);
    throw e;
  }
  throw new Error('expected a user error, nothing was thrown');
}

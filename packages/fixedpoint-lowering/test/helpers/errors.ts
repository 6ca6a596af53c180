import { OnnxZkError, OnnxZkErrorList } from '@onnx-zk/tensor-ir';

/** Runs fn and returns the coded user error(s) it throws; fails when it throws nothing or a bug. */
export function captureErrors(fn: () => unknown): OnnxZkError[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof OnnxZkError) return [e];
    if (e instanceof OnnxZkErrorList) return e.errors;
    throw e;
  }
  throw new Error('expected a coded onnx-zk error');
}

export function captureError(fn: () => unknown): OnnxZkError {
  const errors = captureErrors(fn);
  if (errors.length !== 1) throw new Error(`expected one error, got ${errors.length}`);
  return errors[0];
}

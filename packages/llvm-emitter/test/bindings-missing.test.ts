/**
 * Without a loadable llvm-bindings addon (not built, or built for another Node), importing the
 * emitter still works and the first emit is error LL011 pointing at `onnx-zk doctor`, instead of
 * a loader stack trace when the package is required.
 */
import type { OnnxZkError } from '@onnx-zk/tensor-ir';

const LOADER_ERROR = 'Could not locate the bindings file. Tried:\n → /somewhere/node_modules/llvm-bindings/build/llvm-bindings.node';

beforeEach(() => {
  jest.resetModules();
  jest.doMock('llvm-bindings', () => {
    throw new Error(LOADER_ERROR);
  });
});
afterEach(() => jest.dontMock('llvm-bindings'));

test('the package imports without loading llvm-bindings', () => {
  expect(() => require('@onnx-zk/llvm-emitter')).not.toThrow();
});

test('the first emit raises LL011 naming llvm-bindings, with the loader\'s first line and the doctor hint', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { emitModule } = require('@onnx-zk/llvm-emitter') as typeof import('@onnx-zk/llvm-emitter');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { smallAccelFile } = require('./helpers/small-graph') as typeof import('./helpers/small-graph');
  let err: unknown;
  try {
    emitModule(smallAccelFile());
  } catch (e) {
    err = e;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect(err).toBeInstanceOf(require('@onnx-zk/tensor-ir').OnnxZkError);
  const e = err as OnnxZkError;
  expect(e.code).toBe('LL011');
  expect(e.message).toBe(
    'llvm-bindings: error LL011: cannot load llvm-bindings (LLVM 14 for Node, a native addon built at install time): Could not locate the bindings file.' +
      ' (fix: run `onnx-zk doctor`: it checks LLVM 14 and the addon and prints the command that installs what is missing (usually `npm rebuild llvm-bindings`))',
  );
});

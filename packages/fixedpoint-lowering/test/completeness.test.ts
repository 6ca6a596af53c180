import { fixedOps, onnxOps, printTir } from '@onnx-zk/tensor-ir';
import { lowerGraph, rules } from '@onnx-zk/fixedpoint-lowering';
import { mlp } from './helpers/float-graph';

describe('rule table', () => {
  it('has a lowering (or an explicit unsupported reason) for every op of the float dialect', () => {
    const missing = Object.keys(onnxOps).filter((op) => !rules[op]?.lower && !rules[op]?.unsupported);
    expect(missing).toEqual([]);
  });

  it('has integer semantics and an interval rule for every op of the fixed dialect', () => {
    const missing = Object.keys(fixedOps).filter((op) => !rules[op]?.evalInt || !rules[op]?.bounds);
    expect(missing).toEqual([]);
  });

  it('leaves the float graph untouched (it is still needed for the accuracy report)', () => {
    const source = mlp(3, [4, 4, 2]);
    const before = printTir({ producer: 'test', graph: source });
    lowerGraph(source, { inputRange: [-1, 1] });
    expect(printTir({ producer: 'test', graph: source })).toBe(before);
  });
});

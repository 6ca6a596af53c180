import { emptyGraph, Node } from '@onnx-zk/tensor-ir';
import { wireWideReads } from '../src/select/wire-wide-reads';

const node = (op: string, name: string, inputs: string[], outputs: string[]): Node => ({ op, name, inputs, outputs, attrs: {}, loc: [name] });

test('a SparseLinear read by a convolution, directly or through data movement, is put on wires; others stay combinations', () => {
  const g = emptyGraph('t', 'accel', 13);
  g.nodes = [
    node('SparseLinear', 'elu', ['x', 'i', 'w'], ['a']),
    node('Reshape', 'r', ['a'], ['b']),
    node('IndexMap', 't', ['b', 'm'], ['c']),
    node('ConvLinear', 'conv', ['c', 'W', 'taps'], ['d']),
    node('SparseLinear', 'pool', ['d', 'i2', 'w2'], ['e']),
    node('Rescale', 'pool.rescale', ['e'], ['f']),
    node('SparseLinear', 'forced', ['f', 'i3', 'w3'], ['g']),
    node('Linear', 'fc', ['g', 'W2'], ['h']),
  ];
  g.nodes[6].attrs.strategy = { type: 'string', value: 'lc' };
  wireWideReads(g);
  expect(g.nodes.filter((n) => n.op === 'SparseLinear').map((n) => [n.name, n.attrs.strategy?.value])).toEqual([
    ['elu', 'wire'], ['pool', undefined], ['forced', 'lc'],
  ]);
});

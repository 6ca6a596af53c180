import { makeTensor, runPasses, foldConstants, eliminateDeadNodes, inferShapes, OnnxZkError } from '@onnx-zk/tensor-ir';
import { fileCheck } from '../helpers/filecheck';
import { GraphBuilder, closeTo, outputsOf, seq, text } from './build';

const i64 = (shape: number[], v: number[]) => makeTensor('int64', shape, v.map(BigInt));

/** PyTorch's x.view(x.size(0), -1): Shape → Gather → Unsqueeze → Concat → Reshape. */
function viewGraph() {
  const b = new GraphBuilder(13);
  const x = b.input('x', [2, 3, 4]);
  const shape = b.op('Shape', [x]);
  const dim0 = b.op('Gather', [shape, b.const(i64([], [0]))], { axis: { type: 'int', value: 0 } });
  const unsq = b.op('Unsqueeze', [dim0, b.const(i64([1], [0]))]);
  const target = b.op('Concat', [unsq, b.const(i64([1], [-1]))], { axis: { type: 'int', value: 0 } });
  const dead = b.op('Relu', [x]); // unused
  void dead;
  return b.output(b.op('Reshape', [x, target]), false);
}

test('fold-constants folds a PyTorch shape chain so Reshape gets a constant shape', () => {
  const g = viewGraph();
  const x = seq([2, 3, 4], (i) => i - 5);
  const before = outputsOf(g, [x]);
  foldConstants(g);
  inferShapes(g);
  fileCheck(text(g), `
    CHECK-NOT: Shape(
    CHECK-NOT: Gather(
    CHECK-NOT: Concat(
    CHECK: = Reshape(%x, %Concat_
  `);
  expect(g.constants.get(g.nodes[g.nodes.length - 1].inputs[1])!.data).toEqual(BigInt64Array.from([2n, -1n]));
  expect(g.values.get(g.outputs[0])!.shape).toEqual([2, 12]);
  closeTo(outputsOf(g, [x]), before);
});

test('fold-constants types nodes before full inference (it runs at import)', () => {
  const g = viewGraph();
  for (const n of g.nodes) for (const o of n.outputs) g.values.delete(o);
  foldConstants(g);
  expect(g.nodes.map((n) => n.op)).toEqual(['Relu', 'Reshape']);
});

test('fold-constants evaluates ConstantOfShape and Range', () => {
  const b = new GraphBuilder(13);
  const x = b.input('x', [4]);
  const ones = b.op('ConstantOfShape', [b.const(i64([1], [4]))], { value: { type: 'tensor', value: makeTensor('float32', [1], [1]) } });
  const r = b.op('Range', [b.const(makeTensor('float32', [], [0])), b.const(makeTensor('float32', [], [4])), b.const(makeTensor('float32', [], [1]))]);
  const g = b.output(b.op('Add', [b.op('Mul', [x, ones]), r]));
  foldConstants(g);
  expect(g.nodes.map((n) => n.op)).toEqual(['Mul', 'Add']);
  expect(outputsOf(g, [seq([4], (i) => i * 10)])).toEqual([[0, 11, 22, 33]]);
});

test('eliminate-dead-nodes drops unused nodes and the constants only they read', () => {
  const g = viewGraph();
  runPasses(g, { only: ['fold-constants', 'eliminate-dead-nodes'] });
  expect(g.nodes.map((n) => n.op)).toEqual(['Reshape']);
  expect([...g.constants.keys()]).toEqual([g.nodes[0].inputs[1]]);
  expect([...g.values.keys()].sort()).toEqual([...new Set(['x', g.outputs[0], g.nodes[0].inputs[1]])].sort());
});

test('eliminate-dead-nodes keeps a node one of whose outputs is live', () => {
  const b = new GraphBuilder(13);
  const x = b.input('x', [4]);
  const parts = b.op('Split', [x, b.const(i64([2], [2, 2]))], { axis: { type: 'int', value: 0 } }, 2);
  const g = b.output(b.op('Relu', [parts]));
  eliminateDeadNodes(g);
  expect(g.nodes.map((n) => n.op)).toEqual(['Split', 'Relu']);
});

test('runPasses --print-after prints the IR after that pass only; unknown names are IR027', () => {
  const printed: string[] = [];
  runPasses(viewGraph(), { printAfter: { name: 'fold-constants', print: (g) => printed.push(text(g)) } });
  expect(printed).toHaveLength(1);
  fileCheck(printed[0], 'CHECK: Relu(\nCHECK: Reshape(');
  expect(() => runPasses(viewGraph(), { only: ['fold-constant'] })).toThrow(OnnxZkError);
  expect(() => runPasses(viewGraph(), { only: ['nope'] })).toThrow(/IR027.*known: fold-constants/);
});

import { makeTensor, runFloat, tensorValues } from '@onnx-zk/tensor-ir';
import { importOnnx } from '../src';
import { lenientRows } from '../src/lenient';
import { T, buildModel } from './helpers/onnx-builder';
import { userErrors } from './helpers/errors';

/** y = op(a, b) on two graph inputs of one ONNX type. */
function binary(op: string, elemType: number, outType: number, opset: number, dims = [4]): Uint8Array {
  return buildModel({
    opsets: [{ version: opset }],
    inputs: [{ name: 'a', elemType, dims }, { name: 'b', elemType, dims: op === 'MatMul' ? [4, 2] : dims }],
    outputs: [{ name: 'y', elemType: outType, dims: op === 'MatMul' ? [1, 2] : dims }],
    nodes: [{ op, name: 'n', inputs: ['a', 'b'], outputs: ['y'] }],
  });
}

test('the lenient table has one row per rule EZKL relaxes', () => {
  expect(lenientRows.map((r) => r.op)).toEqual(['Equal', 'MatMul', 'Add']);
});

test.each([
  ['float Equal at opset 10', 'Equal', T.FLOAT, T.BOOL, 10, 'Equal takes float tensors only from opset 11'],
  ['bool Add', 'Add', T.BOOL, T.BOOL, 13, 'Add takes numeric tensors, not bool'],
])('strict mode rejects %s as FE016; lenient mode warns and imports', (_what, op, type, out, opset, rule) => {
  const bytes = binary(op, type, out, opset);
  expect(userErrors(() => importOnnx(bytes, { file: 'm.onnx' }))).toEqual([
    `m.onnx: n (${op}): error FE016: node breaks an ONNX rule: ${rule} (fix: fix the export, or pass --lenient to accept it as EZKL does)`,
  ]);
  const warnings: string[] = [];
  importOnnx(bytes, { file: 'm.onnx', lenient: true, warn: (w) => warnings.push(w) });
  expect(warnings).toEqual([`warning FE016: m.onnx: n (${op}): node breaks an ONNX rule: ${rule}; accepted under --lenient`]);
});

test('the lenient float Equal computes equality; bool Add computes numpy\'s bool sum (or)', () => {
  const eq = importOnnx(binary('Equal', T.FLOAT, T.BOOL, 10), { lenient: true, warn: () => undefined }).graph;
  const a = makeTensor('float32', [4], [1, -0, 2.5, 3]);
  const b = makeTensor('float32', [4], [1, 0, 2.25, 4]);
  expect(tensorValues(runFloat(eq, [a, b]).get('y')!)).toEqual([1, 1, 0, 0]);
  expect(eq.nodes.every((n) => n.loc.join() === 'n')).toBe(true);
  const add = importOnnx(binary('Add', T.BOOL, T.BOOL, 13), { lenient: true, warn: () => undefined }).graph;
  const p = makeTensor('bool', [4], [0, 1, 0, 1]);
  const q = makeTensor('bool', [4], [0, 0, 1, 1]);
  expect(tensorValues(runFloat(add, [p, q]).get('y')!)).toEqual([0, 1, 1, 1]);
});

test('int8 MatMul is FE016 in strict mode and runs as written under --lenient', () => {
  const bytes = binary('MatMul', T.INT8, T.INT8, 13, [1, 4]);
  expect(userErrors(() => importOnnx(bytes))[0]).toContain('n (MatMul): error FE016: node breaks an ONNX rule: MatMul takes float, int32, int64, uint32 and uint64 tensors, not int8');
  const warnings: string[] = [];
  const g = importOnnx(bytes, { lenient: true, warn: (w) => warnings.push(w) }).graph;
  expect(warnings).toHaveLength(1);
  expect(g.nodes.map((n) => n.op)).toEqual(['MatMul']);
});

test('float Equal from opset 11 is valid and needs no leniency', () => {
  expect(importOnnx(binary('Equal', T.FLOAT, T.BOOL, 11)).graph.nodes.map((n) => n.op)).toEqual(['Equal']);
});

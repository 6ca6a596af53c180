import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { OnnxZkError } from '@onnx-zk/tensor-ir';
import { readCircuitModule } from '../src/llvm';
import { tempDir, writeText } from './helpers/tmp';

const SIGNATURE = '{\\22version\\22:1,\\22model\\22:\\22m\\22,\\22inputs\\22:[{\\22name\\22:\\22x\\22,\\22shape\\22:[1,3],\\22frac\\22:4,\\22public\\22:false}],\\22outputs\\22:[{\\22name\\22:\\22y\\22,\\22shape\\22:[1,2],\\22frac\\22:4}]}';

const MODULE = `
@c.w = private constant [3 x i64] [i64 1, i64 -2, i64 9223372036854775807]
@c.z = private constant [2 x i64] zeroinitializer
@v.h = internal global [2 x i64] zeroinitializer
@lo.x = private constant [3 x i64] [i64 -5, i64 -5, i64 -5]

declare void @zk.linear(i64*, i64*, i64*, i64*, i64, i64)
declare void @zk.relu(i64*, i64*, i64*)

define void @circuit(i64* %x, i64* %y) {
entry:
  call void @zk.linear(i64* %x, i64* getelementptr inbounds ([3 x i64], [3 x i64]* @c.w, i64 0, i64 0), i64* null, i64* getelementptr inbounds ([2 x i64], [2 x i64]* @v.h, i64 0, i64 0), i64 2, i64 -7), !onnx.loc !0, !zk.node !1
  %p = bitcast [2 x i64]* @c.z to i64*
  call void @zk.relu(i64* %p, i64* %y, i64* getelementptr ([3 x i64], [3 x i64]* @lo.x, i64 0, i64 0))
  ret void
}

!0 = !{!"Gemm_0", !"Relu_1"}
!1 = !{!"Gemm_0", !"dot"}
!onnx_zk.signature = !{!2}
!2 = !{!"${SIGNATURE}"}
`;

const EXPECTED_CALLS = [
  {
    callee: 'zk.linear',
    args: [
      { kind: 'param', index: 0, name: 'x' },
      { kind: 'global', name: 'c.w', size: 3, values: BigInt64Array.from([1n, -2n, 9223372036854775807n]) },
      { kind: 'null' },
      { kind: 'global', name: 'v.h', size: 2 },
      { kind: 'int', value: 2n },
      { kind: 'int', value: -7n },
    ],
    loc: ['Gemm_0', 'Relu_1'],
    node: 'Gemm_0',
    strategy: 'dot',
  },
  {
    callee: 'zk.relu',
    args: [
      { kind: 'global', name: 'c.z', size: 2, values: new BigInt64Array(2) },
      { kind: 'param', index: 1, name: 'y' },
      { kind: 'global', name: 'lo.x', size: 3, values: BigInt64Array.from([-5n, -5n, -5n]) },
    ],
    loc: [],
    node: '',
  },
];

describe('readCircuitModule', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('reads globals, params, ints, null, GEPs, bitcasts and metadata from .ll', () => {
    const file = writeText(dir, 'm.ll', MODULE);
    const mod = readCircuitModule(file);
    expect(mod.params).toEqual(['x', 'y']);
    expect(mod.calls).toEqual(EXPECTED_CALLS);
    expect(mod.signature).toEqual({
      version: 1,
      model: 'm',
      inputs: [{ name: 'x', shape: [1, 3], frac: 4, public: false }],
      outputs: [{ name: 'y', shape: [1, 2], frac: 4 }],
      backend: { name: 'groth16' }, // absent from an older module's signature
    });
  });

  test('reads the same model from bitcode', () => {
    const ll = writeText(dir, 'b.ll', MODULE);
    const bc = path.join(dir, 'b.bc');
    execFileSync('llvm-as-14', [ll, '-o', bc]);
    expect(readCircuitModule(bc).calls).toEqual(EXPECTED_CALLS);
  });

  test.each([
    ['a syntax error', 'define void @circuit( {', 'PV003', /expected/],
    ['no @circuit', `declare void @other()\n!onnx_zk.signature = !{!0}\n!0 = !{!"${SIGNATURE}"}`, 'PV004', /no @circuit/],
    ['no signature', 'define void @circuit() {\n  ret void\n}', 'PV005', /signature/],
    ['bad signature json', 'define void @circuit() {\n  ret void\n}\n!onnx_zk.signature = !{!0}\n!0 = !{!"{"}', 'PV005', /invalid JSON/],
    ['arithmetic outside gadgets', `define void @circuit(i64* %x) {\n  %a = load i64, i64* %x\n  ret void\n}\n!onnx_zk.signature = !{!0}\n!0 = !{!"${SIGNATURE}"}`, 'PV012', /load i64/],
    ['a sub-buffer GEP', `@v.a = internal global [4 x i64] zeroinitializer\ndeclare void @zk.relu(i64*)\ndefine void @circuit() {\n  call void @zk.relu(i64* getelementptr ([4 x i64], [4 x i64]* @v.a, i64 0, i64 1)), !onnx.loc !1\n  ret void\n}\n!onnx_zk.signature = !{!0}\n!0 = !{!"${SIGNATURE}"}\n!1 = !{!"Relu_3"}`, 'PV006', /Relu_3 \(zk.relu\).*indices 0/],
  ])('rejects %s with a coded error naming the file', (_name, text, code, pattern) => {
    const file = writeText(dir, 'bad.ll', text);
    let error: unknown;
    try { readCircuitModule(file); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(OnnxZkError);
    expect((error as OnnxZkError).code).toBe(code);
    expect((error as OnnxZkError).message).toContain(file);
    expect((error as OnnxZkError).message).toMatch(pattern);
  });

  test('a missing file is PV002', () => {
    expect(() => readCircuitModule(path.join(dir, 'none.bc'))).toThrow(/PV002/);
  });
});

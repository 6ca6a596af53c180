import { emitModule } from '@onnx-zk/llvm-emitter';
import { fileCheck } from './helpers/filecheck';
import { smallAccelFile } from './helpers/small-graph';

const GEP = (n: number, g: string) => `i64* getelementptr inbounds ([${n} x i64], [${n} x i64]* @${g}, i64 0, i64 0)`;

describe('the module of a hand-built accel graph', () => {
  const { ll, signature, calls } = emitModule(smallAccelFile());

  test('@circuit takes the graph inputs then outputs as i64* and makes one call per node, in order', () => {
    expect(calls).toBe(9);
    fileCheck(ll, `
      CHECK: define void @circuit(i64* %x, i64* %y) {
      CHECK-NEXT: entry:
      CHECK-NEXT: call void @zk.range_check(i64* %x, i64 4, ${GEP(4, 'lo.x')}, ${GEP(4, 'hi.x')}), !onnx.loc
      CHECK-NEXT: call void @zk.linear(i64* %x, ${GEP(6, 'c.W1')}, ${GEP(3, 'c.B1')}, ${GEP(6, 'v.h')}, i64 2, i64 2, i64 3), !onnx.loc
      CHECK-NEXT: call void @zk.rescale_relu(${GEP(6, 'v.h')}, ${GEP(6, 'v.r')}, i64 6, i64 2, ${GEP(6, 'lo.h.shr2')}, ${GEP(6, 'hi.h.shr2')}),
      CHECK-NEXT: call void @zk.linear(${GEP(6, 'v.r')}, ${GEP(3, 'c.W2')}, i64* null, ${GEP(2, 'v.g')}, i64 2, i64 3, i64 1),
      CHECK-NEXT: call void @zk.rescale(${GEP(2, 'v.g')}, ${GEP(2, 'v.s')}, i64 2, i64 2, ${GEP(2, 'lo.s')}, ${GEP(2, 'hi.s')}),
      CHECK-NEXT: call void @zk.add_const(${GEP(2, 'v.s')}, ${GEP(2, 'c.cst')}, ${GEP(2, 'v.a')}, i64 2, i64 0, i64 0),
      CHECK-NEXT: call void @zk.relu(${GEP(2, 'v.a')}, ${GEP(2, 'v.rl')}, i64 2, ${GEP(2, 'lo.a')}, ${GEP(2, 'hi.a')}),
      CHECK-NEXT: call void @zk.add(${GEP(2, 'v.g')}, ${GEP(2, 'v.rl')}, ${GEP(2, 'v.ad')}, i64 2, i64 0, i64 2),
      CHECK-NEXT: call void @zk.copy(${GEP(2, 'v.ad')}, i64* %y, i64 2),
      CHECK-NEXT: ret void
    `);
  });

  test('every call carries !onnx.loc (the ONNX node names) and !zk.node (node name, strategy)', () => {
    const md = new Map([...ll.matchAll(/^(!\d+) = (!\{.*\})$/gm)].map((m) => [m[1], m[2]]));
    const attached = [...ll.matchAll(/call void @zk\.(\w+)\(.*, !onnx\.loc (!\d+), !zk\.node (!\d+)$/gm)]
      .map((m) => [m[1], md.get(m[2]), md.get(m[3])]);
    expect(attached).toEqual([
      ['range_check', '!{!"x"}', '!{!"RangeCheck_x", !"bits"}'],
      ['linear', '!{!"Gemm_0"}', '!{!"Gemm_0", !"lc"}'],
      ['rescale_relu', '!{!"Gemm_0", !"Relu_1"}', '!{!"Relu_1", !"bits"}'],
      ['linear', '!{!"Gemm_2"}', '!{!"Gemm_2", !"lc"}'],
      ['rescale', '!{!"Gemm_2"}', '!{!"Rescale_2", !"bits"}'],
      ['add_const', '!{!"Add_3"}', '!{!"Add_3", !"lc"}'],
      ['relu', '!{!"Relu_4"}', '!{!"Relu_4", !"bits"}'],
      ['add', '!{!"Add_5"}', '!{!"Add_5", !"lc"}'],
      ['copy', '!{!"Reshape_6"}', '!{!"Reshape_6", !"alias"}'],
    ]);
  });

  test('constants, bounds and intermediate values are globals of the right kind', () => {
    fileCheck(ll, `
      CHECK: @lo.x = private constant [4 x i64] [i64 -8, i64 -8, i64 -8, i64 -8]
      CHECK: @c.W1 = private constant [6 x i64] [i64 1, i64 -2, i64 3, i64 2, i64 1, i64 -1]
      CHECK: @c.B1 = private constant [3 x i64] [i64 2, i64 5, i64 0]
      CHECK: @v.h = internal global [6 x i64] zeroinitializer
      CHECK: @lo.h.shr2 = private constant [6 x i64] [i64 -250,
      CHECK: @c.W2 = private constant [3 x i64] [i64 -3, i64 1, i64 2]
      CHECK-NOT: @v.x
      CHECK-NOT: @v.y
      CHECK: define void @circuit
    `);
  });

  test('each intrinsic is declared once with its abi types, and nothing is defined without --runtime', () => {
    fileCheck(ll, `
      CHECK: declare void @zk.range_check(i64*, i64, i64*, i64*)
      CHECK: declare void @zk.linear(i64*, i64*, i64*, i64*, i64, i64, i64)
      CHECK: declare void @zk.rescale_relu(i64*, i64*, i64, i64, i64*, i64*)
    `);
    expect(ll.match(/declare void @zk\.linear/g)).toHaveLength(1);
    expect(ll).not.toMatch(/define void @zk\./);
    expect(ll).not.toMatch(/@main/);
  });

  test('the named metadata !onnx_zk.signature holds the signature JSON', () => {
    const ref = /^!onnx_zk\.signature = !\{(!\d+)\}$/m.exec(ll)?.[1];
    const body = new RegExp(`^${ref} = !\\{!"(.*)"\\}$`, 'm').exec(ll)?.[1] ?? '';
    const json = JSON.parse(body.replace(/\\([0-9A-F]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16))));
    expect(json).toEqual({
      version: 1,
      model: 'small_mlp',
      inputs: [{ name: 'x', shape: [2, 2], frac: 2, public: false }],
      outputs: [{ name: 'y', shape: [2], frac: 4 }],
      backend: { name: 'groth16' },
    });
    expect(json).toEqual(signature);
  });
});

test('ONNX value names become sanitized unique symbols; the signature keeps the original names', () => {
  const rename = { x: 'input:0', y: '/out/Reshape_output_0', h: '/fc1/Gemm_output_0', r: '/fc1/Gemm.output.0', g: '2' };
  const { ll, signature } = emitModule(smallAccelFile({ rename }), { publicInputs: true });
  fileCheck(ll, `
    CHECK: @v._fc1_Gemm_output_0 = internal global [6 x i64]
    CHECK: @v._fc1_Gemm.output.0 = internal global [6 x i64]
    CHECK: @v._2 = internal global [2 x i64]
    CHECK: define void @circuit(i64* %input_0, i64* %_out_Reshape_output_0)
  `);
  expect(signature.inputs[0]).toMatchObject({ name: 'input:0', public: true });
  expect(signature.outputs[0].name).toBe('/out/Reshape_output_0');
});

test('symbols that sanitize to the same text stay distinct', () => {
  const { ll } = emitModule(smallAccelFile({ rename: { h: 'a/b', r: 'a:b' } }));
  fileCheck(ll, `
    CHECK: @v.a_b = internal global [6 x i64]
    CHECK: @v.a_b.1 = internal global [6 x i64]
  `);
});

test('i64 constants beyond 2^53 are emitted exactly', () => {
  const big = 2n ** 61n + 12345n;
  const { ll } = emitModule(smallAccelFile({ bounds: { s: { lo: -big, hi: big } } }));
  fileCheck(ll, `
    CHECK: @lo.s = private constant [2 x i64] [i64 -${big}, i64 -${big}]
    CHECK: @hi.s = private constant [2 x i64] [i64 ${big}, i64 ${big}]
  `);
});

test('emission is deterministic', () => {
  expect(emitModule(smallAccelFile(), { runtime: true }).ll).toBe(emitModule(smallAccelFile(), { runtime: true }).ll);
});

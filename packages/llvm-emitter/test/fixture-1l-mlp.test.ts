import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { quantize, readInputJson } from '@onnx-zk/tensor-ir';
import { runEmitter } from '@onnx-zk/llvm-emitter';
import { fileCheck } from './helpers/filecheck';
import { integers, runLli } from './helpers/native';

/*
 * test/fixtures/1l_mlp.acc.tir.txt is examples/1l_mlp/network.onnx (EZKL, Apache-2.0) after
 * onnx-zk-frontend, onnx-zk-fxp (calibrated on its input.json, 16 fractional bits) and
 * onnx-zk-acc select. The expected integers are what fixedpoint-lowering's integer interpreter
 * (runInt) gives for the same quantized input.
 */
const FIXTURE = path.join(__dirname, 'fixtures', '1l_mlp.acc.tir.txt');
const INPUT = path.resolve(__dirname, '../../../examples/1l_mlp/input.json');
const EXPECTED = [17935n, 42498n, 0n, 0n];

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-mlp-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('1l_mlp: @circuit is range_check, linear, rescale_relu with the ONNX locations', () => {
  const out = path.join(dir, 'model.ll');
  runEmitter({ input: FIXTURE, output: out });
  fileCheck(fs.readFileSync(out, 'utf8'), `
    CHECK: define void @circuit(i64* %input, i64* %output) {
    CHECK: call void @zk.range_check(i64* %input, i64 3,
    CHECK-NEXT: call void @zk.linear(i64* %input, {{.*}}@c.Gemm_0.weight{{.*}}@c.Gemm_0.bias{{.*}}, i64 1, i64 3, i64 4), !onnx.loc
    CHECK-NEXT: call void @zk.rescale_relu({{.*}}, i64* %output, i64 4, i64 16, {{.*}}@lo.input.1.acc.shr16{{.*}}), !onnx.loc
    CHECK: !{!"Gemm_0", !"Relu_1"}
  `);
});

test('1l_mlp: lli-14 gives the integer interpreter\'s outputs, close to the model\'s float outputs', () => {
  const out = path.join(dir, 'model.ll');
  const { signature } = runEmitter({ input: FIXTURE, output: out, runtime: true });
  const [x] = readInputJson(INPUT);
  const stdin = x.map((v) => quantize(v, signature.inputs[0].frac)).join('\n');
  const r = runLli(fs.readFileSync(out, 'utf8'), stdin);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  const y = integers(r.stdout);
  expect(y).toEqual(EXPECTED);
  const reference = [0.28125, 0.65625, 0, 0]; // examples/1l_mlp/input.json output_data
  y.forEach((v, i) => expect(Math.abs(Number(v) / 2 ** signature.outputs[0].frac - reference[i])).toBeLessThan(0.01));
});

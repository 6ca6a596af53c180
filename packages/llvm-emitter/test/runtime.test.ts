import { spawnSync } from 'child_process';
import { gadgets } from '@onnx-zk/zk-accelerator-components';
import { emitModule, runtimeBodies } from '@onnx-zk/llvm-emitter';
import { runtimeModuleText } from '../src/runtime/runtime-module';
import { fileCheck } from './helpers/filecheck';
import { smallAccelFile } from './helpers/small-graph';

test('every gadget of the library has a runtime body, and every body belongs to a gadget', () => {
  expect(Object.keys(runtimeBodies).sort()).toEqual(Object.keys(gadgets).sort());
});

test.each(Object.keys(gadgets))('the runtime definition of %s parses with the header its abi gives', (name) => {
  const text = runtimeModuleText([gadgets[name]]);
  const r = spawnSync('llvm-as-14', ['-', '-o', '/dev/null'], { input: text, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

test('runtime definitions take their parameter names and types from the abi', () => {
  const { ll } = emitModule(smallAccelFile(), { runtime: true });
  const header = (name: string) => gadgets[name].abi.map((p) => `${p.kind === 'int' ? 'i64' : 'i64*'} %${p.name}`).join(', ');
  fileCheck(ll, `
    CHECK: define i32 @main() {
    CHECK: call void @onnx_zk.read_input(
    CHECK-NEXT: call void @circuit(
    CHECK-NEXT: call void @onnx_zk.print_output(
    CHECK-NEXT: ret i32 0
    CHECK: define void @onnx_zk.check_bounds(i64* %buf, i64* %lo, i64* %hi, i64 %n, i8* %gadget)
    CHECK: define void @zk.linear(${header('linear')}) {
    CHECK: define void @zk.rescale_relu(${header('rescale_relu')}) {
    CHECK-NOT: declare void @zk.
  `);
  for (const name of ['range_check', 'linear', 'rescale_relu', 'rescale', 'add_const', 'relu', 'add', 'copy']) {
    expect(ll).toContain(`define void @zk.${name}(${header(name)}) {`);
  }
});

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OnnxZkError, OnnxZkErrorList, writeTir } from '@onnx-zk/tensor-ir';
import { runEmitter } from '@onnx-zk/llvm-emitter';
import { runLli, integers } from './helpers/native';
import { asFixed, smallAccelFile } from './helpers/small-graph';

let dir: string;
let acc: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-run-'));
  acc = path.join(dir, 'model.acc.tir');
  writeTir(acc, smallAccelFile());
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('writes LLVM assembly for .ll and bitcode for .bc', () => {
  const ll = path.join(dir, 'model.ll');
  const bc = path.join(dir, 'model.bc');
  expect(runEmitter({ input: acc, output: ll }).calls).toBe(9);
  runEmitter({ input: acc, output: bc });
  expect(fs.readFileSync(ll, 'utf8')).toMatch(/^define void @circuit\(i64\* %x, i64\* %y\)/m);
  expect(fs.readFileSync(bc).subarray(0, 4).toString('latin1')).toBe('BC\xc0\xde');
  expect(fs.readdirSync(dir).sort()).toEqual(['model.acc.tir', 'model.bc', 'model.ll']);
});

test('reads the text form too, and --runtime output runs under lli-14', () => {
  const text = path.join(dir, 'model.acc.tir.txt');
  writeTir(text, smallAccelFile(), { text: true });
  const ll = path.join(dir, 'model.ll');
  runEmitter({ input: text, output: ll, runtime: true });
  expect(integers(runLli(fs.readFileSync(ll, 'utf8'), '3 -5 2 7').stdout)).toEqual([20n, -13n]);
});

function thrown(fn: () => unknown): OnnxZkError[] {
  try { fn(); } catch (e) {
    if (e instanceof OnnxZkErrorList) return e.errors;
    if (e instanceof OnnxZkError) return [e];
    throw e;
  }
  throw new Error('expected a user error');
}

test('user errors name the input file and leave no output file', () => {
  const fixed = path.join(dir, 'model.fxp.tir');
  writeTir(fixed, asFixed(smallAccelFile()));
  const out = path.join(dir, 'out.ll');
  const [e] = thrown(() => runEmitter({ input: fixed, output: out }));
  expect(e.message).toMatch(new RegExp(`^${fixed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: error LL001: `));
  expect(fs.existsSync(out)).toBe(false);

  const bad = smallAccelFile();
  bad.graph.nodes[2].attrs.gadget = { type: 'string', value: 'nope' };
  writeTir(acc, bad);
  const [e2] = thrown(() => runEmitter({ input: acc, output: out, runtime: true }));
  expect(e2.message).toContain(`${acc}: Relu_1 (RescaleRelu): error LL002`);
  expect(fs.readdirSync(dir).sort()).toEqual(['model.acc.tir', 'model.fxp.tir']);
});

test('LL009: an output that is neither .ll nor .bc; IR006: a missing input', () => {
  expect(thrown(() => runEmitter({ input: acc, output: path.join(dir, 'model.txt') }))[0].code).toBe('LL009');
  expect(thrown(() => runEmitter({ input: path.join(dir, 'none.acc.tir'), output: path.join(dir, 'm.ll') }))[0].code).toBe('IR006');
});

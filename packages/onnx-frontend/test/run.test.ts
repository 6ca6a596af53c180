import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readTir } from '@onnx-zk/tensor-ir';
import { runFrontend } from '../src';
import { userErrors } from './helpers/errors';
import { buildModel, mlpSpec } from './helpers/onnx-builder';

const MLP = path.resolve(__dirname, '../../../examples/1l_mlp/network.onnx');
let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fe-run-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('runFrontend writes a binary .tir that tensor-ir reads back as the float stage', () => {
  const output = path.join(dir, 'mlp.tir');
  const tir = runFrontend({ input: MLP, output });
  expect(tir.producer).toBe('onnx-frontend');
  expect(Buffer.from(fs.readFileSync(output).subarray(0, 8)).toString()).toBe('ONNXZKIR');
  const back = readTir(output, 'float');
  expect(back.producer).toBe('onnx-frontend');
  expect(back.graph.nodes.map((n) => n.loc)).toEqual([['Gemm_0'], ['Relu_1']]);
});

test('runFrontend writes the text form when asked', () => {
  const output = path.join(dir, 'mlp.tir');
  runFrontend({ input: MLP, output, text: true, dims: { batch_size: 2 } });
  expect(fs.readFileSync(output, 'utf8')).toMatch(/^onnx-zk tir v1 producer=onnx-frontend stage=float/);
  expect(readTir(output, 'float').graph.values.get('input')!.shape).toEqual([2, 3]);
});

test('a user error leaves no output file; a missing model or a folder is FE001', () => {
  const spec = mlpSpec();
  spec.nodes[1].op = 'Mystery';
  const input = path.join(dir, 'bad.onnx');
  fs.writeFileSync(input, buildModel(spec));
  const output = path.join(dir, 'out.tir');
  expect(userErrors(() => runFrontend({ input, output }))[0]).toContain('act (Mystery): error FE005');
  expect(userErrors(() => runFrontend({ input: path.join(dir, 'none.onnx'), output }))).toEqual([
    `${path.join(dir, 'none.onnx')}: error FE001: cannot read the file: no such file`,
  ]);
  expect(userErrors(() => runFrontend({ input: dir, output }))).toEqual([`${dir}: error FE001: cannot read the file: it is a directory`]);
  expect(fs.readdirSync(dir)).toEqual(['bad.onnx']);
});

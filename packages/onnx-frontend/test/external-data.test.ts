import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importOnnx } from '../src';
import { elements } from './helpers/elements';
import { userErrors } from './helpers/errors';
import { T, buildModel, mlpSpec } from './helpers/onnx-builder';

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fe-ext-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const W = [1, 2, 3, -1, -2, -3];

/** The MLP fixture with W stored outside the model under `location` at `offset`. */
function externalModel(location: string, offset?: number): Uint8Array {
  const spec = mlpSpec();
  const entries = [{ key: 'location', value: location }];
  if (offset !== undefined) entries.push({ key: 'offset', value: String(offset) }, { key: 'length', value: '24' });
  spec.initializers![0] = { name: 'W', dataType: T.FLOAT, dims: [2, 3], dataLocation: 1, externalData: entries };
  return buildModel(spec);
}

function writeWeights(file: string, offset = 0): void {
  const bytes = new Uint8Array(offset + 24 + 5);
  bytes.set(new Uint8Array(new Float32Array(W).buffer), offset);
  fs.writeFileSync(path.join(dir, file), bytes.subarray(0, offset === 0 ? 24 : bytes.length));
}

test('external data is read from the file next to the model, also at an offset', () => {
  writeWeights('weights.bin');
  const g = importOnnx(externalModel('weights.bin'), { file: path.join(dir, 'model.onnx') }).graph;
  expect(elements(g.constants.get('W'))).toEqual(W);
  writeWeights('packed.bin', 13);
  const g2 = importOnnx(externalModel('packed.bin', 13), { file: path.join(dir, 'model.onnx') }).graph;
  expect(elements(g2.constants.get('W'))).toEqual(W);
});

test('a missing external data file is FE007 naming the tensor', () => {
  const file = path.join(dir, 'model.onnx');
  expect(userErrors(() => importOnnx(externalModel('weights.bin'), { file }))).toEqual([
    `${file}: error FE007: cannot read external tensor data: tensor 'W': cannot open 'weights.bin' (ENOENT) (fix: keep the external data file next to the model, where the tensor's location says)`,
  ]);
});

test('external data that is too short, outside the folder, or without a known folder is FE007', () => {
  const file = path.join(dir, 'model.onnx');
  fs.writeFileSync(path.join(dir, 'short.bin'), new Uint8Array(10));
  expect(userErrors(() => importOnnx(externalModel('short.bin', 0), { file }))[0]).toContain("'short.bin' has 10 bytes, the tensor needs 24");
  expect(userErrors(() => importOnnx(externalModel('../etc/passwd'), { file }))[0]).toContain("location '../etc/passwd' is outside the model's folder");
  expect(userErrors(() => importOnnx(externalModel('weights.bin')))[0]).toMatch(/^error FE007: .*the model's folder is unknown/);
});

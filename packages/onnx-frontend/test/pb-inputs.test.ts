import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pbInputsToJson, readTensorProto } from '../src';
import { elements } from './helpers/elements';
import { userErrors } from './helpers/errors';
import { T, encodeTensor } from './helpers/onnx-builder';

const MLP_DATA = path.resolve(__dirname, '../../../examples/1l_mlp/test_data_set_0');

test('readTensorProto decodes an ONNX test_data_set input (raw_data float)', () => {
  const t = readTensorProto(fs.readFileSync(path.join(MLP_DATA, 'input_0.pb')));
  expect(t.dtype).toBe('float32');
  expect(t.shape).toEqual([1, 3]);
  const input = JSON.parse(fs.readFileSync(path.join(MLP_DATA, '..', 'input.json'), 'utf8')).input_data[0];
  expect(elements(t)).toEqual(Array.from(new Float32Array(input)));
});

test('readTensorProto decodes typed-field tensors', () => {
  const t = readTensorProto(encodeTensor({ name: 'x', dataType: T.INT64, dims: [2], int64Data: [3, -4] }));
  expect(t).toEqual({ dtype: 'int64', shape: [2], data: new BigInt64Array([3n, -4n]) });
});

test('pbInputsToJson gives one flat number array per input file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fe-pb-'));
  try {
    const second = path.join(dir, 'input_1.pb');
    fs.writeFileSync(second, encodeTensor({ dataType: T.FLOAT, dims: [2, 2], floatData: [1, 2, 3, 4.5] }));
    const json = pbInputsToJson([path.join(MLP_DATA, 'input_0.pb'), second]);
    expect(json.input_data).toHaveLength(2);
    expect(json.input_data[0]).toHaveLength(3);
    expect(json.input_data[1]).toEqual([1, 2, 3, 4.5]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a missing or corrupt .pb is a coded error naming the file', () => {
  expect(userErrors(() => pbInputsToJson(['/nonexistent/input_0.pb']))).toEqual([
    '/nonexistent/input_0.pb: error FE001: cannot read the file: no such file',
  ]);
  const bytes = encodeTensor({ dataType: T.FLOAT, dims: [4], floatData: [1, 2, 3, 4] });
  expect(userErrors(() => readTensorProto(bytes.subarray(0, bytes.length - 3), 'in.pb'))[0]).toMatch(/^in\.pb: error FE015: /);
});

import * as fs from 'fs';
import { onnxOps } from '@onnx-zk/tensor-ir';
import { SUPPORTED_OPS_PATH, acceptedDtypes, generateSupportedOps } from '../src/gen-supported-ops';

describe('gen-supported-ops', () => {
  const fresh = generateSupportedOps();
  // UPDATE_GOLDEN=1 rewrites the committed file (never under CI, where staleness must fail).
  if (process.env.UPDATE_GOLDEN === '1' && !process.env.CI) fs.writeFileSync(SUPPORTED_OPS_PATH, fresh);

  test('the committed docs/supported-ops.md equals a fresh generation (run npm run gen:supported-ops -w tools)', () => {
    expect(fs.readFileSync(SUPPORTED_OPS_PATH, 'utf8')).toBe(fresh);
  });

  test('every float-dialect op has one row', () => {
    for (const op of Object.keys(onnxOps)) expect(fresh).toMatch(new RegExp(`^\\| ${op} \\|`, 'm'));
    expect(fresh.split('\n').filter((l) => /^\| [A-Z]/.test(l))).toHaveLength(Object.keys(onnxOps).length + 1);
  });

  test('rows read the op tables: Relu runs on floats, lowers, and has its gadgets', () => {
    expect(acceptedDtypes(onnxOps.Relu)).toContain('float32');
    expect(fresh).toMatch(/^\| Relu \| [\d, ]+ \| float32, float64.* \| yes \| .*`relu`.* \|$/m);
    expect(fresh).toMatch(/^\| Gemm \| .* \| yes \| .*`linear`.* \|$/m);
  });
});

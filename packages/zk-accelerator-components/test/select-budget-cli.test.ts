import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { attrFloat, attrString, readTir, writeTir } from '@onnx-zk/tensor-ir';
import { cli } from './helpers/cli';
import { transformerGraph } from './transformer-graph';

describe('onnx-zk-acc select --error-budget --target', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-budget-'));
  const input = path.join(dir, 'attn.fxp.tir');
  beforeAll(() => writeTir(input, transformerGraph('poly')));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes the chosen strategy, its cost and its error bound into the .acc.tir', async () => {
    const output = path.join(dir, 'attn.acc.tir');
    const r = await cli('select', input, '-o', output, '--error-budget', '1e-3', '--target', 'accuracy');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const gelu = readTir(output, 'accel').graph.nodes.find((n) => n.op === 'Gelu')!;
    expect(attrString(gelu, 'strategy')).toBe('table'); // the smaller bound of the two
    expect(attrFloat(gelu, 'error_bound')).toBeLessThan(1e-3);
    expect(r.stdout).toMatch(/^Gelu_0\s+Gelu\s+gelu\s+table\s+\d+/m);
  });

  test('a budget no strategy meets is ZK021 (exit 1, no output file); a bad budget or target is a usage error', async () => {
    const output = path.join(dir, 'none.acc.tir');
    const r = await cli('select', input, '-o', output, '--error-budget', '1e-9');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Gelu_0 \(Gelu\): error ZK021: no strategy meets the error budget/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(output)).toBe(false);
    expect((await cli('select', input, '-o', output, '--error-budget', '-1')).code).toBe(2);
    expect((await cli('select', input, '-o', output, '--target', 'speed')).code).toBe(2);
  });
});

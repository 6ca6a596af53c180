import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readTir, writeTir } from '@onnx-zk/tensor-ir';
import { gadgets } from '../src';
import { cli } from './helpers/cli';
import { fixedGraph } from './fixed-graph';

describe('onnx-zk-acc', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-cli-'));
  const input = path.join(dir, 'tiny.fxp.tir');
  beforeAll(() => writeTir(input, fixedGraph()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('select writes the .acc.tir and prints the cost table', async () => {
    const output = path.join(dir, 'tiny.acc.tir');
    const r = await cli('select', input, '-o', output);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^Relu_1\s+RescaleRelu\s+rescale_relu\s+bits\s+\d+\s+\d+$/m);
    expect(r.stdout).toMatch(/^total\s+\d+\s+\d+$/m);
    const acc = readTir(output, 'accel');
    expect(acc.producer).toBe('zk-accelerator-components');
    expect(acc.graph.nodes[0].op).toBe('RangeCheck');
  });

  test('--text writes the text form', async () => {
    const output = path.join(dir, 'tiny.acc.tir.txt');
    expect((await cli('select', input, '-o', output, '--text')).code).toBe(0);
    expect(fs.readFileSync(output, 'utf8')).toMatch(/^onnx-zk tir v1 producer=zk-accelerator-components stage=accel/);
  });

  test('gadgets lists every gadget with its abi', async () => {
    const r = await cli('gadgets');
    expect(r.code).toBe(0);
    for (const name of Object.keys(gadgets)) expect(r.stdout).toContain(`zk.${name}(`);
    expect(r.stdout).toContain('lo lo (bounds of input 0 rescaled by attr shift)');
  });

  test('usage errors exit 2 and write nothing', async () => {
    const output = path.join(dir, 'never.acc.tir');
    expect((await cli('select', input)).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli()).code).toBe(2);
    expect((await cli('select', input, '-o', output, '--strategy', 'nonsense')).code).toBe(2);
    expect(fs.existsSync(output)).toBe(false);
  });

  test('user errors exit 1 with coded one-line messages and no output file', async () => {
    const badInput = path.join(dir, 'bad.fxp.tir');
    // A valid fixed graph whose second Rescale shifts by 198 bits: too wide to decompose soundly.
    const g = fixedGraph();
    g.graph.nodes.find((n) => n.name === 'Gemm_2_rescale')!.attrs.shift = { type: 'int', value: 198 };
    g.graph.values.get('or')!.fixed!.frac = 4 - 194;
    g.graph.values.get('bias')!.fixed!.frac = 4 - 194;
    g.graph.values.get('s')!.fixed!.frac = 4 - 194;
    g.graph.values.get('y')!.fixed!.frac = 4 - 194;
    writeTir(badInput, g);
    const output = path.join(dir, 'bad.acc.tir');
    const r = await cli('select', badInput, '-o', output);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.fxp\.tir: Gemm_2_rescale \(Rescale\): error ZK008/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(output)).toBe(false);
    const missing = await cli('select', path.join(dir, 'missing.fxp.tir'), '-o', output);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing\.fxp\.tir.*error IR\d{3}/);
  });
});

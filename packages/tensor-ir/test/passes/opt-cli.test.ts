import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeTensor, readTir, writeTir } from '@onnx-zk/tensor-ir';
import { fileCheck } from '../helpers/filecheck';
import { GraphBuilder } from './build';

// Runs the built CLI (nx builds before testing; `npm run build` when running jest by hand).
const CLI = path.join(__dirname, '../../dist/cli.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('onnx-zk-ir opt', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tir-opt-'));
  const model = path.join(dir, 'gelu.tir');

  beforeAll(() => {
    const b = new GraphBuilder(13);
    const x = b.input('x', [2, 3]);
    const inner = b.op('Add', [b.op('Erf', [b.op('Mul', [x, b.scalar(Math.SQRT1_2)])]), b.scalar(1)]);
    b.op('Relu', [x]); // dead
    const g = b.output(b.op('Mul', [b.op('Mul', [x, b.scalar(0.5)]), inner]));
    g.constants.set('unused', makeTensor('float32', [2], [1, 2]));
    g.values.set('unused', { name: 'unused', dtype: 'float32', shape: [2] });
    writeTir(model, { producer: 'test', graph: g });
  });

  test('--print-after prints the IR after the named pass; the output has every pass applied', () => {
    const out = path.join(dir, 'opt.tir');
    const r = cli('opt', model, '-o', out, '--print-after', 'fuse-gelu');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    fileCheck(r.stdout, 'CHECK: Relu(%x)\nCHECK: = Gelu(%x)');
    expect(readTir(out).graph.nodes.map((n) => n.op)).toEqual(['Gelu']);
    expect(readTir(out).graph.constants.has('unused')).toBe(false);
  });

  test('--passes runs only the listed passes, in order', () => {
    const out = path.join(dir, 'dce.tir');
    expect(cli('opt', model, '-o', out, '--passes', 'eliminate-dead-nodes').status).toBe(0);
    expect(readTir(out).graph.nodes.map((n) => n.op)).toEqual(['Mul', 'Erf', 'Add', 'Mul', 'Mul']);
  });

  test('an unknown pass is IR027 (exit 1, no output file)', () => {
    const out = path.join(dir, 'none.tir');
    const r = cli('opt', model, '-o', out, '--passes', 'fold-constants,fuse-everything');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error IR027: unknown pass: 'fuse-everything' \(known: fold-constants, canonicalize/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

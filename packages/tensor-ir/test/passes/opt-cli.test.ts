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

  test('--print-after fuse-masked-softmax shows the fused attention mask; the pass is listed after fold-constants', () => {
    const b = new GraphBuilder(13);
    const s = b.input('s', [2, 3, 3]);
    const keep = makeTensor('bool', [3, 3], [1, 0, 0, 1, 1, 0, 1, 1, 1]);
    const w = b.op('Where', [b.const(keep, 'tril'), s, b.scalar(-Infinity)]);
    const attn = path.join(dir, 'attn.tir');
    writeTir(attn, { producer: 'test', graph: b.output(b.op('Softmax', [w], { axis: { type: 'int', value: -1 } })) });
    const out = path.join(dir, 'attn-opt.tir');
    const r = cli('opt', attn, '-o', out, '--print-after', 'fuse-masked-softmax');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    fileCheck(r.stdout, `
      CHECK: const %Softmax_2_keep : bool[3,3] = [1, 0, 0, 1, 1, 0, 1, 1, 1]
      CHECK-NOT: Where(
      CHECK: = MaskedSoftmax(%s, %Softmax_2_keep) {axis = -1} : float32[2,3,3] name("Softmax_2") loc("Where_1", "Softmax_2")
    `);
    expect(readTir(out).graph.nodes.map((n) => n.op)).toEqual(['MaskedSoftmax']);
    const before = cli('opt', attn, '-o', out, '--print-after', 'fold-constants');
    fileCheck(before.stdout, 'CHECK: = Where(%tril, %s, %c0)\nCHECK: = Softmax(');
    const listing = cli('opt', attn, '-o', out, '--passes', 'nope');
    expect(listing.stderr).toMatch(/known: fold-constants, canonicalize, fuse-layer-norm, fuse-gelu, fuse-masked-softmax, eliminate-dead-nodes\)/);
  });

  test('an unknown pass is IR027 (exit 1, no output file)', () => {
    const out = path.join(dir, 'none.tir');
    const r = cli('opt', model, '-o', out, '--passes', 'fold-constants,fuse-everything');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error IR027: unknown pass: 'fuse-everything' \(known: fold-constants, canonicalize/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { T, buildModel, floatTensor, mlpSpec } from './helpers/onnx-builder';
import { CLI, MLP, useBuiltCli } from './helpers/built-cli';

// The bad-input list and the strict/lenient rules, through the built CLI: a coded error
// naming the file and node, exit 1, no output file, no stack trace.
const tmp = useBuiltCli('fe-bad-');

/** Writes the model, runs the CLI on it and checks the user-error contract; returns stderr. */
function rejects(model: Uint8Array, ...flags: string[]): string {
  const file = path.join(tmp(), 'model.onnx');
  fs.writeFileSync(file, model);
  const out = path.join(tmp(), 'model.tir');
  const r = spawnSync(process.execPath, [CLI, file, '-o', out, ...flags], { encoding: 'utf8' });
  expect(r.status).toBe(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(fs.existsSync(out)).toBe(false);
  return r.stderr.replace(new RegExp(file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), 'M');
}

test('a truncated model is FE002', () => {
  const bytes = fs.readFileSync(MLP);
  expect(rejects(bytes.subarray(0, Math.floor(bytes.length / 2)))).toMatch(/^M: error FE002: not an ONNX model \(truncated or not protobuf\)/);
});

test('a dangling edge is FE013 naming the node and the value', () => {
  const spec = mlpSpec();
  spec.nodes[1].inputs = ['nowhere'];
  expect(rejects(buildModel(spec), '--dim', 'batch=1')).toContain("M: act (Relu): error FE013: value is not produced by an earlier node, a graph input or an initializer: input 'nowhere'");
});

test('a shape mismatch is IR009 naming the node', () => {
  const spec = mlpSpec();
  spec.initializers![0] = floatTensor('W', [2, 4], [1, 2, 3, 4, 5, 6, 7, 8]);
  expect(rejects(buildModel(spec), '--dim', 'batch=1')).toMatch(/^M: fc \(Gemm\): error IR009: invalid operands: inner dimensions differ/);
});

test('an unbound symbolic dim is FE006 naming the input and the dim', () => {
  const spec = mlpSpec();
  spec.inputs[0].dims = ['batch', 'unk__6'];
  expect(rejects(buildModel(spec))).toContain("error FE006: unbound symbolic dimension: graph input 'x' dimension 1 is 'unk__6'");
});

test('a missing external data file is FE007 naming the tensor', () => {
  const spec = mlpSpec();
  spec.initializers![0] = { name: 'W', dataType: T.FLOAT, dims: [2, 3], dataLocation: 1, externalData: [{ key: 'location', value: 'weights.bin' }] };
  expect(rejects(buildModel(spec))).toMatch(/^M: error FE007: cannot read external tensor data: tensor 'W': cannot open 'weights.bin'/);
});

/** y = (x == c) at opset 10 on floats: the pattern of EZKL's nanoGPT and self_attention. */
function floatEqualModel(): Uint8Array {
  return buildModel({
    opsets: [{ version: 10 }],
    inputs: [{ name: 'x', elemType: T.FLOAT, dims: [3] }],
    outputs: [{ name: 'y', elemType: T.BOOL, dims: [3] }],
    initializers: [floatTensor('c', [3], [1, 2, 3])],
    nodes: [{ op: 'Equal', name: 'mask_eq', inputs: ['x', 'c'], outputs: ['y'] }],
  });
}

test('strict mode rejects float Equal before opset 11 with FE016 naming the node and the rule', () => {
  expect(rejects(floatEqualModel())).toBe(
    'M: mask_eq (Equal): error FE016: node breaks an ONNX rule: Equal takes float tensors only from opset 11 (fix: fix the export, or pass --lenient to accept it as EZKL does)\n');
});

test('--lenient accepts it with a warning naming the node; --no-opt keeps the imported graph as it is', () => {
  const file = path.join(tmp(), 'eq.onnx');
  fs.writeFileSync(file, floatEqualModel());
  const out = path.join(tmp(), 'eq.tir.txt');
  const r = spawnSync(process.execPath, [CLI, file, '-o', out, '--lenient', '--no-opt'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stderr).toBe(`warning FE016: ${file}: mask_eq (Equal): node breaks an ONNX rule: Equal takes float tensors only from opset 11; accepted under --lenient\n`);
  const text = fs.readFileSync(out, 'utf8');
  expect(text).toMatch(/= Not\(%y\/ne\)/);
  expect(text).toContain('loc("mask_eq")');
});

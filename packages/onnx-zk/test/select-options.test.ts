/**
 * --error-budget and --target reach the select stage: in process through compileSteps (the
 * strategy recorded in model.acc.tir follows them), and through the CLI (a budget no strategy
 * meets is select's coded error ZK021; malformed values are usage errors before any work).
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { attrFloat, attrString, Graph, readTir, TirFile, writeTir } from '@onnx-zk/tensor-ir';
import { artifacts, compileSteps, CompileOptions } from '../src';
import { EXAMPLES, tempDir } from './helpers';

const CLI = path.join(__dirname, '..', 'dist', 'cli.js');
const MODEL = path.join(EXAMPLES, '1l_gelu_noappx', 'network.onnx');
const RANGE: [number, number] = [-4, 4];

function onnxZk(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const geluOf = (graph: Graph) => {
  const node = graph.nodes.find((n) => n.op === 'Gelu');
  if (!node) throw new Error('test: the model has no Gelu node');
  return node;
};

/**
 * Runs import and lowering, then gives the fixed Gelu node the `poly` strategy (as if the model
 * had asked for it), then runs select with the options' budget and target: without a goal select
 * keeps the node's own strategy, with one it rates every strategy.
 */
function selectWith(goal: Pick<CompileOptions, 'errorBudget' | 'target'>) {
  const out = tempDir('select-goal');
  const steps = compileSteps({ model: MODEL, out, inputRange: RANGE, ...goal });
  const [importStep, lowerStep, selectStep] = steps;
  expect(selectStep.name).toBe('select accelerator components');
  importStep.run();
  lowerStep.run();
  const fxp = artifacts(out).fxp;
  const file: TirFile = readTir(fxp, 'fixed');
  geluOf(file.graph).attrs.strategy = { type: 'string', value: 'poly' };
  writeTir(fxp, file);
  return { run: () => selectStep.run(), acc: () => geluOf(readTir(artifacts(out).acc, 'accel').graph), out };
}

describe('--error-budget and --target reach select', () => {
  test('without them select keeps the node\'s poly; --target size or accuracy picks table (smaller and more accurate)', () => {
    const none = selectWith({});
    none.run();
    expect(attrString(none.acc(), 'strategy')).toBe('poly');
    for (const target of ['size', 'accuracy'] as const) {
      const s = selectWith({ target });
      s.run();
      expect(attrString(s.acc(), 'strategy')).toBe('table');
    }
  });

  test('a budget between the two bounds drops poly; the recorded bound is within it', () => {
    const s = selectWith({ errorBudget: 2e-4 });
    s.run();
    const gelu = s.acc();
    expect(attrString(gelu, 'strategy')).toBe('table');
    expect(attrFloat(gelu, 'error_bound')).toBeLessThanOrEqual(2e-4);
  });

  test('a budget no strategy meets is ZK021 naming the ONNX node, and no .acc.tir is written', () => {
    const s = selectWith({ errorBudget: 1e-9, target: 'accuracy' });
    expect(() => s.run()).toThrow(/\(Gelu\): error ZK021: no strategy meets the error budget: budget 1e-9/);
    expect(fs.existsSync(artifacts(s.out).acc)).toBe(false);
  });
});

describe('onnx-zk compile --error-budget --target', () => {
  const work = tempDir('select-cli');

  test('are accepted, listed in --help, and written into the .acc.tir', () => {
    expect(onnxZk(['compile', '--help']).stdout).toMatch(/--error-budget[\s\S]*--target/);
    expect(onnxZk(['prove', '--help']).stdout).toMatch(/--error-budget[\s\S]*--target/);
    const out = path.join(work, 'ok');
    const r = onnxZk(['compile', MODEL, '--input-range', '-4,4', '--out', out, '--error-budget', '2e-4', '--target', 'accuracy']);
    expect(r).toMatchObject({ code: 0 });
    const gelu = geluOf(readTir(artifacts(out).acc, 'accel').graph);
    expect(attrString(gelu, 'strategy')).toBe('table');
    expect(attrFloat(gelu, 'error_bound')).toBeLessThanOrEqual(2e-4);
  });

  test('a budget no strategy meets: exit 1, coded error naming the node, no stack, no .acc.tir', () => {
    const out = path.join(work, 'tight');
    const r = onnxZk(['compile', MODEL, '--input-range', '-4,4', '--out', out, '--error-budget', '1e-9']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\(Gelu\): error ZK021: .*table \d\.\d+e-4, poly \d\.\d+e-4/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(artifacts(out).acc)).toBe(false);
  });

  test.each([
    [['--error-budget', 'abc'], /--error-budget wants a positive number .* got "abc"/],
    [['--error-budget', '-1'], /--error-budget wants a positive number .* got "-1"/],
    [['--error-budget', '0'], /--error-budget wants a positive number .* got "0"/],
    [['--error-budget'], /--error-budget wants a positive number .* got ""/],
    [['--target', 'speed'], /target, Given: "speed", Choices: "size", "accuracy"/],
  ])('%j is a usage error (exit 2) before any work', (flags, message) => {
    const out = path.join(work, `bad-${flags.join('_')}`);
    const r = onnxZk(['compile', MODEL, '--input-range', '-4,4', '--out', out, ...(flags as string[])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(out)).toBe(false);
  });
});

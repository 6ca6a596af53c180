import * as fs from 'fs';
import * as path from 'path';
import { importOnnx } from '@onnx-zk/onnx-frontend';
import { readSkips, runCase } from '../../src/conformance';
import { REPO } from './paths';

const EXAMPLES = path.join(REPO, 'examples');
const TORCH = path.join(REPO, 'test-data', 'torch-exports');
/** Known exceptions, each with its reason (the same case<TAB>reason format as the skips). */
const EXCEPTIONS = readSkips(path.join(REPO, 'test-data', 'corpus-exceptions.tsv'));
/** Spec-invalid exports EZKL accepts: float Equal at opset 10. */
const LENIENT = new Set(['nanoGPT', 'self_attention']);

const dirsOf = (root: string) => fs.readdirSync(root).map((d) => path.join(root, d)).filter((d) => fs.statSync(d).isDirectory());
const corpus = [...dirsOf(EXAMPLES), ...dirsOf(TORCH)];
const withReference = corpus.filter((d) => fs.existsSync(path.join(d, 'test_data_set_0')));

test('every corpus model with reference outputs imports and matches them (rtol 1e-3, atol 1e-7), except the listed ones', () => {
  const results = withReference.map((dir) => runCase(dir, { lenient: LENIENT.has(path.basename(dir)) }));
  const unexpected = results.filter((r) => (r.status === 'pass') === EXCEPTIONS.has(r.name)).map((r) =>
    (r.status === 'pass' ? `${r.name} passes now: remove it from test-data/corpus-exceptions.tsv` : `${r.name}: ${r.detail}`));
  expect(unexpected).toEqual([]);
  expect(results.filter((r) => r.status === 'pass').length).toBeGreaterThanOrEqual(80);
  expect(withReference.map((d) => path.basename(d))).toEqual(expect.arrayContaining(['nanogpt_ezkl_op13', 'torch_transformer_encoder_op17', 'self_attention']));
});

test('the models without reference outputs import (int8 MatMul under --lenient, with a warning per node)', () => {
  const others = corpus.filter((d) => !withReference.includes(d));
  expect(others.map((d) => path.basename(d)).sort()).toEqual(['decision_tree', 'gradient_boosted_trees', 'random_forest']);
  for (const dir of others) {
    const file = path.join(dir, 'network.onnx');
    const warnings: string[] = [];
    const { graph } = importOnnx(fs.readFileSync(file), { file, lenient: true, warn: (w) => warnings.push(w) });
    expect(graph.nodes.length).toBeGreaterThan(0);
    for (const w of warnings) expect(w).toMatch(/^warning FE016: .*\(MatMul\): .*not int8; accepted under --lenient$/);
  }
});

test('strict mode rejects the spec-invalid exports with FE016 naming the node and the rule', () => {
  const file = path.join(EXAMPLES, 'self_attention', 'network.onnx');
  expect(() => importOnnx(fs.readFileSync(file), { file })).toThrow(
    /self_attention\/network.onnx: \/attention\/Equal \(Equal\): error FE016: node breaks an ONNX rule: Equal takes float tensors only from opset 11/);
});

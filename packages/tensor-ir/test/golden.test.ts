import * as fs from 'fs';
import * as path from 'path';
import { TirFile, parseTir, printTir, verifyGraph } from '@onnx-zk/tensor-ir';
import { attrZoo, fixedMlp, floatMlp } from './helpers/graphs';

/**
 * Golden text fixtures: test/fixtures/<case>/expected.tir.txt is printTir of the graph built in
 * code here. UPDATE_GOLDEN=1 rewrites them (refused when CI is set).
 */
const CASES: Record<string, { build: () => TirFile; valid: boolean }> = {
  float_mlp: { build: () => ({ producer: 'onnx-zk-frontend', graph: floatMlp() }), valid: true },
  fixed_mlp: { build: () => ({ producer: 'onnx-zk-fxp', graph: fixedMlp() }), valid: true },
  accel_mlp: { build: () => ({ producer: 'onnx-zk-acc', graph: fixedMlp('accel') }), valid: true },
  // Not a valid graph (made-up attributes); exercises every attribute kind and odd float.
  attr_zoo: { build: attrZoo, valid: false },
};

const FIXTURES = path.join(__dirname, 'fixtures');
const update = process.env.UPDATE_GOLDEN === '1';

if (update && process.env.CI) throw new Error('UPDATE_GOLDEN is refused under CI: update the fixtures locally and commit them');

describe('golden text fixtures', () => {
  it('has a fixture folder for every case and a case for every folder', () => {
    const folders = fs.readdirSync(FIXTURES).filter((f) => fs.statSync(path.join(FIXTURES, f)).isDirectory());
    expect(folders.sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.keys(CASES))('%s prints as expected.tir.txt and parses back', (name) => {
    const file = CASES[name].build();
    const golden = path.join(FIXTURES, name, 'expected.tir.txt');
    const text = printTir(file);
    if (update) {
      fs.mkdirSync(path.dirname(golden), { recursive: true });
      fs.writeFileSync(golden, text);
    }
    const expected = fs.readFileSync(golden, 'utf8');
    expect(text).toBe(expected);
    expect(parseTir(expected, golden)).toEqual(file);
    if (CASES[name].valid) expect(() => verifyGraph(file.graph)).not.toThrow();
  });
});

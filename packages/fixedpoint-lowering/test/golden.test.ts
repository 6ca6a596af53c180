import * as fs from 'fs';
import * as path from 'path';
import { parseTir, printTir } from '@onnx-zk/tensor-ir';
import { LowerOptions, lowerGraph } from '@onnx-zk/fixedpoint-lowering';
import { fileCheck } from './helpers/filecheck';

// Golden cases: test/fixtures/<case>/{model.tir.txt (float IR), options.json, checks.txt}.
const FIXTURES = path.join(__dirname, 'fixtures');
const cases = fs.readdirSync(FIXTURES).filter((c) => fs.existsSync(path.join(FIXTURES, c, 'checks.txt')));

describe('lowered IR (FileCheck)', () => {
  it.each(cases)('%s', (name) => {
    const dir = path.join(FIXTURES, name);
    const source = parseTir(fs.readFileSync(path.join(dir, 'model.tir.txt'), 'utf8'));
    const options = JSON.parse(fs.readFileSync(path.join(dir, 'options.json'), 'utf8')) as LowerOptions;
    const text = printTir({ producer: 'fixedpoint-lowering', graph: lowerGraph(source.graph, options) });
    expect(fileCheck(text, fs.readFileSync(path.join(dir, 'checks.txt'), 'utf8'))).toEqual([]);
  });
});

describe('fileCheck', () => {
  const text = 'alpha = 1\nbeta = 2 loc("x")\ngamma = 3';
  it('matches in order, on the next line and on the same line', () => {
    expect(fileCheck(text, 'CHECK: alpha =\nCHECK-NEXT: beta = 2\nCHECK-SAME: loc("x")\nCHECK: gamma')).toEqual([]);
  });
  it('reports what did not match', () => {
    expect(fileCheck(text, 'CHECK: beta\nCHECK-NEXT: alpha')).toHaveLength(1);
    expect(fileCheck(text, 'CHECK: gamma\nCHECK: alpha')).toHaveLength(1);
    expect(fileCheck(text, 'CHECK: alpha\nCHECK-NOT: beta\nCHECK: gamma')).toEqual(['CHECK-NOT: beta found in: beta = 2 loc("x")']);
    expect(fileCheck(text, 'CHECK: alpha = 1\nCHECK-NOT: 1\nCHECK: gamma')).toEqual([]);
  });
});

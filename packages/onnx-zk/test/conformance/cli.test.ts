import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { tempDir } from '../helpers';
import { NODE_SUITE, REPO } from './paths';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const onnxZk = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('onnx-zk conformance', () => {
  const work = tempDir('conformance');
  const caseDir = (name: string) => path.join(NODE_SUITE, name);

  it('prints one line per case and exactly `N passed, M failed, K skipped` last; writes --json', () => {
    // A case that passes, one skipped for a reason, and a copy of a case with a wrong output.
    const broken = path.join(work, 'test_relu_broken');
    fs.cpSync(caseDir('test_relu'), broken, { recursive: true });
    fs.copyFileSync(path.join(caseDir('test_abs'), 'test_data_set_0', 'output_0.pb'), path.join(broken, 'test_data_set_0', 'output_0.pb'));
    const skips = path.join(work, 'skips.tsv');
    fs.writeFileSync(skips, '# reason per case\ntest_add_uint16\texotic dtype: UINT16\n');
    const json = path.join(work, 'report.json');
    const r = onnxZk(['conformance', caseDir('test_relu'), caseDir('test_add_uint16'), broken, '--skips', skips, '--json', json]);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('PASS test_relu');
    expect(lines[1]).toBe('SKIP test_add_uint16: exotic dtype: UINT16');
    expect(lines[2]).toMatch(/^FAIL test_relu_broken: test_data_set_0: output 0 \(y\): \d+ of 60 elements differ; worst at \d+/);
    expect(lines[3]).toBe('1 passed, 1 failed, 1 skipped');
    expect(r.status).toBe(1);
    const report = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(report).toMatchObject({ passed: 1, failed: 1, skipped: 1 });
    expect(report.cases.map((c: { status: string }) => c.status)).toEqual(['pass', 'skip', 'fail']);
  });

  it('--list reads case directories relative to the list file; exit 0 when nothing fails', () => {
    const list = path.join(work, 'list.txt');
    fs.writeFileSync(list, `${path.relative(work, caseDir('test_gelu_tanh_1'))}\n${path.relative(work, caseDir('test_softmax_axis_0'))}\n`);
    const r = onnxZk(['conformance', '--list', list]);
    expect(r.stdout).toBe('PASS test_gelu_tanh_1\nPASS test_softmax_axis_0\n2 passed, 0 failed, 0 skipped\n');
    expect(r.status).toBe(0);
  });

  it('--lenient imports EZKL\'s spec-invalid self_attention, which fails without it', () => {
    const model = path.join(REPO, 'examples', 'self_attention');
    expect(onnxZk(['conformance', model]).stdout).toMatch(/^FAIL self_attention: .*\/attention\/Equal \(Equal\): error FE016: node breaks an ONNX rule/);
    const r = onnxZk(['conformance', model, '--lenient']);
    expect(r.stdout).toMatch(/^PASS self_attention: warning FE016: .*\/attention\/Equal \(Equal\).*\n1 passed, 0 failed, 0 skipped\n$/);
  });

  it('a malformed skips file, no cases, and a directory without a model are coded errors (exit 1)', () => {
    const bad = path.join(work, 'bad-skips.tsv');
    fs.writeFileSync(bad, 'test_relu\n');
    expect(onnxZk(['conformance', caseDir('test_relu'), '--skips', bad])).toMatchObject({ status: 1, stderr: `${bad}: error CF001: malformed skips file: line 1: expected 'case<TAB>reason' (fix: one 'case<TAB>reason' line per skipped case)\n` });
    expect(onnxZk(['conformance'])).toMatchObject({ status: 1, stderr: 'error CF003: no conformance cases given (fix: pass case directories or --list FILE)\n' });
    const r = onnxZk(['conformance', work]);
    expect(r.stdout).toMatch(/^FAIL onnx-zk-conformance-.*: .*error CF004: not a conformance case directory: expected one \.onnx model, found 0/);
  });
});

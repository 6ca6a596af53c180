import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir, writeText } from './helpers/tmp';
import { tinyModule, TINY_INPUT } from './helpers/tiny-circuit';

// The built dist/cli.js as a user runs it, so the exit code comes from runCli (nx builds before testing).
const CLI = path.join(__dirname, '..', 'dist', 'cli.js');

describe('onnx-zk-prover usage errors', () => {
  const dir = tempDir('onnx-zk-pv-usage-');
  const moduleFile = writeText(dir, 'tiny.ll', tinyModule());
  const inputFile = writeText(dir, 'input.json', JSON.stringify(TINY_INPUT));
  const out = path.join(dir, 'out');
  beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' in packages/prover-driver first`);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['an unknown option', ['assign', moduleFile, '--input', inputFile, '--out', out, '--frobnicate'], 'Unknown argument: frobnicate'],
    ['--out without its value', ['assign', moduleFile, '--input', inputFile, '--out'], 'Not enough arguments following: out'],
    ['-i followed by another flag', ['prove', moduleFile, '-i', '--out', out], 'Not enough arguments following: i'],
    ['missing required options', ['prove', moduleFile], 'Missing required arguments: input, out'],
    ['--zkey with --ptau', ['prove', moduleFile, '-i', inputFile, '-o', out, '--zkey', 'a.zkey', '--ptau', 'b.ptau'], 'Arguments zkey and ptau are mutually exclusive'],
  ])('%s: exit 2, one usage line naming onnx-zk-prover, no stack, no output', (_what, args, problem) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir, env: { ...process.env, ONNX_ZK_CACHE: path.join(dir, 'cache') } });
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: `onnx-zk-prover: ${problem}\nRun 'onnx-zk-prover --help' for usage.\n`,
    });
    expect(fs.readdirSync(dir).sort()).toEqual(['input.json', 'tiny.ll']);
  });
});

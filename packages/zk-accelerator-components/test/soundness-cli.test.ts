import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from './helpers/cli';

describe('onnx-zk-acc soundness', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-sound-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('--gadget checks one gadget and --json writes the report', async () => {
    const json = path.join(dir, 'report.json');
    const r = await cli('soundness', '--gadget', 'relu', '--json', json);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^gadget\s+result\s+cases\s+candidates\s+time$/m);
    expect(r.stdout).toMatch(/^relu\s+proven\s+2\s+\d+\s+\d+ ms$/m);
    const report = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({ gadget: 'relu', result: 'proven' });
  });

  test('an unknown gadget is a usage error', async () => {
    const r = await cli('soundness', '--gadget', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown gadget 'nope'");
  });
});

describe('onnx-zk-acc soundness --backend, --limb-bits', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-sound-cr-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('by default both backends, a table each, and the JSON gives each gadget its backends', async () => {
    const json = path.join(dir, 'both.json');
    const r = await cli('soundness', '--gadget', 'rescale', '--json', json);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^groth16: range checks by bits\ngadget\s+result\s+cases\s+candidates\s+time\nrescale\s+proven\s+2\s+\d+\s+\d+ ms\n\n/m);
    expect(r.stdout).toMatch(/^groth16-cr: range checks by lookups into \[0, 2\^3\).*\ngadget\s+result\s+cases\s+lookups\s+candidates\s+time\nrescale\s+proven\s+2\s+[1-9]\d*\s+\d+\s+\d+ ms$/m);
    const report = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({ gadget: 'rescale', result: 'proven' });
    expect(report[0].backends.map((b: { backend: string; limbBits?: number }) => [b.backend, b.limbBits])).toEqual([['groth16', undefined], ['groth16-cr', 3]]);
    expect(report[0].backends[1].cases[0].lookups).toBeGreaterThan(0);
  });

  test('one backend, with its limb width', async () => {
    const r = await cli('soundness', '--gadget', 'range_check', '--backend', 'groth16-cr', '--limb-bits', '4');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('groth16-cr: range checks by lookups into [0, 2^4)');
    expect(r.stdout).not.toContain('groth16: range checks by bits');
    expect(r.stdout).toMatch(/^range_check\s+proven\s+3\s+[1-9]\d*\s+\d+\s+\d+ ms$/m);
    const plain = await cli('soundness', '--gadget', 'relu', '--backend', 'groth16');
    expect(plain.stdout).toMatch(/^groth16: range checks by bits\ngadget\s+result\s+cases\s+candidates\s+time\nrelu\s+proven\s+2\s+\d+\s+\d+ ms\n$/);
  });

  test('a bad backend or limb width is a usage error', async () => {
    for (const args of [['--backend', 'plonk'], ['--limb-bits', '0'], ['--limb-bits', '2.5'], ['--limb-bits', '11']]) {
      const r = await cli('soundness', '--gadget', 'relu', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toBe('');
    }
  });
});

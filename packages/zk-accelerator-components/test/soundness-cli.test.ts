import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { reportError } from '@onnx-zk/tensor-ir';
import { main } from '../src/cli';

/** Runs the CLI in-process like runCli does: the exit code and what it printed. */
async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [out, err]: [string[], string[]] = [[], []];
  const so = jest.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
  const se = jest.spyOn(process.stderr, 'write').mockImplementation((s) => { err.push(String(s)); return true; });
  process.exitCode = undefined;
  let code = 0;
  try {
    await main(argv);
    code = Number(process.exitCode ?? 0);
  } catch (e) {
    code = reportError(e);
  } finally {
    [so, se].forEach((m) => m.mockRestore());
    process.exitCode = undefined;
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}

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

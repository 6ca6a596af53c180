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

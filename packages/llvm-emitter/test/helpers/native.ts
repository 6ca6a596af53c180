import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Runs `lli-14 model.ll < stdin` and returns its exit code and output. */
export function runLli(ll: string, stdin: string): { code: number | null; stdout: string; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-native-'));
  try {
    const file = path.join(dir, 'model.ll');
    fs.writeFileSync(file, ll);
    const r = spawnSync('lli-14', [file], { input: stdin, encoding: 'utf8', timeout: 60_000 });
    if (r.error) throw r.error;
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The printed output integers. */
export function integers(stdout: string): bigint[] {
  return stdout.trim().split('\n').filter((l) => l !== '').map((l) => BigInt(l));
}

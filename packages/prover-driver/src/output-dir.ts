import * as fs from 'fs';
import * as path from 'path';

/**
 * Runs `fill` with a fresh staging folder inside `out`, then moves every file it wrote into `out`
 * (each by rename, so no reader sees a partial file). On error the staging folder is removed,
 * and `out` too when this call created it: a failed run leaves no output behind.
 */
export async function withOutputDir<T>(out: string, fill: (stage: string) => Promise<T>): Promise<T> {
  const created = !fs.existsSync(out);
  fs.mkdirSync(out, { recursive: true });
  const stage = fs.mkdtempSync(path.join(out, '.onnx-zk-staging-'));
  try {
    const result = await fill(stage);
    for (const name of fs.readdirSync(stage)) fs.renameSync(path.join(stage, name), path.join(out, name));
    return result;
  } catch (e) {
    if (created) fs.rmSync(out, { recursive: true, force: true });
    throw e;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

import { spawnSync } from 'child_process';
import * as os from 'os';
import * as v8 from 'v8';

/** Set in the re-executed child so it never re-executes again. */
const CHILD_MARK = 'ONNX_ZK_HEAP_SET';

/**
 * The V8 heap a CLI should run with: three quarters of the machine's memory, in MiB. Node's
 * default (about 4 GiB on 64-bit) is far below what building a circuit of a few million
 * constraints takes, and a too-small heap ends in V8's abort, not in a coded error.
 */
export function wantedHeapMiB(totalBytes = os.totalmem()): number {
  return Math.floor((totalBytes * 0.75) / (1 << 20));
}

/**
 * Re-executes this CLI under `node --max-old-space-size=<wantedHeapMiB>` when its heap limit is
 * smaller (and neither the user's NODE_OPTIONS nor an earlier re-execution set one), passing the
 * arguments, stdio and exit code through. Returns false when the current process should go on.
 */
export function reexecWithHeap(): boolean {
  const want = wantedHeapMiB();
  const have = v8.getHeapStatistics().heap_size_limit / (1 << 20);
  const userSet = /--max-old-space-size/.test(`${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`);
  if (process.env[CHILD_MARK] || userSet || have >= want * 0.95) return false;
  const args = [...process.execArgv, `--max-old-space-size=${want}`, ...process.argv.slice(1)];
  const child = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, [CHILD_MARK]: '1' } });
  if (child.error) return false;
  process.exitCode = child.status ?? (child.signal ? 1 : 0);
  return true;
}

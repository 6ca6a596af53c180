import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const snarkjs = require('snarkjs');

/**
 * A powers-of-tau file made with snarkjs itself (new accumulator, one contribution, and phase-2
 * preparation unless `prepared` is false), independent of src/setup. Slow above power 8.
 */
export async function makeTestPtau(dir: string, power: number, prepared = true): Promise<string> {
  const curve = await snarkjs.curves.getCurveFromName('bn128');
  const p0 = path.join(dir, `test-${power}-0.ptau`);
  const p1 = path.join(dir, `test-${power}-1.ptau`);
  const final = path.join(dir, `test-${power}${prepared ? '' : '-raw'}.ptau`);
  await snarkjs.powersOfTau.newAccumulator(curve, power, p0);
  if (!prepared) {
    fs.renameSync(p0, final);
    return final;
  }
  await snarkjs.powersOfTau.contribute(p0, p1, 'onnx-zk test', 'test entropy');
  await snarkjs.powersOfTau.preparePhase2(p1, final);
  fs.rmSync(p0);
  fs.rmSync(p1);
  return final;
}

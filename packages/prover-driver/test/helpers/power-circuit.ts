import * as path from 'path';
import { ConstraintSystem, lcAdd, lcConstant, writeR1cs, writeWtns } from '@onnx-zk/zk-accelerator-components';

/**
 * y = x^(k+1) + 5 for a private x: k multiplication constraints, and the public output y as a
 * linear combination. Writes `<dir>/<name>.r1cs` and `.wtns`.
 */
export function powerCircuit(dir: string, name: string, x: bigint, k: number): { r1cs: string; wtns: string; y: bigint } {
  const cs = new ConstraintSystem();
  const input = cs.newWire(x, 'x');
  let acc = input;
  for (let i = 0; i < k; i++) {
    const next = cs.newWire(acc.value * x, `x_pow[${i + 2}]`);
    cs.constrain(acc, input, next, `pow[${i}]`);
    acc = next;
  }
  const y = { lc: lcAdd(acc.lc, lcConstant(5n)), value: acc.value + 5n };
  const r1cs = cs.finalize({ outputs: [y], privateInputs: [input] });
  const files = { r1cs: path.join(dir, `${name}.r1cs`), wtns: path.join(dir, `${name}.wtns`) };
  writeR1cs(files.r1cs, r1cs);
  writeWtns(files.wtns, r1cs.witness);
  return { ...files, y: y.value };
}

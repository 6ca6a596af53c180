'use strict';
/**
 * Groth16 with snarkjs on one measured circuit: outputs public, inputs private, keys from the
 * INSECURE development setup (prover-driver generateDevZkey: the circuit's proving key written
 * directly, what `onnx-zk prove` does without --ptau). Setup = writing that key.
 * Time-boxed: a circuit whose projected setup + prove time exceeds the box is skipped.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const snarkjs = require('snarkjs');
const { writeR1cs, writeWtns } = require('@onnx-zk/zk-accelerator-components');
const { generateDevZkey, requiredPower } = require('@onnx-zk/prover-driver');

const seconds = async (fn) => {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return [Number(process.hrtime.bigint() - t0) / 1e9, value];
};

class Groth16Bench {
  constructor({ boxSeconds, maxPower }) {
    this.boxSeconds = boxSeconds;
    this.maxPower = maxPower;
    /** Constraints and setup + prove seconds of the largest circuit proved so far. */
    this.largest = null;
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-gadgets-'));
  }

  async run({ cs, outs, inputs }) {
    // At most one extra constraint per public output (finalize), so judge the box before it.
    const bound = cs.nConstraints + outs.length;
    const need = requiredPower(bound, outs.length);
    if (need > this.maxPower) return { skipped: `over time box (needs 2^${need} > 2^${this.maxPower})` };
    const projected = this.largest ? (this.largest.seconds * bound) / this.largest.n : 0;
    if (projected > this.boxSeconds) return { skipped: `over time box (projected ${projected.toFixed(0)} s > ${this.boxSeconds} s)` };
    const r1cs = cs.finalize({ outputs: outs, privateInputs: inputs });
    const n = r1cs.constraints.length;
    const power = requiredPower(n, r1cs.nPubOut + r1cs.nPubIn);
    const file = (ext) => path.join(this.tmp, `c.${ext}`);
    writeR1cs(file('r1cs'), r1cs);
    writeWtns(file('wtns'), r1cs.witness);
    const [setupS] = await seconds(() => generateDevZkey(file('r1cs'), file('zkey')));
    const vkey = await snarkjs.zKey.exportVerificationKey(file('zkey'));
    const [proveS, { proof, publicSignals }] = await seconds(() => snarkjs.groth16.prove(file('zkey'), file('wtns')));
    const [verifyS, ok] = await seconds(() => snarkjs.groth16.verify(vkey, publicSignals, proof));
    if (!ok) throw new Error('Groth16 proof of a benchmark circuit does not verify');
    if (!this.largest || n >= this.largest.n) this.largest = { n, seconds: setupS + proveS };
    return { power, setupS, proveS, verifyS };
  }

  async close() {
    fs.rmSync(this.tmp, { recursive: true, force: true });
    await globalThis.curve_bn128?.terminate();
  }
}

module.exports = { Groth16Bench };

'use strict';
/**
 * One phase of the scale benchmark, run as `node phases.js <phase> <power> <dir>` in a child
 * process so that its peak RSS (process.resourceUsage().maxRSS, all threads) is its own. Prints
 * one JSON line: { wallS, cpuS, maxRssMiB, ... }.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const zk = require('../../packages/zk-accelerator-components/dist');
const driver = require('../../packages/prover-driver/dist');
const { buildDenseCircuitFiles, synthesizeDenseCircuit } = driver;
const snarkjs = require('snarkjs');

const WIDTH = Number(process.env.BENCH_WIDTH || 128);
const quiet = { debug() {}, info() {}, warn() {}, error: (m) => process.stderr.write(`${m}\n`) };
const files = (dir, prefix = 'circuit') => ({
  r1cs: path.join(dir, `${prefix}.r1cs`), wtns: path.join(dir, prefix === 'circuit' ? 'witness.wtns' : `${prefix}.wtns`), sym: path.join(dir, `${prefix}.sym`),
});
/** Constraints + public outputs must stay below 2^power for a ptau of that power (snarkjs's rule). */
const budget = (power) => 2 ** power - WIDTH - 1;

async function timed(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const extra = await fn();
  const cpu = process.cpuUsage(cpu0);
  return { wallS: Number(process.hrtime.bigint() - t0) / 1e9, cpuS: (cpu.user + cpu.system) / 1e6, ...extra };
}

const phases = {
  /** The streaming builder: gadgets → circuit.r1cs, witness.wtns, circuit.sym. */
  build: (power, dir) => timed(async () => {
    const { header, layers } = buildDenseCircuitFiles({ constraints: budget(power), width: WIDTH }, files(dir));
    return { constraints: header.nConstraints, wires: header.nWires, publicOutputs: header.nPubOut, layers, r1csMiB: fs.statSync(files(dir).r1cs).size / 2 ** 20 };
  }),
  /** The in-memory builder on the same circuit, for its peak memory; checks the files are byte-identical. */
  inmemory: (power, dir) => timed(async () => {
    const cs = new zk.ConstraintSystem();
    const c = synthesizeDenseCircuit(cs, { constraints: budget(power), width: WIDTH });
    const r1cs = cs.finalize({ outputs: c.outputs, privateInputs: c.inputs });
    if (zk.checkR1cs(r1cs, r1cs.witness)) throw new Error('in-memory witness fails');
    const f = files(dir, 'memory');
    zk.writeR1cs(f.r1cs, r1cs);
    zk.writeWtns(f.wtns, r1cs.witness);
    zk.writeSym(f.sym, r1cs);
    const same = Object.keys(f).every((k) => fs.readFileSync(f[k]).equals(fs.readFileSync(files(dir)[k])));
    Object.values(f).forEach((file) => fs.rmSync(file));
    return { byteIdentical: same };
  }),
  /** Circuit-specific Groth16 keys as the driver makes them without --ptau: the INSECURE development key, written directly. */
  setup: (power, dir) => timed(async () => {
    const zkey = path.join(dir, 'circuit.zkey');
    const r = await driver.generateDevZkey(files(dir).r1cs, zkey);
    if (r.power !== power) throw new Error(`key domain 2^${r.power}, expected 2^${power}`);
    fs.writeFileSync(path.join(dir, 'vk.json'), JSON.stringify(await snarkjs.zKey.exportVerificationKey(zkey, quiet)));
    return { zkeyMiB: fs.statSync(zkey).size / 2 ** 20, coefficients: r.coefficients };
  }),
  /** snarkjs's own phase 2 for comparison (small sizes only): newZKey on a dev ptau + one contribution. */
  snarkjsSetup: async (power, dir) => {
    const ptau = await driver.devPtau(power, { log: () => undefined });
    const initial = path.join(dir, 'snarkjs.0000.zkey');
    const newZKey = await timed(async () => { await snarkjs.zKey.newZKey(files(dir).r1cs, ptau, initial, quiet); });
    const contribute = await timed(async () => {
      await snarkjs.zKey.contribute(initial, path.join(dir, 'snarkjs.zkey'), 'bench', crypto.randomBytes(32).toString('hex'), quiet);
    });
    fs.rmSync(initial);
    fs.rmSync(path.join(dir, 'snarkjs.zkey'));
    return { newZKey, contribute, wallS: newZKey.wallS + contribute.wallS, cpuS: newZKey.cpuS + contribute.cpuS };
  },
  prove: (power, dir) => timed(async () => {
    const { proof, publicSignals } = await snarkjs.groth16.prove(path.join(dir, 'circuit.zkey'), files(dir).wtns, quiet);
    fs.writeFileSync(path.join(dir, 'proof.json'), JSON.stringify(proof));
    fs.writeFileSync(path.join(dir, 'public.json'), JSON.stringify(publicSignals));
    return { publicSignals: publicSignals.length };
  }),
};

async function main() {
  const [phase, power, dir] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
  const result = await phases[phase](power, dir);
  await globalThis.curve_bn128?.terminate();
  process.stdout.write(`${JSON.stringify({ ...result, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
}

main().catch((e) => { console.error(e); process.exit(1); });

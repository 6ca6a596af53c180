#!/usr/bin/env node
'use strict';
/**
 * Groth16 at scale: for each size 2^p, a synthetic MLP built with the real gadgets (linear +
 * rescale_relu, seeded weights, width BENCH_WIDTH = 128) by the streaming builder, then the
 * driver's key generation without --ptau (the INSECURE development key written directly; up to
 * BENCH_SNARKJS_KEYS_MAX_POWER, default 12, also snarkjs newZKey + one contribution for
 * comparison), snarkjs groth16 prove, and verification by snarkjs's own CLI, which must accept the
 * proof and reject it with one public signal changed. Every phase runs in a child
 * process (phases.js) so its peak RSS is its own; verify runs under /usr/bin/time -v.
 * Run after the build: `node benchmarks/scale/bench-scale.js`.
 * Env: BENCH_SCALE_POWERS (default 12,16,18,20), BENCH_INMEMORY_MAX_POWER (also run the in-memory
 * builder up to this power, for its memory and a byte-identity check; default 18),
 * ONNX_ZK_CACHE (where dev ptau files for the snarkjs comparison are cached; default
 * ~/.cache/onnx-zk), BENCH_WORK (scratch), BENCH_MERGE=1 (keep the rows of other sizes from
 * results.json, e.g. to add 2^22 in a run of its own).
 * Writes results.json and results.md next to this file.
 */
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const HERE = __dirname;
const ROOT = path.join(HERE, '..', '..');
const POWERS = (process.env.BENCH_SCALE_POWERS || '12,16,18,20').split(',').map(Number);
const INMEMORY_MAX = Number(process.env.BENCH_INMEMORY_MAX_POWER || 18);
const SNARKJS_KEYS_MAX = Number(process.env.BENCH_SNARKJS_KEYS_MAX_POWER || 12);

function phase(name, power, dir) {
  const out = execFileSync(process.execPath, ['--max-old-space-size=16384', path.join(HERE, 'phases.js'), name, String(power), dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  const result = { ...JSON.parse(out.trim().split('\n').pop()), load1: os.loadavg()[0] };
  console.log(`2^${power} ${name}: ${result.wallS.toFixed(1)} s wall, ${result.cpuS.toFixed(1)} s cpu, peak ${result.maxRssMiB.toFixed(0)} MiB, load ${result.load1.toFixed(1)}`);
  return result;
}

/** `snarkjs groth16 verify vk.json public.json proof.json` under /usr/bin/time -v. */
function verifyCli(power, dir, publicFile = 'public.json') {
  const cli = path.join(ROOT, 'node_modules', 'snarkjs', 'cli.js');
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, cli, 'groth16', 'verify', 'vk.json', publicFile, 'proof.json'], { cwd: dir, encoding: 'utf8' });
  const field = (re) => (re.exec(r.stderr) || [])[1];
  const [h, m, s] = (field(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/) || '0').split(':').map(Number).reverse().concat([0, 0]).slice(0, 3).reverse();
  const result = {
    accepted: r.status === 0 && /OK/.test(r.stdout), output: r.stdout.replace(/\x1b\[[0-9;]*m/g, '').trim().split('\n').pop(),
    wallS: h * 3600 + m * 60 + s, maxRssMiB: Number(field(/Maximum resident set size \(kbytes\): (\d+)/)) / 1024, load1: os.loadavg()[0],
  };
  console.log(`2^${power} verify ${publicFile} (snarkjs CLI): ${result.output}; ${result.wallS.toFixed(2)} s wall, peak ${result.maxRssMiB.toFixed(0)} MiB`);
  return result;
}

/** The same proof with its first public signal changed: snarkjs's CLI must reject it. */
function verifyTampered(power, dir) {
  const signals = JSON.parse(fs.readFileSync(path.join(dir, 'public.json'), 'utf8'));
  signals[0] = (BigInt(signals[0]) + 1n).toString();
  fs.writeFileSync(path.join(dir, 'public-tampered.json'), JSON.stringify(signals));
  const r = verifyCli(power, dir, 'public-tampered.json');
  return { rejected: !r.accepted && /Invalid proof/i.test(r.output), output: r.output };
}

function markdown(rows, meta) {
  const f = (x, d = 1) => (x === undefined ? '–' : x.toFixed(d));
  const lines = [
    '# Groth16 at scale', '',
    `${meta.date} · ${meta.cpus}× ${meta.cpuModel} · ${meta.memGiB} GiB · node ${meta.node} · width ${meta.width}. Wall / CPU seconds and peak RSS (MiB) per phase, each in its own process.`,
    'build = streaming builder (gadgets → r1cs + wtns + sym); in-memory = the same circuit with the in-memory builder (peak only);',
    'dev key = the INSECURE development proving key written directly (prover-driver generateDevZkey, what `onnx-zk prove` does without --ptau);',
    'snarkjs keys = snarkjs newZKey on a dev ptau + one contribution, for comparison at small sizes; verify = `snarkjs groth16 verify` CLI, and the same',
    'proof with one public signal changed (must say Invalid proof). Load = 1-min load average after the phase.', '',
    '| size | constraints | wires | r1cs MiB | build s (cpu) | build peak | in-memory peak | dev key s (cpu) | key peak | zkey MiB | snarkjs keys s (cpu) | prove s (cpu) | prove peak | verify s | verify peak | CLI says | tampered | load |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const { build: b, inmemory: m } = r;
    const [k, p, v, s] = [r.setup ?? {}, r.prove ?? {}, r.verify ?? {}, r.snarkjsSetup];
    lines.push(`| 2^${r.power} | ${b.constraints} | ${b.wires} | ${f(b.r1csMiB)} | ${f(b.wallS)} (${f(b.cpuS)}) | ${f(b.maxRssMiB, 0)} | ${m ? `${f(m.maxRssMiB, 0)}${m.byteIdentical ? '' : ' (DIFFERS)'}` : '–'} | ` +
      `${f(k.wallS)} (${f(k.cpuS)}) | ${f(k.maxRssMiB, 0)} | ${f(k.zkeyMiB)} | ${s ? `${f(s.wallS)} (${f(s.cpuS)})` : '–'} | ${f(p.wallS)} (${f(p.cpuS)}) | ${f(p.maxRssMiB, 0)} | ${f(v.wallS, 2)} | ${f(v.maxRssMiB, 0)} | ${v.output ?? 'not run'} | ` +
      `${r.tampered ? (r.tampered.rejected ? 'rejected' : `ACCEPTED (${r.tampered.output})`) : '–'} | ${f(p.load1 ?? b.load1)} |`);
  }
  if (meta.note) lines.push('', meta.note);
  return `${lines.join('\n')}\n`;
}

function main() {
  const work = fs.mkdtempSync(path.join(process.env.BENCH_WORK || os.tmpdir(), 'bench-scale-'));
  const kept = process.env.BENCH_MERGE === '1' && fs.existsSync(path.join(HERE, 'results.json'))
    ? JSON.parse(fs.readFileSync(path.join(HERE, 'results.json'), 'utf8')).rows.filter((r) => !POWERS.includes(r.power)) : [];
  const rows = [];
  try {
    for (const power of POWERS) {
      const dir = path.join(work, `p${power}`);
      fs.mkdirSync(dir);
      const row = { power, build: phase('build', power, dir) };
      if (power <= INMEMORY_MAX) row.inmemory = phase('inmemory', power, dir);
      row.setup = phase('setup', power, dir);
      if (power <= SNARKJS_KEYS_MAX) row.snarkjsSetup = phase('snarkjsSetup', power, dir);
      row.prove = phase('prove', power, dir);
      row.verify = verifyCli(power, dir);
      if (!row.verify.accepted) throw new Error(`snarkjs CLI rejected the 2^${power} proof: ${row.verify.output}`);
      row.tampered = verifyTampered(power, dir);
      if (!row.tampered.rejected) throw new Error(`snarkjs CLI accepted the 2^${power} proof with a changed public signal: ${row.tampered.output}`);
      rows.push(row);
      fs.rmSync(dir, { recursive: true, force: true });
      write([...kept, ...rows].sort((a, b) => a.power - b.power));
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function write(rows) {
  const cpus = os.cpus();
  const meta = { date: new Date().toISOString(), cpus: cpus.length, cpuModel: cpus[0]?.model ?? '?', memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, width: Number(process.env.BENCH_WIDTH || 128) };
  fs.writeFileSync(path.join(HERE, 'results.json'), `${JSON.stringify({ meta, rows }, null, 2)}\n`);
  fs.writeFileSync(path.join(HERE, 'results.md'), markdown(rows, meta));
  console.log(markdown(rows, meta));
}

/** `--report`: rewrites results.md from results.json. */
function report() {
  const { meta, rows } = JSON.parse(fs.readFileSync(path.join(HERE, 'results.json'), 'utf8'));
  fs.writeFileSync(path.join(HERE, 'results.md'), markdown(rows, meta));
}

if (process.argv[2] === '--report') report();
else main();

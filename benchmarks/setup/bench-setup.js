#!/usr/bin/env node
/**
 * Setup benchmark: the INSECURE development ptau (prover-driver devPtau) against snarkjs's
 * ceremony path (powersoftau new + contribute + prepare phase2), both ending in a prepared
 * phase-2 ptau that `snarkjs zkey new` accepts. Run after the build:
 *   npx tsc -p packages/prover-driver/tsconfig.build.json && node benchmarks/setup/bench-setup.js
 * Env: BENCH_RUNS (runs per size, default 3), BENCH_DEV_POWERS (default 10,12,14,16),
 * BENCH_SNARKJS_POWERS (default 8,10), BENCH_MAX_PROJECTED_S (skip a dev size projected slower
 * than this, default 120). Writes results.json and results.md next to this file.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { devPtau, ptauInfo } = require('../../packages/prover-driver/dist/setup');
const snarkjs = require('snarkjs');

const list = (v, d) => (v ? v.split(',').map(Number) : d);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const DEV_POWERS = list(process.env.BENCH_DEV_POWERS, [10, 12, 14, 16]);
const SNARKJS_POWERS = list(process.env.BENCH_SNARKJS_POWERS, [8, 10]);
const MAX_PROJECTED_S = Number(process.env.BENCH_MAX_PROJECTED_S || 120);
const HERE = __dirname;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Wall and CPU time (all threads of this process: snarkjs's and our workers run in-process). */
async function timed(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await fn();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, load1: os.loadavg()[0] };
}

async function devRun(power, tmp) {
  const cacheDir = fs.mkdtempSync(path.join(tmp, `dev-${power}-`));
  const t = await timed(() => devPtau(power, { cacheDir, log: () => undefined }));
  const file = path.join(cacheDir, 'ptau', `insecure-dev-${power}.ptau`);
  const info = await ptauInfo(file);
  if (info.power !== power || !info.prepared) throw new Error(`bad dev ptau for power ${power}`);
  const bytes = fs.statSync(file).size;
  fs.rmSync(cacheDir, { recursive: true, force: true });
  return { ...t, bytes };
}

async function snarkjsRun(power, tmp) {
  const d = fs.mkdtempSync(path.join(tmp, `snarkjs-${power}-`));
  const [p0, p1, p2] = ['pot0', 'pot1', 'final'].map((n) => path.join(d, `${n}.ptau`));
  const t = await timed(async () => {
    await snarkjs.powersOfTau.newAccumulator(await snarkjs.curves.getCurveFromName('bn128'), power, p0);
    await snarkjs.powersOfTau.contribute(p0, p1, 'bench', 'bench entropy');
    await snarkjs.powersOfTau.preparePhase2(p1, p2);
  });
  const bytes = fs.statSync(p2).size;
  fs.rmSync(d, { recursive: true, force: true });
  return { ...t, bytes };
}

async function series(kind, power, run, tmp) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await run(power, tmp));
    console.log(`${kind} 2^${power} run ${i + 1}: ${(runs[i].wallMs / 1000).toFixed(2)} s wall, ` +
      `${(runs[i].cpuMs / 1000).toFixed(2)} s cpu, load ${runs[i].load1.toFixed(2)}`);
  }
  return { kind, power, runs, medianWallMs: median(runs.map((r) => r.wallMs)), medianCpuMs: median(runs.map((r) => r.cpuMs)), bytes: runs[0].bytes };
}

function markdown(results, meta) {
  const lines = [
    '# Setup benchmark results', '',
    `${meta.date} · ${meta.cpus}× ${meta.cpuModel} · node ${meta.node} · ${meta.runs} run(s) per size (median).`,
    'Both paths end in a prepared phase-2 ptau. dev = INSECURE development setup (prover-driver devPtau);',
    'snarkjs = powersoftau new + contribute + prepare phase2. CPU = all threads of the process.', '',
    '| path | power | median wall (s) | median CPU (s) | file (MiB) |', '|---|---|---|---|---|',
  ];
  for (const r of results) {
    lines.push(`| ${r.kind} | 2^${r.power} | ${(r.medianWallMs / 1000).toFixed(2)} | ${(r.medianCpuMs / 1000).toFixed(2)} | ${(r.bytes / 2 ** 20).toFixed(1)} |`);
  }
  for (const p of meta.skipped) lines.push('', `dev 2^${p.power} skipped: projected ${p.projectedS.toFixed(0)} s > ${MAX_PROJECTED_S} s.`);
  return `${lines.join('\n')}\n`;
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-setup-'));
  const results = [];
  const skipped = [];
  try {
    for (const power of DEV_POWERS) {
      const prev = results.filter((r) => r.kind === 'dev').pop();
      // Work grows ~4.3× per two powers (points double per power, windows widen a little).
      const projectedS = prev ? (prev.medianWallMs / 1000) * 2.1 ** (power - prev.power) : 0;
      if (projectedS > MAX_PROJECTED_S) { skipped.push({ power, projectedS }); continue; }
      results.push(await series('dev', power, devRun, tmp));
    }
    for (const power of SNARKJS_POWERS) results.push(await series('snarkjs', power, snarkjsRun, tmp));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    await globalThis.curve_bn128?.terminate();
  }
  const cpus = os.cpus();
  const meta = { date: new Date().toISOString(), cpus: cpus.length, cpuModel: cpus[0]?.model ?? '?', node: process.version, runs: RUNS, skipped };
  fs.writeFileSync(path.join(HERE, 'results.json'), `${JSON.stringify({ meta, results }, null, 2)}\n`);
  fs.writeFileSync(path.join(HERE, 'results.md'), markdown(results, meta));
  console.log(markdown(results, meta));
}

main().catch((e) => { console.error(e); process.exit(1); });

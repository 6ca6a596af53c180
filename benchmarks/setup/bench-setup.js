#!/usr/bin/env node
/**
 * Setup benchmark: the INSECURE development ptau (prover-driver devPtau) against snarkjs's
 * ceremony path (powersoftau new + contribute + prepare phase2), both ending in a prepared
 * phase-2 ptau that `snarkjs zkey new` accepts. Run after the build:
 *   npx tsc -p packages/prover-driver/tsconfig.build.json && node benchmarks/setup/bench-setup.js
 * Env: BENCH_RUNS (runs per size, default 1), BENCH_DEV_POWERS (default 12,16,20),
 * BENCH_SNARKJS_POWERS (default 12,16,20), BENCH_MAX_PROJECTED_S (skip a dev size projected slower
 * CPU seconds than this, default 1800), BENCH_MERGE=1 (keep the rows of results.json for sizes
 * not run this time, e.g. to add one size to a long run), BENCH_CEREMONY_BOX_S (time box of one ceremony run, run in a child
 * process and killed at the box; a size projected beyond twice the box is not started; default
 * 600), BENCH_KEEP_PTAU_DIR (keep the dev ptau files there, e.g. for benchmarks/scale).
 * Writes results.json and results.md next to this file, with the dev / ceremony ratio.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { devPtau, ptauInfo } = require('../../packages/prover-driver/dist/setup');
const snarkjs = require('snarkjs');

const list = (v, d) => (v ? v.split(',').map(Number) : d);
const { spawn } = require('child_process');
const RUNS = Number(process.env.BENCH_RUNS || 1);
const DEV_POWERS = list(process.env.BENCH_DEV_POWERS, [12, 16, 20]);
const SNARKJS_POWERS = list(process.env.BENCH_SNARKJS_POWERS, [12, 16, 20]);
const MAX_PROJECTED_S = Number(process.env.BENCH_MAX_PROJECTED_S || 1800);
const CEREMONY_BOX_S = Number(process.env.BENCH_CEREMONY_BOX_S || 600);
const KEEP_PTAU_DIR = process.env.BENCH_KEEP_PTAU_DIR;
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
  if (KEEP_PTAU_DIR) {
    fs.mkdirSync(path.join(KEEP_PTAU_DIR, 'ptau'), { recursive: true });
    fs.renameSync(file, path.join(KEEP_PTAU_DIR, 'ptau', path.basename(file)));
  }
  fs.rmSync(cacheDir, { recursive: true, force: true });
  return { ...t, bytes };
}

/** The ceremony path, in this process (the child of snarkjsRun). */
async function ceremonyChild(power, d) {
  const [p0, p1, p2] = ['pot0', 'pot1', 'final'].map((n) => path.join(d, `${n}.ptau`));
  const t = await timed(async () => {
    await snarkjs.powersOfTau.newAccumulator(await snarkjs.curves.getCurveFromName('bn128'), power, p0);
    await snarkjs.powersOfTau.contribute(p0, p1, 'bench', 'bench entropy');
    await snarkjs.powersOfTau.preparePhase2(p1, p2);
  });
  await globalThis.curve_bn128?.terminate();
  process.stdout.write(JSON.stringify({ ...t, bytes: fs.statSync(p2).size, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

/** One ceremony run in a child process, killed at the time box (then `timedOut` and wall = the box). */
function snarkjsRun(power, tmp) {
  const d = fs.mkdtempSync(path.join(tmp, `snarkjs-${power}-`));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, '--ceremony-child', String(power), d], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b) => { out += b; });
    const timer = setTimeout(() => child.kill('SIGKILL'), CEREMONY_BOX_S * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fs.rmSync(d, { recursive: true, force: true });
      if (code === 0) resolve(JSON.parse(out));
      else if (code === null) resolve({ wallMs: CEREMONY_BOX_S * 1000, cpuMs: NaN, load1: os.loadavg()[0], bytes: 0, timedOut: true });
      else reject(new Error(`ceremony child exited with ${code}`));
    });
  });
}

async function series(kind, power, run, tmp) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await run(power, tmp));
    console.log(`${kind} 2^${power} run ${i + 1}: ${(runs[i].wallMs / 1000).toFixed(2)} s wall, ` +
      `${(runs[i].cpuMs / 1000).toFixed(2)} s cpu, load ${runs[i].load1.toFixed(2)}`);
  }
  return { kind, power, runs, medianWallMs: median(runs.map((r) => r.wallMs)), medianCpuMs: median(runs.map((r) => r.cpuMs)), bytes: runs[0].bytes, timedOut: runs.some((r) => r.timedOut) };
}

function markdown(results, meta) {
  const lines = [
    '# Setup benchmark results', '',
    `${meta.date} · ${meta.cpus}× ${meta.cpuModel} · node ${meta.node} · ${meta.runs} run(s) per size (median).`,
    'Both paths end in a prepared phase-2 ptau. dev = INSECURE development setup (prover-driver devPtau);',
    'snarkjs = powersoftau new + contribute + prepare phase2. CPU = all threads of the process.', '',
    `Ceremony time box: ${CEREMONY_BOX_S} s per run. Load average at each run is in results.json.`, '',
    '| path | power | median wall (s) | median CPU (s) | file (MiB) | ceremony / dev |', '|---|---|---|---|---|---|',
  ];
  const sec = (ms) => (ms / 1000).toFixed(2);
  for (const r of results) {
    const dev = results.find((d) => d.kind === 'dev' && d.power === r.power);
    const ratio = r.kind === 'snarkjs' && dev && !r.timedOut
      ? `${(r.medianWallMs / dev.medianWallMs).toFixed(1)}× wall, ${(r.medianCpuMs / dev.medianCpuMs).toFixed(1)}× CPU` : '';
    const wall = r.timedOut ? `> ${CEREMONY_BOX_S} (time box)` : sec(r.medianWallMs);
    lines.push(`| ${r.kind} | 2^${r.power} | ${wall} | ${r.timedOut ? '–' : sec(r.medianCpuMs)} | ${r.timedOut ? '–' : (r.bytes / 2 ** 20).toFixed(1)} | ${ratio} |`);
  }
  for (const p of meta.skipped) lines.push('', `${p.kind} 2^${p.power} not run: projected ${p.projectedS.toFixed(0)} s > ${p.limitS} s.`);
  return `${lines.join('\n')}\n`;
}

/** With BENCH_MERGE=1, the earlier results of sizes this run does not measure. */
function earlierResults() {
  const file = path.join(HERE, 'results.json');
  if (process.env.BENCH_MERGE !== '1' || !fs.existsSync(file)) return [];
  const runNow = (r) => (r.kind === 'dev' ? DEV_POWERS : SNARKJS_POWERS).includes(r.power);
  return JSON.parse(fs.readFileSync(file, 'utf8')).results.filter((r) => !runNow(r));
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-setup-'));
  const results = earlierResults();
  const skipped = [];
  try {
    for (const power of DEV_POWERS) {
      const prev = results.filter((r) => r.kind === 'dev').pop();
      // Work grows ~4.3× per two powers (points double per power, windows widen a little).
      // Projected from CPU time, which a busy shared machine distorts less than wall time.
      const projectedS = prev ? (prev.medianCpuMs / 1000) * 2.1 ** (power - prev.power) : 0;
      if (projectedS > MAX_PROJECTED_S) { skipped.push({ kind: 'dev', power, projectedS, limitS: MAX_PROJECTED_S }); continue; }
      results.push(await series('dev', power, devRun, tmp));
    }
    for (const power of SNARKJS_POWERS) {
      const prev = results.filter((r) => r.kind === 'snarkjs' && !r.timedOut).pop();
      // Measured here: ~6× per two powers (104 s at 2^12, 632 s at 2^14).
      const projectedS = prev ? (prev.medianWallMs / 1000) * 2.45 ** (power - prev.power) : 0;
      if (projectedS > 2 * CEREMONY_BOX_S) { skipped.push({ kind: 'snarkjs', power, projectedS, limitS: 2 * CEREMONY_BOX_S }); continue; }
      results.push(await series('snarkjs', power, snarkjsRun, tmp));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    await globalThis.curve_bn128?.terminate();
  }
  results.sort((a, b) => (a.kind === b.kind ? a.power - b.power : a.kind === 'dev' ? -1 : 1));
  const cpus = os.cpus();
  const meta = { date: new Date().toISOString(), cpus: cpus.length, cpuModel: cpus[0]?.model ?? '?', node: process.version, runs: RUNS, skipped };
  fs.writeFileSync(path.join(HERE, 'results.json'), `${JSON.stringify({ meta, results }, null, 2)}\n`);
  fs.writeFileSync(path.join(HERE, 'results.md'), markdown(results, meta));
  console.log(markdown(results, meta));
}

/** `--report`: rewrites results.md from results.json. */
async function report() {
  const { meta, results } = JSON.parse(fs.readFileSync(path.join(HERE, 'results.json'), 'utf8'));
  fs.writeFileSync(path.join(HERE, 'results.md'), markdown(results, meta));
}

const modes = { '--ceremony-child': () => ceremonyChild(Number(process.argv[3]), process.argv[4]), '--report': report };
const run = modes[process.argv[2]] ?? main;
run().catch((e) => { console.error(e); process.exit(1); });

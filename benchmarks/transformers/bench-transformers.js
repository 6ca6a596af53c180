#!/usr/bin/env node
/**
 * The transformer models end to end. Run after the build (npx nx run-many -t build):
 *   node benchmarks/transformers/bench-transformers.js      (npm run bench:transformers in benchmarks/)
 *
 * 1. `onnx-zk prove` on each example (cold key cache: setup = writing the INSECURE development
 *    keys), every run in a fresh child process under /usr/bin/time, so the peak RSS is that run's
 *    (the CLI re-executes itself with a larger heap: the re-executed process is a waited-for
 *    descendant and counts). Per run: constraints, wires, 2^k and the prover's seconds
 *    (timings.json), the compile steps' seconds (the CLI's `[i/6] step: artifact (x s)` lines),
 *    the backend select chose (model.acc.tir metadata), whole wall, peak RSS, verified, and the
 *    max abs error of the proved logits (outputs.json) against test_data_set_0/output_0.pb.
 * 2. GPT-2 small (tools/dist/gen-gpt2.js, --sequence 64) compiled, not proved: `onnx-zk compile`
 *    in one child (import, fixed point, select, LLVM emit), or with GPT2_STAGES=1 the stage CLIs
 *    one by one up to select (onnx-zk-frontend, onnx-zk-fxp lower, onnx-zk-acc select), each in
 *    its own child. Wall time to model.acc.tir, peak RSS, select's constraint total, per token.
 * 3. results.json (every run, raw) and results.md (medians) next to this file (report.js).
 *
 * Env: MODELS (comma list of examples/ folders; default the five below; empty: none), BENCH_RUNS (default 1;
 * medians when > 1), GPT2=0 (skip part 2), GPT2_STAGES=1 (part 2 by stage CLIs, stopping after
 * select), GPT2_GEN_ARGS (extra gen-gpt2 flags, e.g. "--layers 1 --d-model 32 --heads 4 --vocab 100
 * --context 64" for a quick check; the vocabulary is read from --vocab), BENCH_MERGE=1 (keep the
 * entries of results.json this run does not measure: models not in MODELS, and GPT-2 when GPT2=0).
 * Temporary work directories go to os.tmpdir() (TMPDIR): GPT-2 small's artifacts take several GB.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { ROOT, CLI, median } = require('../models/prove-once');
const { tokenIds } = require('../gpt2/bench-gpt2');

const DEFAULT_MODELS = ['gpt2_tiny', 'torch_transformer_encoder_op13', 'torch_transformer_encoder_op17', 'nanogpt_ezkl_op13', 'nanogpt_ezkl_op17'];
const MODELS = (process.env.MODELS ?? DEFAULT_MODELS.join(',')).split(',').map((m) => m.trim()).filter(Boolean);
const RUNS = Number(process.env.BENCH_RUNS || 1);
const GPT2 = process.env.GPT2 !== '0';
const GPT2_STAGES = process.env.GPT2_STAGES === '1';
const GPT2_SEQ = 64;
/** The targets for GPT-2 small up to model.acc.tir. */
const TARGETS = { gpt2Seconds: 600, gpt2GiB: 16 };
/** EZKL's published nanoGPT figures (their machine, not measured here). */
const EZKL_NANOGPT = { proveS: 237, keygenS: 400 };
const STAGE_CLI = {
  frontend: path.join(ROOT, 'packages/onnx-frontend/dist/cli.js'),
  fxp: path.join(ROOT, 'packages/fixedpoint-lowering/dist/cli.js'),
  acc: path.join(ROOT, 'packages/zk-accelerator-components/dist/cli.js'),
};

/**
 * `node <args>` under /usr/bin/time in a fresh child: wall seconds, peak RSS (MiB), the exit status,
 * the output, and the CLI's finished-step lines `[i/n] name: artifact (x s)` as { name: seconds }.
 */
function timedNode(args, env = process.env) {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'maxrss_kib=%M', process.execPath, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = [...(r.stderr ?? '').matchAll(/^maxrss_kib=(\d+)$/gm)].pop();
  const steps = {};
  for (const m of (r.stderr ?? '').matchAll(/^\[\d+\/\d+\] ([^:\n]+): .* \(([\d.]+) s\)$/gm)) steps[m[1]] = Number(m[2]);
  return { status: r.status, signal: r.signal, wall, peakMiB: rss ? Number(rss[1]) / 1024 : NaN, steps, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const readJson = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined);
const tail = (text, n = 15) => text.trim().split('\n').slice(-n).join('\n');

/** Child mode `--acc file.acc.tir`: the backend and select's cost total, printed as JSON (a GPT-2 small .acc.tir is read outside the parent). */
function childAcc(file) {
  const { readTir } = require(path.join(ROOT, 'packages/tensor-ir/dist'));
  const { backendOf, costSummary } = require(path.join(ROOT, 'packages/zk-accelerator-components/dist'));
  const { graph } = readTir(file, 'accel');
  const plan = backendOf(graph);
  const { total } = costSummary(graph);
  process.stdout.write(JSON.stringify({ backend: plan.backend, limbBits: plan.limbBits ?? null, selectConstraints: total.constraints, selectWires: total.wires }));
}

function inspectAcc(file) {
  const { wantedHeapMiB } = require(path.join(ROOT, 'packages/tensor-ir/dist'));
  const r = spawnSync(process.execPath, [`--max-old-space-size=${wantedHeapMiB()}`, __filename, '--acc', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) return { accError: tail(r.stderr, 5) };
  return JSON.parse(r.stdout);
}

/** The example's reference logits (test_data_set_0/output_N.pb), and whether its input_0.pb is input.json's first input. */
function reference(dir) {
  const { readTensorProto } = require(path.join(ROOT, 'packages/onnx-frontend/dist'));
  const { tensorValues } = require(path.join(ROOT, 'packages/tensor-ir/dist'));
  const data = path.join(dir, 'test_data_set_0');
  const pb = (f) => tensorValues(readTensorProto(fs.readFileSync(path.join(data, f)), f));
  const outputs = [];
  for (let i = 0; fs.existsSync(path.join(data, `output_${i}.pb`)); i++) outputs.push(pb(`output_${i}.pb`));
  const given = readJson(path.join(dir, 'input.json')).input_data[0];
  const expected = fs.existsSync(path.join(data, 'input_0.pb')) ? pb('input_0.pb') : [];
  const inputMatches = given.length === expected.length && given.every((v, i) => Math.abs(v - expected[i]) <= 1e-6 * Math.max(1, Math.abs(v)));
  return { outputs, inputMatches };
}

/** Max |proved − reference| over every output element (outputs.json values are dequantized). */
function logitError(outputsFile, ref) {
  if (!outputsFile || !ref.inputMatches || !ref.outputs.length) return null;
  let max = 0;
  for (const [i, expected] of ref.outputs.entries()) {
    const proved = outputsFile.outputs[i]?.values ?? [];
    if (proved.length !== expected.length) return null;
    for (let j = 0; j < proved.length; j++) max = Math.max(max, Math.abs(proved[j] - expected[j]));
  }
  return max;
}

/** One cold `onnx-zk prove` of examples/<model> in a fresh child. */
function proveRun(model, ref, run) {
  const dir = path.join(ROOT, 'examples', model);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `bench-transformers-${model}-`));
  const out = path.join(work, 'out');
  try {
    const env = { ...process.env, ONNX_ZK_CACHE: path.join(work, 'cache') };
    const r = timedNode([CLI, 'prove', path.join(dir, 'network.onnx'), '--input', path.join(dir, 'input.json'), '--out', out], env);
    const timings = readJson(path.join(out, 'timings.json'));
    const accuracy = readJson(path.join(out, 'accuracy.json'));
    const verified = /^verified: true$/m.test(r.stdout) && r.status === 0;
    const acc = fs.existsSync(path.join(out, 'model.acc.tir')) ? inspectAcc(path.join(out, 'model.acc.tir')) : {};
    const row = {
      model, run, measuredAt: new Date().toISOString(), exit: r.status, signal: r.signal, verified, wall: r.wall, peakMiB: r.peakMiB, steps: r.steps,
      seconds: timings?.seconds ?? null, constraints: timings?.constraints ?? null, wires: timings?.wires ?? null, publicSignals: timings?.publicSignals ?? null,
      ptauPower: timings?.ptauPower ?? null, protocol: timings?.protocol ?? 'groth16', ...acc,
      maxAbsLogitError: logitError(readJson(path.join(out, 'outputs.json')), ref), maxAbsErrorFloatModel: accuracy?.maxAbsError ?? null,
      load1: os.loadavg()[0],
    };
    if (!verified) row.error = tail(r.stderr);
    return row;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Medians of the verified runs' figures (counts from the last of them: they do not change between runs). */
function summarizeModel(model, runs) {
  const ok = runs.filter((r) => r.verified);
  if (!ok.length) return { model, runs: runs.length, verified: false, error: runs[runs.length - 1]?.error };
  const m = (f) => median(ok.map(f));
  const last = ok[ok.length - 1];
  const stepNames = Object.keys(last.steps);
  return {
    model, runs: runs.length, verifiedRuns: ok.length, verified: ok.length === runs.length,
    backend: last.backend, limbBits: last.limbBits, constraints: last.constraints, wires: last.wires, selectConstraints: last.selectConstraints, ptauPower: last.ptauPower,
    steps: Object.fromEntries(stepNames.map((s) => [s, m((r) => r.steps[s] ?? NaN)])),
    seconds: Object.fromEntries(Object.keys(last.seconds).map((k) => [k, m((r) => r.seconds[k])])),
    wall: m((r) => r.wall), peakMiB: m((r) => r.peakMiB),
    maxAbsLogitError: last.maxAbsLogitError, maxAbsErrorFloatModel: last.maxAbsErrorFloatModel, load1: runs.map((r) => r.load1),
  };
}

/** GPT-2 small into a temp dir, and an input.json of GPT2_SEQ token ids. */
function generateGpt2(work) {
  const file = path.join(work, 'gpt2.onnx');
  const args = (process.env.GPT2_GEN_ARGS || '').split(' ').filter(Boolean);
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'tools/dist/gen-gpt2.js'), '--out', file, '--sequence', String(GPT2_SEQ), ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gen-gpt2 failed:\n${r.stderr}`);
  const vi = args.indexOf('--vocab');
  const vocab = vi >= 0 ? Number(args[vi + 1]) : 50257;
  const input = path.join(work, 'input.json');
  fs.writeFileSync(input, JSON.stringify({ input_data: [Array.from(tokenIds(GPT2_SEQ, vocab), Number)] }));
  return { file, input, vocab, args, seconds: Number(process.hrtime.bigint() - t) / 1e9, bytes: fs.statSync(file).size, stdout: r.stdout.trim() };
}

const ACC_STEPS = ['import ONNX', 'lower to fixed point', 'select accelerator components'];

/**
 * `onnx-zk compile` in one child: seconds to model.acc.tir = the CLI's own times of its first three
 * steps (without Node's start-up), known even when the LLVM emit after them fails.
 */
function gpt2Compile(model, input, out) {
  const r = timedNode([CLI, 'compile', model, '--input', input, '--out', out]);
  const toAccSeconds = ACC_STEPS.every((s) => r.steps[s] !== undefined) ? ACC_STEPS.reduce((a, s) => a + r.steps[s], 0) : null;
  return { status: r.status, signal: r.signal, steps: r.steps, wall: r.wall, toAccSeconds, peakMiB: r.peakMiB, error: r.status === 0 ? undefined : tail(r.stderr) };
}

/** The stage CLIs one by one up to select, each in its own child (under the heap the umbrella CLI would give itself). */
function gpt2Stages(model, input, out) {
  const { wantedHeapMiB } = require(path.join(ROOT, 'packages/tensor-ir/dist'));
  const heap = `--max-old-space-size=${wantedHeapMiB()}`;
  const at = (f) => path.join(out, f);
  fs.mkdirSync(out, { recursive: true });
  const stages = [
    [ACC_STEPS[0], [STAGE_CLI.frontend, model, '-o', at('model.tir')]],
    [ACC_STEPS[1], [STAGE_CLI.fxp, 'lower', at('model.tir'), '-o', at('model.fxp.tir'), '--calibration', input, '--report', at('accuracy.json')]],
    [ACC_STEPS[2], [STAGE_CLI.acc, 'select', at('model.fxp.tir'), '-o', at('model.acc.tir')]],
  ];
  const res = { status: 0, steps: {}, peakPerStepMiB: {}, wall: 0, peakMiB: 0 };
  for (const [name, args] of stages) {
    const r = timedNode([heap, ...args]);
    res.steps[name] = r.wall;
    res.peakPerStepMiB[name] = r.peakMiB;
    res.wall += r.wall;
    res.peakMiB = Math.max(res.peakMiB, r.peakMiB);
    if (r.status !== 0) return { ...res, status: r.status, toAccSeconds: null, error: `${name}: ${tail(r.stderr)}` };
    const total = /^total\s+(\d+)\s+(\d+)$/m.exec(r.stdout);
    if (total) res.printedTotal = { constraints: Number(total[1]), wires: Number(total[2]) };
  }
  return { ...res, toAccSeconds: res.wall };
}

function gpt2Run(gen, work, run) {
  const out = path.join(work, `out-${run}`);
  try {
    const r = GPT2_STAGES ? gpt2Stages(gen.file, gen.input, out) : gpt2Compile(gen.file, gen.input, out);
    const acc = fs.existsSync(path.join(out, 'model.acc.tir')) ? inspectAcc(path.join(out, 'model.acc.tir')) : {};
    const sizes = fs.existsSync(out) ? Object.fromEntries(fs.readdirSync(out).map((f) => [f, fs.statSync(path.join(out, f)).size])) : {};
    const accuracy = readJson(path.join(out, 'accuracy.json'));
    return { run, measuredAt: new Date().toISOString(), mode: GPT2_STAGES ? 'stages' : 'compile', ...r, ...acc, sizes, maxAbsErrorFloatModel: accuracy?.maxAbsError ?? null, load1: os.loadavg()[0] };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

function gpt2Part() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-transformers-gpt2-'));
  try {
    const disk = fs.statfsSync(work);
    const gen = generateGpt2(work);
    process.stderr.write(`gpt2: ${gen.stdout} (${gen.seconds.toFixed(1)} s)\n`);
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(gpt2Run(gen, work, i));
      process.stderr.write(`gpt2 run ${i + 1}/${RUNS}: ${JSON.stringify({ ...runs[i], sizes: undefined })}\n`);
    }
    // A run counts once model.acc.tir is written (compile mode: even when the LLVM emit after it fails).
    const ok = runs.filter((r) => r.toAccSeconds !== null && r.selectConstraints !== undefined);
    const m = (f) => median(ok.map(f));
    const last = ok[ok.length - 1];
    const summary = !last ? { failed: true, error: runs[runs.length - 1]?.error ?? runs[runs.length - 1]?.accError } : {
      mode: last.mode, sequence: GPT2_SEQ, completed: ok.every((r) => r.status === 0), error: ok.find((r) => r.error)?.error, toAccSeconds: m((r) => r.toAccSeconds), wall: m((r) => r.wall), peakMiB: m((r) => r.peakMiB),
      steps: Object.fromEntries(Object.keys(last.steps).map((s) => [s, m((r) => r.steps[s])])),
      constraints: last.selectConstraints, wires: last.selectWires, perToken: last.selectConstraints / GPT2_SEQ,
      backend: last.backend, limbBits: last.limbBits, maxAbsErrorFloatModel: last.maxAbsErrorFloatModel, sizes: last.sizes,
      peakPerStepMiB: last.peakPerStepMiB && Object.fromEntries(Object.keys(last.peakPerStepMiB).map((k) => [k, m((r) => r.peakPerStepMiB[k])])),
    };
    return { generated: { args: gen.args, vocab: gen.vocab, bytes: gen.bytes, seconds: gen.seconds, stdout: gen.stdout }, freeDiskGiB: (disk.bavail * disk.bsize) / 2 ** 30, summary, runs };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  const loadStart = os.loadavg();
  const models = [];
  for (const model of MODELS) {
    const dir = path.join(ROOT, 'examples', model);
    if (!fs.existsSync(path.join(dir, 'network.onnx'))) throw new Error(`examples/${model}/network.onnx: no such model`);
    const ref = reference(dir);
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(proveRun(model, ref, i));
      const r = runs[i];
      process.stderr.write(`${model} run ${i + 1}/${RUNS}: verified ${r.verified}, ${r.constraints} constraints, ${r.wall.toFixed(1)} s, ${r.peakMiB.toFixed(0)} MiB, logit error ${r.maxAbsLogitError}\n`);
    }
    models.push({ model, measuredAt: new Date().toISOString(), inputMatchesTestData: ref.inputMatches, summary: summarizeModel(model, runs), runs });
  }
  const gpt2 = GPT2 ? gpt2Part() : null;
  require('./report').write({
    HERE: __dirname, RUNS, TARGETS, EZKL_NANOGPT, order: DEFAULT_MODELS, models, gpt2, loadStart, merge: process.env.BENCH_MERGE === '1',
    env: { MODELS: process.env.MODELS ?? null, BENCH_RUNS: RUNS, GPT2, GPT2_STAGES, GPT2_GEN_ARGS: process.env.GPT2_GEN_ARGS ?? null },
  });
}

if (require.main === module) {
  if (process.argv[2] === '--acc') childAcc(process.argv[3]);
  else main();
}

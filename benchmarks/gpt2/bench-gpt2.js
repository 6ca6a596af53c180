#!/usr/bin/env node
/**
 * GPT-2 small: onnx-zk's import and float interpreter side by side with onnxruntime-node, in one run.
 * Run after the build (npx nx run-many -t build):
 *   node benchmarks/gpt2/bench-gpt2.js            (npm run bench:gpt2 in benchmarks/)
 * Env: BENCH_RUNS (child processes per engine, default 3; medians are reported), BENCH_SEQ (tokens,
 * default 64), BENCH_MODEL (use this .onnx instead of generating GPT-2 small into a temp dir),
 * BENCH_GEN_ARGS (extra gen-gpt2 flags, e.g. "--layers 2" for a quick check).
 *
 * Each measurement runs in a fresh child process, so maxRSS is that engine's alone:
 *   ort:     InferenceSession.create(file)                          → create_ms; one run → infer_ms
 *   onnx-zk: importOnnx(readFileSync(file), { dims: { sequence } }) → import_ms (reading, decoding,
 *            folding the shape subgraphs, inferShapes and verifyGraph, in memory: no .tir written);
 *            runFloat(graph, [ids], { freeIntermediates: true, matmulPrecision }) → infer_ms, in
 *            two children: matmulPrecision 'float32' (MatMul sums in float32 blocks, as
 *            onnxruntime's; the headline figure) and 'float64' (the bit-exact reference sums)
 * Writes results.json and results.md next to this file; the logits of both engines are compared
 * (rtol 1e-3, atol 1e-5).
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS || 3);
const SEQ = Number(process.env.BENCH_SEQ || 64);
const TARGETS = { import: 5, memory: 2.5, infer: 10 };

/** Token ids of the benchmark sequence (deterministic, spread over the vocabulary). */
const tokenIds = (seq, vocab) => BigInt64Array.from({ length: seq }, (_, i) => BigInt((i * 7919 + 13) % vocab));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function childOrt(file, seq, vocab, outFile) {
  const ort = require('onnxruntime-node');
  let t = performance.now();
  const session = await ort.InferenceSession.create(file);
  const createMs = performance.now() - t;
  const ids = new ort.Tensor('int64', tokenIds(seq, vocab), [1, seq]);
  t = performance.now();
  const result = await session.run({ input_ids: ids });
  const inferMs = performance.now() - t;
  fs.writeFileSync(outFile, Object.values(result)[0].data);
  return { create_ms: createMs, infer_ms: inferMs };
}

function childOnnxZk(file, seq, vocab, outFile, matmulPrecision) {
  const { importOnnx } = require(path.join(ROOT, 'packages/onnx-frontend/dist'));
  const { runFloat } = require(path.join(ROOT, 'packages/tensor-ir/dist'));
  let t = performance.now();
  // The file's bytes are not kept: after the import only the weights' typed arrays stay alive.
  const { graph } = importOnnx(fs.readFileSync(file), { file, dims: { sequence: seq } });
  const importMs = performance.now() - t;
  t = performance.now();
  const values = runFloat(graph, [{ dtype: 'int64', shape: [1, seq], data: tokenIds(seq, vocab) }], { freeIntermediates: true, matmulPrecision });
  const inferMs = performance.now() - t;
  fs.writeFileSync(outFile, values.get(graph.outputs[0]).data);
  return { import_ms: importMs, infer_ms: inferMs };
}

async function child([engine, file, seq, vocab, outFile, precision]) {
  const run = engine === 'ort' ? await childOrt(file, +seq, +vocab, outFile) : childOnnxZk(file, +seq, +vocab, outFile, precision);
  run.max_rss_mb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(run));
}

function spawnChild(engine, file, vocab, outFile, precision = 'float64') {
  const r = spawnSync(process.execPath, [__filename, '--child', engine, file, String(SEQ), String(vocab), outFile, precision], { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${engine} child failed (exit ${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Logits agreement: max |Δ|, and how many elements miss rtol 1e-3 / atol 1e-5. */
function compare(ortFile, zkFile) {
  const f32 = (f) => { const b = fs.readFileSync(f); return new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4); };
  const [a, b] = [f32(ortFile), f32(zkFile)];
  let maxAbs = 0;
  let mismatches = a.length === b.length ? 0 : Math.max(a.length, b.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = Math.abs(a[i] - b[i]);
    maxAbs = Math.max(maxAbs, d);
    if (!(d <= 1e-5 + 1e-3 * Math.abs(a[i]))) mismatches++;
  }
  return { elements: a.length, max_abs_diff: maxAbs, mismatches };
}

function generate(dir) {
  if (process.env.BENCH_MODEL) return { file: process.env.BENCH_MODEL, gen: null };
  const file = path.join(dir, 'gpt2-small.onnx');
  const args = (process.env.BENCH_GEN_ARGS || '').split(' ').filter(Boolean);
  const t = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'tools/dist/gen-gpt2.js'), '--out', file, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gen-gpt2 failed:\n${r.stderr}`);
  return { file, gen: { ms: performance.now() - t, stdout: r.stdout.trim(), args } };
}

function vocabOf(gen) {
  const i = gen?.args.indexOf('--vocab') ?? -1;
  return i >= 0 ? Number(gen.args[i + 1]) : Number(process.env.BENCH_VOCAB || 50257);
}

module.exports = { compare, median, tokenIds };
if (require.main === module) {
  if (process.argv[2] === '--child') child(process.argv.slice(3)).catch((e) => { process.stderr.write(`${e.stack}\n`); process.exit(1); });
  else require('./report').main({ generate, vocabOf, spawnChild, compare, median, RUNS, SEQ, TARGETS, HERE: __dirname });
}

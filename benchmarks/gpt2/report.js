'use strict';
/** The parent side of bench-gpt2.js: runs the children, takes medians, writes results.json and results.md. */
const fs = require('fs');
const os = require('os');
const path = require('path');

function runAll(ctx, file, vocab, dir) {
  const runs = [];
  for (let r = 0; r < ctx.RUNS; r++) {
    const ortOut = path.join(dir, `ort-${r}.bin`);
    const zkOut = path.join(dir, `zk-${r}.bin`);
    const zk64Out = path.join(dir, `zk64-${r}.bin`);
    const ort = ctx.spawnChild('ort', file, vocab, ortOut);
    const zk = ctx.spawnChild('onnx-zk', file, vocab, zkOut, 'float32');
    const zk64 = ctx.spawnChild('onnx-zk', file, vocab, zk64Out, 'float64');
    const agreement = ctx.compare(ortOut, zkOut);
    const agreement64 = ctx.compare(ortOut, zk64Out);
    runs.push({ ort, onnx_zk: zk, onnx_zk_float64: zk64, agreement, agreement_float64: agreement64 });
    process.stderr.write(`run ${r + 1}/${ctx.RUNS}: ${JSON.stringify(runs[r])}\n`);
  }
  return runs;
}

function summarize(ctx, runs, fileBytes) {
  const m = (f) => ctx.median(runs.map(f));
  const s = {
    ort_create_ms: m((r) => r.ort.create_ms),
    onnx_zk_import_ms: m((r) => r.onnx_zk.import_ms),
    ort_infer_ms: m((r) => r.ort.infer_ms),
    onnx_zk_infer_ms: m((r) => r.onnx_zk.infer_ms),
    ort_max_rss_mb: m((r) => r.ort.max_rss_mb),
    onnx_zk_max_rss_mb: m((r) => r.onnx_zk.max_rss_mb),
    model_mb: fileBytes / 2 ** 20,
    max_abs_diff: Math.max(...runs.map((r) => r.agreement.max_abs_diff)),
    mismatches: Math.max(...runs.map((r) => r.agreement.mismatches)),
    onnx_zk_float64_infer_ms: m((r) => r.onnx_zk_float64.infer_ms),
    onnx_zk_float64_max_rss_mb: m((r) => r.onnx_zk_float64.max_rss_mb),
    max_abs_diff_float64: Math.max(...runs.map((r) => r.agreement_float64.max_abs_diff)),
    mismatches_float64: Math.max(...runs.map((r) => r.agreement_float64.mismatches)),
  };
  s.import_ratio = s.onnx_zk_import_ms / s.ort_create_ms;
  s.memory_ratio = s.onnx_zk_max_rss_mb / s.model_mb;
  s.infer_ratio = s.onnx_zk_infer_ms / s.ort_infer_ms;
  s.infer_ratio_float64 = s.onnx_zk_float64_infer_ms / s.ort_infer_ms;
  s.memory_ratio_float64 = s.onnx_zk_float64_max_rss_mb / s.model_mb;
  return s;
}

function markdown(ctx, s, meta) {
  const ok = (ratio, target) => (ratio < target ? 'yes' : '**no**');
  const f = (x, d = 0) => x.toFixed(d);
  return [
    `# GPT-2 small: onnx-zk vs onnxruntime-node`,
    '',
    `${meta.model}; ${ctx.SEQ}-token sequence; median of ${ctx.RUNS} runs, each in a fresh child process; ${meta.machine}.`,
    `onnx-zk import = readFileSync + importOnnx in memory (decode, fold constants, inferShapes, verifyGraph; no .tir written).`,
    `onnx-zk inference = runFloat with freeIntermediates, each precision in its own child: matmulPrecision 'float32' (MatMul products summed in float32 blocks of 256, then in float64: onnxruntime's precision) in the first inference row and for import and memory; 'float64' (the bit-exact float64 reference sums, the default) in the second.`,
    '',
    `Load average (1 min) at start / end: ${meta.load.map((l) => l.toFixed(1)).join(' / ')} on ${os.cpus().length} cores.`,
    '',
    '| measure | onnxruntime-node | onnx-zk | ratio | target | met |',
    '|---|---|---|---|---|---|',
    `| import / session creation (ms) | ${f(s.ort_create_ms)} | ${f(s.onnx_zk_import_ms)} | ${f(s.import_ratio, 2)}× | < ${ctx.TARGETS.import}× | ${ok(s.import_ratio, ctx.TARGETS.import)} |`,
    `| float inference, ${ctx.SEQ} tokens (ms) | ${f(s.ort_infer_ms)} | ${f(s.onnx_zk_infer_ms)} | ${f(s.infer_ratio, 2)}× | < ${ctx.TARGETS.infer}× | ${ok(s.infer_ratio, ctx.TARGETS.infer)} |`,
    `| float inference, float64 reference sums (ms) | ${f(s.ort_infer_ms)} | ${f(s.onnx_zk_float64_infer_ms)} | ${f(s.infer_ratio_float64, 2)}× | < ${ctx.TARGETS.infer}× | ${ok(s.infer_ratio_float64, ctx.TARGETS.infer)} |`,
    `| peak memory, maxRSS (MB) vs model file ${f(s.model_mb)} MiB | ${f(s.ort_max_rss_mb)} | ${f(s.onnx_zk_max_rss_mb)} | ${f(s.memory_ratio, 2)}× file | < ${ctx.TARGETS.memory}× file | ${ok(s.memory_ratio, ctx.TARGETS.memory)} |`,
    '',
    `Peak memory of the float64 child: ${f(s.onnx_zk_float64_max_rss_mb)} MB (${f(s.memory_ratio_float64, 2)}× file).`,
    '',
    `Logits agreement with onnxruntime: max |Δ| = ${s.max_abs_diff.toExponential(2)} (float64 sums: ${s.max_abs_diff_float64.toExponential(2)}), ${s.mismatches} (float64: ${s.mismatches_float64}) elements outside rtol 1e-3 / atol 1e-5.`,
    '',
  ].join('\n');
}

function main(ctx) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-gpt2-'));
  try {
    const { file, gen } = ctx.generate(dir);
    const vocab = ctx.vocabOf(gen);
    const fileBytes = fs.statSync(file).size;
    const loadStart = os.loadavg()[0];
    const runs = runAll(ctx, file, vocab, dir);
    const summary = summarize(ctx, runs, fileBytes);
    const machine = `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const model = gen ? `gen-gpt2 ${gen.args.join(' ') || '(GPT-2 small defaults)'}: ${gen.stdout.replace(/^.*?: /, '')}` : file;
    const meta = { model, machine, load: [loadStart, os.loadavg()[0]] };
    const json = { date: new Date().toISOString(), seq: ctx.SEQ, runs: ctx.RUNS, targets: ctx.TARGETS, meta, generate_ms: gen?.ms, summary, raw: runs };
    fs.writeFileSync(path.join(ctx.HERE, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
    fs.writeFileSync(path.join(ctx.HERE, 'results.md'), markdown(ctx, summary, meta));
    process.stdout.write(markdown(ctx, summary, meta));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { main };

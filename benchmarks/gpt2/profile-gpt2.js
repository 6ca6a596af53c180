#!/usr/bin/env node
/**
 * Where onnx-zk's GPT-2 float inference spends its time and memory, op by op (after the build):
 *   node benchmarks/gpt2/profile-gpt2.js [model.onnx]     (default: generates GPT-2 small to a temp dir)
 * Env: BENCH_SEQ (tokens, default 64), BENCH_VOCAB (default 50257), PROFILE_RUNS (inference runs in
 * this process, default 2: the first includes JIT warm-up; the table is of the last one),
 * PROFILE_PRECISION (runFloat's matmulPrecision, default float64).
 * Prints the import time and memory, then wall time per op type and operand shapes (MatMuls that
 * read a weight transposed in place run outside the op table and are listed as the remainder), and
 * the highest RSS seen after a node with that node's name. For a V8 profile of the same run, add
 * `node --cpu-prof`.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { tokenIds } = require('./bench-gpt2');

const ROOT = path.resolve(__dirname, '../..');
const SEQ = Number(process.env.BENCH_SEQ || 64);
const VOCAB = Number(process.env.BENCH_VOCAB || 50257);
const RUNS = Number(process.env.PROFILE_RUNS || 2);
const PRECISION = process.env.PROFILE_PRECISION || 'float64';
const mib = (bytes) => (bytes / 2 ** 20).toFixed(0);

function modelFile() {
  if (process.argv[2]) return { file: process.argv[2], cleanup: () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'profile-gpt2-'));
  const file = path.join(dir, 'gpt2-small.onnx');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'tools/dist/gen-gpt2.js'), '--out', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gen-gpt2 failed:\n${r.stderr}`);
  return { file, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function main() {
  const { importOnnx } = require(path.join(ROOT, 'packages/onnx-frontend/dist'));
  const { runFloat, onnxOps } = require(path.join(ROOT, 'packages/tensor-ir/dist'));
  const { file, cleanup } = modelFile();
  try {
    let t = performance.now();
    const { graph } = importOnnx(fs.readFileSync(file), { file, dims: { sequence: SEQ } });
    console.log(`import: ${(performance.now() - t).toFixed(0)} ms, RSS ${mib(process.memoryUsage().rss)} MiB, maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB, file ${mib(fs.statSync(file).size)} MiB`);
    const times = new Map();
    let peak = { rss: 0, node: '' };
    for (const def of Object.values(onnxOps)) {
      if (!def?.evalFloat) continue;
      const evalFloat = def.evalFloat;
      def.evalFloat = function timed(node, args, opset) {
        const t0 = performance.now();
        const outs = evalFloat.call(this, node, args, opset);
        const key = `${node.op} ${args.filter(Boolean).map((a) => `[${a.shape.join(',')}]`).join(' x ')}`;
        const e = times.get(key) ?? { ms: 0, calls: 0 };
        e.ms += performance.now() - t0;
        e.calls++;
        times.set(key, e);
        const rss = process.memoryUsage().rss;
        if (rss > peak.rss) peak = { rss, node: node.name };
        return outs;
      };
    }
    const ids = { dtype: 'int64', shape: [1, SEQ], data: tokenIds(SEQ, VOCAB) };
    let total = 0;
    for (let r = 0; r < RUNS; r++) {
      times.clear();
      t = performance.now();
      runFloat(graph, [ids], { freeIntermediates: true, matmulPrecision: PRECISION });
      total = performance.now() - t;
      console.log(`inference ${r + 1}/${RUNS} (matmulPrecision ${PRECISION}): ${total.toFixed(0)} ms`);
    }
    const rows = [...times].sort((a, b) => b[1].ms - a[1].ms);
    const timed = rows.reduce((s, [, e]) => s + e.ms, 0);
    console.log('\n| ms | calls | op and operand shapes |\n|---:|---:|---|');
    for (const [key, e] of rows) if (e.ms >= 1) console.log(`| ${e.ms.toFixed(1)} | ${e.calls} | ${key} |`);
    console.log(`| ${(total - timed).toFixed(1)} | | the rest (transposed-weight MatMuls, interpreter) |`);
    console.log(`\npeak RSS after a node: ${mib(peak.rss)} MiB (${peak.node}); maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    cleanup();
  }
}

main();

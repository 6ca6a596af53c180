'use strict';
/**
 * One cold `onnx-zk prove` of an example model, as the model benchmarks run it: a fresh key cache
 * (setup = writing the INSECURE development keys), the process's peak RSS from /usr/bin/time, and
 * every artifact's size. Shared by bench-models.js and bench-cnn.js.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'packages', 'onnx-zk', 'dist', 'cli.js');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Runs the prove; `inspect(outDir)` reads what the caller needs before the directory is removed;
 * `extra` are more CLI arguments (e.g. --backend groth16-cr).
 */
function proveOnce(model, frac, inspect, extra = []) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${model}-`));
  const out = path.join(work, 'out');
  const env = { ...process.env, ONNX_ZK_CACHE: path.join(work, 'cache') };
  const dir = path.join(ROOT, 'examples', model);
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'maxrss_kib=%M', process.execPath, CLI, 'prove', path.join(dir, 'network.onnx'),
    '--input', path.join(dir, 'input.json'), '--out', out, '--frac-bits', String(frac), ...extra], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${model}: onnx-zk prove failed\n${r.stderr}`);
  const rss = /maxrss_kib=(\d+)/.exec(r.stderr);
  const timings = JSON.parse(fs.readFileSync(path.join(out, 'timings.json'), 'utf8'));
  const accuracy = JSON.parse(fs.readFileSync(path.join(out, 'accuracy.json'), 'utf8'));
  const sizes = Object.fromEntries(fs.readdirSync(out).map((f) => [f, fs.statSync(path.join(out, f)).size]));
  const inspected = inspect ? inspect(out) : {};
  fs.rmSync(work, { recursive: true, force: true });
  return { wall, peakMiB: rss ? Number(rss[1]) / 1024 : NaN, timings, maxAbsError: accuracy.maxAbsError, sizes, load1: os.loadavg()[0], ...inspected };
}

module.exports = { ROOT, CLI, median, proveOnce };

'use strict';
/** The parent side of bench-transformers.js: merges with an earlier results.json if asked, writes results.json and results.md. */
const fs = require('fs');
const os = require('os');
const path = require('path');

const STEP_COLUMNS = [
  ['import s', ['import ONNX']],
  ['fixed point s', ['lower to fixed point']],
  ['select s', ['select accelerator components']],
  ['LLVM emit s', ['emit LLVM IR', 'emit LLVM IR with runtime']],
];
const PROVER_COLUMNS = ['assign', 'setup', 'prove', 'verify'];

const int = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const sec = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const exp = (x) => (typeof x === 'number' && Number.isFinite(x) ? x.toExponential(2) : '–');
const loads = (l) => l.map((x) => x.toFixed(1)).join(' / ');

function proveTable(models) {
  const head = ['model', 'runs', 'backend', 'constraints', 'wires', '2^k', ...STEP_COLUMNS.map(([c]) => c), ...PROVER_COLUMNS.map((c) => `${c} s`),
    'whole run s', 'peak MiB', 'verified', 'max abs logit error', 'vs float model'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const { summary: s } of models) {
    if (!s.verifiedRuns) {
      const why = (s.error ?? 'failed').split('\n').filter(Boolean).pop().replace(/\|/g, '\\|');
      lines.push(`| ${s.model} | ${s.runs} | ${Array(head.length - 5).fill('–').join(' | ')} | **false** | ${why} | – |`);
      continue;
    }
    const backend = s.backend === 'groth16-cr' ? `groth16-cr (${s.limbBits}-bit limbs)` : (s.backend ?? '–');
    const steps = STEP_COLUMNS.map(([, names]) => sec(names.reduce((a, n) => a + (s.steps[n] ?? NaN), 0), 2));
    const prover = PROVER_COLUMNS.map((k) => sec(s.seconds[k], k === 'verify' ? 2 : 1));
    const verified = s.verified ? 'true' : `${s.verifiedRuns} of ${s.runs}`;
    lines.push(`| ${s.model} | ${s.runs} | ${backend} | ${int(s.constraints)} | ${int(s.wires)} | ${s.ptauPower ?? '–'} | ${steps.join(' | ')} | ${prover.join(' | ')} | ` +
      `${sec(s.wall)} | ${int(s.peakMiB)} | ${verified} | ${exp(s.maxAbsLogitError)} | ${exp(s.maxAbsErrorFloatModel)} |`);
  }
  return lines.join('\n');
}

/** The peer line: EZKL's published nanoGPT figures beside ours when a nanoGPT was measured. */
function ezklLine(models, peer) {
  const nano = models.filter((m) => /^nanogpt/i.test(m.model) && m.summary.verifiedRuns);
  const theirs = `EZKL publishes ${peer.proveS} s to prove its nanoGPT plus about ${peer.keygenS} s of key generation, on a larger machine than this one ` +
    '(their published figure, not measured here)';
  if (!nano.length) return `**nanoGPT against EZKL:** ${theirs}. No nanoGPT was run in this results file.`;
  const ours = nano.map(({ summary: s }) => `${s.model}: prove ${sec(s.seconds.prove, 0)} s, setup ${sec(s.seconds.setup, 0)} s ` +
    `(writing the INSECURE development keys, our counterpart of their key generation), whole run ${sec(s.wall, 0)} s, ${int(s.constraints)} constraints`).join('; ');
  return `**nanoGPT against EZKL:** ${ours}, on ${os.cpus().length} cores. ${theirs}; the machines differ, so compare with care.`;
}

function gpt2Section(g, targets) {
  const lines = ['## GPT-2 small compiled to model.acc.tir (not proved)', ''];
  if (!g) return [...lines, 'Not run in this results file (GPT2=0).', ''].join('\n');
  const gen = `tools/dist/gen-gpt2.js --sequence ${g.summary.sequence ?? 64}${g.generated.args.length ? ` ${g.generated.args.join(' ')}` : ' (GPT-2 small defaults)'}: ` +
    `${g.generated.stdout.replace(/^.*?: /, '')}`;
  if (g.summary.failed) return [...lines, `${gen}. **Failed** before model.acc.tir: ${(g.summary.error ?? '').split('\n').pop()}`, ''].join('\n');
  const s = g.summary;
  const ok = (x, target) => (x < target ? 'yes' : '**no**');
  const mode = s.mode === 'stages'
    ? 'the stage CLIs one by one, each in its own child (onnx-zk-frontend, onnx-zk-fxp lower --calibration --report, onnx-zk-acc select); stopped after select; peak = the largest child'
    : `\`onnx-zk compile\` in one child (import, fixed point, select, then LLVM emit); peak = that child, LLVM emit included${s.completed ? '' : ` — **the compile failed after select**: ${(s.error ?? '').split('\n').pop()}`}`;
  const peakGiB = s.peakMiB / 1024;
  const toAcc = s.mode === 'stages' ? 'wall time to model.acc.tir, the three children (s)' : 'time to model.acc.tir, the CLI\'s first three steps (s)';
  lines.push(
    `${gen}; ${s.sequence} token ids; ${mode}. Median of ${g.runs.length} run(s).`,
    '',
    '| measure | value | target | met |',
    '|---|---|---|---|',
    `| ${toAcc} | ${sec(s.toAccSeconds)} | < ${targets.gpt2Seconds} | ${ok(s.toAccSeconds, targets.gpt2Seconds)} |`,
    `| peak RSS (GiB) | ${peakGiB.toFixed(2)} | < ${targets.gpt2GiB} | ${ok(peakGiB, targets.gpt2GiB)} |`,
    `| constraints (select's total, ${s.backend === 'groth16-cr' ? `groth16-cr, ${s.limbBits}-bit limbs` : s.backend}) | ${int(s.constraints)} | | |`,
    `| constraints per token | ${int(s.perToken)} | | |`,
    '',
    `Steps (s): ${Object.entries(s.steps).map(([k, v]) => `${k} ${sec(v)}`).join(', ')}; whole child${s.mode === 'stages' ? 'ren' : ''} ${sec(s.wall)} s. ` +
      `${s.peakPerStepMiB ? `Peak per stage (MiB): ${Object.entries(s.peakPerStepMiB).map(([k, v]) => `${k} ${int(v)}`).join(', ')}. ` : ''}` +
      `Max abs error of the fixed-point model against the float model on these tokens (accuracy.json): ${exp(s.maxAbsErrorFloatModel)}. ` +
      `Artifacts (MB): ${Object.entries(s.sizes).map(([f, b]) => `${f} ${(b / 1e6).toFixed(0)}`).join(', ')}; free disk before: ${g.freeDiskGiB.toFixed(0)} GiB.`,
    '',
  );
  return lines.join('\n');
}

function markdown(json, ctx) {
  const { meta } = json;
  const measured = ctx.models.map((m) => m.model);
  const kept = json.models.filter((m) => !measured.includes(m.model));
  const absent = ctx.order.filter((m) => !json.models.some((x) => x.model === m));
  const gpt2State = ctx.gpt2 ? 'GPT-2 small was compiled in this invocation' : json.gpt2 ? `GPT-2 small kept from ${json.gpt2.runs[0]?.measuredAt ?? 'an earlier run'}` : 'GPT-2 small was not run (GPT2=0)';
  return [
    '# Transformer models end to end',
    '',
    `${meta.date} · ${meta.cpus}× ${meta.cpu}, ${meta.memGiB} GiB · node ${meta.node} · load average (1 / 5 / 15 min) at start ${loads(meta.load.start)}, ` +
      `at end ${loads(meta.load.end)}. Times are inflated when the load exceeds the ${meta.cpus} cores (other jobs share the machine).`,
    '',
    `**Models run in this invocation:** ${measured.join(', ') || 'none'}` +
      `${kept.length ? `. **Kept from earlier runs (BENCH_MERGE=1):** ${kept.map((m) => `${m.model} (${m.measuredAt})`).join(', ')}` : ''}` +
      `${absent.length ? `. **Not run:** ${absent.join(', ')}` : ''}. ${gpt2State}.`,
    '',
    '## `onnx-zk prove`',
    '',
    `Each run is one \`onnx-zk prove examples/<model>/network.onnx --input input.json\` in a fresh child with a cold key cache ` +
      '(setup = writing the INSECURE development Groth16 keys), 16 fractional bits, the backend select picks (auto). Medians of the verified runs; ' +
      'every run is in results.json.',
    '',
    proveTable(json.models),
    '',
    'constraints, wires, 2^k and the assign / setup / prove / verify seconds: timings.json; import … LLVM emit: the CLI\'s step lines; whole run: the ' +
      'child\'s wall time (Node start-up included); peak: the child\'s maximum RSS (/usr/bin/time); max abs logit error: the proved outputs ' +
      '(outputs.json, dequantized) against onnxruntime\'s test_data_set_0/output_0.pb; vs float model: accuracy.json, the same outputs against ' +
      'onnx-zk\'s float interpreter.',
    '',
    ezklLine(json.models, ctx.EZKL_NANOGPT),
    '',
    gpt2Section(json.gpt2, ctx.TARGETS),
  ].join('\n').replace(/\n*$/, '\n');
}

function write(ctx) {
  const file = path.join(ctx.HERE, 'results.json');
  const previous = ctx.merge && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
  const measured = new Set(ctx.models.map((m) => m.model));
  const rank = (m) => (ctx.order.includes(m) ? ctx.order.indexOf(m) : ctx.order.length);
  const models = [...(previous?.models ?? []).filter((m) => !measured.has(m.model)), ...ctx.models].sort((a, b) => rank(a.model) - rank(b.model));
  const meta = {
    date: new Date().toISOString(), cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version,
    load: { start: ctx.loadStart, end: os.loadavg() }, runs: ctx.RUNS, env: ctx.env,
  };
  const json = { meta, targets: ctx.TARGETS, peer: { ezklNanoGpt: ctx.EZKL_NANOGPT }, models, gpt2: ctx.gpt2 ?? previous?.gpt2 ?? null };
  if (previous) json.mergedFrom = previous.meta?.date;
  fs.writeFileSync(file, `${JSON.stringify(json, null, 1)}\n`);
  const md = markdown(json, ctx);
  fs.writeFileSync(path.join(ctx.HERE, 'results.md'), md);
  process.stdout.write(md);
}

module.exports = { write };

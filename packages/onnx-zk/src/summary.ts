import * as fs from 'fs';
import * as path from 'path';

export interface Summary {
  verified: boolean;
  text: string;
}

function readJson(dir: string, name: string): any {
  const file = path.join(dir, name);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(6);
}

/** The closing report of `onnx-zk prove`: outputs, error against the float model, cost, verdict. */
export function summarize(dir: string, verified: boolean): Summary {
  const outputs = readJson(dir, 'outputs.json');
  const timings = readJson(dir, 'timings.json');
  const accuracy = readJson(dir, 'accuracy.json');
  const lines: string[] = [];
  for (const out of outputs?.outputs ?? []) {
    lines.push(`output ${out.name} [${out.shape.join('x')}] (frac ${out.frac}): ${out.values.map(fmt).join(' ')}`);
  }
  if (accuracy) {
    lines.push(
      `error against the float model: max abs ${accuracy.maxAbsError.toExponential(3)}, mean abs ${accuracy.meanAbsError.toExponential(3)} ` +
        `(frac bits ${accuracy.fracBits}, input range ${accuracy.inputRange})`,
    );
  }
  if (timings) {
    const s = timings.seconds ?? {};
    const times = Object.entries(s).map(([k, v]) => `${k} ${(v as number).toFixed(2)} s`).join(', ');
    lines.push(`circuit: ${timings.constraints} constraints, ${timings.wires} wires, ${timings.publicSignals} public signals; ${times}`);
    if (timings.insecureSetup) lines.push('setup: INSECURE development keys (use --ptau for production)');
  }
  lines.push(`verified: ${verified}`);
  lines.push(`artifacts: ${dir}`);
  return { verified, text: `${lines.join('\n')}\n` };
}

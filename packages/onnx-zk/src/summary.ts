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

/** One entry of accuracy.json's `layers` (fixedpoint-lowering's LayerAccuracy), as far as the table reads it. */
export interface LayerError {
  node: string;
  op: string;
  value?: string;
  shape: number[];
  maxAbsError: number | null;
  meanAbsError: number | null;
}

/** Layers the table shows; the rest are counted in its last line. */
export const WORST_LAYERS = 8;
/** Widest node name shown: a longer one keeps its end (the most specific part) after an ellipsis. */
const NODE_WIDTH = 40;

function errorText(x: number | null): string {
  // JSON writes a NaN or infinite error as null.
  return typeof x === 'number' && Number.isFinite(x) ? x.toExponential(3) : String(x ?? 'n/a');
}

/** Sort key: an error that is not a finite number (the float model gave NaN or ∞) counts as the worst. */
function errorKey(x: number | null): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : Infinity;
}

/**
 * The per-layer table of the summary: the `limit` layers of largest max abs error, worst first
 * (ties in node order), in aligned columns — node and op and shape left-aligned, the errors
 * right-aligned — then a line counting the layers left out. No layers, no lines.
 */
export function accuracyTable(layers: readonly LayerError[], limit = WORST_LAYERS): string[] {
  if (!layers.length) return [];
  const worst = layers
    .map((layer, index) => ({ layer, index }))
    .sort((a, b) => errorKey(b.layer.maxAbsError) - errorKey(a.layer.maxAbsError) || a.index - b.index)
    .slice(0, limit)
    .map(({ layer }) => layer);
  const name = (l: LayerError) => {
    const n = l.node || l.value || '?';
    return n.length > NODE_WIDTH ? `…${n.slice(n.length - NODE_WIDTH + 1)}` : n;
  };
  const rows = [
    ['node', 'op', 'shape', 'max abs', 'mean abs'],
    ...worst.map((l) => [name(l), l.op, l.shape.length ? l.shape.join('x') : 'scalar', errorText(l.maxAbsError), errorText(l.meanAbsError)]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) => `  ${r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}`);
  const more = layers.length - worst.length;
  if (more > 0) lines.push(`  … ${more} more layer${more === 1 ? '' : 's'} in accuracy.json`);
  return [`error by layer, largest first:`, ...lines];
}

/** The closing report of `onnx-zk prove`: outputs, error against the float model (overall, then the worst layers), cost, verdict. */
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
    lines.push(...accuracyTable(Array.isArray(accuracy.layers) ? accuracy.layers : []));
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

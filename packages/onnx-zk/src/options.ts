/** Parsing of the umbrella's option strings; malformed values are usage errors (exit 2). */
import { usageError } from '@onnx-zk/tensor-ir';

export function usage(msg: string): never {
  throw usageError('onnx-zk', msg);
}

export function parseRange(text: string): [number, number] {
  const parts = text.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 2 || parts.some((x) => !Number.isFinite(x)) || parts[0] >= parts[1]) {
    usage(`--input-range wants "lo,hi" with lo < hi, got "${text}"`);
  }
  return [parts[0], parts[1]];
}

export function parseDims(items: string[]): Record<string, number> {
  const dims: Record<string, number> = {};
  for (const item of items) {
    const m = item.match(/^([^=]+)=(\d+)$/);
    if (!m || Number(m[2]) < 1) usage(`--dim wants name=value with a positive value, got "${item}"`);
    dims[m[1]] = Number(m[2]);
  }
  return dims;
}

/** --error-budget "1e-3": the largest error bound an approximating op may have, a positive finite number. */
export function parseErrorBudget(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(value) || value <= 0) usage(`--error-budget wants a positive number (absolute error, e.g. 1e-3), got "${text}"`);
  return value;
}

export const TARGETS = ['size', 'accuracy'] as const;

export const BACKENDS = ['auto', 'groth16', 'groth16-cr'] as const;

/** --backend and --limb-bits: the proving backend select binds the graph for. */
export function parseBackend(value: unknown, limbBits: unknown): { backend?: (typeof BACKENDS)[number]; limbBits?: number } {
  const backend = value === undefined ? undefined : BACKENDS.find((b) => b === value);
  if (value !== undefined && backend === undefined) usage(`--backend wants one of ${BACKENDS.join(', ')}, got "${String(value)}"`);
  if (limbBits === undefined) return { backend };
  if (typeof limbBits !== 'number' || !Number.isInteger(limbBits) || limbBits < 1 || limbBits > 20) usage(`--limb-bits wants an integer from 1 to 20, got "${String(limbBits)}"`);
  if (backend === 'groth16') usage('--limb-bits is for the groth16-cr backend, not groth16');
  return { backend, limbBits: limbBits as number };
}

/** --target: what select optimises among the strategies within the budget. */
export function parseTarget(value: unknown): (typeof TARGETS)[number] | undefined {
  if (value === undefined) return undefined;
  const t = TARGETS.find((x) => x === value);
  if (t === undefined) usage(`--target wants one of ${TARGETS.join(', ')}, got "${String(value)}"`);
  return t;
}

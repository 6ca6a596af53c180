import { broadcastShapes } from './broadcast';

/** The shapes numpy's matmul works with: 1-D operands promoted, batch dims broadcast. */
export interface MatMulPlan {
  m: number;
  k: number;
  n: number;
  /** Broadcast batch shape. */
  batch: number[];
  aBatch: number[];
  bBatch: number[];
  /** The result shape (promoted 1-D dims removed again). */
  out: number[];
}

/** Plans a numpy matmul of shapes a and b, or returns why they do not multiply. */
export function planMatMul(a: readonly number[], b: readonly number[]): MatMulPlan | string {
  if (a.length === 0 || b.length === 0) return 'MatMul operands must have rank >= 1';
  const a2 = a.length === 1 ? [1, a[0]] : [...a];
  const b2 = b.length === 1 ? [b[0], 1] : [...b];
  const [m, k] = a2.slice(-2);
  const [k2, n] = b2.slice(-2);
  if (k !== k2) return `inner dimensions differ: [${a.join(',')}] x [${b.join(',')}]`;
  const aBatch = a2.slice(0, -2);
  const bBatch = b2.slice(0, -2);
  const batch = broadcastShapes(aBatch, bBatch);
  if (!batch) return `batch dimensions [${aBatch.join(',')}] and [${bBatch.join(',')}] do not broadcast`;
  const out = [...batch];
  if (a.length > 1) out.push(m);
  if (b.length > 1) out.push(n);
  return { m, k, n, batch, aBatch, bBatch, out };
}

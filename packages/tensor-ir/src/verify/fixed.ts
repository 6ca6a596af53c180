import { FixedInfo, Graph, ValueInfo, numel } from '../model';
import { ErrorCollector, IrErrors } from '../errors';

/** Bounds must stay below 2^62 in magnitude: native i64 with margin (docs/architecture.md). */
export const BOUND_LIMIT = 1n << 62n;

/**
 * Stage fixed/accel: every value is int64 with FixedInfo whose lo/hi have one entry per element,
 * lo ≤ hi, |bounds| < 2^62; a constant's bounds are its own value.
 */
export function checkFixedInfo(graph: Graph, errors: ErrorCollector): void {
  for (const [name, info] of graph.values) {
    const problem = fixedProblem(info, graph.constants.get(name)?.data);
    if (problem) errors.add(IrErrors.FIXED_INFO, {}, `'${name}': ${problem}`);
  }
}

function fixedProblem(info: ValueInfo, constant: unknown): string | undefined {
  if (info.dtype !== 'int64') return `fixed-point values are int64, got ${info.dtype}`;
  const f = info.fixed;
  if (!f) return 'no FixedInfo';
  if (!Number.isInteger(f.frac)) return `frac ${f.frac} is not an integer`;
  const n = numel(info.shape);
  if (f.lo.length !== n || f.hi.length !== n) return `lo/hi have ${f.lo.length}/${f.hi.length} entries, expected ${n}`;
  const bad = boundsProblem(f);
  if (bad) return bad;
  // A constant's bounds are usually its data itself (one array): nothing to compare then.
  if (constant instanceof BigInt64Array && !(f.lo === constant && f.hi === constant)) {
    const i = constant.findIndex((v, k) => f.lo[k] !== v || f.hi[k] !== v);
    if (i >= 0) return `constant element ${i} = ${constant[i]} but its bounds are [${f.lo[i]}, ${f.hi[i]}]`;
  }
  return undefined;
}

function boundsProblem(f: FixedInfo): string | undefined {
  if (f.lo === f.hi) {
    const v = f.lo;
    for (let i = 0; i < v.length; i++) {
      if (v[i] <= -BOUND_LIMIT || v[i] >= BOUND_LIMIT) return `element ${i} bounds [${v[i]}, ${v[i]}] exceed |v| < 2^62`;
    }
    return undefined;
  }
  for (let i = 0; i < f.lo.length; i++) {
    if (f.lo[i] > f.hi[i]) return `element ${i} has lo ${f.lo[i]} > hi ${f.hi[i]}`;
    if (f.lo[i] <= -BOUND_LIMIT || f.hi[i] >= BOUND_LIMIT) return `element ${i} bounds [${f.lo[i]}, ${f.hi[i]}] exceed |v| < 2^62`;
  }
  return undefined;
}

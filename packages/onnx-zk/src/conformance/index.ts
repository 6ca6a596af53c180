import { OnnxZkError, writeFileAtomic } from '@onnx-zk/tensor-ir';
import { readCaseList } from './cases';
import { ConformanceErrors } from './errors';
import { CaseResult, runCase } from './run-case';
import { readSkips } from './skips';

export { mismatch, RTOL, ATOL } from './compare';
export { runCase } from './run-case';
export { FIXED_ATOL, FIXED_RTOL } from './fixed-check';
export type { CaseResult, CaseOptions, CaseStatus } from './run-case';
export { readSkips } from './skips';
export { readCaseList, caseFiles } from './cases';
export { ConformanceErrors } from './errors';

export interface ConformanceOptions {
  dirs?: string[];
  list?: string;
  skips?: string;
  lenient?: boolean;
  noOpt?: boolean;
  /** Check fixed point too (CaseOptions.fixed). */
  fixed?: boolean;
  /** Called with each case's result line as soon as it is known. */
  onLine?: (line: string) => void;
}

export interface ConformanceReport {
  passed: number;
  failed: number;
  skipped: number;
  cases: CaseResult[];
}

/** Runs every case of the directories and the list file, in that order. */
export function runConformance(opts: ConformanceOptions): ConformanceReport {
  const dirs = [...(opts.dirs ?? []), ...(opts.list ? readCaseList(opts.list) : [])];
  if (dirs.length === 0) throw new OnnxZkError(ConformanceErrors.NO_CASES);
  const skips = opts.skips ? readSkips(opts.skips) : new Map<string, string>();
  const cases = dirs.map((dir) => {
    const r = runCase(dir, { lenient: opts.lenient, noOpt: opts.noOpt, fixed: opts.fixed, skips });
    opts.onLine?.(caseLine(r));
    return r;
  });
  const count = (s: string) => cases.filter((c) => c.status === s).length;
  return { passed: count('pass'), failed: count('fail'), skipped: count('skip'), cases };
}

/** `PASS name`, `FAIL name: why`, `SKIP name: reason`. */
export function caseLine(r: CaseResult): string {
  return `${r.status.toUpperCase()} ${r.name}${r.detail ? `: ${r.detail}` : ''}`;
}

/** The last line of a run, exactly `N passed, M failed, K skipped`. */
export function summaryLine(r: ConformanceReport): string {
  return `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;
}

export function writeReportJson(file: string, r: ConformanceReport): void {
  writeFileAtomic(file, `${JSON.stringify(r, null, 2)}\n`);
}

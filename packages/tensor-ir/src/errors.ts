/**
 * Coded user errors shared by every stage. Each stage keeps its own catalogue of ErrorDef
 * entries (code prefix FE, IR, FP, ZK, LL, PV) and raises them with `raise`.
 */

export interface ErrorDef {
  /** Stable code, e.g. 'FE001'. */
  code: string;
  /** One-line description; `details` from the raise site is appended. */
  message: string;
  /** Optional one-line fix shown after the message. */
  hint?: string;
}

export interface ErrorSite {
  /** The file being processed (model.onnx, model.tir, ...). */
  file?: string;
  /** ONNX node name / IR location. */
  node?: string;
  /** ONNX op type. */
  op?: string;
}

/** A user error: reported as one line, exit code 1, never a stack trace. */
export class OnnxZkError extends Error {
  readonly code: string;
  readonly site: ErrorSite;
  readonly details: string;
  readonly hint?: string;
  readonly def: ErrorDef;
  constructor(def: ErrorDef, site: ErrorSite = {}, details = '') {
    super(formatError(def, site, details));
    this.name = 'OnnxZkError';
    this.def = def;
    this.code = def.code;
    this.site = site;
    this.details = details;
    this.hint = def.hint;
  }
}

/** Several user errors at once (e.g. every unsupported node of a model). */
export class OnnxZkErrorList extends Error {
  readonly errors: OnnxZkError[];
  constructor(errors: OnnxZkError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'OnnxZkErrorList';
    this.errors = errors;
  }
}

export function formatError(def: ErrorDef, site: ErrorSite, details: string): string {
  const where: string[] = [];
  if (site.file) where.push(site.file);
  if (site.node !== undefined) where.push(site.op ? `${site.node} (${site.op})` : site.node);
  const prefix = where.length ? `${where.join(': ')}: ` : '';
  const msg = details ? `${def.message}: ${details}` : def.message;
  return `${prefix}error ${def.code}: ${msg}${def.hint ? ` (fix: ${def.hint})` : ''}`;
}

export function raise(def: ErrorDef, site: ErrorSite = {}, details = ''): never {
  throw new OnnxZkError(def, site, details);
}

/** Collects errors so that a stage can report all of them, then throws them together. */
export class ErrorCollector {
  readonly errors: OnnxZkError[] = [];
  add(def: ErrorDef, site: ErrorSite = {}, details = ''): void {
    this.errors.push(new OnnxZkError(def, site, details));
  }
  /** Runs fn and records an OnnxZkError it throws instead of propagating it. */
  attempt<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (e instanceof OnnxZkError) { this.errors.push(e); return undefined; }
      if (e instanceof OnnxZkErrorList) { this.errors.push(...e.errors); return undefined; }
      throw e;
    }
  }
  throwIfAny(): void {
    if (this.errors.length === 1) throw this.errors[0];
    if (this.errors.length > 1) throw new OnnxZkErrorList(this.errors);
  }
}

/** An internal invariant: failing it is a bug in onnx-zk, not a user error. */
export function assert(cond: unknown, what: string): asserts cond {
  if (!cond) throw new Error(`internal error: ${what}`);
}

/** Adds the file name to the site of a user error thrown without one. */
export function withFile<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw attachFile(e, file);
  }
}

export async function withFileAsync<T>(file: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw attachFile(e, file);
  }
}

function attachFile(e: unknown, file: string): unknown {
  const fix = (err: OnnxZkError) => (err.site.file ? err : new OnnxZkError(err.def, { ...err.site, file }, err.details));
  if (e instanceof OnnxZkError) return fix(e);
  if (e instanceof OnnxZkErrorList) return new OnnxZkErrorList(e.errors.map(fix));
  return e;
}

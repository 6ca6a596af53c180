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

/** The tensor-ir catalogue (prefix IR). Codes are stable: never renumber, only append. */
export const IrErrors = {
  BAD_MAGIC: { code: 'IR001', message: 'not an onnx-zk .tir file', hint: 'pass a file written by an onnx-zk stage (binary starts with ONNXZKIR, text with "onnx-zk tir v1")' },
  BAD_VERSION: { code: 'IR002', message: 'unsupported .tir format version', hint: 'regenerate the file with this version of onnx-zk' },
  CORRUPT: { code: 'IR003', message: 'corrupt or truncated .tir payload', hint: 'regenerate the file; it may have been cut short' },
  PARSE: { code: 'IR004', message: 'cannot parse .tir text' },
  WRONG_STAGE: { code: 'IR005', message: 'wrong IR stage', hint: 'run the stages in order: frontend → fxp → acc select → llvm' },
  NO_FILE: { code: 'IR006', message: 'cannot read file' },
  UNKNOWN_OP: { code: 'IR007', message: 'unknown op for this IR stage' },
  BAD_ATTR: { code: 'IR008', message: 'bad attribute' },
  BAD_OPERANDS: { code: 'IR009', message: 'invalid operands' },
  REDEFINED: { code: 'IR010', message: 'value defined more than once (IR values are SSA)' },
  NOT_TOPOLOGICAL: { code: 'IR011', message: 'value used before the node that defines it (nodes must be in topological order)' },
  DANGLING: { code: 'IR012', message: 'value is used but never defined' },
  OUTPUT_UNDEFINED: { code: 'IR013', message: 'graph output is never defined' },
  TYPE_MISMATCH: { code: 'IR014', message: 'declared type differs from the inferred type' },
  CONSTANT_INFO: { code: 'IR015', message: 'constant does not match its value info' },
  FIXED_INFO: { code: 'IR016', message: 'bad fixed-point info' },
  FRAC_RULE: { code: 'IR017', message: 'fixed-point frac rule violated' },
  GADGET_ATTRS: { code: 'IR018', message: 'accel node is not bound to a gadget' },
  ARITY: { code: 'IR019', message: 'wrong number of inputs or outputs' },
  INPUT_MISMATCH: { code: 'IR020', message: 'input does not match the graph input' },
  BAD_INPUT_JSON: { code: 'IR021', message: 'malformed input JSON', hint: 'use {"input_data": [[...], ...]} with one flat or nested number array per graph input' },
  BAD_TENSOR: { code: 'IR022', message: 'bad tensor data' },
  DUPLICATE_NODE: { code: 'IR023', message: 'node name used more than once' },
  NO_FLOAT_SEMANTICS: { code: 'IR024', message: 'op has no float semantics in the interpreter' },
  MISSING_TYPE: { code: 'IR025', message: 'value has no type (ValueInfo)' },
  STRAY_VALUE: { code: 'IR026', message: 'value info for a value that nothing defines' },
  UNKNOWN_PASS: { code: 'IR027', message: 'unknown pass', hint: "run 'onnx-zk-ir opt --help' for the pass names" },
} satisfies Record<string, ErrorDef>;

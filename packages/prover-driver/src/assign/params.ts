import { raise, ErrorSite } from '@onnx-zk/tensor-ir';
import type { AbiParam, ConstraintSystem, ParamValue } from '@onnx-zk/zk-accelerator-components';
import { Errors } from '../errors';
import type { Arg } from '../llvm';
import { BufferMap, BufferArg } from './buffers';

/**
 * Turns a call's decoded LLVM arguments into the gadget's positional params, following its abi
 * generically: `in` → the buffer's signals, `out` → its element count (0 for an absent optional
 * one, a null pointer), `const` → values or null, `int` → number, `lo`/`hi` → values
 * (docs/architecture.md "Gadgets").
 */
export function buildParams(cs: ConstraintSystem, abi: readonly AbiParam[], args: readonly Arg[], buffers: BufferMap, site: ErrorSite): ParamValue[] {
  if (args.length !== abi.length) raise(Errors.ABI_MISMATCH, site, `${args.length} arguments for an abi of ${abi.length}`);
  return abi.map((p, i) => paramValue(cs, p, args[i], buffers, site));
}

function paramValue(cs: ConstraintSystem, p: AbiParam, arg: Arg, buffers: BufferMap, site: ErrorSite): ParamValue {
  const bad = (expected: string): never => raise(Errors.ABI_MISMATCH, site, `parameter ${p.name} (${p.kind}) needs ${expected}, got ${describe(arg)}`);
  switch (p.kind) {
    case 'in':
      if (arg.kind === 'null') return p.optional ? [] : bad('a buffer (it is not optional)');
      if (arg.kind === 'global' && arg.values) return Array.from(arg.values, (v) => cs.constant(v));
      return isBuffer(arg) ? buffers.read(arg, site) : bad('a buffer');
    case 'out':
      if (arg.kind === 'null') return p.optional ? 0 : bad('a writable buffer (it is not optional)');
      return isBuffer(arg) && !(arg.kind === 'global' && arg.values) ? buffers.size(arg) : bad('a writable buffer');
    case 'const':
      if (arg.kind === 'null') return p.optional ? null : bad('a constant (it is not optional)');
      return arg.kind === 'global' && arg.values ? arg.values : bad('a constant global');
    case 'int':
      if (arg.kind !== 'int') return bad('an i64 immediate');
      if (arg.value > BigInt(Number.MAX_SAFE_INTEGER) || arg.value < BigInt(Number.MIN_SAFE_INTEGER)) return bad('a safe integer');
      return Number(arg.value);
    case 'lo':
    case 'hi':
      return arg.kind === 'global' && arg.values ? arg.values : bad('a constant bounds global');
  }
}

export function isBuffer(arg: Arg): arg is BufferArg {
  return arg.kind === 'param' || arg.kind === 'global';
}

function describe(arg: Arg): string {
  switch (arg.kind) {
    case 'param': return `parameter %${arg.name}`;
    case 'global': return `${arg.values ? 'constant' : 'buffer'} @${arg.name}`;
    case 'int': return `i64 ${arg.value}`;
    case 'null': return 'null';
  }
}

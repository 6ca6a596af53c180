import { ValueInfo } from '../model';
import { IrErrors } from '../errors';
import { InferContext } from '../ops/types';
import { attrInt } from '../attrs';

/** Input i of a fixed op: present and int64 (fixed-point integers). */
export function int64Input(ctx: InferContext, i: number): ValueInfo {
  const v = ctx.input(i);
  if (v.dtype !== 'int64') ctx.fail(`input ${i} (${v.name}) must be int64 in the fixed dialect, got ${v.dtype}`);
  return v;
}

/** The frac of input i (verifyGraph reports missing FixedInfo separately). */
export function fracOf(ctx: InferContext, i: number): number {
  const v = ctx.input(i);
  if (!v.fixed) return ctx.fail(`input ${v.name} has no FixedInfo`, IrErrors.FIXED_INFO);
  return v.fixed.frac;
}

/** A shift attribute, which must be at least `min`. */
export function shiftAttr(ctx: InferContext, name: string, min: number): number {
  const s = attrInt(ctx.node, name);
  if (!Number.isInteger(s) || s < min) ctx.fail(`attribute '${name}' must be an integer >= ${min}, got ${s}`, IrErrors.BAD_ATTR);
  return s;
}

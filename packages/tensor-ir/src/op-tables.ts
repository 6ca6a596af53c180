import { Stage } from './model';
import { OpDef } from './ops/types';
import { onnxOps } from './ops';
import { fixedOps } from './fixed-ops';

/** The op table of a stage's dialect: float → ONNX ops, fixed and accel → fixed-point ops. */
export function opsFor(stage: Stage): Record<string, OpDef> {
  return stage === 'float' ? onnxOps : fixedOps;
}

/** An op of a table, ignoring inherited object keys such as 'toString'. */
export function lookupOp(table: Record<string, OpDef>, op: string): OpDef | undefined {
  return Object.prototype.hasOwnProperty.call(table, op) ? table[op] : undefined;
}

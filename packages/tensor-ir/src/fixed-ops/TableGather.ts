import { OpDef } from '../ops/types';
import { IrErrors } from '../errors';
import { fracOf, int64Input } from './helpers';

/**
 * Rows of a constant table chosen by computed indices (the token embedding):
 * y[t, ...] = table[ids[t], ...] for every element t of ids. ids is an integer value (frac 0)
 * whose bounds lie in [0, rows − 1]; y has shape ids.shape ++ table.shape[1:] and table's frac.
 */
export const TableGather: OpDef = {
  op: 'TableGather',
  inputs: [{ name: 'table' }, { name: 'ids' }],
  outputs: [{ name: 'y' }],
  attrs: {},
  infer(ctx) {
    const table = int64Input(ctx, 0);
    const ids = int64Input(ctx, 1);
    if (!ctx.constants[0]) ctx.fail(`table (${table.name}) must be a constant`);
    if (table.shape.length < 1 || table.shape[0] < 1) ctx.fail(`table (${table.name}) must have at least one row, got [${table.shape.join(',')}]`);
    return [{ dtype: 'int64', shape: [...ids.shape, ...table.shape.slice(1)] }];
  },
  fracRule(ctx) {
    if (fracOf(ctx, 1) !== 0) ctx.fail(`ids have frac ${fracOf(ctx, 1)}, expected 0 (integers)`, IrErrors.FRAC_RULE);
    return [fracOf(ctx, 0)];
  },
};

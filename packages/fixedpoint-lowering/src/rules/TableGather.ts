import { Node, assert, attrInt, raise, tensorValues } from '@onnx-zk/tensor-ir';
import { Interval, maxOf, minOf } from '../bounds/interval';
import { Errors } from '../errors';
import { LowerContext } from '../lower/context';
import { quantizeValues } from '../scheme/quantize-values';
import { Rule } from './types';

/**
 * Gather of a constant table by computed indices (the token embedding): the table is quantized at
 * f and becomes TableGather's constant; the indices must be an integer value (frac 0, a token-id
 * graph input). Only axis 0 is supported; indices are non-negative (the graph input's bounds are [0, rows − 1], lower-graph.ts).
 */
export function lowerTableGather(node: Node, ctx: LowerContext): void {
  const site = ctx.siteOf(node);
  const [dataName, idsName] = node.inputs;
  const table = ctx.constant(dataName);
  if (!table) raise(Errors.UNSUPPORTED_FORM, site, `Gather with computed indices needs a constant data table; '${dataName}' is computed`);
  const rank = table.shape.length;
  const axis = attrInt(node, 'axis', 0);
  const a = axis < 0 ? axis + rank : axis;
  if (a !== 0) raise(Errors.UNSUPPORTED_FORM, site, `Gather with computed indices is supported on the table's first axis only (axis ${axis} of [${table.shape.join(',')}])`);
  const ids = ctx.value(idsName, site);
  if (ids.frac !== 0) raise(Errors.UNSUPPORTED_FORM, site, `Gather indices '${idsName}' are computed real values; only integer inputs (token ids) may index a table`);
  const values = quantizeValues(tensorValues(table), ctx.frac, site, dataName);
  const t = ctx.addConstant(`${node.name}.table`, [...table.shape], values, ctx.frac);
  const y = ctx.valueFor(node.outputs[0], ctx.frac);
  ctx.emit({ op: 'TableGather', name: node.name, inputs: [t.name, ids.name], loc: ctx.locOf(node), outputs: [y] });
  ctx.bind(node.outputs[0], y);
}

/** Number of elements in one row of a [rows, ...] table. */
function rowWidth(table: { length: number }, rows: number): number {
  assert(rows > 0 && table.length % rows === 0, 'TableGather: table rows divide its size');
  return table.length / rows;
}

/** Fixed TableGather: y[t, j] = table[ids[t], j]; bounds per column over the rows the id's interval allows. */
export const TableGather: Rule = {
  evalInt(_node, [table, ids], types): bigint[][] {
    const rows = types.inputs[0]!.shape[0];
    const d = rowWidth(table!, rows);
    const out: bigint[] = [];
    ids!.forEach((id, t) => {
      assert(id >= 0n && id < BigInt(rows), `TableGather: ids[${t}] = ${id} is outside [0, ${rows - 1}]`);
      for (let j = 0; j < d; j++) out.push(table![Number(id) * d + j]);
    });
    return [out];
  },

  bounds(_node, [table, ids], types): Interval[] {
    const rows = types.inputs[0]!.shape[0];
    const d = rowWidth(table!.lo, rows);
    const lo: bigint[] = [], hi: bigint[] = [];
    ids!.lo.forEach((idLo, t) => {
      const [r0, r1] = [Number(maxOf(idLo, 0n)), Number(minOf(ids!.hi[t], BigInt(rows - 1)))];
      assert(r0 <= r1, `TableGather: ids[${t}] bounds [${idLo}, ${ids!.hi[t]}] select no row of ${rows}`);
      for (let j = 0; j < d; j++) {
        let [l, h] = [table!.lo[r0 * d + j], table!.hi[r0 * d + j]];
        for (let r = r0 + 1; r <= r1; r++) {
          l = minOf(l, table!.lo[r * d + j]);
          h = maxOf(h, table!.hi[r * d + j]);
        }
        lo.push(l);
        hi.push(h);
      }
    });
    return [{ lo, hi }];
  },
};

import { Node, assert, attrInt, raise } from '@onnx-zk/tensor-ir';
import { Interval, maxOf, minOf } from '../bounds/interval';
import { Errors } from '../errors';
import { LowerContext } from '../lower/context';
import { quantizeValues, realValues } from '../scheme/quantize-values';
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
  const values = quantizeValues(realValues(table), ctx.frac, site, dataName);
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
    // Per column, the min of lo and max of hi over rows r0..r1; ids usually share one interval
    // (the graph input's [0, V − 1]), so each distinct row range is scanned once, row by row.
    const ranges = new Map<string, { lo: bigint[]; hi: bigint[] }>();
    const columns = (r0: number, r1: number) => {
      const key = `${r0}:${r1}`;
      let c = ranges.get(key);
      if (!c) {
        c = { lo: Array.from({ length: d }, (_, j) => table!.lo[r0 * d + j]), hi: Array.from({ length: d }, (_, j) => table!.hi[r0 * d + j]) };
        for (let r = r0 + 1; r <= r1; r++) {
          for (let j = 0; j < d; j++) {
            c.lo[j] = minOf(c.lo[j], table!.lo[r * d + j]);
            c.hi[j] = maxOf(c.hi[j], table!.hi[r * d + j]);
          }
        }
        ranges.set(key, c);
      }
      return c;
    };
    const lo: bigint[] = [], hi: bigint[] = [];
    for (let t = 0; t < ids!.lo.length; t++) {
      const idLo = ids!.lo[t];
      const [r0, r1] = [Number(maxOf(idLo, 0n)), Number(minOf(ids!.hi[t], BigInt(rows - 1)))];
      assert(r0 <= r1, `TableGather: ids[${t}] bounds [${idLo}, ${ids!.hi[t]}] select no row of ${rows}`);
      const c = columns(r0, r1);
      for (let j = 0; j < d; j++) {
        lo.push(c.lo[j]);
        hi.push(c.hi[j]);
      }
    }
    return [{ lo, hi }];
  },
};

import { forEach, load, store } from './ir-text';

/**
 * zk.table_gather(ids, table, y, n, rows, size, lo, hi): ids is checked against its bounds
 * [lo, hi] (inside [0, rows − 1]), then y[t, j] = table[ids[t], j] for rows of width size / rows.
 */
export const table_gather = `
  call void @onnx_zk.check_bounds(i64* %ids, i64* %lo, i64* %hi, i64 %n, i8* %gadget)
  %d = sdiv i64 %size, %rows
${forEach('t', 'entry', '%n', `
  ${load('id', '%ids', '%t.i')}
  %src = mul i64 %id, %d
  %dst = mul i64 %t.i, %d
${forEach('j', 't.body', '%d', `
  %si = add i64 %src, %j.i
  %di = add i64 %dst, %j.i
  ${load('v', '%table', '%si')}
  ${store('%v', '%y', '%di', 'yp')}`)}`, 'j.done')}
  ret void
`;

import { checkR1cs, gadgets } from '../../src';
import { build, checkTampered, everySingleChangeFails, i64 } from '../helpers';

const { table_gather: tableGather } = gadgets;

/** A 4-row, 3-wide embedding table. */
const TABLE = [7, -2, 0, 5, 5, 5, -9, 1, 3, 2, 8, -6];

function run(ids: bigint[], table = TABLE, rows = 4, lo = [0n], hi = [BigInt(rows - 1)]) {
  return build(tableGather, { ids }, { table: i64(table), y: ids.length * (table.length / rows), n: ids.length, rows, size: table.length, lo: i64(lo), hi: i64(hi) }, ['/wte/Gather']);
}

describe('table_gather gadget (token embedding)', () => {
  test('each id selects its row; cost = n·(V + 1 + d) constraints, n·(V − 1 + d) wires', () => {
    const ids = [3n, 0n, 2n, 2n, 1n];
    const built = run(ids);
    expect(built.outs.map((o) => o.value)).toEqual(ids.flatMap((id) => TABLE.slice(Number(id) * 3, Number(id) * 3 + 3).map(BigInt)));
    expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
    expect(built.measured).toEqual(built.cost);
    expect(built.cost).toEqual({ constraints: 5 * (4 + 1 + 3), wires: 5 * (4 - 1 + 3) });
  });

  test('a one-row table: the id is proven 0', () => {
    const built = run([0n], [4, -4], 1);
    expect(built.outs.map((o) => o.value)).toEqual([4n, -4n]);
    expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
  });

  test('an id outside the vocabulary is ZK007 at the ONNX node', () => {
    expect(() => run([4n])).toThrow(/\/wte\/Gather \(TableGather\): error ZK007/);
    expect(() => run([-1n], TABLE, 4, [-1n], [3n])).toThrow(/error ZK007/);
  });

  describe('tampering', () => {
    const { r1cs } = run([2n, 1n]);
    test('select another row (selectors and outputs moved together) with the same id', () => {
      expect(checkTampered(r1cs, [
        ['/wte/Gather.table_gather.select[0][2]', 0n], ['/wte/Gather.table_gather.select[0][3]', 1n],
        ['/wte/Gather.table_gather.y[0][0]', 2n], ['/wte/Gather.table_gather.y[0][1]', 8n], ['/wte/Gather.table_gather.y[0][2]', -6n],
      ])).not.toBeNull();
    });
    test('two selectors at once (a mix of rows)', () => {
      expect(checkTampered(r1cs, [['/wte/Gather.table_gather.select[1][3]', 1n]])).not.toBeNull();
    });
    test('every wire changed alone', () => expect(everySingleChangeFails(r1cs)).toEqual([]));
  });
});

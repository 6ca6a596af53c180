import { checkR1cs, gadgets } from '../../src';
import { build, checkTampered, everySingleChangeFails, i64, randInt, rng } from '../helpers';

const { matmul_private: matmul } = gadgets;

/** Reference: batched A [batch, m, k] · B ([k, n] shared or [batch, k, n]) + bias. */
function reference(a: bigint[], b: bigint[], bias: bigint[] | null, batch: number, m: number, k: number, n: number): bigint[] {
  const shared = b.length === k * n;
  const y: bigint[] = [];
  for (let bt = 0; bt < batch; bt++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let acc = bias ? bias[j] : 0n;
        for (let t = 0; t < k; t++) acc += a[(bt * m + i) * k + t] * b[(shared ? 0 : bt * k * n) + t * n + j];
        y.push(acc);
      }
    }
  }
  return y;
}

function run(a: bigint[], b: bigint[], bias: bigint[] | null, batch: number, m: number, k: number, n: number) {
  const params = { bias: bias && i64(bias), y: batch * m * n, rows: batch * m, m, k, n, b_rows: b.length / n };
  return build(matmul, { A: a, B: b }, params, ['MatMul_qk']);
}

describe('matmul_private gadget (MatMul of two activations)', () => {
  const next = rng(17);
  const rand = (len: number, r: bigint) => Array.from({ length: len }, () => randInt(next, -r, r));

  test.each([
    [1, 3, 4, 2, false, false],
    [2, 2, 3, 3, true, false],
    [3, 4, 2, 5, false, true],
    [2, 1, 1, 1, true, true],
  ])('batch %i, [%i,%i]·[%i,n], bias %s, shared B %s: exact; one constraint per product', (batch, m, k, n, bias, shared) => {
    const a = rand(batch * m * k, 1n << 20n);
    const b = rand((shared ? 1 : batch) * k * n, 1n << 20n);
    const bs = bias ? rand(n, 1n << 40n) : null;
    const built = run(a, b, bs, batch, m, k, n);
    expect(built.outs.map((o) => o.value)).toEqual(reference(a, b, bs, batch, m, k, n));
    expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
    expect(built.measured).toEqual(built.cost);
    expect(built.cost).toEqual({ constraints: batch * m * n * k, wires: batch * m * n * k });
  });

  test('edge values: zeros and the ends of a 32-bit range', () => {
    const e = 1n << 31n;
    const a = [0n, -e, e - 1n, 0n];
    const b = [-e, e - 1n, 0n, -e];
    const built = run(a, b, null, 1, 2, 2, 2);
    expect(built.outs.map((o) => o.value)).toEqual(reference(a, b, null, 1, 2, 2, 2));
  });

  describe('tampering', () => {
    const { r1cs } = run([2n, 3n, 5n, 7n], [1n, -1n, 4n, 2n], [10n, 0n], 1, 2, 2, 2);
    test('every wire changed alone', () => expect(everySingleChangeFails(r1cs)).toEqual([]));
    test('a product and the output changed together', () => {
      // y[0] = 10 + 2·1 + 3·4 = 24; claim 25 by lifting the first product
      expect(checkTampered(r1cs, [['MatMul_qk.matmul_private.prod[0][0]', 3n], [1, 25n]])).not.toBeNull();
    });
  });
});

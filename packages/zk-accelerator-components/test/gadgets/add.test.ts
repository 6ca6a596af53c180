import { checkR1cs, gadgets } from '../../src';
import { build, checkTampered, i64 } from '../helpers';

describe('add and add_const gadgets', () => {
  test('add: y = a·2^shift_a + b·2^shift_b, free', () => {
    const built = build(gadgets.add, { a: [3n, -5n, 0n], b: [7n, 2n, -1n] }, { y: 3, n: 3, shift_a: 2, shift_b: 0 }, ['Add_2']);
    expect(built.outs.map((o) => o.value)).toEqual([19n, -18n, -1n]);
    expect(built.measured).toEqual({ constraints: 0, wires: 0 });
    expect(built.cost).toEqual(built.measured);
    expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
    expect(checkTampered(built.r1cs, [[1, 20n]])).not.toBeNull();
  });

  test('add_const: b is a constant tensor', () => {
    const built = build(gadgets.add_const, { a: [3n, -5n] }, { b: i64([-10, 4]), y: 2, n: 2, shift_a: 0, shift_b: 3 }, ['Add_2']);
    expect(built.outs.map((o) => o.value)).toEqual([-77n, 27n]);
    expect(built.measured).toEqual({ constraints: 0, wires: 0 });
    expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
    expect(checkTampered(built.r1cs, [[2, 26n]])).not.toBeNull();
  });
});

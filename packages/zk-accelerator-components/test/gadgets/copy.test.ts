import { checkR1cs, gadgets } from '../../src';
import { build, checkTampered } from '../helpers';

describe('copy gadget (Reshape)', () => {
  test('outputs are the inputs; an output that is an input wire gets its own wire and constraint', () => {
    const built = build(gadgets.copy, { x: [1n, -2n, 3n] }, { y: 3, n: 3 }, ['Reshape_0']);
    expect(built.outs.map((o) => o.value)).toEqual([1n, -2n, 3n]);
    expect(built.measured).toEqual({ constraints: 0, wires: 0 });
    expect(built.r1cs.constraints).toHaveLength(3); // finalize: output[i] = x[i]
    expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
    expect(checkTampered(built.r1cs, [[2, 5n]])).not.toBeNull();
  });
});

import { memoInverse } from '../src/r1cs/rounds';
import { modInv } from '../src/r1cs/field';
import {
  bitLength, checkR1cs, ConstraintSystem, evalLc, floorDiv, fromField, lcAdd, lcConstant, lcScale, lcWire, P, signalAdd,
  signalScale, toField,
} from '../src';

describe('field helpers', () => {
  test('negatives are p − |v|, and read back signed', () => {
    expect(toField(-1n)).toBe(P - 1n);
    expect(toField(P + 5n)).toBe(5n);
    expect(fromField(P - 7n)).toBe(-7n);
    expect(fromField(7n)).toBe(7n);
  });
  test('floorDiv rounds toward −∞ and bitLength counts bits', () => {
    expect([floorDiv(7n, 2n), floorDiv(-7n, 2n), floorDiv(-8n, 2n)]).toEqual([3n, -4n, -4n]);
    expect([bitLength(0n), bitLength(1n), bitLength(255n), bitLength(256n)]).toEqual([0, 1, 8, 9]);
    for (let k = 0; k <= 300; k++) {
      for (const v of [(1n << BigInt(k)) - 1n, 1n << BigInt(k), (1n << BigInt(k)) + 1n, P - 1n]) {
        expect([v, bitLength(v)]).toEqual([v, v === 0n ? 0 : v.toString(2).length]);
      }
    }
  });
  test('linear combinations reduce mod p and drop zero terms', () => {
    const a = lcAdd(lcWire(3, 2n), lcConstant(-1n));
    expect(a.get(0)).toBe(P - 1n);
    expect(lcAdd(a, lcWire(3), -2n).has(3)).toBe(false);
    expect(lcScale(a, P).size).toBe(0);
    expect(evalLc(a, [1n, 0n, 0n, 10n])).toBe(19n);
  });
});

describe('ConstraintSystem.finalize', () => {
  test('wire order: one, public outputs, public inputs, private inputs, the rest', () => {
    const cs = new ConstraintSystem();
    const tmp = cs.newWire(6n, 'Node.g.tmp[0]');
    const priv = cs.newWire(-3n, 'x[0]');
    const pub = cs.newWire(2n, 'p[0]');
    const out = cs.newWire(-6n, 'Node.g.y[0]');
    cs.constrain(priv, pub, out, 'Node.g.y[0]');
    cs.constrain(priv, cs.constant(-2n), tmp, 'Node.g.tmp[0]');
    const r1cs = cs.finalize({ outputs: [out], privateInputs: [priv], publicInputs: [pub] });
    expect(r1cs.labels).toEqual(['one', 'Node.g.y[0]', 'p[0]', 'x[0]', 'Node.g.tmp[0]']);
    expect(r1cs.witness).toEqual([1n, P - 6n, 2n, P - 3n, 6n]);
    expect([r1cs.nPubOut, r1cs.nPubIn, r1cs.nPrvIn, r1cs.nWires]).toEqual([1, 1, 1, 5]);
    expect(r1cs.constraints[0].a).toEqual(new Map([[3, 1n]]));
    expect(checkR1cs(r1cs, r1cs.witness)).toBeNull();
    expect(checkR1cs(r1cs, [1n, 6n, 2n, P - 3n, 6n])).toEqual({ index: 0, label: 'Node.g.y[0]' });
    expect(() => cs.newWire(1n, 'late')).toThrow(/internal error/);
  });

  test('outputs that are not a lone unit wire, or share one, get a fresh wire and one constraint', () => {
    const cs = new ConstraintSystem();
    const x = cs.newWire(5n, 'x[0]');
    const doubled = signalScale(x, 2n);
    const shifted = signalAdd(x, cs.constant(1n));
    const r1cs = cs.finalize({ outputs: [x, x, doubled, shifted, cs.constant(4n)], privateInputs: [x] });
    expect(r1cs.nWires).toBe(7);
    expect(r1cs.constraints).toHaveLength(5);
    expect(r1cs.witness.slice(1, 7)).toEqual([5n, 5n, 10n, 6n, 4n, 5n]);
    expect(r1cs.labels.slice(1, 6)).toEqual(['output[0]', 'output[1]', 'output[2]', 'output[3]', 'output[4]']);
    expect(checkR1cs(r1cs, r1cs.witness)).toBeNull();
    const tampered = [...r1cs.witness];
    tampered[5] = 5n;
    expect(checkR1cs(r1cs, tampered)?.label).toBe('output[4]');
  });
});

describe('memoized inversion for round-2 hints', () => {
  test('memoInverse gives modInv, once per distinct value, and clears past its limit', () => {
    const inv = memoInverse(2);
    for (const d of [3n, 5n, 3n, 7n, 5n, 123456789n]) expect(inv(d)).toBe(modInv(d));
  });
});

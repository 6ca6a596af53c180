import type { ConstraintSystem } from '../r1cs/constraint-system';
import { bitLength } from '../r1cs/field';
import { Signal, signalConstant } from '../r1cs/linear-combination';
import { signedBits, sumCost } from './bits';
import { boundAt, labelOf, Params } from './params';
import { checkBounds, rescaleBits, rescaleBitsCost, rescaleValue } from './rescale-bits';
import type { AbiParam, Cost, GadgetDef, ParamValue } from './types';
import { caseInputs, caseTensor } from '../soundness/case-input';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'n', from: { numel: { input: 0 } } },
  { kind: 'int', name: 'shift', from: { attr: 'shift' } },
  { kind: 'lo', name: 'lo', of: { input: 0 }, rescaledBy: 'shift' },
  { kind: 'hi', name: 'hi', of: { input: 0 }, rescaledBy: 'shift' },
];

/** Per element, with q ∈ [lo, hi]: plain rescale when lo ≥ 0, the constant 0 when hi ≤ 0,
 * else a rescale whose q bits are those of q + 2^(k−1) (top bit = sign) and one product. */
function elementCost(shift: number, lo: bigint, hi: bigint): Cost {
  if (lo >= 0n) return rescaleBitsCost(shift, bitLength(hi - lo));
  if (hi <= 0n) return { constraints: 0, wires: 0 };
  const c = rescaleBitsCost(shift, signedBits(lo, hi), true);
  return { constraints: c.constraints + 1, wires: c.wires + 1 };
}

function cost(values: ParamValue[]): Cost {
  const p = new Params('rescale_relu', abi, values);
  const [n, shift, lo, hi] = [p.int('n'), p.int('shift'), p.bounds('lo'), p.bounds('hi')];
  return sumCost(n, (i) => elementCost(shift, boundAt(lo, i), boundAt(hi, i)));
}

function element(cs: ConstraintSystem, x: Signal, shift: number, lo: bigint, hi: bigint, loc: string[], e: number): Signal {
  checkBounds(rescaleValue(x.value, shift), lo, hi, e, { loc, op: 'RescaleRelu' });
  const where = { loc, gadget: 'rescale_relu', op: 'RescaleRelu', element: e };
  if (lo >= 0n) return rescaleBits(cs, x, shift, lo, bitLength(hi - lo), where).q;
  if (hi <= 0n) return signalConstant(0n);
  const k = signedBits(lo, hi);
  const { q, sign } = rescaleBits(cs, x, shift, -(1n << BigInt(k - 1)), k, where, true);
  if (!sign) throw new Error('internal error: signed rescale without its sign');
  const y = cs.newWire(sign.value === 1n ? q.value : 0n, labelOf(loc, 'rescale_relu', 'y', e));
  cs.constrain(sign, q, y, labelOf(loc, 'rescale_relu', 'y', e));
  return y;
}

/** y = max(floor((x + 2^(s−1)) / 2^s), 0): the quotient's decomposition yields its sign bit. */
function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const p = new Params('rescale_relu', abi, values);
  const [x, shift, lo, hi] = [p.signals('x'), p.int('shift'), p.bounds('lo'), p.bounds('hi')];
  return x.map((xi, e) => element(cs, xi, shift, boundAt(lo, e), boundAt(hi, e), loc, e));
}

export const rescaleRelu: GadgetDef = {
  name: 'rescale_relu',
  op: 'RescaleRelu',
  strategies: ['bits'],
  summary: 'y = max(rescale(x), 0): the quotient bits carry the sign, y = sign·q',
  abi,
  cost,
  synthesize,
  soundnessCases: () => [
    { params: [caseInputs([-9, 6, 2, -2, 13]), 5, 5, 2, caseTensor([-4]), caseTensor([3])], note: 'shift 2, signed quotient, ties' },
    { params: [caseInputs([7, -7]), 2, 2, 2, caseTensor([0, -3]), caseTensor([3, 0])], note: 'non-negative and non-positive bounds' },
  ],
};

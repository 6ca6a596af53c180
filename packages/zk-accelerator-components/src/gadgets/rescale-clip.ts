import { raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { bitLength } from '../r1cs/field';
import { Signal, signalAdd, signalConstant, signalScale } from '../r1cs/linear-combination';
import { checkFieldMargin, gadgetSite, signedBits, sumCost } from './bits';
import { isNonNegative, isNonNegativeCost, select } from './blocks/compare';
import { boundAt, labelOf, Params } from './params';
import { checkBounds, rescaleBits, rescaleBitsCost, rescaleValue } from './rescale-bits';
import type { AbiParam, Cost, GadgetDef, ParamValue, SoundnessCase } from './types';
import { caseInputs, caseTensor } from '../soundness/case-input';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'n', from: { numel: { input: 0 } } },
  { kind: 'int', name: 'shift', from: { attr: 'shift' } },
  { kind: 'int', name: 'low', from: { attr: 'low' } },
  { kind: 'int', name: 'high', from: { attr: 'high' } },
  { kind: 'lo', name: 'lo', of: { input: 0 }, rescaledBy: 'shift' },
  { kind: 'hi', name: 'hi', of: { input: 0 }, rescaledBy: 'shift' },
];

type Side = 'low' | 'high';

/**
 * What one element spends, for the quotient q ∈ [lo, hi] and limits [low, high]: nothing when the
 * output is a constant; else one decomposition of q − qBase (the rescale), where a side decided by
 * the quotient's bits has qBase = limit − 2^(k−1), so its top bit is [q ≥ limit]; `compare`, when
 * both limits are crossed, is the other side's sign decomposition (the compare block).
 */
type Plan =
  | { constant: bigint }
  | { qBase: bigint; qBits: number; side?: Side; compare?: number };

function plan(lo: bigint, hi: bigint, low: bigint, high: bigint): Plan {
  if (hi <= low || low === high) return { constant: low };
  if (lo >= high) return { constant: high };
  const [lowCrossed, highCrossed] = [lo < low, hi > high];
  if (!lowCrossed && !highCrossed) return { qBase: lo, qBits: bitLength(hi - lo) };
  const onQuotient = (limit: bigint, side: Side) => {
    const k = signedBits(lo - limit, hi - limit);
    return { qBase: limit - (1n << BigInt(k - 1)), qBits: k, side };
  };
  if (!highCrossed) return onQuotient(low, 'low');
  if (!lowCrossed) return onQuotient(high, 'high');
  // Both: t = max(q, low) ∈ [low, hi] then high − t, or t = min(q, high) ∈ [lo, high] then t − low.
  const lowFirst = { ...onQuotient(low, 'low'), compare: signedBits(high - hi, high - low) };
  const highFirst = { ...onQuotient(high, 'high'), compare: signedBits(lo - low, high - low) };
  return lowFirst.qBits + lowFirst.compare <= highFirst.qBits + highFirst.compare ? lowFirst : highFirst;
}

function limits(p: Params, loc: string[]): [bigint, bigint] {
  const [low, high] = [BigInt(p.int('low')), BigInt(p.int('high'))];
  if (low > high) raise(Errors.BAD_ATTRIBUTE, gadgetSite(loc, 'RescaleClip'), `low ${low} > high ${high}`);
  return [low, high];
}

/** `select`: one constraint, one wire (the result). */
const SELECT: Cost = { constraints: 1, wires: 1 };

function elementCost(shift: number, pl: Plan): Cost {
  if ('constant' in pl) return { constraints: 0, wires: 0 };
  const parts = [rescaleBitsCost(shift, pl.qBits)];
  if (pl.side) parts.push(SELECT);
  if (pl.compare !== undefined) {
    checkFieldMargin(pl.compare, {});
    parts.push(isNonNegativeCost(pl.compare), SELECT);
  }
  return { constraints: parts.reduce((a, c) => a + c.constraints, 0), wires: parts.reduce((a, c) => a + c.wires, 0) };
}

function cost(values: ParamValue[]): Cost {
  const p = new Params('rescale_clip', abi, values);
  const [n, shift, lo, hi] = [p.int('n'), p.int('shift'), p.bounds('lo'), p.bounds('hi')];
  const [low, high] = limits(p, []);
  return sumCost(n, (i) => elementCost(shift, plan(boundAt(lo, i), boundAt(hi, i), low, high)));
}

function element(cs: ConstraintSystem, x: Signal, shift: number, pl: Plan, limit: Record<Side, bigint>, loc: string[], e: number): Signal {
  if ('constant' in pl) return signalConstant(pl.constant);
  const where = { loc, gadget: 'rescale_clip', op: 'RescaleClip', element: e };
  const { q, qBits } = rescaleBits(cs, x, shift, pl.qBase, pl.qBits, where);
  if (!pl.side) return q;
  const label = (part: string) => labelOf(loc, 'rescale_clip', part, e);
  const atLimit = signalConstant(limit[pl.side]);
  const s = qBits[pl.qBits - 1]; // [q ≥ limit]
  // low side: t = low + s·(q − low) = max(q, low); high side: t = q + s·(high − q) = min(q, high).
  const t = pl.side === 'low'
    ? select(cs, s, atLimit, q, label(pl.compare === undefined ? 'y' : 't'))
    : select(cs, s, q, atLimit, label(pl.compare === undefined ? 'y' : 't'));
  if (pl.compare === undefined) return t;
  checkFieldMargin(pl.compare, gadgetSite(loc, 'RescaleClip'));
  const other = pl.side === 'low' ? limit.high : limit.low;
  // b = [t ≤ high] (then y = t, else high), or b = [t ≥ low] (then y = t, else low).
  const diff = pl.side === 'low' ? signalAdd(signalConstant(other), signalScale(t, -1n)) : signalAdd(t, signalConstant(-other));
  const b = isNonNegative(cs, diff, pl.compare, label('cmp'));
  return select(cs, b, signalConstant(other), t, label('y'));
}

/** y = min(max(floor((x + 2^(s−1)) / 2^s), low), high): the quotient's bits carry one limit's sign. */
function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const p = new Params('rescale_clip', abi, values);
  const [x, shift, lo, hi] = [p.signals('x'), p.int('shift'), p.bounds('lo'), p.bounds('hi')];
  const [low, high] = limits(p, loc);
  return x.map((xi, e) => {
    const [l, h] = [boundAt(lo, e), boundAt(hi, e)];
    checkBounds(rescaleValue(xi.value, shift), l, h, e, { loc, op: 'RescaleClip' });
    return element(cs, xi, shift, plan(l, h, low, high), { low, high }, loc, e);
  });
}

function soundnessCases(): SoundnessCase[] {
  // shift 2: q = floor((x + 2) / 4); q ∈ [−4, 3] for x ∈ [−18, 13].
  const xs = caseInputs([-18, -7, -2, 1, 2, 13]);
  const q = (v: number) => caseTensor([v]);
  return [
    { params: [xs, 6, 6, 2, -100, 0, q(-4), q(3)], note: 'high crossed (ELU-like min(q, 0)), ties' },
    { params: [xs, 6, 6, 2, -1, 100, q(-4), q(3)], note: 'low crossed only' },
    { params: [xs, 6, 6, 2, -2, 1, q(-4), q(3)], note: 'both crossed' },
    { params: [caseInputs([-9, 6, 1]), 3, 3, 2, -2, 1, caseTensor([-4, 0, -1]), caseTensor([-2, 3, 1])], note: 'per element: low beyond, high crossed, none' },
    { params: [caseInputs([-10, 3, 161]), 3, 3, 2, -1, 1, q(-2), q(40)], note: 'both crossed, high side on the quotient' },
  ];
}

export const rescaleClip: GadgetDef = {
  name: 'rescale_clip',
  op: 'RescaleClip',
  strategies: ['bits'],
  summary: 'y = clip(rescale(x), low, high): the quotient bits carry one limit\'s sign, y = one select',
  abi,
  cost,
  synthesize,
  soundnessCases,
};

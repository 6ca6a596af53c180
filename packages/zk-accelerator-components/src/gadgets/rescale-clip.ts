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
  // q, the rescaled value before the clip, when the Rescale's output has other readers (select's fusion)
  { kind: 'out', name: 'q', output: 1, optional: true },
  { kind: 'int', name: 'n', from: { numel: { input: 0 } } },
  { kind: 'int', name: 'shift', from: { attr: 'shift' } },
  { kind: 'int', name: 'low', from: { attr: 'low' } },
  { kind: 'int', name: 'high', from: { attr: 'high' } },
  { kind: 'lo', name: 'lo', of: { input: 0 }, rescaledBy: 'shift' },
  { kind: 'hi', name: 'hi', of: { input: 0 }, rescaledBy: 'shift' },
];

type Side = 'low' | 'high';

/** The rescale: one decomposition of x + 2^(s−1) − 2^s·qBase into s remainder bits and qBits bits of q − qBase. */
interface Quotient { qBase: bigint; qBits: number }

/**
 * What one element spends, for the quotient q ∈ [lo, hi] and limits [low, high]: when the output
 * is a constant, nothing, or a plain rescale if q is wanted; else one decomposition of q − qBase
 * (the rescale, whose q is the second output for free), where a side decided by the quotient's
 * bits has qBase = limit − 2^(k−1), so its top bit is [q ≥ limit]; `compare`, when both limits
 * are crossed, is the other side's sign decomposition (the compare block).
 */
type Plan = { constant: bigint; quotient?: Quotient } | OnQuotient;
type OnQuotient = Quotient & { side?: Side; compare?: number };

function plan(lo: bigint, hi: bigint, low: bigint, high: bigint, withQ: boolean): Plan {
  const plain: Quotient = { qBase: lo, qBits: bitLength(hi - lo) };
  const constant = hi <= low || low === high ? low : lo >= high ? high : undefined;
  if (constant !== undefined) return withQ ? { constant, quotient: plain } : { constant };
  const [lowCrossed, highCrossed] = [lo < low, hi > high];
  if (!lowCrossed && !highCrossed) return plain;
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
  if ('constant' in pl) return pl.quotient ? rescaleBitsCost(shift, pl.quotient.qBits) : { constraints: 0, wires: 0 };
  const parts = [rescaleBitsCost(shift, pl.qBits, pl.side !== undefined)];
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
  const withQ = p.numel('q') > 0;
  return sumCost(n, (i) => elementCost(shift, plan(boundAt(lo, i), boundAt(hi, i), low, high, withQ)));
}

/** One element's y and q (q undefined when y is a constant and q is not wanted). */
function element(cs: ConstraintSystem, x: Signal, shift: number, pl: Plan, limit: Record<Side, bigint>, loc: string[], e: number): { y: Signal; q?: Signal } {
  const where = { loc, gadget: 'rescale_clip', op: 'RescaleClip', element: e };
  if ('constant' in pl) {
    const q = pl.quotient && rescaleBits(cs, x, shift, pl.quotient.qBase, pl.quotient.qBits, where).q;
    return { y: signalConstant(pl.constant), q };
  }
  const { q, sign } = rescaleBits(cs, x, shift, pl.qBase, pl.qBits, where, pl.side !== undefined);
  return { y: clipped(cs, q, sign, pl, limit, loc, e), q };
}

/** y from the quotient q (sign: its top bit, [q ≥ limit]): q itself, one select on that bit, or that and the compare block. */
function clipped(cs: ConstraintSystem, q: Signal, sign: Signal | undefined, pl: OnQuotient, limit: Record<Side, bigint>, loc: string[], e: number): Signal {
  if (!pl.side) return q;
  if (!sign) throw new Error('internal error: clip without the quotient\'s sign');
  const label = (part: string) => labelOf(loc, 'rescale_clip', part, e);
  const atLimit = signalConstant(limit[pl.side]);
  const s = sign; // [q ≥ limit]
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

/**
 * y = min(max(q, low), high) with q = floor((x + 2^(s−1)) / 2^s): the quotient's bits carry one
 * limit's sign. Returns y, then q when its output is present (the rescale's own linear combination).
 */
function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const p = new Params('rescale_clip', abi, values);
  const [x, shift, lo, hi] = [p.signals('x'), p.int('shift'), p.bounds('lo'), p.bounds('hi')];
  const [low, high] = limits(p, loc);
  const withQ = p.numel('q') > 0;
  const elements = x.map((xi, e) => {
    const [l, h] = [boundAt(lo, e), boundAt(hi, e)];
    checkBounds(rescaleValue(xi.value, shift), l, h, e, { loc, op: 'RescaleClip' });
    return element(cs, xi, shift, plan(l, h, low, high, withQ), { low, high }, loc, e);
  });
  const ys = elements.map((el) => el.y);
  return withQ ? [...ys, ...elements.map((el) => el.q!)] : ys;
}

function soundnessCases(): SoundnessCase[] {
  // shift 2: q = floor((x + 2) / 4); q ∈ [−4, 3] for x ∈ [−18, 13].
  const xs = caseInputs([-18, -7, -2, 1, 2, 13]);
  const q = (v: number) => caseTensor([v]);
  const mixed = [caseTensor([-4, 0, -1]), caseTensor([-2, 3, 1])];
  return [
    { params: [xs, 6, 0, 6, 2, -100, 0, q(-4), q(3)], note: 'high crossed (ELU-like min(q, 0)), ties' },
    { params: [xs, 6, 0, 6, 2, -1, 100, q(-4), q(3)], note: 'low crossed only' },
    { params: [xs, 6, 0, 6, 2, -2, 1, q(-4), q(3)], note: 'both crossed' },
    { params: [caseInputs([-9, 6, 1]), 3, 0, 3, 2, -2, 1, ...mixed], note: 'per element: low beyond, high crossed, none' },
    { params: [caseInputs([-10, 3, 161]), 3, 0, 3, 2, -1, 1, q(-2), q(40)], note: 'both crossed, high side on the quotient' },
    { params: [xs, 6, 6, 6, 2, -100, 0, q(-4), q(3)], note: 'with q: high crossed (ELU\'s min(q, 0) beside q), ties' },
    { params: [xs, 6, 6, 6, 2, -2, 1, q(-4), q(3)], note: 'with q: both crossed' },
    { params: [caseInputs([-9, 6, 1]), 3, 3, 3, 2, -2, 1, ...mixed], note: 'with q: per element: low beyond (q a plain rescale), high crossed, none' },
  ];
}

export const rescaleClip: GadgetDef = {
  name: 'rescale_clip',
  op: 'RescaleClip',
  strategies: ['bits'],
  summary: 'y = clip(rescale(x), low, high): the quotient bits carry one limit\'s sign, y = one select; optional q = rescale(x), free',
  abi,
  cost,
  synthesize,
  soundnessCases,
};

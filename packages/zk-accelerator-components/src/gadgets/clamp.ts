import { raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { Signal, signalConstant } from '../r1cs/linear-combination';
import { checkFieldMargin, gadgetSite, signedBits, sumCost } from './bits';
import { clamp as clampBlock, clampCost } from './blocks/compare';
import { boundAt, labelOf, Params } from './params';
import { checkBounds } from './rescale-bits';
import type { AbiParam, Cost, GadgetDef, ParamValue, SoundnessCase } from './types';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'n', from: { numel: { input: 0 } } },
  { kind: 'int', name: 'low', from: { attr: 'low' } },
  { kind: 'int', name: 'high', from: { attr: 'high' } },
  { kind: 'lo', name: 'lo', of: { input: 0 } },
  { kind: 'hi', name: 'hi', of: { input: 0 } },
];

function limits(p: Params, loc: string[]): [bigint, bigint] {
  const [min, max] = [BigInt(p.int('low')), BigInt(p.int('high'))];
  if (min > max) raise(Errors.BAD_ATTRIBUTE, gadgetSite(loc, 'Clip'), `low ${min} > high ${max}`);
  return [min, max];
}

function cost(values: ParamValue[]): Cost {
  const p = new Params('clamp', abi, values);
  const [n, lo, hi] = [p.int('n'), p.bounds('lo'), p.bounds('hi')];
  const [min, max] = limits(p, []);
  return sumCost(n, (e) => {
    const bits = signedBits(boundAt(lo, e), boundAt(hi, e));
    checkFieldMargin(bits + 1, {});
    return clampCost(min, max, bits);
  });
}

/** y = min(max(x, low), high): a sign decomposition and a select per side the bounds cross. */
function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const p = new Params('clamp', abi, values);
  const [x, lo, hi] = [p.signals('x'), p.bounds('lo'), p.bounds('hi')];
  const [min, max] = limits(p, loc);
  return x.map((xi, e) => {
    const [l, h] = [boundAt(lo, e), boundAt(hi, e)];
    checkBounds(xi.value, l, h, e, { loc, op: 'Clip' });
    const bits = signedBits(l, h);
    checkFieldMargin(bits + 1, gadgetSite(loc, 'Clip'));
    return clampBlock(cs, xi, min, max, bits, labelOf(loc, 'clamp', 'y', e));
  });
}

const sig = (vs: bigint[]): Signal[] => vs.map(signalConstant);
const b = (vs: bigint[]): BigInt64Array => BigInt64Array.from(vs);

function soundnessCases(): SoundnessCase[] {
  return [
    { params: [sig([-8n, -2n, 0n, 2n, 7n]), 5, 5, -2, 2, b([-8n]), b([7n])], note: 'clip [-2, 2] over [-8, 7], ends' },
    { params: [sig([0n, 5n]), 2, 2, 0, 3, b([-4n]), b([7n])], note: 'ReLU6-like clip [0, 3]' },
  ];
}

export const clamp: GadgetDef = {
  name: 'clamp',
  op: 'Clip',
  strategies: ['bits'],
  summary: 'y = min(max(x, low), high): per crossed side, sign bits of the difference and one select',
  abi,
  cost,
  synthesize,
  soundnessCases,
};

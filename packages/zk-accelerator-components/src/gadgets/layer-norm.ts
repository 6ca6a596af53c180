import { assert, raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { bitLength } from '../r1cs/field';
import { lcAccumulate, lcConstant, Signal, signalAdd, signalConstant, signalScale } from '../r1cs/linear-combination';
import { checkFieldMargin, gadgetSite, sumCost } from './bits';
import { rsqrtFloor, rsqrtFloorCost, rsqrtValue } from './blocks/rsqrt';
import { materializedSum, materializedSumCost } from './blocks/sum';
import { layerNormCases } from './layer-norm-cases';
import { boundAt, labelOf, Params } from './params';
import { checkBounds } from './rescale-bits';
import type { AbiParam, Cost, GadgetDef, ParamValue } from './types';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'const', name: 'gamma', input: 1 },
  { kind: 'const', name: 'beta', input: 2, optional: true },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'rows', from: { rows: { input: 0 } } },
  { kind: 'int', name: 'd', from: { dim: { input: 0 }, axis: -1 } },
  { kind: 'int', name: 'eps', from: { attr: 'eps' } },
  { kind: 'int', name: 'shift', from: { attr: 'shift' } },
  { kind: 'lo', name: 'lo', of: { input: 0 } },
  { kind: 'hi', name: 'hi', of: { input: 0 } },
];

/** Bits of the row's rsqrt argument V + D³·eps and of its result, from the row's input bounds. */
function rowPlan(p: Params, r: number, loc: string[]): { denBits: number; yBits: number; n: bigint } {
  const [d, eps, shift, lo, hi] = [p.int('d'), BigInt(p.int('eps')), p.int('shift'), p.bounds('lo'), p.bounds('hi')];
  const site = gadgetSite(loc, 'LayerNormalization');
  if (eps < 1n) raise(Errors.NOT_POSITIVE, site, `eps ${eps} < 1`);
  if (shift < 0) raise(Errors.BAD_ATTRIBUTE, site, `shift ${shift} < 0`);
  let [min, max] = [boundAt(lo, r * d), boundAt(hi, r * d)];
  for (let i = r * d; i < (r + 1) * d; i++) {
    if (boundAt(lo, i) < min) min = boundAt(lo, i);
    if (boundAt(hi, i) > max) max = boundAt(hi, i);
  }
  const D = BigInt(d);
  const dMax = (D - 1n) * (max - min);
  const denMin = D * D * D * eps;
  const n = (D * D * D) << BigInt(shift);
  const [denBits, yBits] = [bitLength(D * dMax * dMax + denMin), bitLength(rsqrtValue(n, denMin))];
  checkFieldMargin(Math.max(2 * yBits + denBits + 2, bitLength(n), bitLength(dMax) + yBits + 1), site);
  return { denBits, yBits, n };
}

/** Per row: Σx on one wire (D ≥ 2), D squares, D normalising products, and one rsqrtFloor. */
function cost(values: ParamValue[]): Cost {
  const p = new Params('layer_norm', abi, values);
  const d = p.int('d');
  const s = materializedSumCost(d);
  return sumCost(p.int('rows'), (r) => {
    const { denBits, yBits } = rowPlan(p, r, []);
    const c = rsqrtFloorCost(denBits, yBits);
    return { constraints: s.constraints + 2 * d + c.constraints, wires: s.wires + 2 * d + c.wires };
  });
}

/**
 * One row: d_i = D·x_i − Σx, V = Σ d_i², r = floor(√(D³·2^shift / (V + D³·eps))), y_i = γ_i·d_i·r + β_i.
 * r ≈ 2^(shift/2 − f)/√(var + ε), so d_i·r ≈ D·(x_i − μ)/√(var + ε)·2^(shift/2): the lowering
 * passes γ/D as gamma. Error of d_i·r/(D·2^(shift/2)) against the float value: < |x_i − μ|·2^(f − shift/2).
 * Σx is one wire `sum[r]` (every d_i reads it twice in its square and once in its product), so a
 * row is linear in D rather than D² terms.
 */
function row(cs: ConstraintSystem, p: Params, xs: Signal[], r: number, loc: string[]): Signal[] {
  const { denBits, yBits, n } = rowPlan(p, r, loc);
  const [gamma, beta, D] = [p.tensor('gamma')!, p.tensor('beta'), BigInt(xs.length)];
  const sum = materializedSum(cs, xs, labelOf(loc, 'layer_norm', 'sum', r));
  const dev = xs.map((x) => signalAdd(signalScale(x, D), sum, -1n));
  // V + D³·eps, accumulated in place (read by two rsqrt constraints only, so it stays a linear combination).
  const den = signalConstant(D * D * D * BigInt(p.int('eps')));
  dev.forEach((di, i) => {
    const sq = cs.newWire(di.value * di.value, labelOf(loc, 'layer_norm', 'sq', r, i));
    cs.constrain(di, di, sq, labelOf(loc, 'layer_norm', 'sq', r, i));
    lcAccumulate(den.lc, sq.lc);
    den.value += sq.value;
  });
  const rs = rsqrtFloor(cs, den, n, denBits, yBits, labelOf(loc, 'layer_norm', 'rsqrt', r));
  return dev.map((di, i) => {
    const z = cs.newWire(di.value * rs.value, labelOf(loc, 'layer_norm', 'z', r, i));
    cs.constrain(di, rs, z, labelOf(loc, 'layer_norm', 'z', r, i));
    const b0 = beta === null ? 0n : beta[i];
    const lc = lcConstant(b0);
    lcAccumulate(lc, z.lc, gamma[i]);
    return { lc, value: gamma[i] * z.value + b0 };
  });
}

function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const p = new Params('layer_norm', abi, values);
  const [x, rows, d, lo, hi] = [p.signals('x'), p.int('rows'), p.int('d'), p.bounds('lo'), p.bounds('hi')];
  const [gamma, beta] = [p.tensor('gamma'), p.tensor('beta')];
  assert(gamma !== null && gamma.length === d && (beta === null || beta.length === d), 'layer_norm: gamma/beta shape');
  x.forEach((xi, e) => checkBounds(xi.value, boundAt(lo, e), boundAt(hi, e), e, { loc, op: 'LayerNormalization' }));
  const y: Signal[] = [];
  for (let r = 0; r < rows; r++) y.push(...row(cs, p, x.slice(r * d, (r + 1) * d), r, loc));
  return y;
}

export const layerNorm: GadgetDef = {
  name: 'layer_norm',
  op: 'LayerNormalization',
  strategies: ['rsqrt'],
  summary: 'y = gamma·(D·x - Σx)·floor(sqrt(D^3·2^shift / (V + D^3·eps))) + beta over the last axis',
  abi,
  cost,
  synthesize,
  soundnessCases: layerNormCases,
};

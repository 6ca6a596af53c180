'use strict';
/**
 * Softmax and GELU benchmarks, generic over the gadget record: every gadget whose op is Softmax
 * or Gelu, with every strategy it offers (and both GELU forms), at frac 16. Integer semantics for
 * the bit-exact column come from tensor-ir's approx module (the fixed dialect's definitions).
 */
const ir = require('@onnx-zk/tensor-ir');
const { synth } = require('./instantiate');
const { dequantize, quantize, seeded, sweep } = require('./fixed');
const { geluErf, geluTanh, softmax } = require('./float-ref');

const FRAC = 16;
const RANGE = 8; // declared input range [−8, 8]
const FORMS = [['erf', 'none', geluErf], ['tanh', 'tanh', geluTanh]];
const Q = (x) => quantize(x, FRAC);

const byOp = (record, op) => Object.values(record).filter((g) => g.op === op);

function softmaxCase(g, strategy, len, masked) {
  const rand = seeded(3000 + len);
  const x = Array.from({ length: len }, () => Q(rand() * 2 * RANGE - RANGE));
  x[0] = Q(RANGE);
  x[len - 1] = Q(RANGE); // a tie in the max, at the range end
  const cut = Math.floor(len / 2); // causal mask of row len/2: later positions masked
  const mask = masked ? BigInt64Array.from({ length: len }, (_, j) => (j <= cut ? 0n : -(1n << BigInt(FRAC + 16)))) : null;
  const live = x.map((_, j) => !masked || j <= cut);
  return {
    family: 'softmax', variant: `${g.name} ${strategy}${masked ? ', causal mask' : ''}`, size: len, elements: len, frac: FRAC,
    inputs: [x],
    build(cs, [xs]) {
      const maskSpec = mask ? { shape: [1, len], frac: FRAC, constant: mask, lo: mask.reduce((a, b) => (b < a ? b : a)), hi: 0n } : null;
      const spec = {
        inputs: [{ shape: [1, len], signals: xs, frac: FRAC, lo: Q(-RANGE), hi: Q(RANGE) }, maskSpec],
        outputs: [{ shape: [1, len], frac: FRAC, lo: 0n, hi: 1n << BigInt(FRAC) }],
        attrs: { axis: -1, strategy },
      };
      return synth(cs, g.name, spec, ['Softmax_0']);
    },
    reference: () => softmax(x.map((v) => dequantize(v, FRAC)), live),
    integer: () => ir.softmaxRowInt(x, mask ? Array.from(mask) : undefined, FRAC, strategy),
    peer: null,
  };
}

function geluCase(g, strategy, [form, approximate, ref], n) {
  const x = sweep(n, -RANGE, RANGE).map(Q);
  const [lo, hi] = ir.geluBounds(Q(-RANGE), Q(RANGE), FRAC);
  return {
    family: 'gelu', variant: `${g.name} ${form} ${strategy}`, size: n, elements: n, frac: FRAC,
    inputs: [x],
    build(cs, [xs]) {
      const spec = {
        inputs: [{ shape: [n], signals: xs, frac: FRAC, lo: Q(-RANGE), hi: Q(RANGE) }],
        outputs: [{ shape: [n], frac: FRAC, lo, hi }],
        attrs: { approximate, strategy },
      };
      return synth(cs, g.name, spec, ['Gelu_0']);
    },
    reference: () => x.map((v) => ref(dequantize(v, FRAC))),
    integer: () => x.map((v) => ir.geluInt(v, FRAC, form, strategy)),
    peer: null,
  };
}

function approxCases(options, record) {
  const out = [];
  for (const g of byOp(record, 'Gelu')) {
    for (const s of g.strategies) for (const form of FORMS) for (const n of options.geluSizes) out.push(geluCase(g, s, form, n));
  }
  for (const g of byOp(record, 'Softmax')) {
    for (const s of g.strategies) for (const masked of [false, true]) for (const len of options.softmaxLengths) out.push(softmaxCase(g, s, len, masked));
  }
  return out;
}

module.exports = { approxCases };

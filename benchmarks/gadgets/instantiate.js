'use strict';
/**
 * Generic gadget instantiation for the benchmark: maps a gadget's abi onto a plain spec of the
 * node it would serve (inputs with values or constant data, output shapes, bounds, attributes),
 * the way select's paramsFromNode maps it onto a graph node. New gadgets need no code here.
 */
const { gadgets, rescaleValue } = require('@onnx-zk/zk-accelerator-components');

const numel = (shape) => shape.reduce((a, b) => a * b, 1);
const PLACEHOLDER = Object.freeze({ lc: new Map(), value: 0n });

function refOf(spec, ref) {
  const v = 'input' in ref ? spec.inputs[ref.input] : spec.outputs[ref.output];
  if (!v) throw new Error(`bench spec has no ${JSON.stringify(ref)}`);
  return v;
}

/** The index of `value` in `allowed` (an absent value is the first). */
function indexIn(allowed, value, what) {
  if (value === undefined) return 0;
  const i = allowed.indexOf(value);
  if (i < 0) throw new Error(`bench spec: ${what} '${value}' is not one of ${allowed.join(', ')}`);
  return i;
}

function intParam(gadget, p, spec) {
  const f = p.from;
  if ('attr' in f) {
    const v = spec.attrs?.[f.attr] ?? f.default;
    if (v === undefined) throw new Error(`bench spec has no attribute ${f.attr}`);
    return v;
  }
  if ('strategy' in f) return indexIn(gadget.strategies, spec.attrs?.strategy, 'strategy');
  if ('choice' in f) return indexIn(f.of, spec.attrs?.[f.choice], f.choice);
  if ('frac' in f) return refOf(spec, f.frac).frac;
  if ('numel' in f) {
    const v = 'input' in f.numel ? spec.inputs[f.numel.input] : spec.outputs[f.numel.output];
    return v ? numel(v.shape) : 0; // an absent optional input has no elements
  }
  const shape = refOf(spec, 'dim' in f ? f.dim : f.rows).shape;
  const last = shape[shape.length - 1] ?? 1;
  if ('rows' in f) return numel(shape) / last;
  return shape[f.axis < 0 ? shape.length + f.axis : f.axis];
}

function boundsParam(p, spec) {
  const v = refOf(spec, p.of);
  const raw = p.kind === 'lo' ? v.lo : v.hi;
  if (raw === undefined) throw new Error(`bench spec has no ${p.kind} for ${JSON.stringify(p.of)}`);
  const arr = raw instanceof BigInt64Array ? raw : BigInt64Array.of(BigInt(raw));
  return p.rescaledBy ? arr.map((x) => rescaleValue(x, spec.attrs[p.rescaledBy])) : arr;
}

/** The positional params of `gadget` for `spec`; `in` params take the given signals. */
function paramsFor(gadget, spec) {
  return gadget.abi.map((p) => {
    switch (p.kind) {
      case 'in': return p.optional && !spec.inputs[p.input] ? [] : refOf(spec, { input: p.input }).signals;
      case 'out': return numel(refOf(spec, { output: p.output }).shape);
      case 'const': return spec.inputs[p.input]?.constant ?? null;
      case 'int': return intParam(gadget, p, spec);
      default: return boundsParam(p, spec);
    }
  });
}

/**
 * Synthesizes one gadget into cs; returns its outputs and the constraints/wires its cost
 * formula predicts (checked against the measured counts by the caller).
 */
function synth(cs, name, spec, loc) {
  const gadget = gadgets[name];
  if (!gadget) throw new Error(`no gadget ${name}`);
  const params = paramsFor(gadget, spec);
  const predicted = gadget.cost(params.map((v) => (Array.isArray(v) ? v.length : v)));
  // cs null: the cost alone, with placeholder outputs of the right count for the next gadget.
  if (cs === null) return { outs: Array.from({ length: numel(spec.outputs[0].shape) }, () => PLACEHOLDER), predicted };
  const outs = gadget.synthesize(cs, params, loc);
  return { outs, predicted };
}

module.exports = { paramsFor, synth, numel, PLACEHOLDER };

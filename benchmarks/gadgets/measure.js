'use strict';
/** Synthesizes one benchmark case alone and measures its counts, time and error. */
const { ConstraintSystem, lcWire } = require('@onnx-zk/zk-accelerator-components');
const { PLACEHOLDER } = require('./instantiate');

/**
 * For circuits too big to keep (millions of constraints) and too big for Groth16 here: counts
 * constraints and keeps wire values, but stores neither constraints nor labels.
 */
class CountingSystem extends ConstraintSystem {
  constructor() {
    super();
    this.count = 0;
  }

  get nConstraints() {
    return this.count;
  }

  constrain() {
    this.count++;
  }

  newWire(value) {
    const wire = this.values.length;
    this.values.push(value);
    return { lc: lcWire(wire), value };
  }
}
const { dequantize } = require('./fixed');

/** Max and mean absolute error of the outputs (at `frac`) against the float64 reference. */
function errors(outs, reference, frac) {
  let [max, sum] = [0, 0];
  outs.forEach((o, i) => {
    const e = Math.abs(dequantize(o.value, frac) - reference[i]);
    max = Math.max(max, e);
    sum += e;
  });
  return { maxAbsError: max, meanAbsError: outs.length ? sum / outs.length : 0 };
}

/**
 * Fresh private input wires, then the case's gadgets; witness time is synthesize's wall time
 * (this library computes the witness as it adds the constraints).
 */
function measure(benchCase, countOnlyAbove) {
  const placeholders = benchCase.inputs.map((values) => values.map(() => PLACEHOLDER));
  const estimate = benchCase.build(null, placeholders).predicted.constraints;
  const countOnly = estimate > countOnlyAbove;
  const cs = countOnly ? new CountingSystem() : new ConstraintSystem();
  const inputs = benchCase.inputs.map((values, k) => values.map((v, i) => cs.newWire(v, `input${k}[${i}]`)));
  const [w0, c0] = [cs.nWires, cs.nConstraints];
  const t0 = process.hrtime.bigint();
  const { outs, predicted } = benchCase.build(cs, inputs);
  const witnessMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const measured = { constraints: cs.nConstraints - c0, wires: cs.nWires - w0 };
  const reference = benchCase.reference();
  if (reference.length !== outs.length) throw new Error(`${benchCase.family}: ${outs.length} outputs, reference has ${reference.length}`);
  const exact = benchCase.integer ? benchCase.integer().every((v, i) => v === outs[i].value) : null;
  return {
    cs, outs, inputs: inputs.flat(), countOnly,
    row: {
      countOnly,
      ...measured,
      predicted,
      costFormulaExact: predicted.constraints === measured.constraints && predicted.wires === measured.wires,
      witnessMs,
      ...errors(outs, reference, benchCase.frac),
      exactIntegerSemantics: exact,
    },
  };
}

module.exports = { measure };

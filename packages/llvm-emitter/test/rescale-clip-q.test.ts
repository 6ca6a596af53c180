import { emptyGraph, FixedInfo, Graph, Node, TirFile } from '@onnx-zk/tensor-ir';
import { checkR1cs, ConstraintSystem, gadgets, paramsFromNode, ParamValue, selectGadgets, Signal } from '@onnx-zk/zk-accelerator-components';
import { emitModule } from '@onnx-zk/llvm-emitter';
import { fileCheck } from './helpers/filecheck';
import { integers, runLli } from './helpers/native';

const GEP = (n: number, g: string) => `i64* getelementptr inbounds ([${n} x i64], [${n} x i64]* @${g}, i64 0, i64 0)`;
const MIN = Number.MIN_SAFE_INTEGER;
const rescale = (v: bigint) => (v + 8n) >> 4n;

/**
 * x [3] f8 ∈ [−2000, 2000] → Rescale(4) → r [−125, 125] f4 → Clip(MIN, 0) → m; with `add`, r is read
 * again by Add(r, m) → s (ELU's shape: the rescaled value and its clip), the graph output; else m is.
 * select fuses Rescale → Clip into RescaleClip(x) → [m, r] or [m, ''].
 */
function accel(add: boolean): TirFile {
  const g = emptyGraph('elu_like', 'fixed', 13);
  const value = (name: string, frac: number, lo: bigint, hi: bigint) => {
    const fixed: FixedInfo = { frac, lo: new BigInt64Array(3).fill(lo), hi: new BigInt64Array(3).fill(hi) };
    g.values.set(name, { name, dtype: 'int64', shape: [3], fixed });
  };
  const node = (op: string, name: string, inputs: string[], outputs: string[], attrs: Node['attrs'] = {}) => {
    g.nodes.push({ op, name, inputs, outputs, attrs, loc: [name] });
  };
  value('x', 8, -2000n, 2000n);
  g.inputs = ['x'];
  value('r', 4, -125n, 125n);
  node('Rescale', 'Rescale_0', ['x'], ['r'], { shift: { type: 'int', value: 4 } });
  value('m', 4, -125n, 0n);
  node('Clip', 'Clip_1', ['r'], ['m'], { low: { type: 'int', value: MIN }, high: { type: 'int', value: 0 } });
  if (add) {
    value('s', 4, -250n, 125n);
    node('Add', 'Add_2', ['r', 'm'], ['s']);
  }
  g.outputs = [add ? 's' : 'm'];
  g.metadata['fixed.frac'] = '4';
  return selectGadgets({ producer: 'onnx-zk-fxp', graph: g });
}

/** The circuit side, as the prover assigns it: each gadget's returned signals split over its `out` params in abi order. */
function witnessOutputs(g: Graph, input: bigint[]): bigint[] {
  const cs = new ConstraintSystem();
  const signals = new Map<string, Signal[]>([['x', input.map((v, i) => cs.newWire(v, `x[${i}]`))]]);
  for (const node of g.nodes) {
    const gadget = gadgets[node.attrs.gadget.value as string];
    const values = paramsFromNode(gadget, node, g);
    const params = gadget.abi.map((p, i): ParamValue => (p.kind === 'in' ? (signals.get(node.inputs[p.input]) as Signal[]) : values[i]));
    const produced = gadget.synthesize(cs, params, node.loc);
    let offset = 0;
    gadget.abi.forEach((p, i) => {
      if (p.kind !== 'out') return;
      const n = values[i] as number;
      if (n > 0) signals.set(node.outputs[p.output], produced.slice(offset, offset + n));
      offset += n;
    });
    expect(offset).toBe(produced.length);
  }
  const y = signals.get(g.outputs[0]) as Signal[];
  const r1cs = cs.finalize({ outputs: y, privateInputs: signals.get('x') as Signal[] });
  expect(checkR1cs(r1cs, r1cs.witness)).toBeNull();
  return y.map((s) => s.value);
}

const inputs = [[-2000n, 7n, 2000n], [-9n, -8n, 8n], [1234n, -1234n, 0n]];

describe('zk.rescale_clip\'s optional q in the emitted module', () => {
  test('q present: the Rescale\'s output buffer is the call\'s third argument and Add reads it', () => {
    const file = accel(true);
    expect(file.graph.nodes.find((n) => n.op === 'RescaleClip')!.outputs).toEqual(['m', 'r']);
    const { ll } = emitModule(file);
    fileCheck(ll, `
      CHECK: call void @zk.rescale_clip(i64* %x, ${GEP(3, 'v.m')}, ${GEP(3, 'v.r')}, i64 3, i64 4, i64 ${MIN}, i64 0, ${GEP(3, 'lo.x.shr4')}, ${GEP(3, 'hi.x.shr4')})
      CHECK-NEXT: call void @zk.add(${GEP(3, 'v.r')}, ${GEP(3, 'v.m')}, i64* %s,
    `);
  });

  test('q absent: a null pointer', () => {
    const file = accel(false);
    expect(file.graph.nodes.find((n) => n.op === 'RescaleClip')!.outputs).toEqual(['m', '']);
    fileCheck(emitModule(file).ll, `
      CHECK: call void @zk.rescale_clip(i64* %x, i64* %m, i64* null, i64 3, i64 4,
    `);
  });

  test.each([['present', true], ['absent', false]])('q %s: lli-14 on the runtime module prints exactly the circuit witness outputs', (_q, add) => {
    const file = accel(add);
    const { ll } = emitModule(file, { runtime: true });
    for (const input of inputs) {
      const q = input.map(rescale);
      const m = q.map((v) => (v < 0n ? v : 0n));
      const expected = add ? q.map((v, i) => v + m[i]) : m;
      const r = runLli(ll, input.join(' '));
      expect(r.code).toBe(0);
      expect(integers(r.stdout)).toEqual(expected);
      expect(witnessOutputs(file.graph, input)).toEqual(expected);
    }
  });
});

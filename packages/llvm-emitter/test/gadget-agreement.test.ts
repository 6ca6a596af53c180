import { Graph, TirFile } from '@onnx-zk/tensor-ir';
import { checkR1cs, ConstraintSystem, gadgets, paramsFromNode, ParamValue, Signal } from '@onnx-zk/zk-accelerator-components';
import { emitModule } from '@onnx-zk/llvm-emitter';
import { integers, runLli } from './helpers/native';
import { INPUT_RANGE, smallAccelFile } from './helpers/small-graph';

/**
 * The native module and the circuit must agree bit for bit (docs/DESIGN.md "Exactness"). The
 * circuit side is computed here the way the prover assigns it: each node's gadget synthesizes
 * with the signals of its `in` params and paramsFromNode's values for the rest.
 */
function witnessOutputs(file: TirFile, input: bigint[]): bigint[] {
  const g: Graph = file.graph;
  const cs = new ConstraintSystem();
  const signals = new Map<string, Signal[]>([[g.inputs[0], input.map((v, i) => cs.newWire(v, `x[${i}]`))]]);
  for (const node of g.nodes) {
    const gadget = gadgets[node.attrs.gadget.value as string];
    const values = paramsFromNode(gadget, node, g);
    const params = gadget.abi.map((p, i): ParamValue => (p.kind === 'in' ? (signals.get(node.inputs[p.input]) as Signal[]) : values[i]));
    const outs = gadget.synthesize(cs, params, node.loc);
    if (node.outputs.length > 0) signals.set(node.outputs[0], outs);
  }
  const y = signals.get(g.outputs[0]) as Signal[];
  const r1cs = cs.finalize({ outputs: y, privateInputs: signals.get(g.inputs[0]) as Signal[] });
  expect(checkR1cs(r1cs, r1cs.witness)).toBeNull();
  return y.map((s) => s.value);
}

/** A seeded LCG so the cases are the same on every run. */
function randomInputs(count: number, seed = 7): bigint[][] {
  let s = seed;
  const next = () => { s = (s * 1103515245 + 12345) % 2 ** 31; return s; };
  const span = Number(INPUT_RANGE.hi - INPUT_RANGE.lo) + 1;
  return Array.from({ length: count }, () => Array.from({ length: 4 }, () => INPUT_RANGE.lo + BigInt(next() % span)));
}

test('lli-14 on the runtime module prints exactly the circuit witness outputs', () => {
  const file = smallAccelFile();
  const { ll } = emitModule(file, { runtime: true });
  const cases = [[-8n, -8n, -8n, -8n], [7n, 7n, 7n, 7n], [3n, -5n, 2n, 7n], ...randomInputs(8)];
  for (const input of cases) {
    const r = runLli(ll, input.join(' '));
    expect(r.code).toBe(0);
    expect(integers(r.stdout)).toEqual(witnessOutputs(file, input));
  }
});

import { OnnxZkError, OnnxZkErrorList } from '@onnx-zk/tensor-ir';
import { gadgets, GadgetDef } from '@onnx-zk/zk-accelerator-components';
import { emitModule, LlErrors } from '@onnx-zk/llvm-emitter';
import { planCalls } from '../src/plan';
import { asFixed, smallAccelFile } from './helpers/small-graph';

/** The user errors a call throws, flattened, as "code message" lines. */
function userErrors(fn: () => unknown): OnnxZkError[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof OnnxZkErrorList) return e.errors;
    if (e instanceof OnnxZkError) return [e];
    throw e;
  }
  throw new Error('expected a user error');
}

function setGadget(file: ReturnType<typeof smallAccelFile>, node: string, gadget: string) {
  const n = file.graph.nodes.find((x) => x.name === node);
  if (!n) throw new Error(node);
  n.attrs.gadget = { type: 'string', value: gadget };
}

test('LL001: a graph of another stage is refused before anything else', () => {
  const [e] = userErrors(() => emitModule(asFixed(smallAccelFile())));
  expect(e.code).toBe(LlErrors.NOT_ACCEL.code);
  expect(e.message).toContain('got a fixed graph (producer fixedpoint-lowering)');
});

test('LL002: every node bound to an unknown gadget is listed, with node name and op', () => {
  const file = smallAccelFile();
  setGadget(file, 'Gemm_0', 'matmul_v9');
  setGadget(file, 'Relu_4', 'lookup_relu');
  const errs = userErrors(() => emitModule(file));
  expect(errs.map((e) => e.code)).toEqual(['LL002', 'LL002']);
  expect(errs[0].message).toMatch(/^Gemm_0 \(Linear\): error LL002: .*gadget 'matmul_v9'; known gadgets: add, add_const, (\w+, )*copy/);
  expect(errs[1].message).toMatch(/^Relu_4 \(Relu\): error LL002: .*'lookup_relu'/);
});

test('LL006: a node lacking an operand its gadget abi names', () => {
  const copy = gadgets.copy;
  const table: Record<string, GadgetDef> = { ...gadgets, copy: { ...copy, abi: [...copy.abi, { kind: 'in', name: 'z', input: 1 }] } };
  const [e] = userErrors(() => emitModule(smallAccelFile(), { gadgets: table }));
  expect(e.message).toBe("Reshape_6 (Reshape): error LL006: node does not fit the abi of its gadget: gadget copy needs node input 1 for its abi parameter 'z'");
});

test('LL007: --runtime with a gadget that has no runtime definition names each node; without --runtime it emits', () => {
  const table: Record<string, GadgetDef> = { ...gadgets, copy_v2: { ...gadgets.copy, name: 'copy_v2' } };
  const file = smallAccelFile();
  setGadget(file, 'Reshape_6', 'copy_v2');
  const [e] = userErrors(() => emitModule(file, { gadgets: table, runtime: true }));
  expect(e.code).toBe('LL007');
  expect(e.message).toMatch(/^Reshape_6 \(Reshape\): error LL007: gadget has no native runtime definition: gadget copy_v2 \(fix: /);
  expect(emitModule(file, { gadgets: table }).ll).toContain('call void @zk.copy_v2(');
});

test('LL008: a graph output that no node computes', () => {
  const file = smallAccelFile();
  file.graph.outputs.push('x');
  const [e] = userErrors(() => emitModule(file));
  expect(e.message).toMatch(/^x \(output\): error LL008: graph output is not computed by any node/);
});

test('LL003: a value too large for a global', () => {
  const file = smallAccelFile();
  const y = file.graph.values.get('ad');
  if (!y) throw new Error('ad');
  y.shape = [2 ** 15, 2 ** 14]; // 2^29 elements; no data is allocated for a shape
  const errs = userErrors(() => planCalls(file.graph, gadgets));
  expect(errs.map((e) => `${e.site.node} ${e.code}`)).toContain('Add_5 LL003');
});

test('IR verification errors from tensor-ir come through unchanged', () => {
  const file = smallAccelFile();
  file.graph.nodes[1].inputs[0] = 'nowhere';
  const errs = userErrors(() => emitModule(file));
  expect(errs.some((e) => e.code.startsWith('IR'))).toBe(true);
});

import { assert } from '@onnx-zk/tensor-ir';
import { llvmStringBody } from './names';
import { CallPlan } from './plan';

/**
 * Adds the metadata of docs/architecture.md to the printed module: `!onnx.loc` and `!zk.node` on
 * every call in @circuit, and the named `!onnx_zk.signature`. llvm-bindings 0.4.2 has no MDString,
 * MDNode::get or setMetadata, so this is done on the text, which is then parsed back by LLVM.
 * The calls of @circuit are printed in emission order, one per plan; that is asserted.
 */
export function attachMetadata(text: string, plans: CallPlan[], signatureJson: string): string {
  const lines = text.split('\n');
  assert(!lines.some((l) => l.startsWith('!')), 'the IRBuilder module has no metadata of its own');
  const nodes: string[] = [];
  const mdString = (s: string) => `!"${llvmStringBody(s)}"`;
  const addNode = (items: string[]): string => {
    nodes.push(`!${nodes.length} = !{${items.join(', ')}}`);
    return `!${nodes.length - 1}`;
  };
  let next = 0;
  let inCircuit = false;
  const out = lines.map((line) => {
    if (line.startsWith('define ')) inCircuit = /@circuit\(/.test(line);
    if (!inCircuit || !/^\s+call void @"?zk\./.test(line)) return line;
    const plan = plans[next++];
    assert(plan, 'as many zk calls as planned nodes');
    const loc = plan.node.loc.length > 0 ? plan.node.loc : [plan.node.name];
    const locNode = addNode(loc.map(mdString));
    const strategy = plan.node.attrs.strategy;
    const zkNode = addNode([mdString(plan.node.name), mdString(strategy?.type === 'string' ? strategy.value : '')]);
    return `${line}, !onnx.loc ${locNode}, !zk.node ${zkNode}`;
  });
  assert(next === plans.length, `all ${plans.length} zk calls found in @circuit (found ${next})`);
  const signature = addNode([mdString(signatureJson)]);
  return [...out, `!onnx_zk.signature = !{${signature}}`, ...nodes, ''].join('\n');
}

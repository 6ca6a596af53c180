import { Attr, Node, Tensor, makeTensor, numel, onnxOps, raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { quantizeValues } from '../scheme/quantize-values';
import { FixedValue, LowerContext } from './context';
import { alignFrac } from './align-frac';
import { packValues } from './pack';
import { lowerByProbing } from './linear-probe';

/** Where the data of a data-movement op comes from: the operands that are moved, the rest are constants. */
export interface MovedOperands {
  /** Input positions whose elements are moved (Concat: all; otherwise the first). */
  data: number[];
  /** The op is affine in its data (Resize linear, cubic): when the codes show computed values, derive the coefficients by probing. */
  affine?: boolean;
  /** The pad value of a Pad node, replaced by a sentinel for the run (undefined: none). */
  fill?: { value: number; sentinel: (node: Node, inputs: (Tensor | undefined)[]) => { node: Node; inputs: (Tensor | undefined)[] } };
}

/**
 * Lowers an op that only moves data (Pad, Slice, Concat, Transpose, Resize nearest, Gather with
 * constant indices, ...) to IndexMap nodes by running the op's own float semantics once on element
 * codes: activation element i is the code i + 1, a fill value j the code −(j + 1). Each output
 * element's code names its source, so the index map comes from the one definition of the op.
 */
export function lowerDataMovement(node: Node, ctx: LowerContext, operands: MovedOperands): void {
  const site = ctx.siteOf(node);
  const codes = new Codes();
  if (operands.fill) codes.addFill([operands.fill.value]);
  const activations: FixedValue[] = [];
  let inputs = node.inputs.map((name, i): Tensor | undefined => {
    if (name === '') return undefined;
    const c = ctx.constant(name);
    if (!operands.data.includes(i)) {
      if (!c) raise(Errors.UNSUPPORTED_FORM, site, `input ${i} '${name}' must be a constant`);
      return c;
    }
    if (c) return makeTensor('float64', c.shape, codes.addFill(Array.from(c.data as ArrayLike<number>, Number)));
    const v = ctx.value(name, site);
    activations.push(v);
    return makeTensor('float64', v.shape, codes.addActivation(numel(v.shape)));
  });
  let runNode = node;
  if (operands.fill) ({ node: runNode, inputs } = operands.fill.sentinel(node, inputs));
  const outs = onnxOps[node.op].evalFloat!(runNode, inputs, ctx.source.opset);
  const moved = outs.every((t) => Array.from(t.data as ArrayLike<number>).every((c) => Number.isInteger(c) && c !== 0));
  if (!moved && operands.affine && activations.length === 1 && operands.data.length === 1) {
    return lowerByProbing(node, ctx, activations[0], node.inputs.slice(1).map((name) => (name === '' ? undefined : ctx.constant(name))));
  }
  const frac = Math.max(ctx.frac, ...activations.map((a) => a.frac));
  const aligned = activations.map((a) => alignFrac(ctx, node, a, frac));
  const sources = packSources(ctx, node, aligned);
  const fill = codes.fills.length ? ctx.addConstant(`${node.name}.fill`, [codes.fills.length], quantizeValues(codes.fills, frac, site, 'fill'), frac) : undefined;
  node.outputs.forEach((o, k) => {
    if (o === '') return;
    const map = Array.from(outs[k].data as ArrayLike<number>, (c, i) => {
      if (!Number.isInteger(c) || c === 0) raise(Errors.UNSUPPORTED_FORM, site, `output ${k} element ${i} is not a moved element (this form of ${node.op} computes values)`);
      return BigInt(c > 0 ? c - 1 : c);
    });
    const mapConst = ctx.addConstant(`${node.name}.map`, [...outs[k].shape], map, 0);
    const y = ctx.valueFor(o, frac, outs[k].shape);
    const ins = [sources[0]?.name ?? '', mapConst.name, fill?.name ?? '', sources[1]?.name ?? ''];
    if (!sources[0]) raise(Errors.UNSUPPORTED_FORM, site, 'no input is computed: the node should have been folded');
    while (ins[ins.length - 1] === '') ins.pop();
    ctx.emit({ op: 'IndexMap', name: node.name, inputs: ins, loc: ctx.locOf(node), outputs: [y] });
    ctx.bind(o, y);
  });
}

/** Element codes of one run; float64 keeps them exact far beyond any tensor size here. */
class Codes {
  readonly fills: number[] = [];
  private next = 1;

  addFill(values: number[]): number[] {
    const codes = values.map((_, j) => -(this.fills.length + j + 1));
    this.fills.push(...values);
    return codes;
  }

  addActivation(n: number): number[] {
    const codes = Array.from({ length: n }, (_, i) => this.next + i);
    this.next += n;
    return codes;
  }
}

/** At most two IndexMap sources: more activations (Concat of three or more) are packed in order first. */
function packSources(ctx: LowerContext, node: Node, values: FixedValue[]): FixedValue[] {
  return values.length <= 2 ? values : [packValues(ctx, node, values.slice(0, -1)), values[values.length - 1]];
}

/** Pad's fill: the constant_value input (opset ≥ 11) or the value attribute, replaced by the sentinel −1. */
export function padFill(node: Node, ctx: LowerContext, opset: number): MovedOperands['fill'] {
  const site = ctx.siteOf(node);
  let value = 0;
  if (opset >= 11) {
    const name = node.inputs[2] ?? '';
    const c = name === '' ? undefined : ctx.constant(name);
    if (name !== '' && !c) raise(Errors.UNSUPPORTED_FORM, site, `constant_value '${name}' must be a constant`);
    if (c) value = Number((c.data as ArrayLike<number>)[0]);
  } else {
    const a = node.attrs.value;
    if (a && a.type === 'float') value = a.value;
  }
  const sentinel = -1;
  return {
    value,
    sentinel: (n, inputs) => {
      if (opset >= 11) {
        const next = inputs.slice();
        while (next.length < 3) next.push(undefined);
        next[2] = makeTensor('float64', [], [sentinel]);
        return { node: { ...n, inputs: next.map((_, i) => n.inputs[i] ?? 'fill') }, inputs: next };
      }
      const attrs: Record<string, Attr> = { ...n.attrs, value: { type: 'float', value: sentinel } };
      return { node: { ...n, attrs }, inputs };
    },
  };
}

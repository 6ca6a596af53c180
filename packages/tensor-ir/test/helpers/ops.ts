import { Attr, DType, InferredType, Stage, Tensor, emptyGraph, inferContext, makeTensor, opsFor, tensorValues } from '@onnx-zk/tensor-ir';

export type Operand = { dtype: DType; shape: number[]; const?: Tensor; fixed?: { frac: number } } | undefined;

/** Runs an op's shape rule on operands given by type (optionally constant). */
export function inferOp(stage: Stage, op: string, operands: Operand[], attrs: Record<string, Attr> = {}, outputs = 1, opset = 13): InferredType[] {
  const g = emptyGraph('t', stage, opset);
  const inputs = operands.map((o, i) => {
    if (!o) return '';
    const name = `in${i}`;
    const n = o.shape.reduce((a, b) => a * b, 1);
    const fixed = o.fixed ? { frac: o.fixed.frac, lo: new BigInt64Array(n), hi: new BigInt64Array(n) } : undefined;
    g.values.set(name, { name, dtype: o.dtype, shape: o.shape, ...(fixed ? { fixed } : {}) });
    if (o.const) g.constants.set(name, o.const);
    else g.inputs.push(name);
    return name;
  });
  const node = { op, name: `${op}_0`, inputs, outputs: Array.from({ length: outputs }, (_, i) => `out${i}`), attrs, loc: [`${op}_0`] };
  return opsFor(stage)[op].infer(inferContext(g, node));
}

/** Runs an op's float semantics and returns [shape, values] of its first output. */
export function evalOp(op: string, inputs: (Tensor | undefined)[], attrs: Record<string, Attr> = {}, opset = 13): { shape: number[]; values: number[]; t: Tensor } {
  const node = { op, name: `${op}_0`, inputs: inputs.map((t, i) => (t ? `in${i}` : '')), outputs: ['out'], attrs, loc: [] };
  const [t] = opsFor('float')[op].evalFloat!(node, inputs, opset);
  return { shape: t.shape, values: tensorValues(t), t };
}

export const f32 = (shape: number[], data: number[]) => makeTensor('float32', shape, data);
export const i64 = (shape: number[], data: number[]) => makeTensor('int64', shape, data);
export const int = (value: number): Attr => ({ type: 'int', value });
export const float = (value: number): Attr => ({ type: 'float', value });
export const ints = (value: number[]): Attr => ({ type: 'ints', value });
export const string = (value: string): Attr => ({ type: 'string', value });
export const bool = (shape: number[], data: number[]) => makeTensor('bool', shape, data);

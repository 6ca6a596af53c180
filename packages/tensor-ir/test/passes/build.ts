import { Graph, Tensor, emptyGraph, inferShapes, makeTensor, printTir, runFloat, tensorValues } from '@onnx-zk/tensor-ir';
import { addConst, addInput, node } from '../helpers/graphs';

/** A float graph built op by op: `b.op('Mul', ['x', 'c'])` returns the new value's name. */
export class GraphBuilder {
  readonly g: Graph;
  private n = 0;
  constructor(opset = 13) {
    this.g = emptyGraph('t', 'float', opset);
  }
  input(name: string, shape: number[]): string {
    addInput(this.g, name, 'float32', shape);
    return name;
  }
  scalar(v: number): string {
    return this.const(makeTensor('float32', [], [v]));
  }
  const(t: Tensor, name = `c${this.n++}`): string {
    addConst(this.g, name, t);
    return name;
  }
  op(op: string, inputs: string[], attrs: Record<string, any> = {}, outputs = 1): string {
    const name = `${op}_${this.n++}`;
    const outs = Array.from({ length: outputs }, (_, i) => `${name}_out${i}`);
    this.g.nodes.push(node(op, name, inputs, outs, attrs));
    return outs[0];
  }
  /** Marks the graph output and types every value (unless the graph needs folding first). */
  output(value: string, infer = true): Graph {
    this.g.outputs.push(value);
    if (infer) inferShapes(this.g);
    return this.g;
  }
}

export const text = (g: Graph) => printTir({ producer: 'test', graph: g });

/** The graph's outputs on `inputs`, as plain numbers. */
export function outputsOf(g: Graph, inputs: Tensor[]): number[][] {
  const values = runFloat(g, inputs);
  return g.outputs.map((o) => tensorValues(values.get(o)!));
}

export function closeTo(a: number[][], b: number[][], tol = 1e-5): void {
  expect(a.length).toBe(b.length);
  a.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - b[i][j])).toBeLessThanOrEqual(tol * (1 + Math.abs(b[i][j])))));
}

export const seq = (shape: number[], f: (i: number) => number) => makeTensor('float32', shape, Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => f(i)));

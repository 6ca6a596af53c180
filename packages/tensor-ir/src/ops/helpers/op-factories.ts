/** Factories for the many ONNX ops that differ only in their scalar function. */
import { DType, Node } from '../../model';
import { isBigIntDType } from '../../tensor';
import { AttrSpec, OpDef } from '../types';
import { FLOAT_TYPES, NUMERIC_TYPES } from './checks';
import { evalBroadcastBinary, evalUnary, inferBroadcast, inferUnary } from './elementwise';
import { Scalar, mapTensor, zipMany, zipTensors } from './pointwise';

/** A unary op on float tensors: `make(node)` returns the float64 function (attributes read once). */
export function floatUnaryOp(op: string, make: (node: Node) => (v: number) => number, attrs: Record<string, AttrSpec> = {}): OpDef {
  return {
    op,
    inputs: [{ name: 'X' }],
    outputs: [{ name: 'Y' }],
    attrs,
    infer: (ctx) => inferUnary(ctx, FLOAT_TYPES),
    evalFloat: (node, [x]) => {
      const fn = make(node);
      return [evalUnary(x!, fn)];
    },
  };
}

/** A unary op on any numeric tensor: `fn` sees bigint elements for int64 and must return the same kind. */
export function numericUnaryOp(op: string, fn: (v: Scalar) => Scalar, allowed: readonly DType[] = NUMERIC_TYPES): OpDef {
  return {
    op,
    inputs: [{ name: 'X' }],
    outputs: [{ name: 'Y' }],
    attrs: {},
    infer: (ctx) => inferUnary(ctx, allowed),
    evalFloat: (_node, [x]) => [mapTensor(x!, fn)],
  };
}

export interface ArithFns {
  float: (a: number, b: number) => number;
  /** int64 and uint64 (the result is wrapped to 64 bits). */
  int64: (a: bigint, b: bigint) => bigint;
  /** int32/int16/int8 and uint32/uint16/uint8 (stored with C wrap-around); defaults to `float` truncated toward zero. */
  int?: (a: number, b: number) => number;
}

/** A broadcasting binary arithmetic op (Sub, Mul, Div): one dtype in and out. */
export function arithmeticOp(op: string, fns: ArithFns): OpDef {
  const int = fns.int ?? ((a: number, b: number) => Math.trunc(fns.float(a, b)));
  return {
    op,
    inputs: [{ name: 'A' }, { name: 'B' }],
    outputs: [{ name: 'C' }],
    attrs: {},
    infer: (ctx) => inferBroadcast(ctx, NUMERIC_TYPES),
    evalFloat: (node, [a, b]) => {
      if (isBigIntDType(a!.dtype)) return [zipTensors(node.op, a!, b!, (x, y) => fns.int64(x as bigint, y as bigint))];
      if (a!.dtype === 'float32' || a!.dtype === 'float64') return [evalBroadcastBinary(node.op, a!, b!, { float: fns.float })];
      return [zipTensors(node.op, a!, b!, (x, y) => int(x as number, y as number))];
    },
  };
}

/** A broadcasting comparison: inputs of one dtype, bool output. JS `<` & co compare bigints exactly. */
export function comparisonOp(op: string, fn: (a: Scalar, b: Scalar) => boolean, allowed: readonly DType[] = NUMERIC_TYPES): OpDef {
  return {
    op,
    inputs: [{ name: 'A' }, { name: 'B' }],
    outputs: [{ name: 'C' }],
    attrs: {},
    infer: (ctx) => inferBroadcast(ctx, allowed, 'bool'),
    evalFloat: (node, [a, b]) => [zipTensors(node.op, a!, b!, fn, 'bool')],
  };
}

/**
 * A variadic broadcasting op (Min, Max, Sum, Mean): `fold` combines the elements of every input
 * left to right (bigints for int64); `finish` post-processes the fold (Mean divides by the count).
 */
export function variadicOp(op: string, fold: (acc: Scalar, v: Scalar) => Scalar, allowed: readonly DType[], finish?: (acc: number, n: number) => number): OpDef {
  return {
    op,
    inputs: [{ name: 'data_0', variadic: true }],
    outputs: [{ name: 'result' }],
    attrs: {},
    infer: (ctx) => inferBroadcast(ctx, allowed),
    evalFloat: (node, ins) => {
      const ts = ins.map((t) => t!);
      return [zipMany(node.op, ts, (vs) => {
        let acc = vs[0];
        for (let j = 1; j < vs.length; j++) acc = fold(acc, vs[j]);
        return finish ? finish(acc as number, vs.length) : acc;
      })];
    },
  };
}

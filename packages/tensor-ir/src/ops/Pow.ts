import { OpDef } from './types';
import { NUMERIC_TYPES, NumericData, RunKernel, Scalar, broadcastBinaryInto, broadcastRunsInto, broadcastShapes, inputOfType, isNumberData, zipTensors } from './helpers';
import { makeTensor } from '../tensor';
import { isFloatDType } from '../tensor';

/**
 * ONNX Pow: Z = X ^ Y with broadcasting; Y may have another numeric dtype, Z has X's. An integer
 * X raised to a whole, non-negative Y is exact, wrapped to X's width like repeated C
 * multiplication; every other case computes Math.pow in float64 (an integer X truncates it).
 */
export const Pow: OpDef = {
  op: 'Pow',
  inputs: [{ name: 'X' }, { name: 'Y' }],
  outputs: [{ name: 'Z' }],
  attrs: {},
  infer(ctx) {
    const x = inputOfType(ctx, 0, NUMERIC_TYPES);
    const y = inputOfType(ctx, 1, NUMERIC_TYPES);
    if (ctx.opset < 12 && x.dtype !== y.dtype) ctx.fail(`X (${x.dtype}) and Y (${y.dtype}) must share a dtype before opset 12`);
    const shape = broadcastShapes(x.shape, y.shape) ?? ctx.fail(`shapes [${x.shape.join(',')}] and [${y.shape.join(',')}] do not broadcast`);
    return [{ dtype: x.dtype, shape }];
  },
  evalFloat(node, [x, y]) {
    if (isFloatDType(x!.dtype)) {
      const shape = broadcastShapes(x!.shape, y!.shape);
      const out = makeTensor(x!.dtype, shape ?? []);
      if (shape && isNumberData(out.data) && isNumberData(x!.data) && isNumberData(y!.data)) {
        const kernel = y!.data.length === 1 ? powKernel(x!.data, y!.data[0]) : undefined;
        if (kernel) broadcastRunsInto(out.data, shape, x!.data, x!.shape, y!.data, y!.shape, kernel);
        else broadcastBinaryInto(out.data, shape, x!.data, x!.shape, y!.data, y!.shape, Math.pow);
        return [out];
      }
      return [zipTensors(node.op, x!, y!, (a, b) => Math.pow(Number(a), Number(b)))];
    }
    return [zipTensors(node.op, x!, y!, intPow)];
  },
};

/**
 * Products for the exponents decomposed LayerNorm and GELU use. x² is one rounding of the exact
 * square, as Math.pow's is; x³ of a float32 x is exact until its last multiply (x² of a float32 fits
 * a float64), so it is the correctly rounded cube. Other cases use Math.pow.
 */
function powKernel(x: NumericData, e: number): RunKernel | undefined {
  if (e === 2) return (out, o, a, pa, sa, _b, _pb, _sb, len) => { for (let i = 0; i < len; i++) { const v = a[pa + i * sa]; out[o + i] = v * v; } };
  if (e === 3 && x instanceof Float32Array) return (out, o, a, pa, sa, _b, _pb, _sb, len) => { for (let i = 0; i < len; i++) { const v = a[pa + i * sa]; out[o + i] = v * v * v; } };
  return undefined;
}

/** base^exp for an integer base: exact modulo 2^64 (the store wraps further) for whole exp ≥ 0. */
function intPow(base: Scalar, exp: Scalar): Scalar {
  if (typeof exp === 'number' && (!Number.isInteger(exp) || exp < 0)) return Math.trunc(Math.pow(Number(base), exp));
  let e = BigInt(exp);
  if (e < 0n) return Math.trunc(Math.pow(Number(base), Number(e)));
  let b = BigInt.asUintN(64, BigInt(base));
  let r = 1n;
  while (e > 0n) {
    if (e & 1n) r = BigInt.asUintN(64, r * b);
    b = BigInt.asUintN(64, b * b);
    e >>= 1n;
  }
  return r;
}

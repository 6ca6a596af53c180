import { IrErrors, raise } from './errors';

/**
 * The one quantization of reals used by every stage: round half away from zero of x·2^frac.
 * Exact for any float64 x and any integer frac: x is decomposed into mantissa·2^exponent and the
 * scaling and rounding are done in BigInt arithmetic.
 */
export function quantize(x: number, frac: number): bigint {
  if (!Number.isFinite(x)) raise(IrErrors.BAD_TENSOR, {}, `cannot quantize ${x}`);
  if (!Number.isInteger(frac)) raise(IrErrors.BAD_TENSOR, {}, `frac must be an integer, got ${frac}`);
  if (x === 0) return 0n;
  const small = quantizeSmall(x, frac);
  if (small !== undefined) return BigInt(small);
  const { mantissa, exponent } = decompose(Math.abs(x));
  const e = exponent + frac;
  let magnitude: bigint;
  if (e >= 0) {
    magnitude = mantissa << BigInt(e);
  } else {
    const k = BigInt(-e);
    const q = mantissa >> k;
    const r = mantissa - (q << k);
    magnitude = 2n * r >= 1n << k ? q + 1n : q; // ties go up in magnitude, i.e. away from zero
  }
  return x < 0 ? -magnitude : magnitude;
}

/**
 * quantize(x, frac) as a number when |x·2^frac| < 2^53, else undefined (then only the BigInt path
 * is exact). x·2^frac is exact in float64 (a power-of-two scaling; an underflow only loses a value
 * far below 1/2, which rounds to 0 either way), and below 2^53 its integer part and fraction are
 * exact too, so rounding in float64 gives quantize's integer. For x finite, frac an integer.
 */
export function quantizeSmall(x: number, frac: number): number | undefined {
  if (frac < -1000 || frac > 1000) return undefined;
  const a = Math.abs(x * Math.pow(2, frac));
  if (!(a < 2 ** 53)) return undefined;
  const t = Math.floor(a);
  const m = a - t >= 0.5 ? t + 1 : t;
  return x < 0 ? -m || 0 : m;
}

/** The real value of a fixed-point integer: v / 2^frac. */
export function dequantize(v: bigint, frac: number): number {
  return Number(v) * Math.pow(2, -frac);
}

/** A positive finite float64 as mantissa·2^exponent with an integer mantissa. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

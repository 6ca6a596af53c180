/**
 * The slice of ffjavascript's BN254 curve (the one snarkjs runs on) that groth16-cr uses, typed.
 * `getCurveFromName('bn128')` returns the process-wide curve snarkjs also uses (kept in
 * globalThis.curve_bn128, with its worker threads); releaseSnarkjs (prove/snarkjs.ts) ends it.
 */

/** A point or field element as ffjavascript holds it (Montgomery-form bytes). */
export type Elem = Uint8Array;

export interface Group {
  g: Elem;
  zero: Elem;
  F: { n8: number };
  add(a: Elem, b: Elem): Elem;
  neg(a: Elem): Elem;
  eq(a: Elem, b: Elem): boolean;
  isZero(a: Elem): boolean;
  isValid(a: Elem): boolean;
  timesFr(a: Elem, s: Elem): Elem;
  timesScalar(a: Elem, s: bigint): Elem;
  toAffine(a: Elem): Elem;
  fromObject(o: bigint[]): Elem;
  toObject(a: Elem): bigint[];
  fromRprLEM(buf: Uint8Array, offset?: number): Elem;
  toRprLEM(buf: Uint8Array, offset: number, a: Elem): void;
  /** Σ s_i·P_i for LEM affine points and 32-byte little-endian (standard form) scalars. */
  multiExpAffine(points: Uint8Array, scalars: Uint8Array): Promise<Elem>;
  /** P_i·first·inc^i for LEM affine points, as LEM affine points. */
  batchApplyKey(points: Uint8Array, first: Elem, inc: Elem): Promise<Uint8Array>;
}

export interface Curve {
  G1: Group;
  G2: Group;
  Fr: { e(v: bigint): Elem; one: Elem };
  /** True when the product of the pairings e(P_i, Q_i) is one. */
  pairingEq(...points: Elem[]): Promise<boolean>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ffjavascript = require('ffjavascript') as { getCurveFromName(name: string): Promise<Curve> };

export function bn128(): Promise<Curve> {
  return ffjavascript.getCurveFromName('bn128');
}

/** A point as snarkjs writes it in JSON: decimal affine coordinates, then "1" (G2: pairs). */
export function g1Json(curve: Curve, p: Elem): string[] {
  return curve.G1.toObject(curve.G1.toAffine(p)).map(String);
}

export function g2Json(curve: Curve, p: Elem): string[][] {
  return (curve.G2.toObject(curve.G2.toAffine(p)) as unknown as bigint[][]).map((c) => c.map(String));
}

/**
 * The slice of ffjavascript 0.3 (the BN254 library snarkjs runs on) that the development setup
 * uses, typed, plus the curve constants. We build ffjavascript's single-threaded curve: it owns no
 * worker threads (nothing to terminate, no contention with snarkjs's shared curve) and it keeps
 * the wasm code, which our own fixed-base workers instantiate.
 */
import { assert } from '@onnx-zk/tensor-ir';

/** A curve point or field element as ffjavascript represents it (Montgomery-form bytes). */
export type Elem = Uint8Array;

export interface Rng {
  nextU32(): number;
}

export interface CurveGroup {
  g: Elem;
  toAffine(p: Elem): Elem;
  timesFr(p: Elem, s: Elem): Elem;
  fromRng(rng: Rng): Elem;
  eq(a: Elem, b: Elem): boolean;
  toRprLEM(buf: Uint8Array, offset: number, p: Elem): void;
  fromRprLEM(buf: Uint8Array, offset?: number): Elem;
  toRprUncompressed(buf: Uint8Array, offset: number, p: Elem): void;
}

export interface Bn254Curve {
  G1: CurveGroup;
  G2: CurveGroup;
  Fr: { w: Elem[]; s: number; e(v: bigint): Elem; toObject(e: Elem): bigint };
  q: bigint;
  r: bigint;
  tm: { code?: Uint8Array };
}

interface FfJavascript {
  buildBn128(singleThread?: boolean): Promise<Bn254Curve>;
  ChaCha: new (seed: number[]) => Rng;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ffjavascript = require('ffjavascript') as FfJavascript;

/** BN254 scalar field order r (snarkjs's Fr). */
export const R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
/** BN254 base field order q (written in the ptau header). */
export const Q = 21888242871839275222246405745257275088696311157297823662689037894645226208583n;

/** Byte sizes of the encodings ptau files use. */
export const POINT_BYTES = { G1: 64, G2: 128 } as const;
export type Group = keyof typeof POINT_BYTES;

export interface Bn254 {
  curve: Bn254Curve;
  /** The wasm module ffjavascript compiled for BN254 (what its worker threads run). */
  wasmCode: Uint8Array;
}

let loading: Promise<Bn254> | undefined;

export function loadBn254(): Promise<Bn254> {
  loading ??= ffjavascript.buildBn128(true).then((curve) => {
    assert(curve.r === R && curve.q === Q, 'ffjavascript bn128 is not BN254');
    assert(curve.tm.code instanceof Uint8Array, 'ffjavascript single-thread curve keeps no wasm code');
    return { curve, wasmCode: curve.tm.code };
  });
  return loading;
}

/** The affine LEM encoding of a group's generator. */
export function generatorLem(curve: Bn254Curve, group: Group): Uint8Array {
  const out = new Uint8Array(POINT_BYTES[group]);
  curve[group].toRprLEM(out, 0, curve[group].g);
  return out;
}
